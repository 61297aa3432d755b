#!/bin/bash
# slow-limit.sh - the host check time from which a case repetition ran
# while the host was slow, as the claims report decides it
# (src/report/run.h): 1.25x the run's reference, the reference being the
# calibration's check or the median over every case repetition when that
# is faster.  The plots (scripts/plot.sh) and the demos and lessons
# (tools/demo/) leave such repetitions out by the same rule
# (plots/cases.jq, unslowed).  tests/demo/lib-clocks.sh checks that it
# gives the report's own limit (report.json host_speed).
#
# Usage: scripts/slow-limit.sh MACHINE_JSON RESULT_JSON...
#        MACHINE_JSON may be missing; a RESULT_JSON may be gzipped
#        (.json.gz); machine.json, conditions.json and report.json among
#        them are skipped, so a run's files can be passed as a glob.
# Output: the limit in ns, or "null" when no repetition carries a check.
set -uo pipefail

if [ "${1:-}" = --help ] || [ "${1:-}" = -h ]; then
    sed -n '2,/^set -uo/{/^set -uo/d;s/^# \{0,1\}//;p}' "$0"
    exit 0
fi
[ $# -ge 1 ] || { echo "usage: scripts/slow-limit.sh MACHINE_JSON RESULT_JSON..." >&2; exit 2; }
machine=$1
shift

checks() {
    local json
    for json in "$@"; do
        [ -f "$json" ] || continue
        case $(basename "$json") in machine.json* | conditions.json* | report.json*) continue ;; esac
        case $json in *.gz) gzip -dc "$json" ;; *) cat "$json" ;; esac |
            jq -r '.benchmarks[]? | select(.run_type == "iteration") | .host_check_ns | numbers' 2>/dev/null
    done
}
calibration=$(jq -r '.measured.host_check_ns // empty' "$machine" 2>/dev/null) || calibration=""
limit=$(checks "$@" | sort -g | awk -v cal="$calibration" '
    { v[NR] = $1 }
    END {
        if (NR == 0) { print "null"; exit }
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        if (cal ~ /^[0-9.]+([eE][0-9]+)?$/ && cal + 0 > 0 && cal + 0 < m) m = cal + 0
        printf "%.6g\n", 1.25 * m
    }')
[[ $limit =~ ^[0-9.]+(e[+-]?[0-9]+)?$ ]] || limit=null
echo "$limit"
