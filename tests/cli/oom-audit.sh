#!/bin/bash
# oom-audit.sh - does every module of src/ that allocates through the
# allocator interface have a failure sweep in its tests?  A sweep is a
# test file (tests/*.c, tests/*/*.c) that includes the module's header and
# calls counting_fail_at (the SQLite way: fail request k, for every k
# until the operation succeeds; docs/quality.md), or, for a module whose
# one request goes to an allocator of its own, asks a size the system
# cannot give and says so ("oom-sweep:").  Each module's own test holds its
# sweep; this script checks that none is missing as modules are added.
#
# Usage: tests/cli/oom-audit.sh        (make oom-audit)
# Exit:  0 when every allocating module has a sweep, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/../.."

# Test files: tests/*.c and the support code they link (tests/threaded/
# runs the multi-threaded pipelines' sweeps).
test_files=$(ls tests/*.c tests/*/*.c 2>/dev/null)
missing=0
printf '%-28s %s\n' "module" "failure sweep in"
for c in $(grep -l -E 'alloc_bytes|alloc_array|ALLOC_NEW|ALLOC_ARRAY|->alloc\(|->resize\(' \
               $(find src -name '*.c' | sort) | grep -v -E '^src/alloc/(counting|libc)\.c$'); do
    # Its own header, or its experiment's umbrella header: layout.h
    # declares every layout kind of traverse, and test_layout sweeps them
    # all through it.
    inc=${c#src/}
    inc=${inc%.c}.h
    case $inc in
        traverse/*) dirinc=traverse/layout.h ;;
        *) dirinc=$(dirname "$inc")/$(basename "$(dirname "$inc")").h ;;
    esac
    # A sweep fails request k for every k (counting_fail_at); a module
    # that makes one request of the size it is asked, from an allocator of
    # its own, is swept by a size the system cannot give, in a test file
    # that says so ("oom-sweep:").
    tests=$(grep -l -E "#include \"(\.\./src/)?($inc|$dirinc)\"" $test_files 2>/dev/null |
            xargs -r grep -l -E 'counting_fail_at|oom-sweep:' | tr '\n' ' ')
    if [ -n "$tests" ]; then
        printf '%-28s %s\n' "$c" "$tests"
    else
        printf '%-28s %s\n' "$c" "MISSING (no test includes $inc and calls counting_fail_at)"
        missing=$((missing + 1))
    fi
done
if [ "$missing" -gt 0 ]; then
    echo "oom-audit: $missing allocating module(s) without a failure sweep" >&2
    exit 1
fi
echo "oom-audit: every allocating module has a failure sweep"
