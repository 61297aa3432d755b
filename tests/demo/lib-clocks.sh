#!/bin/bash
# lib-clocks.sh - the demos and the lessons quote the time the claims
# report judges by: tools/demo/lib.jq's rows, on tests/demo/clocks.json (a
# fixture whose CPU and wall-clock times differ), give per case the median
# over repetitions of CPU time per item (each repetition rescaled from the
# clock its rate was computed by, as src/report/run.c does), wall-clock
# time for the cases whose work runs on other threads or in a child, the
# clock's time per iteration without an item count; and the tables say
# which; and plots/flatten.jq gives the plots the same figures.  Run by
# tests/demo/lesson-numbers.sh (make test-lessons).
#
# Usage: tests/demo/lib-clocks.sh   prints one line per check; exits 1
#        when one fails, 2 for bad usage.
set -uo pipefail

case ${1:-} in
    -h|--help) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    '') ;;
    *) echo "lib-clocks: no arguments expected ('$1'; --help)" >&2; exit 2 ;;
esac
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v jq >/dev/null || { echo "lib-clocks: needs jq (make deps)" >&2; exit 1; }
fixture=$root/tests/demo/clocks.json
pass=0 fail=0

# check NAME JQ-PROGRAM EXPECTED: the program's output on the fixture's
# rows (compact JSON or raw text) is EXPECTED.
check() {
    local got
    got=$(cd "$root/tools/demo" && DEMO_ITEM=item jq -r -L . "include \"lib\"; rows | $2" "$fixture" 2>&1)
    if [ "$got" = "$3" ]; then pass=$((pass + 1)); echo "ok    $1"
    else fail=$((fail + 1)); echo "FAIL  $1"; echo "      expected: $3"; echo "      got:      $got"; fi
}
row() { echo "map(select(.variant == \"$1\"))[0] | {ns, clock, wall_ns, reps} | tojson"; }

# Rated by real time; CPU 5, 6, 7 ns per item, wall 10, 20, 8: the
# medians of the repetitions (not the wall median times a CPU share).
check "real-time-rated case: median CPU ns per item, as the report" "$(row aos)" \
      '{"ns":6,"clock":"cpu","wall_ns":10,"reps":3}'
check "threaded case (queue): wall-clock ns per item, as the report" "$(row workers)" \
      '{"ns":1000,"clock":"wall","wall_ns":1000,"reps":1}'
check "CPU-time-rated case: its rate as it is, wall time rescaled" "$(row value)" \
      '{"ns":2,"clock":"cpu","wall_ns":4,"reps":1}'
check "work in a child, no item count: wall-clock time per iteration, in ns" "$(row limit_slurp)" \
      '{"ns":3000000,"clock":"wall","wall_ns":3000000,"reps":1}'
check "no item count: CPU time per iteration, in ns" "$(row capacity)" \
      '{"ns":2000,"clock":"cpu","wall_ns":3000,"reps":1}'
check "the table's caption names the statistic" \
      'map(select(.variant == "aos")) | sweep_table("ns")' \
      "$(printf '  variant   N=100\n  aos        6 ns\n  (medians of 3 repetitions; time per item: CPU time, as the report)')"
check "a table mixing clocks says which cases are wall-clock" \
      'map(select(.variant == "aos" or .variant == "workers")) | caption(true; false)' \
      '  (medians of 1-3 repetitions; time per item: CPU time, wall-clock for workers, as the report)'

# The plots read the same clock (plots/flatten.jq includes plots/cases.jq
# with lib.jq): its row is variant, arg, median, min, max, repetitions.
plot_row() {
    local got
    got=$(jq -r --arg counters "" --arg output rows -f "$root/plots/flatten.jq" "$fixture" 2>&1 |
          awk -F'\t' -v v="$2" '$1 == v { print $3, $4, $5, $6 }')
    if [ "$got" = "$3" ]; then pass=$((pass + 1)); echo "ok    $1"
    else fail=$((fail + 1)); echo "FAIL  $1"; echo "      expected: $3"; echo "      got:      $got"; fi
}
plot_row "plots: CPU ns per item, median, min, max over repetitions" aos "6 5 7 3"
plot_row "plots: a threaded case in wall-clock ns per item" workers "1000 1000 1000 1"

