#!/bin/bash
# compare.sh - compare two runs (two machines, compilers, allocators) bench
# by bench: Google Benchmark's compare.py where it is installed (Debian:
# libbenchmark-tools and python3-scipy), then the suite's own table
# (build/bin/compare: ratio of medians with a bootstrap interval, and a
# verdict per case).  Writes RESULTS_DIR/compare/<A>-vs-<B>.md and prints it.
#
# Usage: scripts/compare.sh BIN_DIR RESULTS_DIR RUN_A RUN_B
set -euo pipefail

bin=$1 results=$2 a=$3 b=$4
for r in "$a" "$b"; do
    [ -d "$r" ] || { echo "compare: no run directory '$r' (give A=results/<run> B=results/<run>)" >&2; exit 2; }
done
[ -x "$bin/compare" ] || { echo "compare: $bin/compare is not built" >&2; exit 1; }
# compare.py needs scipy, which the Debian python3 has once python3-scipy
# is installed; another python3 first in PATH (pyenv, a venv) may lack it.
py=""
for p in /usr/bin/python3 python3; do
    if command -v "$p" >/dev/null && "$p" -c 'import scipy, numpy' 2>/dev/null; then py=$p; break; fi
done
gbcompare=/usr/share/benchmark/compare.py

name_a=$(basename "$(cd "$a" && pwd -P)") name_b=$(basename "$(cd "$b" && pwd -P)")
mkdir -p "$results/compare"
out=$results/compare/$name_a-vs-$name_b.md
trap 'rm -f "$out.tmp"' EXIT   # a failed step or write keeps no half table
{
    echo "# $name_b (B) against $name_a (A)"
    shopt -s nullglob
    any=0
    for ja in "$a"/*.json; do
        bench=$(basename "$ja" .json)
        # The run's machine profile and load checks are no bench's results.
        case $bench in machine | conditions) continue ;; esac
        jb=$b/$bench.json
        [ -f "$jb" ] || { echo; echo "$bench: only in A"; continue; }
        any=1
        echo
        echo "## $bench"
        echo
        "$bin/compare" "$ja" "$jb"
        if [ -n "$py" ] && [ -f "$gbcompare" ]; then
            echo
            echo "Google Benchmark's compare.py (time columns: (B - A) / A; the U test"
            echo "needs 9 or more repetitions to be reliable, it says so below when not):"
            echo
            echo '```'
            "$py" "$gbcompare" --no-color --display_aggregates_only benchmarks "$ja" "$jb" 2>&1 | grep -v '^$' || true
            echo '```'
        else
            echo
            echo "(Google Benchmark's compare.py is not installed: apt-get install libbenchmark-tools python3-scipy)"
        fi
    done
    [ "$any" = 1 ] || echo "No bench has results in both runs."
} > "$out.tmp"
mv -f "$out.tmp" "$out"
cat "$out"
echo "compare: written to $out" >&2
