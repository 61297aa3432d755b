#!/bin/bash
# plot.sh - draw the plots of a run: for each <bench>.json in the run that
# has a plots/<bench>.gp, flatten the JSON to TSV (jq) and run gnuplot.
#
# Usage: scripts/plot.sh RUN_DIR [BENCH...]
# Env:   PLOT_TERM=png,svg (default; files in RUN_DIR/plots/) or dumb (the
#        terminal, for a classroom or an SSH session).
#
# A .gp script names the counters it needs on a line "# counters: a,b,c".
set -euo pipefail

run=${1:?usage: scripts/plot.sh RUN_DIR [BENCH...]}
shift
here=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$run" ] || { echo "plot: no run directory '$run'" >&2; exit 1; }
run=$(cd "$run" && pwd -P)   # gnuplot runs from plots/; latest is resolved
terms=${PLOT_TERM:-png,svg}

benches=("$@")
if [ ${#benches[@]} -eq 0 ]; then
    for json in "$run"/*.json; do
        [ -e "$json" ] && benches+=("$(basename "$json" .json)")
    done
fi
[ ${#benches[@]} -gt 0 ] || { echo "plot: no results in $run" >&2; exit 1; }

# Cache size in bytes at a level, from Google Benchmark's context; 0 if absent.
cache_size() {
    jq -r --argjson level "$1" \
        '[.context.caches[]? | select(.level == $level and .type != "Instruction") | .size][0] // 0' "$2"
}

# gnuplot string literal content: no quotes or backslashes.
clean() { printf '%s' "$1" | tr -d "'\"\\\\"; }

mkdir -p "$run/data" "$run/plots"
status=0
for b in "${benches[@]}"; do
    json=$run/$b.json gp=$here/plots/$b.gp
    [ -f "$json" ] || { echo "plot: $json not found" >&2; status=1; continue; }
    [ -f "$gp" ] || { echo "plot: no plot script plots/$b.gp; skipping $b" >&2; continue; }
    counters=$(sed -n 's/^# counters: *//p' "$gp" | head -n 1)
    tsv=$run/data/$b.tsv
    jq -r --arg counters "$counters" --arg output rows -f "$here/plots/flatten.jq" "$json" > "$tsv.tmp"
    mv -f "$tsv.tmp" "$tsv"
    # The largest case of each variant, one row each (for bar charts).
    largest=$run/data/${b}_largest.tsv
    awk -F'\t' 'NR == 1 { print; next }
                 NF == 0 { if (last != "") print last; last = ""; next }
                 { last = $0 }
                 END { if (last != "") print last }' "$tsv" > "$largest"
    variants=$(jq -r --arg counters "" --arg output variants -f "$here/plots/flatten.jq" "$json")
    [ -n "$variants" ] || { echo "plot: $b has no successful cases" >&2; status=1; continue; }
    machine=$(clean "$(jq -r '"\(.context.host_name), \(.context.num_cpus) CPUs, \(.context.mode // "?") run, \(.context.compiler // "?" | split(" ") | .[0:3] | join(" ")), \(.context.date[0:16])"' "$json")")
    for term in ${terms//,/ }; do
        gnuplot -e "term='$term'; datafile='$tsv'; largestfile='$largest'; outdir='$run/plots'; \
variants='$variants'; machine='$machine'; \
l1=$(cache_size 1 "$json"); l2=$(cache_size 2 "$json"); l3=$(cache_size 3 "$json")" \
            -e "cd '$here/plots'" "$gp" || status=1
    done
    [ "$terms" = dumb ] || echo "plot: $b -> $run/plots/$b*.{${terms}}" >&2
done
exit $status
