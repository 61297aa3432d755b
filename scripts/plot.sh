#!/bin/bash
# plot.sh - draw the plots of a run: for each <bench>.json (or .json.gz, as
# results/reference keeps them) in the run that
# has a plots/<bench>.gp, flatten the JSON to TSV (jq) and run gnuplot.
#
# Usage: scripts/plot.sh RUN_DIR [BENCH...]
# Env:   PLOT_TERM=png,svg (default; files in RUN_DIR/plots/) or dumb (the
#        terminal, for a classroom or an SSH session).
# Exit:  0 when every bench was drawn; 1 when one was not (no results, no
#        successful case, a failed write: a full disk); 2 for bad usage.
#
# A .gp script names the counters it needs on a line "# counters: a,b,c".
#
# A results file may come from anyone, so nothing read from it becomes
# program text: gnuplot gets the names and the machine as files it reads
# as data and the cache sizes as arguments checked to be digits: the
# levels the run measured (RUN_DIR/machine.json) and, faint beside them,
# the sizes the system reported (none when the run ignored them)
# (plots/draw.gp), and runs in a private directory, so no path reaches
# it either.  Each bench is drawn there first; its data and plots are
# checked (every write, each PNG and SVG complete) and only then moved
# into RUN_DIR, so a failure (a full disk) keeps nothing half written.
# Repetitions that ran while the host was slow are left out as the report
# leaves them out (below).
set -euo pipefail

if [ "${1:-}" = --help ] || [ "${1:-}" = -h ]; then
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"
    exit 0
