#!/bin/bash
# run.sh - one classroom demonstration: ask, measure a few cases of a bench
# program now, show a table, a terminal plot and a takeaway computed from
# the figures just measured.
#
# Usage: tools/demo/run.sh TOPIC       run the demo (make demo-TOPIC)
#        tools/demo/run.sh --list      one line per demo (make demo)
#        tools/demo/run.sh --bench TOPIC   the bench program TOPIC runs
# Env:   DEMO_QUICK=1   a few seconds per demo (smallest sizes, one
#                       repetition): for the tests, not for the figures
#        DEMO_BIN=dir   where the bench programs are (default build/bin)
#        DEMO_COLOR=0|1 colours in the plot (default: when stdout is a tty)
#        DEMO_GNUPLOT=cmd  the gnuplot to draw with (default gnuplot); the
#                       demo runs without one, minus the plot
#        MEMLAYOUT_PROFILE=machine.json  the measured machine to use; unset,
#                       the demo measures it first (build/bin/calibrate, a
#                       few seconds; not with DEMO_QUICK=1), so its sizes
#                       and the levels it names are this machine's
#
# Each topic is a pair of files in tools/demo/topics/: TOPIC.sh (the
# question, which cases, which figure: only the settings where it differs
# from the defaults in tools/demo/topic.sh) and TOPIC.jq (the takeaway,
# from the rows lib.jq makes of the JSON).  A topic is named after its
# experiment, whose bench program it runs: X, or X-what when one
# experiment has several demos (stride-latency, alloc-arena), so that
# make demo lists an experiment's demos together.  A demo whose bench
# program does not exist yet says so and exits 0.  The JSON goes to a
# temporary directory, removed on exit, even on Ctrl-C.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
# topics, load_topic and the documented defaults of every setting.
# shellcheck source=tools/demo/topic.sh
source "$here/topic.sh"

usage() { echo "usage: tools/demo/run.sh TOPIC | --list | --bench TOPIC" >&2; exit 2; }

case ${1:-} in
    --list)
        echo "Demonstrations (each under a minute; DEMO_QUICK=1 for a few seconds):"
        for t in $(topics); do
            load_topic "$t"
            printf '  make demo-%-15s %s\n' "$t" "$DEMO_SUMMARY"
        done
        echo "Lessons to go with them: docs/lessons/<topic>.md; a class plan: docs/teaching.md"
        exit 0 ;;
    --bench)
        [ $# -eq 2 ] || usage
        load_topic "$2"; echo "$DEMO_BENCH"; exit 0 ;;
    ''|-*) usage ;;
esac
[ $# -eq 1 ] || usage
topic=$1
load_topic "$topic"
command -v jq >/dev/null || { echo "demo: needs jq (make deps installs it)" >&2; exit 1; }

bin=${DEMO_BIN:-$root/build/bin}/$DEMO_BENCH
rule() { printf '%s\n' "------------------------------------------------------------------------"; }

rule
echo "Demo: $topic - $DEMO_SUMMARY"
rule
echo "Question: $DEMO_QUESTION"
echo
echo "Predict before you look: $DEMO_PREDICT"
echo

if [ ! -x "$bin" ]; then
    if [ -f "$root/benches/$DEMO_BENCH.c" ]; then
        echo "The $DEMO_BENCH program is not built yet: run make demo-$topic (it builds it)."
    else
        echo "The $DEMO_BENCH experiment has not landed yet (no benches/$DEMO_BENCH.c),"
        echo "so there is nothing to measure. Read docs/lessons/$topic.md meanwhile."
    fi
    echo "Not landed yet: demo-$topic skipped."
    exit 0
fi

quick=${DEMO_QUICK:-0}
if [ "$quick" = 1 ]; then
    flags=("${DEMO_QUICK_FLAGS[@]}" --benchmark_repetitions=1)
    sizes=$DEMO_QUICK_SIZES
else
    flags=("${DEMO_FLAGS[@]}")
    sizes=$DEMO_SIZES
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/demo-$topic.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# The measured cache levels (not what the system reports, which on a
# virtual machine may be the host's or nothing): the program places its
# sizes by them, and the demo names them.
if [ -z "${MEMLAYOUT_PROFILE:-}" ] && [ "$quick" != 1 ] && [ -x "$(dirname "$bin")/calibrate" ]; then
    echo "Measuring this machine's caches first (build/bin/calibrate, a few seconds)..."
    if "$(dirname "$bin")/calibrate" "$tmp/machine.json" 2> "$tmp/calibrate.err"; then
        export MEMLAYOUT_PROFILE=$tmp/machine.json
    else
        echo "(calibration failed; the program uses its fallback sizes:)"
        tail -n 3 "$tmp/calibrate.err"
    fi
fi
if [ -n "${MEMLAYOUT_PROFILE:-}" ] && [ -f "$MEMLAYOUT_PROFILE" ]; then
    jq -r '"Measured cache levels: " + ([.measured.levels[]? | "\(.name) "
             + (if .bytes >= 1048576 then "\(.bytes / 104857.6 | floor / 10) MiB"
                else "\(.bytes / 1024 | floor) KiB" end)
             + (if .ns then " (\(.ns * 10 | floor / 10) ns)" else "" end)] | join(", ")
             | if . == "" then "none found" else . end) + "; memory past them."' \
        "$MEMLAYOUT_PROFILE" 2>/dev/null || true
    echo
fi

