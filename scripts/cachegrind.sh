#!/bin/bash
# cachegrind.sh - simulated cache misses per element of a bench's cases,
# counting only the kernel: each case runs twice under valgrind's
# cachegrind, once with 1 pass over the data and once with 1 + PASSES, and
# the difference is divided by PASSES * elements.  Setup (generating,
# allocating, shuffling), the first pass (which may find the data still
# cached from setup) and the program's start and exit cancel out.
#
# Usage: scripts/cachegrind.sh BIN_DIR RESULTS_DIR BENCH "VARIANTS" "ELEMENTS"
#   The bench program must accept --child=VARIANT/ELEMENTS/PASSES (run one
#   case PASSES times without Google Benchmark's calibration).
# Env:   CG_D1, CG_LL  simulated caches as size,assoc,line (defaults below:
#        a typical 32 KiB 8-way L1d and 32 MiB 16-way last level; cachegrind's
#        own guess from CPUID is the host's whole L3 on a virtual machine)
#        CG_PASSES     passes counted (default 2)
#        PLOT_TERM     png,svg (default) or dumb
# Writes RESULTS_DIR/cachegrind/<UTC>-<host>-<bench>/{cachegrind.tsv,
# cachegrind.md, plots/}; RESULTS_DIR/cachegrind/latest points at it.
set -euo pipefail

