#!/bin/bash
# noise-hints.sh - the noise summary's hints name what the run recorded,
# never the load average the suite raises itself: a run whose programs
# started at a load average of 1.9 on 2 CPUs, with other programs at 1% of
# the CPUs and a steady host check, gets no "other load"; the same run
# with others at 30% gets it; a repetition whose host check ran 1.5x slow
# is named as the host's doing.  The runs are made-up JSON: nothing is
# timed here.
#
# Usage: tests/cli/noise-hints.sh   (make test-cli)
# Prints one line per check; exits 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 1
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh

cli_begin noise-hints

# make_run DIR OTHERS_SHARE SLOW_CHECK_NS: one program, two cases of five
# repetitions each, 20-40% apart (noisy); the first case's last repetition
# carries the host check SLOW_CHECK_NS, every other one 20000 ns.
make_run() {
    local dir=$1 others=$2 slow=$3
    mkdir -p "$dir"
    jq -n --argjson slow "$slow" '
      def rep($case; $i; $t; $check):
        {name: "demo/\($case)/real_time", run_name: "demo/\($case)/real_time",
         run_type: "iteration", repetition_index: $i, iterations: 10,
         real_time: $t, cpu_time: $t, time_unit: "ms", host_check_ns: $check};
      {context: {suite_program: "demo", mode: "full", repetitions: 5,
                 load_avg_at_start: "1.90 1.50 1.20", num_cpus: 2,
                 cpu_governor: "unreadable", compiler: "cc 12", allocator: "glibc"},
       benchmarks: ([range(5)] | map(rep("a"; .; 10 + 4 * (. % 2); (if . == 4 then $slow else 20000 end)))
                   + ([range(5)] | map(rep("b"; .; 10 + 3 * (. % 2); 20000))))}' >"$dir/demo.json"
    jq -n --argjson s "$others" \
        '{programs: [{name: "demo", others_cpu_share: $s, seconds: 10}], seconds: 10, others_cpu_share: $s}' \
        >"$dir/conditions.json"
}

# hint CASE: the hint column of CASE's line in the summary just written.
hint() { grep -E "  demo/$1 " "$tmp/out" | sed -E 's/.*demo\/[a-z]+ +//'; }

make_run "$tmp/quiet" 0.01 20000
if scripts/noise-summary.sh "$tmp/quiet" >"$tmp/out" 2>"$tmp/err"; then
    if grep -q "other load\|load average" "$tmp/out"; then
        fail "a quiet run is blamed on load: $(grep -m 1 'load' "$tmp/out")"
    elif [ "$(grep -c '^  NOISY' "$tmp/out")" -ne 2 ]; then
        fail "a quiet run: expected both cases flagged: $(cat "$tmp/out")"
    elif [[ $(hint a) != "no cause recorded"* ]]; then
        fail "a quiet run: case a's hint is '$(hint a)'"
    else
        pass "a quiet run started at load average 1.9: noisy cases, no load named ($(hint a))"
    fi
else
    fail "noise-summary on a quiet run: $(head -n 2 "$tmp/err")"
fi

make_run "$tmp/busy" 0.30 20000
scripts/noise-summary.sh "$tmp/busy" >"$tmp/out" 2>"$tmp/err"
if [[ $(hint a) == "other load (other programs used 30% of the CPUs)" ]] &&
   grep -q "other programs 30% of the CPUs" "$tmp/out"; then
    pass "others at 30% of the CPUs: $(hint a)"
else
    fail "others at 30%: hint '$(hint a)'"
fi

make_run "$tmp/host" 0.01 30000
scripts/noise-summary.sh "$tmp/host" >"$tmp/out" 2>"$tmp/err"
if [[ $(hint a) == "the host slowed 1 of 5 repetitions"* ]] && [[ $(hint b) == "no cause recorded"* ]]; then
    pass "a check 1.5x slow in one repetition: $(hint a); the other case: $(hint b)"
else
    fail "host slowed: hints '$(hint a)' and '$(hint b)'"
fi

cli_end noise-hints
