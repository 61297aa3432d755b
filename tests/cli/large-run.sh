#!/bin/bash
# large-run.sh - 10^5 cases go through the claims report and compare in
# seconds, not minutes: a coarse complexity guard, not a timing test.
#
# It generates a traverse.json of 100000 cases x 3 repetitions (written
# interleaved, tests/fixtures/report/make_big_run.py), runs build/bin/report
# on it and build/bin/compare of it against itself, checks that both
# succeed with the whole output, and fails when either takes more CPU time
# (user + system) than its bound.  Each bound is 10x the CPU time measured
# on the shared 2-core test machine when the exact interval came in
# (report 6.4 s, compare 15.6 s, almost all of it jansson reading the
# 90 MB file): far above any noise, far below what a quadratic step costs
# at 10^5 (a scan of every case per record, as the reader once did, takes
# hours).  CPU time rather than wall time, because other jobs share the
# machine.  Figures: issue 21, item 8.
#
# Usage: tests/cli/large-run.sh [BIN_DIR]   (default build/bin; make test-cli)
# Prints one line per check; exits 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh
bin=${1:-build/bin}

REPORT_BOUND_S=64
COMPARE_BOUND_S=156
CASES=100000

cli_begin large-run

# Runs "$@" with stdout to $tmp/out and stderr to $tmp/err; sets status and
# cpu (user + system seconds of the program and its children).
timed() {
    local TIMEFORMAT='%3U %3S'
    { time "$@" >"$tmp/out" 2>"$tmp/err"; } 2>"$tmp/time"
    status=$?
    cpu=$(awk '{ printf "%.1f", $1 + $2 }' "$tmp/time")
}

# within NAME BOUND: the verdict line for a program's CPU time.
within() {
    if awk -v c="$cpu" -v b="$2" 'BEGIN { exit !(c <= b) }'; then
        pass "$1: ${cpu} s CPU for $CASES cases (bound $2 s)"
    else
        fail "$1: ${cpu} s CPU for $CASES cases, over the bound of $2 s (10x the measured figure)"
    fi
}

if ! tests/fixtures/report/make_big_run.py "$tmp/run" "$CASES" 2>"$tmp/err"; then
    fail "make_big_run.py: $(head -n 1 "$tmp/err")"
    exit 1
fi

timed "$bin/report" --quiet --out="$tmp/report.md" "$tmp/run"
if [ $status -ne 0 ] || ! [ -s "$tmp/report.md" ]; then
    fail "report: exit $status, $(head -n 1 "$tmp/err")"
else
    within report "$REPORT_BOUND_S"
fi

timed "$bin/compare" "$tmp/run/traverse.json" "$tmp/run/traverse.json"
if [ $status -ne 0 ]; then
    fail "compare: exit $status, $(head -n 1 "$tmp/err")"
elif ! grep -q "^$CASES cases compared: B faster in 0, slower in 0, within noise in $CASES\.$" \
        "$tmp/out"; then
    fail "compare: not every case compared as within noise: $(grep 'cases compared' "$tmp/out")"
else
    within compare "$COMPARE_BOUND_S"
fi

[ $failures -eq 0 ] || exit 1
