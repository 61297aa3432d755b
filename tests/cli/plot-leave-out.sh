#!/bin/bash
# plot-leave-out.sh - a plot script's "# leave out:" line keeps the cases
# it names out of the plot's data and legend (plots/flatten.jq): traverse's
# sums over the contiguous layouts' bytes run beside the layouts but are
# no layout of their own.  The run is made-up JSON: nothing is timed here.
#
# Usage: tests/cli/plot-leave-out.sh   (make test-cli)
# Prints one line per check; exits 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh

cli_begin plot-leave-out

# Two layouts at two sizes, and one layout's sum beside it at the larger.
jq -n '
  def rep($case; $t):
    {name: "traverse/\($case)/real_time", run_name: "traverse/\($case)/real_time",
     run_type: "iteration", iterations: 10, real_time: $t, cpu_time: $t,
     time_unit: "ns", items_per_second: (1e9 / $t)};
  {context: {}, benchmarks: [rep("aos/1024"; 1), rep("soa/1024"; 2),
                             rep("aos/4096"; 3), rep("aos_read_sum/4096"; 4),
                             rep("soa/4096"; 5)]}' > "$tmp/traverse.json"

variants() {
    jq -r --arg counters "" --arg output variants "$@" -f plots/flatten.jq "$tmp/traverse.json" |
        tr '\n' ' '
}
skip=$(sed -n 's/^# leave out: *//p' plots/traverse.gp | head -n 1)

got=$(variants)
if [ "$got" = "aos soa aos_read_sum " ]; then
    pass "without a leave-out line every variant is drawn: $got"
else
    fail "without a leave-out line: '$got'"
fi

got=$(variants --arg leave_out "$skip")
rows=$(jq -r --arg counters "" --arg output rows --arg leave_out "$skip" \
       -f plots/flatten.jq "$tmp/traverse.json" | grep -c read_sum)
if [ -n "$skip" ] && [ "$got" = "aos soa " ] && [ "$rows" -eq 0 ]; then
    pass "traverse.gp's line ('$skip') leaves the sum out of legend and rows"
else
    fail "traverse.gp's line '$skip': variants '$got', $rows row(s) of the sum"
fi

cli_end plot-leave-out
