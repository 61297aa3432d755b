#!/bin/bash
# library-flags.sh - every bench program refuses, with exit status 2 and a
# message naming the flag, the Google Benchmark flags it would otherwise
# abort on (--benchmark_repetitions=-1: exit 134) or run nothing with
# (=0, a filter that does not compile: exit 0), and a seed of ' -1'; and
# stream, killed by SIGABRT mid-run, leaves no scratch file behind.
#
# Usage: tests/cli/library-flags.sh [BIN_DIR]   (default build/bin; make test-cli)
# Prints one line per check; exits 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh
bin=${1:-build/bin}

cli_begin library-flags

benches=$(ls benches/*.c | xargs -n 1 basename | sed 's/\.c$//')
for b in $benches; do
    prog=$bin/$b
    [ -x "$prog" ] || { fail "$b: $prog is not built"; continue; }
    bad=0 why=""
    for arg in --benchmark_repetitions=-1 --benchmark_repetitions=0 "--benchmark_filter=aos/(" \
               --benchmark_format=xml --benchmark_min_time=-1 "--seed= -1"; do
        flag=${arg%%=*}
        TMPDIR=$tmp timeout 20 "$prog" --max-ws=64K "$arg" >/dev/null 2>"$tmp/err"
        status=$?
        if [ $status -ne 2 ] || ! grep -q -- "^$b: $flag wants" "$tmp/err"; then
            bad=$((bad + 1)) why="$why [$arg: exit $status, $(head -n 1 "$tmp/err")]"
        fi
    done
    if [ $bad -eq 0 ]; then
        pass "$b: repetitions -1 and 0, a bad filter, format, min time, seed ' -1' -> exit 2, flag named"
    else
        fail "$b:$why"
    fi
done
left=$(find "$tmp" -mindepth 1 -maxdepth 1 ! -name err | wc -l)
[ "$left" -eq 0 ] && pass "  ...no scratch file left in TMPDIR" || fail "  ...$left file(s) left in TMPDIR"

# stream writes its test files first (hundreds of MiB in a full run); an
# abort (a failed check in the library, a sanitizer) must remove them.
if [ -x "$bin/stream" ]; then
    mkdir -p "$tmp/scratch"
    TMPDIR=$tmp/scratch "$bin/stream" --quick >/dev/null 2>&1 &
    pid=$!
    for _ in $(seq 100); do
        [ -n "$(ls -A "$tmp/scratch")" ] && break
        sleep 0.05
    done
    seen=$(find "$tmp/scratch" -type f | wc -l)
    kill -ABRT "$pid" 2>/dev/null
    wait "$pid" 2>/dev/null   # no "Aborted" line from the shell
    status=$?
    left=$(find "$tmp/scratch" -mindepth 1 | wc -l)
    if [ "$status" -eq 134 ] && [ "$left" -eq 0 ]; then
        pass "stream killed by SIGABRT ($seen scratch file(s) seen) -> exit 134, scratch directory removed"
    else
        fail "stream killed by SIGABRT: exit $status, $left left: $(find "$tmp/scratch" -mindepth 1 | head -n 3)"
    fi
fi

cli_end library-flags