# The cases: those the program lists under these flags and the topic's
# filter, at a few args spread on a log scale from the smallest to the
# largest (lib.jq, picked).
"$bin" "${flags[@]}" --benchmark_list_tests=true --benchmark_filter="$DEMO_FILTER" \
    > "$tmp/list" 2> "$tmp/err" || { cat "$tmp/err" >&2; exit 1; }
filter=$(jq -R -r -s --argjson k "$sizes" -L "$here" 'include "lib"; pick_filter($k)' "$tmp/list")
[ -n "$filter" ] || { echo "demo: $DEMO_BENCH lists no case matching '$DEMO_FILTER'" >&2; exit 1; }
ncases=$(jq -R -r -s --argjson k "$sizes" -L "$here" 'include "lib"; picked($k) | length' "$tmp/list")

echo "Measuring now: $ncases cases of build/bin/$DEMO_BENCH (${flags[*]})..."
start=$SECONDS
status=0
"$bin" "${flags[@]}" --benchmark_filter="$filter" \
    --benchmark_out="$tmp/run.json" --benchmark_out_format=json \
    --benchmark_format=console > "$tmp/console" 2> "$tmp/err" || status=$?
if [ $status -ne 0 ]; then
    [ $status -ge 128 ] && exit $status
    echo "demo: $DEMO_BENCH failed (exit $status):" >&2
    tail -n 20 "$tmp/err" >&2
    exit $status
fi
jq -r '"Measured on \(.context.host_name) (\(.context.num_cpus) CPUs), \(.context.date[0:16]) UTC, load average \(.context.load_avg[0]? // "?" | tostring | .[0:4]) at start, \(.context.mode // "?") mode, in \('$((SECONDS - start))') s."' "$tmp/run.json"
echo

# Repetitions that ran while the host was slow are left out, as the
# report and the plots leave them out (scripts/slow-limit.sh).
DEMO_SLOW_LIMIT=$("$root/scripts/slow-limit.sh" "${MEMLAYOUT_PROFILE:-}" "$tmp/run.json")
export DEMO_SLOW_LIMIT
jq -L "$here" 'include "lib"; rows' "$tmp/run.json" > "$tmp/rows.json"
[ "$(jq length "$tmp/rows.json")" -gt 0 ] || { echo "demo: no case succeeded" >&2; exit 1; }

echo "Table (median of the repetitions):"
if [ "$DEMO_TABLE" = sweep ]; then
    jq -r -L "$here" --arg m "$DEMO_METRIC" 'include "lib"; sweep_table($m)' "$tmp/rows.json"
else
    jq -r -L "$here" --arg c "$DEMO_COLUMNS" 'include "lib"; largest_table($c)' "$tmp/rows.json"
fi
echo

gnuplot=${DEMO_GNUPLOT:-gnuplot}
if command -v "$gnuplot" >/dev/null; then
    # Data goes to gnuplot as files (plot.tsv, variants.txt) and checked
    # arguments, never as program text (tools/demo/plot.gp).
    jq -r -L "$here" --arg m "$DEMO_METRIC" 'include "lib"; plot_tsv($m)' "$tmp/rows.json" > "$tmp/plot.tsv"
    jq -r -L "$here" 'include "lib"; variant_order[]' "$tmp/rows.json" > "$tmp/variants.txt"
    nargs=$(jq '[.[].arg] | unique | length' "$tmp/rows.json")
    color=${DEMO_COLOR:-$([ -t 1 ] && echo 1 || echo 0)}
    [[ $color =~ ^[01]$ ]] || color=0
    logy=$DEMO_LOGY
    [[ $logy =~ ^[01]$ ]] || logy=1
    xbytes=$([ "$DEMO_ARGKIND" = bytes ] && echo 1 || echo 0)
    # The measured levels, marked on a byte axis; 0 for a level not found.
    levels=(0 0 0)
    if [ -n "${MEMLAYOUT_PROFILE:-}" ] && [ -f "$MEMLAYOUT_PROFILE" ]; then
        for k in 0 1 2; do
            v=$(jq -r --argjson k "$k" '.measured.levels[$k].bytes // 0 | floor' "$MEMLAYOUT_PROFILE" 2>/dev/null) || v=0
            [[ $v =~ ^[0-9]{1,15}$ ]] && levels[k]=$v
        done
    fi
    (cd "$tmp" && "$gnuplot" -c "$here/plot.gp" "$nargs" "$color" "$logy" "$xbytes" \
        "$DEMO_XLABEL" "$DEMO_YLABEL" "${levels[@]}") 2> "$tmp/gp.err" || { echo "(the plot failed:)"; cat "$tmp/gp.err"; }
else
    echo "(no plot: $gnuplot is not installed; the table above holds the same figures."
    echo " make deps installs it; docs/teaching.md says how to teach without it.)"
fi
echo

takeaway=$(jq -r -L "$here" -L "$topics_dir" "include \"$topic\"; takeaway" "$tmp/rows.json")
echo "Takeaway (from the figures above): $takeaway."
if [ "${DEMO_FAULTS:-0}" = 1 ] && [ -n "${MEMLAYOUT_PROFILE:-}" ] && [ -f "$MEMLAYOUT_PROFILE" ]; then
    us=$(jq '.measured.page_fault_us // null' "$MEMLAYOUT_PROFILE" 2>/dev/null || echo null)
    note=$(jq -r -L "$here" --argjson us "${us:-null}" 'include "lib"; fault_note($us)' "$tmp/rows.json")
    [ -z "$note" ] || echo "Page faults: $note."
fi
[ "$quick" = 1 ] && echo "(DEMO_QUICK=1: tiny sizes and one repetition; run without it for figures worth reading.)"
echo "More: docs/lessons/$topic.md"
