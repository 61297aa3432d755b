#!/bin/bash
# run-demos.sh - every classroom demo runs in quick mode (DEMO_QUICK=1),
# exits 0, and prints its table and a computed takeaway; a demo whose
# bench program is missing says it has not landed and exits 0; bad usage
# exits 2.  make test-demo runs it; prints "N passed, N failed".
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
demo=$root/tools/demo/run.sh
out=$(mktemp -d "${TMPDIR:-/tmp}/test-demo.XXXXXX")
trap 'rm -rf "$out"' EXIT
pass=0 fail=0

ok()  { pass=$((pass + 1)); echo "ok    $*"; }
bad() { fail=$((fail + 1)); echo "FAIL  $*"; }

# Shows the end of a demo's output under a failure.
show() { sed 's/^/      | /' "$1" | tail -n 15; }

topics=$(for f in "$root"/tools/demo/topics/*.sh; do basename "$f" .sh; done)
[ -n "$topics" ] || { echo "no demo topics found"; exit 1; }

for t in $topics; do
    log=$out/$t.txt
    start=$(date +%s%N)
    DEMO_QUICK=1 DEMO_COLOR=0 "$demo" "$t" > "$log" 2>&1
    status=$?
    tenths=$(( ($(date +%s%N) - start) / 100000000 ))
    secs=$((tenths / 10)).$((tenths % 10))
    if [ $status -ne 0 ]; then
        bad "demo-$t exits $status (${secs} s)"; show "$log"; continue
    fi
    if grep -q '^Not landed yet: ' "$log"; then
        bench=$("$demo" --bench "$t")
        if [ -x "$root/build/bin/$bench" ]; then
            bad "demo-$t says not landed, but build/bin/$bench exists"; show "$log"
        else
            ok "demo-$t: $bench has not landed yet, said so (${secs} s)"
        fi
        continue
    fi
    # The table: its heading, then a header row naming the variants' column.
    if ! grep -A1 '^Table (median' "$log" | grep -q '^  variant '; then
        bad "demo-$t prints no table"; show "$log"; continue
    fi
    # The takeaway: computed, so it must hold a figure, and jq must not
    # have left a null in it.
    line=$(grep '^Takeaway (from the figures above): ' "$log")
    if [ -z "$line" ] || ! [[ $line =~ [0-9] ]] || [[ $line == *null* ]]; then
        bad "demo-$t prints no takeaway with a figure: ${line:-none}"; show "$log"; continue
    fi
    if ! grep -q '^Question: ' "$log" || ! grep -q '^Predict before you look: ' "$log"; then
        bad "demo-$t asks no question or prediction"; show "$log"; continue
    fi
    ok "demo-$t: table and takeaway (${secs} s)"
done

# Cases the topics do not know by name (a bench renamed its variants or
# counters): every takeaway still compiles and says something measured.
for t in $topics; do
    line=$(cd "$root/tools/demo" && DEMO_ARGNAME=N jq -r -L . -L topics \
           "include \"$t\"; takeaway" "$root/tests/demo/generic_rows.json" 2>&1)
    if [[ $line =~ [0-9] ]] && [[ $line != *null* ]] && [[ $line != *error* ]]; then
        ok "demo-$t's takeaway on unknown case names: $line"
    else
        bad "demo-$t's takeaway on unknown case names: $line"
    fi
done

# What page faults cost (DEMO_FAULTS topics): the faults counter times
# the calibrated cost against the time per iteration (ns per item x the
# arg), at the largest arg; only the variants DEMO_FAULT_VARIANTS names;
# nothing without a cost or a counter, and a run made before the counter
# existed says the figure needs a new run.
fault_rows='[{"variant": "few",  "arg": 1000, "ns": 50, "c": {"faults": 2}},
             {"variant": "many", "arg": 1000, "ns": 80, "c": {"faults": 40}},
             {"variant": "few",  "arg": 10,   "ns": 5,  "c": {"faults": 1}}]'
fault_note() { (cd "$root/tools/demo" && jq -r -L . --argjson us "$1" 'include "lib"; fault_note($us)'); }
note=$(DEMO_ITERATION=build fault_note 10 <<< "$fault_rows")
if [[ $note == *"at N=1k, few: 2 faults x 10 us = 20 us of the 50 us per build (40%)"* ]] &&
   [[ $note == *"many: 40 faults x 10 us = 400 us of the 80 us per build (more than all"* ]]; then
    ok "fault_note: N faults x calibrated cost = T of the M per build, at the largest N"
else
    bad "fault_note: $note"
fi
note=$(DEMO_ITERATION=pass DEMO_FAULT_VARIANTS='^few$' fault_note 10 <<< "$fault_rows")
if [[ $note == *"few: 2 faults x 10 us = 20 us of the 50 us per pass (40%)" ]] && [[ $note != *many* ]]; then
    ok "fault_note: only the variants DEMO_FAULT_VARIANTS names"
else
    bad "fault_note with DEMO_FAULT_VARIANTS: $note"
fi
none=$(fault_note null <<< "$fault_rows" &&
       fault_note 10 <<< '[{"variant":"a","arg":1,"ns":5,"c":{"faults":0}}]')
if [ -z "$none" ]; then ok "fault_note: silent without a cost or a fault"; else bad "fault_note without data: $none"; fi
old=$(fault_note 10 <<< '[{"variant":"a","arg":1,"ns":5,"c":{}}]')
if [[ $old == *"no faults counter"*"next reference run"* ]] && [[ $old != *null* ]]; then
    ok "fault_note: a run without the counter says the figure needs a new run"
else
    bad "fault_note on a run without the counter: $old"
fi

# A bench program that is not there: the demo says so and exits 0.
log=$out/missing.txt
first=traverse   # the first experiment, always there
if DEMO_BIN=$out/nowhere DEMO_QUICK=1 "$demo" "$first" > "$log" 2>&1 &&
   grep -q '^Not landed yet: ' "$log"; then
    ok "a missing bench program: says not landed, exits 0"
else
    bad "a missing bench program"; show "$log"
fi

# No gnuplot: the table and the takeaway all the same, and a word instead
# of the plot.
log=$out/nognuplot.txt
if DEMO_GNUPLOT=no-such-gnuplot DEMO_QUICK=1 "$demo" "$first" > "$log" 2>&1 &&
   grep -q '^(no plot: no-such-gnuplot is not installed' "$log" &&
   { grep -q '^Takeaway (from the figures above): ' "$log" || grep -q '^Not landed yet: ' "$log"; }; then
    ok "without gnuplot: no plot, says so, exits 0"
else
    bad "without gnuplot"; show "$log"
fi

# make lessons: a stored run of traverse fills the traverse lesson's block
# (table and computed takeaway); a lesson whose bench the run lacks says
# how to get figures; nothing outside the markers changes; a second pass
# changes nothing.
if [ -x "$root/build/bin/traverse" ]; then
    mkdir -p "$out/run" && cp -r "$root/docs/lessons" "$out/lessons"
    "$root/build/bin/traverse" --quick --max-ws=64K --benchmark_repetitions=1 \
        --benchmark_out="$out/run/traverse.json" --benchmark_out_format=json > /dev/null 2>&1
    strip() { sed '/^<!-- figures:/,/^<!-- \/figures:/d' "$1"; }
    if "$root/tools/demo/lesson_figures.sh" "$out/run" "$out/lessons" 2> "$out/lessons.err" &&
       sed -n '/^<!-- figures:traverse -->/,/^<!-- \/figures:traverse -->/p' "$out/lessons/traverse.md" |
           grep -q '^Computed from these figures: at N=' &&
       sed -n '/^<!-- figures:growth -->/,/^<!-- \/figures:growth -->/p' "$out/lessons/growth.md" |
           grep -q '^No figures yet' &&
       diff <(strip "$root/docs/lessons/traverse.md") <(strip "$out/lessons/traverse.md") > /dev/null; then
        cp -r "$out/lessons" "$out/lessons2"
        "$root/tools/demo/lesson_figures.sh" "$out/run" "$out/lessons2" 2> /dev/null
        if diff -r "$out/lessons" "$out/lessons2" > /dev/null; then
            ok "make lessons fills a block from a stored run, and only the block"
        else
            bad "make lessons: a second pass changed the lessons"
        fi
    else
        bad "make lessons from a stored run"; show "$out/lessons.err"
    fi
fi

# Bad usage: an unknown topic, no topic.
"$demo" no_such_topic > "$out/bad.txt" 2>&1; status=$?
if [ $status -eq 2 ] && grep -q "no topic 'no_such_topic'" "$out/bad.txt"; then
    ok "an unknown topic: exit 2 with a message"
else
    bad "an unknown topic: exit $status"; show "$out/bad.txt"
fi
"$demo" > "$out/bad.txt" 2>&1; status=$?
if [ $status -eq 2 ]; then ok "no topic: exit 2"; else bad "no topic: exit $status"; fi

# make demo lists every topic.
"$demo" --list > "$out/list.txt" 2>&1
missing=$(for t in $topics; do grep -q "make demo-$t " "$out/list.txt" || echo "$t"; done)
if [ -z "$missing" ]; then ok "the list names every demo"; else bad "the list lacks: $missing"; fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