fi
run=${1:?usage: scripts/plot.sh RUN_DIR [BENCH...]}
shift
here=$(cd "$(dirname "$0")/.." && pwd)
[ -d "$run" ] || { echo "plot: no run directory '$run'" >&2; exit 1; }
run=$(cd "$run" && pwd -P)   # latest is resolved
terms=${PLOT_TERM:-png,svg}
for term in ${terms//,/ }; do
    [[ $term =~ ^(png|svg|dumb)$ ]] ||
        { echo "plot: PLOT_TERM wants png, svg or dumb (comma-separated), not '$term'" >&2; exit 2; }
done

benches=("$@")
if [ ${#benches[@]} -eq 0 ]; then
    # A committed run (results/reference) keeps its JSON gzipped.
    for json in "$run"/*.json "$run"/*.json.gz; do
        [ -e "$json" ] || continue
        b=$(basename "$(basename "$json" .gz)" .json)
        # machine.json and conditions.json describe the run: no bench.
        case $b in machine | conditions | report) continue ;; esac
        [[ " ${benches[*]} " == *" $b "* ]] || benches+=("$b")
    done
fi
[ ${#benches[@]} -gt 0 ] || { echo "plot: no results in $run" >&2; exit 1; }

# The repetitions that ran while the host was slow are left out of the
# plots as the report leaves them out of its figures.
slow_limit=$("$here/scripts/slow-limit.sh" "$run/machine.json" "$run"/*.json "$run"/*.json.gz)

# A private directory on the run's file system: the finished files are
# renamed into place, which needs no room, so what lands is whole.
work=$(mktemp -d "$run/.plot.XXXXXX") || { echo "plot: cannot write in $run" >&2; exit 1; }
trap 'rm -rf "$work"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Cache size in bytes at a level, from Google Benchmark's context; 0 if
# absent or not a plain number.
cache_size() {
    local size
    size=$(jq -r --argjson level "$1" \
        '[.context.caches[]? | select(.level == $level and .type != "Instruction") | .size][0] // 0' "$2") || size=0
    [[ $size =~ ^[0-9]{1,15}$ ]] && echo "$size" || echo 0
}

# The size of measured cache level N (1-based) in machine.json; 0 when the
# run has no profile or that level was not found.
measured_size() {
    local size
    size=$(jq -r --argjson k "$1" '.measured.levels[$k - 1].bytes // 0' "$2" 2>/dev/null) || size=0
    [[ $size =~ ^[0-9]{1,15}$ ]] && echo "$size" || echo 0
}

# True when a plot file was written to its end: a PNG ends with its IEND
# chunk, an SVG with its closing tag.  A write cut short (a full disk)
# leaves neither, and gnuplot exits 0 all the same.
complete() {
    case $1 in
        *.png) [ "$(tail -c 8 "$1" | od -An -tx1 | tr -d ' \n')" = 49454e44ae426082 ] ;;
        *.svg) tail -c 64 "$1" | grep -q '</svg>' ;;
        *) return 1 ;;
    esac
}

# draw BENCH: flattens and draws one bench in $work/BENCH; returns 1 (with
# a message) when any step fails.
draw() {
    local b=$1 json=$run/$1.json gp=$here/plots/$1.gp d=$work/$1 counters leave_out term f n l1 l2 l3 r1 r2 r3 machine
    mkdir "$d" || return 1
    if [ ! -f "$json" ] && [ -f "$json.gz" ]; then
        gzip -dc "$json.gz" > "$d/$b.json" || { echo "plot: cannot unpack $json.gz" >&2; return 1; }
        json=$d/$b.json
    fi
    [ -f "$json" ] || { echo "plot: $json not found" >&2; return 1; }
    counters=$(sed -n 's/^# counters: *//p' "$gp" | head -n 1)
    leave_out=$(sed -n 's/^# leave out: *//p' "$gp" | head -n 1)
    jq -r --arg counters "$counters" --arg output rows --argjson slow_limit "$slow_limit" \
        --arg leave_out "$leave_out" \
        -f "$here/plots/flatten.jq" "$json" > "$d/data.tsv" ||
        { echo "plot: $b: cannot flatten $json to TSV" >&2; return 1; }
    # The largest case of each variant, one row each (for bar charts).
    awk -F'\t' 'NR == 1 { print; next }
                 NF == 0 { if (last != "") print last; last = ""; next }
                 { last = $0 }
                 END { if (last != "") print last }' "$d/data.tsv" > "$d/largest.tsv" || return 1
    jq -r --arg counters "" --arg output variants --arg leave_out "$leave_out" \
        -f "$here/plots/flatten.jq" "$json" > "$d/variants.txt" || return 1
    [ -s "$d/variants.txt" ] || { echo "plot: $b has no successful cases" >&2; return 1; }
    # One line of text; gnuplot reads it as data.
    jq -r '"\(.context.host_name), \(.context.num_cpus) CPUs, \(.context.mode // "?") run, \(.context.compiler // "?" | tostring | split(" ") | .[0:3] | join(" ")), \(.context.date // "?" | tostring | .[0:16])"
           | gsub("[[:cntrl:]]"; " ")' "$json" > "$d/machine.txt" || return 1
    l1=0 l2=0 l3=0 machine=$run/machine.json
    if [ ! -f "$machine" ] && [ -f "$machine.gz" ]; then
        gzip -dc "$machine.gz" > "$d/machine.json" && machine=$d/machine.json
    fi
    if [ -f "$machine" ]; then
        l1=$(measured_size 1 "$machine") l2=$(measured_size 2 "$machine")
        l3=$(measured_size 3 "$machine")
    fi
    # Reported sizes, unless the run was told to ignore them.
    r1=0 r2=0 r3=0
    if [ "$(jq -r '.context.ignore_reported // "false"' "$json" 2>/dev/null)" != true ]; then
        r1=$(cache_size 1 "$json") r2=$(cache_size 2 "$json") r3=$(cache_size 3 "$json")
    fi
    for term in ${terms//,/ }; do
        (cd "$d" && GNUPLOT_LIB="$here/plots" gnuplot -c "$here/plots/draw.gp" "$b.gp" "$term" \
            "$l1" "$l2" "$l3" "$b" "$r1" "$r2" "$r3") ||
            { echo "plot: $b: gnuplot failed ($term)" >&2; return 1; }
    done
    n=0
    for f in "$d"/*.png "$d"/*.svg; do
        [ -e "$f" ] || continue
        complete "$f" || { echo "plot: $b: $(basename "$f") was cut short (is the disk full?); nothing kept" >&2; return 1; }
        n=$((n + 1))
    done
    [ "$terms" = dumb ] || [ "$n" -gt 0 ] || { echo "plot: $b: gnuplot wrote no plot" >&2; return 1; }
}

# keep BENCH: moves what draw made into RUN_DIR/data and RUN_DIR/plots.
keep() {
    local b=$1 d=$work/$1 f
    mkdir -p "$run/data" "$run/plots" || return 1
    mv -f "$d/data.tsv" "$run/data/$b.tsv" && mv -f "$d/largest.tsv" "$run/data/${b}_largest.tsv" || return 1
    for f in "$d"/*.png "$d"/*.svg; do
        [ -e "$f" ] || continue
        mv -f "$f" "$run/plots/" || return 1
    done
}

# Benches are drawn side by side, one per CPU (each in its own $work/BENCH,
# from files it only reads), and kept in order: what a bench prints, and
# whether it is kept, reads as if they had been drawn one after another.
# The terminal's plots are drawn one at a time, so they do not interleave.
max_jobs=$(nproc 2>/dev/null || echo 1)
[ "$terms" != dumb ] || max_jobs=1
declare -A drawing=()
todo=()
status=0
for b in "${benches[@]}"; do
    [[ $b =~ ^[A-Za-z0-9_-]+$ ]] || { echo "plot: '$b' is not a bench name; skipping it" >&2; status=1; continue; }
    [ -f "$here/plots/$b.gp" ] || { echo "plot: no plot script plots/$b.gp; skipping $b" >&2; continue; }
    todo+=("$b")
done

[ ${#todo[@]} -gt 1 ] || max_jobs=1
# What each drawing says waits in a directory of its own, off the run's
# file system: a full disk there must not swallow the message saying so.
if [ "$max_jobs" -gt 1 ]; then
    logs=$(mktemp -d) || { echo "plot: cannot make a temporary directory" >&2; exit 1; }
    trap 'rm -rf "$work" "$logs"' EXIT
fi

# finish BENCH: waits for its drawing, shows what it said, keeps it.
finish() {
    local b=$1 drawn=0
    if [ "$max_jobs" -gt 1 ]; then
        wait "${drawing[$b]}" && drawn=1
        cat "$logs/$b" >&2
    else
        draw "$b" && drawn=1
    fi
    if [ "$drawn" = 1 ] && keep "$b"; then
        [ "$terms" = dumb ] || echo "plot: $b -> $run/plots/$b*.{${terms}}" >&2
    else
        echo "plot: $b: not drawn; earlier plots of this run are as they were" >&2
        status=1
    fi
    rm -rf "${work:?}/$b"
}

next=0
for ((i = 0; i < ${#todo[@]}; i++)); do
    if [ "$max_jobs" -gt 1 ]; then
        { draw "${todo[$i]}" || exit 1; } > "$logs/${todo[$i]}" 2>&1 &
        drawing[${todo[$i]}]=$!
        [ $((i - next + 1)) -lt "$max_jobs" ] || { finish "${todo[$next]}"; next=$((next + 1)); }
    fi
done
for ((; next < ${#todo[@]}; next++)); do
    finish "${todo[$next]}"
done
exit $status