bin=$1 results=$2 bench=$3 variants=$4 sizes=$5
[[ $bench =~ ^[a-z0-9_]+$ ]] || { echo "cachegrind: '$bench' is not a bench name" >&2; exit 2; }
here=$(cd "$(dirname "$0")/.." && pwd)
d1=${CG_D1:-32768,8,64}
ll=${CG_LL:-33554432,16,64}
passes=${CG_PASSES:-2}
prog=$bin/$bench
[ -x "$prog" ] || { echo "cachegrind: $prog is not built" >&2; exit 1; }
command -v valgrind >/dev/null || { echo "cachegrind: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }

mkdir -p "$results/cachegrind" 2>/dev/null || true
[ -w "$results/cachegrind" ] || { echo "cachegrind: cannot write to $results/cachegrind" >&2; exit 1; }
results=$(cd "$results" && pwd -P)   # gnuplot runs from plots/
out=$results/cachegrind/$(date -u +%Y%m%dT%H%M%SZ)-$(hostname -s 2>/dev/null || hostname)-$bench
mkdir "$out" || { echo "cachegrind: $out exists; not overwriting it" >&2; exit 1; }
tmp=$(mktemp -d /tmp/cachegrind.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# Every run must use the same program, or the subtraction mixes two
# builds: a copy is immune to a rebuild of build/bin during the runs.
cp "$prog" "$tmp/$bench"
prog=$tmp/$bench
trap 'echo "cachegrind: interrupted" >&2; rm -rf "$out"; exit 130' INT TERM

# Data reads, writes, D1 misses and LL (data) misses of one run, from the
# summary line of cachegrind's output (events: Ir I1mr ILmr Dr D1mr DLmr Dw
# D1mw DLmw).
counts() { # spec
    valgrind --tool=cachegrind --cache-sim=yes --I1=32768,8,64 --D1="$d1" --LL="$ll" \
        --cachegrind-out-file="$tmp/cg.out" --log-file="$tmp/cg.log" \
        "$prog" --child="$1" >/dev/null 2>"$tmp/err" ||
        { echo "cachegrind: $bench --child=$1 failed:" >&2; cat "$tmp/err" "$tmp/cg.log" >&2
          if grep -q "debuginfo reader" "$tmp/cg.log"; then
              # valgrind 3.19 (Debian 12) cannot read clang 14's DWARF 5.
              echo "cachegrind: valgrind cannot read this program's debug info; with clang, build" \
                   "with CFLAGS='-O2 -gdwarf-4' CXXFLAGS='-O2 -gdwarf-4'" >&2
          fi
          exit 1; }
    awk '/^summary:/ { print $5 + $8, $6 + $9, $7 + $10 }' "$tmp/cg.out"
}

# "32768,8,64" as "32 KiB 8-way, 64 B lines", for titles.
human() { awk -F, '{ s = $1; u = "B"; if (s >= 1048576 && s % 1048576 == 0) { s /= 1048576; u = "MiB" }
                     else if (s >= 1024 && s % 1024 == 0) { s /= 1024; u = "KiB" }
                     printf "%d %s %d-way, %d B lines", s, u, $2, $3 }' <<< "$1"; }

tsv=$out/cachegrind.tsv
printf '# variant\telements\tdata_refs_per_elem\td1_misses_per_elem\tll_misses_per_elem\n' > "$tsv"
start=$(date +%s)
for v in $variants; do
    for n in $sizes; do
        echo "cachegrind: $bench/$v/$n ..." >&2
        read -r r1 d1m1 llm1 < <(counts "$v/$n/1")
        read -r r2 d1m2 llm2 < <(counts "$v/$n/$((1 + passes))")
        awk -v v="$v" -v n="$n" -v p="$passes" -v r="$((r2 - r1))" -v d="$((d1m2 - d1m1))" -v l="$((llm2 - llm1))" \
            'BEGIN { e = n * p; printf "%s\t%d\t%.3f\t%.4f\t%.4f\n", v, n, r / e, d / e, l / e }' >> "$tsv"
    done
    printf '\n\n' >> "$tsv"   # one block per variant: gnuplot's "index"
done

# The same figures as a Markdown table, one row per variant, one column
# pair per size.
{
    echo "# Simulated cache misses per element: $bench"
    echo
    echo "SIMULATED by valgrind's cachegrind, not measured on hardware: D1 $(human "$d1"),"
    echo "LL $(human "$ll").  Only the kernel is counted:"
    echo "(run with $((1 + passes)) passes) - (run with 1 pass), divided by $passes passes x elements."
    echo "Program: $bin/$bench, revision $(git -C "$here" rev-parse --short HEAD 2>/dev/null || echo unknown), $(date -u +%Y-%m-%dT%H:%MZ)."
    echo
    awk -F'\t' -v sizes="$sizes" '
        NR == 1 || NF == 0 { next }
        { key = $1 SUBSEP $2; d1[key] = $4; ll[key] = $5; r[key] = $3
          if (!($1 in seen)) { seen[$1] = 1; order[++nv] = $1 } }
        END {
            ns = split(sizes, s, " ")
            printf "| variant |"; for (i = 1; i <= ns; i++) printf " D1 @ %s | LL @ %s |", s[i], s[i]; print ""
            printf "|---|";       for (i = 1; i <= ns; i++) printf "---:|---:|"; print ""
            for (j = 1; j <= nv; j++) {
                printf "| %s |", order[j]
                for (i = 1; i <= ns; i++) { key = order[j] SUBSEP s[i]; printf " %s | %s |", d1[key], ll[key] }
                print ""
            }
        }' "$tsv"
    echo
    echo "Columns: misses per element (per record visited) at ELEMENTS records; data"
    echo "references per element are in cachegrind.tsv."
} > "$out/cachegrind.md"

# gnuplot reads its inputs as data, from files in a directory of its own
# (plots/draw.gp): no path or name is pasted into its program text.
mkdir -p "$out/plots" "$tmp/plot"
cp "$tsv" "$tmp/plot/data.tsv"
printf '%s\n' $variants > "$tmp/plot/variants.txt"
echo "D1 $(human "$d1"); LL $(human "$ll")" > "$tmp/plot/machine.txt"
terms=${PLOT_TERM:-png,svg}
for term in ${terms//,/ }; do
    [[ $term =~ ^(png|svg|dumb)$ ]] || { echo "cachegrind: PLOT_TERM wants png, svg or dumb, not '$term'" >&2; exit 2; }
    (cd "$tmp/plot" && GNUPLOT_LIB="$here/plots" gnuplot -c "$here/plots/draw.gp" cachegrind.gp "$term" 0 0 0 "$bench") ||
        { echo "cachegrind: gnuplot failed ($term)" >&2; exit 1; }
done
for f in "$tmp"/plot/*.png "$tmp"/plot/*.svg; do
    [ -e "$f" ] && { mv -f "$f" "$out/plots/" || exit 1; }
done
ln -sfn "$(basename "$out")" "$results/cachegrind/latest.tmp"
mv -Tf "$results/cachegrind/latest.tmp" "$results/cachegrind/latest"
cat "$out/cachegrind.md"
echo "cachegrind: took $(( $(date +%s) - start )) s; table and plots in $out" >&2
