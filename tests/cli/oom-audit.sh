#!/bin/bash
# oom-audit.sh - does every module of src/ that allocates through the
# allocator interface have a failure sweep in its tests?  A sweep is a
# tests/*.c file that includes the module's header and calls
# counting_fail_at (the SQLite way: fail request k, for every k until the
# operation succeeds; docs/quality.md).  Each module's own test holds its
# sweep; this script checks that none is missing as modules are added.
#
# Usage: tests/cli/oom-audit.sh        (make oom-audit)
# Exit:  0 when every allocating module has a sweep, 1 otherwise.
set -uo pipefail
cd "$(dirname "$0")/../.."

missing=0
printf '%-28s %s\n' "module" "failure sweep in"
for c in $(grep -l -E 'alloc_bytes|alloc_array|ALLOC_NEW|ALLOC_ARRAY|->alloc\(|->resize\(' \
               src/*.c src/*/*.c | grep -v -E '^src/alloc/(counting|libc)\.c$'); do
    # Its own header, or its directory's (layout.h declares every layout
    # kind, and test_layout sweeps them all through it).
    inc=${c#src/}
    inc=${inc%.c}.h
    dirinc=$(dirname "$inc")/$(basename "$(dirname "$inc")").h
    tests=$(grep -l -E "#include \"(\.\./src/)?($inc|$dirinc)\"" tests/*.c 2>/dev/null |
            xargs -r grep -l 'counting_fail_at' | tr '\n' ' ')
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
