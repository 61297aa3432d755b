#!/bin/bash
# lesson_figures.sh - fill the figures block of each lesson from a stored
# run (make lessons; the reference run by default).
#
# Usage: tools/demo/lesson_figures.sh RUN_DIR LESSONS_DIR
#
# Each docs/lessons/<topic>.md holds one block
#     <!-- figures:<topic> -->
#     ...
#     <!-- /figures:<topic> -->
# whose inside is replaced by: the machine and date of the run, the table
# the demo would print (same cases, same columns, read from
# RUN_DIR/<bench>.json), the takeaway computed from those figures, and
# links to the run's plots of that bench (the topic's DEMO_PLOTS: names
# of plots/<name>.png in the run).  Without the bench's JSON the
# block says how to make it.  Everything outside the markers is left alone.
set -euo pipefail

run=${1:?usage: tools/demo/lesson_figures.sh RUN_DIR LESSONS_DIR}
lessons=${2:?usage: tools/demo/lesson_figures.sh RUN_DIR LESSONS_DIR}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=tools/demo/topic.sh
source "$here/topic.sh"
command -v jq >/dev/null || { echo "lessons: needs jq (make deps)" >&2; exit 1; }
[ -d "$lessons" ] || { echo "lessons: no directory $lessons" >&2; exit 1; }
lessons=$(cd "$lessons" && pwd)

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lessons.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

# Repetitions that ran while the host was slow are left out of the
# tables, as the report and the plots leave them out.
DEMO_SLOW_LIMIT=$("$here/../../scripts/slow-limit.sh" "$run/machine.json" "$run"/*.json "$run"/*.json.gz)
export DEMO_SLOW_LIMIT

# Path of $1 relative to the lessons directory (for links in the markdown).
relative() { realpath -m --relative-to="$lessons" "$1"; }

# Writes the inside of one topic's block to stdout.
figures() {
    local topic=$1 json
    (
    # The topic's settings over the defaults, as the demo reads them.
    load_topic "$topic"
    json=$run/$DEMO_BENCH.json shown=$run/$DEMO_BENCH.json
    # The committed reference keeps its JSON gzipped (results/reference).
    if [ ! -f "$json" ] && [ -f "$json.gz" ]; then
        gzip -dc "$json.gz" > "$tmp/$DEMO_BENCH.json"
        shown=$json.gz json=$tmp/$DEMO_BENCH.json
    fi
    if [ ! -f "$json" ]; then
        echo "No figures yet: \`$(relative "$json")\` does not exist."
        echo "Run \`make lessons\` after \`make reference\` (or \`make lessons REFERENCE=results/latest\`)."
        exit 0
    fi
    jq -L "$here" --arg re "$DEMO_FILTER" --argjson k "$DEMO_SIZES" \
        'include "lib"; stored_rows($re; $k)' "$json" > "$tmp/rows.json"
    # The file's name goes in as a jq argument: pasted into a sed program,
    # a path with '|' could end the s command and add flags (e executes).
    jq -r --arg file "$(relative "$shown")" '"Measured on \(.context.host_name) (\(.context.num_cpus) CPUs, \(.context.mhz_per_cpu) MHz), \(.context.date[0:10]), \(.context.mode // "?") run, \(.context.compiler // "?" | split(" ") | .[0:3] | join(" ")); from `\($file)`:"' "$json"
    echo
    if [ "$(jq length "$tmp/rows.json")" -eq 0 ]; then
        echo "(the run has no successful case of this demo)"
        exit 0
    fi
    echo '```'
    if [ "$DEMO_TABLE" = sweep ]; then
        jq -r -L "$here" --arg m "$DEMO_METRIC" 'include "lib"; sweep_table($m)' "$tmp/rows.json"
    else
        jq -r -L "$here" --arg c "$DEMO_COLUMNS" 'include "lib"; largest_table($c)' "$tmp/rows.json"
    fi
    echo '```'
    echo
    echo "Computed from these figures: $(jq -r -L "$here" -L "$here/topics" \
        "include \"$topic\"; takeaway" "$tmp/rows.json")."
    # Topics whose times are mostly first touches (DEMO_FAULTS=1) say what
    # the run's calibrated fault cost explains of them.
    # The committed reference keeps machine.json gzipped too.
    local machine=""
    if [ -f "$run/machine.json" ]; then machine=$(cat "$run/machine.json")
    elif [ -f "$run/machine.json.gz" ]; then machine=$(gzip -dc "$run/machine.json.gz"); fi
    if [ "${DEMO_FAULTS:-0}" = 1 ] && [ -n "$machine" ]; then
        note=$(jq -r -L "$here" --argjson us "$(jq '.measured.page_fault_us // null' <<< "$machine")" \
               'include "lib"; fault_note($us)' "$tmp/rows.json")
        [ -z "$note" ] || { echo; echo "Page faults: $note."; }
    fi
    # The topic's plots (DEMO_PLOTS), or every plot of the bench when the
    # run has none of those.
    local png pngs=()
    for png in ${DEMO_PLOTS:-}; do
        [ -f "$run/plots/$png.png" ] && pngs+=("$run/plots/$png.png")
    done
    if [ ${#pngs[@]} -eq 0 ]; then
        for png in "$run"/plots/"$DEMO_BENCH".png "$run"/plots/"$DEMO_BENCH"_*.png; do
            [ -f "$png" ] && pngs+=("$png")
        done
    fi
    [ ${#pngs[@]} -eq 0 ] || echo
    for png in "${pngs[@]}"; do
        echo "![$(basename "$png" .png)]($(relative "$png"))"
    done
    )
}

status=0
for md in "$lessons"/*.md; do
    topic=$(basename "$md" .md)
    grep -q "^<!-- figures:$topic -->\$" "$md" || continue
    [ -f "$here/topics/$topic.sh" ] || { echo "lessons: $md has a block but no demo topic $topic" >&2; status=1; continue; }
    figures "$topic" > "$tmp/block"
    awk -v open="<!-- figures:$topic -->" -v closing="<!-- /figures:$topic -->" -v block="$tmp/block" '
        $0 == open  { print; while ((getline line < block) > 0) print line; skip = 1; next }
        $0 == closing { skip = 0 }
        !skip       { print }' "$md" > "$tmp/md"
    grep -q "^<!-- /figures:$topic -->\$" "$tmp/md" || { echo "lessons: $md: no closing marker" >&2; status=1; continue; }
    if ! cmp -s "$tmp/md" "$md"; then
        cat "$tmp/md" > "$md"
        echo "lessons: $(relative "$md") <- $(relative "$run")" >&2
    fi
done
exit $status
