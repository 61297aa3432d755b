#!/bin/bash
# compare.sh - compare two runs (two machines, compilers, allocators): the
# verdicts first (build/bin/claims_diff, from each run's report.json), then
# bench by bench the suite's own table (build/bin/compare: ratio of
# medians with a bootstrap interval, and a verdict per case) and Google
# Benchmark's compare.py where it is installed (Debian: libbenchmark-tools
# and python3-scipy).  Reads <bench>.json or <bench>.json.gz (the committed
# reference run).  Writes RESULTS_DIR/compare/<A>-vs-<B>.md and prints it.
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
work=$(mktemp -d)
trap 'rm -f "$out.tmp"; rm -rf "$work"' EXIT   # a failed step or write keeps no half table

# A bench's results file in a run: <bench>.json, else <bench>.json.gz (the
# committed reference is stored gzipped; build/bin/compare reads either).
result_of() { # run bench
    if [ -f "$1/$2.json" ]; then echo "$1/$2.json"
    elif [ -f "$1/$2.json.gz" ]; then echo "$1/$2.json.gz"
    fi
}
# The same file uncompressed, for compare.py, which reads only plain JSON.
plain() { # file side
    case $1 in
    *.gz) gzip -dc "$1" > "$work/$2.json" && echo "$work/$2.json" ;;
    *) echo "$1" ;;
    esac
}
{
    echo "# $name_b (B) against $name_a (A)"
    # The verdicts first, from each run's report.json (judged from its
    # results when it has none): which stayed, moved or flipped.
    if [ -x "$bin/claims_diff" ]; then
        echo
        echo "## Verdicts"
        echo
        "$bin/claims_diff" "$a" "$b"
    fi
    shopt -s nullglob
    any=0
    benches=$(for f in "$a"/*.json "$a"/*.json.gz; do
        f=$(basename "$f"); f=${f%.gz}; echo "${f%.json}"; done | sort -u)
    while IFS= read -r bench; do
        [ -n "$bench" ] || continue
        # The run's machine profile, load checks and verdicts are no bench's results.
        case $bench in machine | conditions | report) continue ;; esac
        ja=$(result_of "$a" "$bench") jb=$(result_of "$b" "$bench")
        [ -n "$jb" ] || { echo; echo "$bench: only in A"; continue; }
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
            "$py" "$gbcompare" --no-color --display_aggregates_only benchmarks \
                "$(plain "$ja" a)" "$(plain "$jb" b)" 2>&1 | grep -v '^$' || true
            echo '```'
        else
            echo
            echo "(Google Benchmark's compare.py is not installed: apt-get install libbenchmark-tools python3-scipy)"
        fi
    done <<< "$benches"
    [ "$any" = 1 ] || echo "No bench has results in both runs."
} > "$out.tmp"
mv -f "$out.tmp" "$out"
cat "$out"
echo "compare: written to $out" >&2