# A repetition whose host check reached slow_limit ran while the host was
# slow: the plots leave it out, as the report does, while two others
# remain; with fewer left the case keeps them all.
slowed_row() {
    local got
    got=$(jq --argjson checks "$2" '.benchmarks |= map(if .run_type == "iteration" and (.run_name | test("aos"))
                                          then .host_check_ns = $checks[.repetition_index] else . end)' "$fixture" |
          jq -r --arg counters "" --arg output rows --argjson slow_limit 25000 -f "$root/plots/flatten.jq" |
          awk -F'\t' '$1 == "aos" { print $3, $4, $5, $6 }')
    if [ "$got" = "$3" ]; then pass=$((pass + 1)); echo "ok    $1"
    else fail=$((fail + 1)); echo "FAIL  $1"; echo "      expected: $3"; echo "      got:      $got"; fi
}
slowed_row "plots: a slowed repetition is left out while two remain" '[20000, 20000, 25000]' "5.5 5 6 2"
slowed_row "plots: with one unslowed repetition the case keeps all three" '[20000, 30000, 40000]' "6 5 7 3"
slowed_row "plots: just under the limit is not slowed" '[24999, 20000, 24999]' "6 5 7 3"

# The lessons' and demos' rows leave them out the same way (DEMO_SLOW_LIMIT).
got=$(jq '.benchmarks |= map(if .run_type == "iteration" and (.run_name | test("aos"))
                             then .host_check_ns = [20000, 20000, 25000][.repetition_index] else . end)' "$fixture" |
      (cd "$root/tools/demo" && DEMO_ITEM=item DEMO_SLOW_LIMIT=25000 jq -c -L . \
          'include "lib"; rows | map(select(.variant == "aos"))[0] | {ns, reps}'))
if [ "$got" = '{"ns":5.5,"reps":2}' ]; then pass=$((pass + 1)); echo "ok    lessons: a slowed repetition is left out of the rows"
else fail=$((fail + 1)); echo "FAIL  lessons: a slowed repetition is left out of the rows"; echo "      got: $got"; fi

# scripts/slow-limit.sh computes the report's limit again for the plots
# and lessons (which run before, or without, a report): both must give
# the same, whether the case checks' median or the calibration's check
# is the faster reference.
report=$root/build/bin/report
slow_limit_agrees() {
    local dir got want
    dir=$(mktemp -d)
    jq '.benchmarks |= map(if .run_type == "iteration"
                           then .host_check_ns = (20000 + 1000 * .repetition_index) else . end)' \
        "$fixture" > "$dir/traverse.json"
    jq --argjson check "$2" '.measured.host_check_ns = $check' \
        "$root/tests/fixtures/report/holds/machine.json" > "$dir/machine.json"
    got=$("$root/scripts/slow-limit.sh" "$dir/machine.json" "$dir"/*.json)
    want=$("$report" --quiet "$dir" > /dev/null 2>&1 &&
           jq -r '.host_speed.reference_ns * .host_speed.slow_factor' "$dir/report.json")
    rm -rf "$dir"
    if [ -n "$want" ] && awk -v a="$got" -v b="$want" 'BEGIN { exit !(a == b) }'; then
        pass=$((pass + 1)); echo "ok    $1: $got ns"
    else fail=$((fail + 1)); echo "FAIL  $1"; echo "      slow-limit.sh: $got, report: $want"; fi
}
if [ -x "$report" ]; then
    slow_limit_agrees "slow-limit.sh and the report: the cases' median is the reference" 21500
    slow_limit_agrees "slow-limit.sh and the report: the calibration's check is" 19000
else
    fail=$((fail + 1)); echo "FAIL  $report is not built (make build)"
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
