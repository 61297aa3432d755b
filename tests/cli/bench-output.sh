#!/bin/bash
# bench-output.sh - what make bench prints can be followed: a QUICK run of
# every program with stdout not a terminal prints plain lines (no control
# character), one per program, under 66 in all, ending with the verdicts
# and the report to open; on a pseudo-terminal (script) the live line for
# the case a program is on rewrites itself.  The run's full text (the
# library's console output, the noise preflight) stays in the run.
#
# Usage: tests/cli/bench-output.sh   (a QUICK run of every program, a few
#        minutes: .ci/run runs it, make test does not)
# Runs into a temporary RESULTS directory; prints one line per check and
# exits 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh

if [ "${1:-}" = --help ] || [ "${1:-}" = -h ]; then
    sed -n '2,/^set -uo/{/^set -uo/d;s/^# \{0,1\}//;p}' "$0"
    exit 0
fi
[ $# -eq 0 ] || { echo "bench-output: no arguments expected (try --help)" >&2; exit 2; }

cli_begin bench-output
# 35 verdict lines and about 22 others on a quiet machine, and a line for
# each warning a busy one earns: the limit is for a line per case.
limit=66
nprogs=$(ls benches/*.c | wc -l)
# Any byte below space but the newline, and DEL: what a log must not hold.
control() { LC_ALL=C grep -c $'[\x01-\x09\x0b-\x1f\x7f]' "$1"; }

# --- every program, QUICK, stdout a file ---------------------------------------
make --no-print-directory bench QUICK=1 RESULTS="$tmp/plain" >"$tmp/out" 2>"$tmp/err" </dev/null
status=$?
out_lines=$(wc -l < "$tmp/out")
all_lines=$(cat "$tmp/out" "$tmp/err" | wc -l)
[ $status -eq 0 ] && pass "make bench QUICK=1 -> exit 0" ||
    fail "make bench QUICK=1 -> exit $status: $(tail -n 3 "$tmp/err" | tr '\n' ' ')"
[ "$out_lines" -lt $limit ] && pass "stdout: $out_lines lines (under $limit)" ||
    fail "stdout: $out_lines lines, $limit or more"
[ "$all_lines" -lt $limit ] && pass "stdout and stderr: $all_lines lines (under $limit)" ||
    fail "stdout and stderr: $all_lines lines, $limit or more"
n=$(control "$tmp/out")
[ "$n" -eq 0 ] && pass "stdout: no control character" ||
    fail "stdout: $n lines with a control character: $(LC_ALL=C grep -m 1 $'[\x01-\x09\x0b-\x1f\x7f]' "$tmp/out" | cat -A)"
n=$(grep -c "^\[[0-9]*/$nprogs\] [a-z_]* (.*) \.\.\. [0-9]* done in " "$tmp/out")
[ "$n" -eq "$nprogs" ] && pass "one line per program ($nprogs)" ||
    fail "$n program lines of the form '[i/$nprogs] name (N cases) ... N done in T', not $nprogs"
# Every case a program lists is counted done, the interleaved ones
# ("/repeats:1", no aggregates) too: "9 done" of 189 reads as a failure.
short=$(sed -n 's/^\[[0-9]*\/[0-9]*\] \([a-z_]*\) (\([0-9]*\) cases) \.\.\. \([0-9]*\) done in .*/\1 \2 \3/p' "$tmp/out" |
    awk '$2 != $3 { printf "%s%s %d of %d", sep, $1, $3, $2; sep = ", " }')
[ -z "$short" ] && pass "each program counts all its cases done" ||
    fail "programs that count fewer cases done than they list: $short"
run=$(sed -n 's/^==> [0-9]* program(s), quick mode, into \(.*\) (log: .*$/\1/p' "$tmp/out")
if [ -n "$run" ] && grep -qx "    $run/report.md" "$tmp/out" &&
   grep -q "^    $run/plots/ ([0-9]* plots)$" "$tmp/out"; then
    pass "ends with the report and the plots directory to open"
else
    fail "no '    RUN/report.md' and '    RUN/plots/ (N plots)' among the paths to open"
fi
n=$(grep -c '^[A-Z][0-9]  ' "$tmp/out")
[ "$n" -gt 0 ] && pass "$n verdict lines" || fail "no verdict line (ID  verdict)"
for f in console.log doctor.txt steps.log; do
    [ -n "$run" ] && [ -s "$run/$f" ] && pass "the run keeps $f" || fail "the run has no $f"
done
if [ -n "$run" ] && grep -q '^=== traverse (exit 0)' "$run/console.log" 2>/dev/null &&
   grep -q 'Iterations' "$run/console.log"; then
    pass "console.log holds the library's console output"
else
    fail "console.log lacks the library's console output"
fi
grep -q '^     ' "$run/doctor.txt" 2>/dev/null && pass "doctor.txt holds the advice (the full text)" ||
    fail "doctor.txt holds no advice"
n=$(grep -c '^==> noise grade\|^    \(warn\|BAD\) ' "$tmp/out")
[ "$n" -ge 1 ] && [ "$n" -le 2 ] && pass "the noise preflight: $n line(s)" ||
    fail "the noise preflight: $n lines, not 1 or 2"

# --- one program on a pseudo-terminal --------------------------------------------
script -qec "make --no-print-directory bench QUICK=1 BENCH=escape RESULTS='$tmp/tty'" /dev/null \
    >"$tmp/tty.out" 2>&1 </dev/null
status=$?
[ $status -eq 0 ] && pass "on a terminal: make bench QUICK=1 BENCH=escape -> exit 0" ||
    fail "on a terminal: exit $status: $(tail -n 3 "$tmp/tty.out" | tr '\n' ' ')"
if grep -qa $'\r\033\[K\[1/1\] escape: case [0-9]* of [0-9]*' "$tmp/tty.out"; then
    pass "on a terminal: the live line ('case n of total') rewrites itself"
else
    fail "on a terminal: no live line rewritten in place"
fi
tr '\r' '\n' < "$tmp/tty.out" | grep -qa '^.\[K\[1/1\] escape ([0-9]* cases) \.\.\. [0-9]* done in ' &&
    pass "on a terminal: the live line ends as the program's line" ||
    fail "on a terminal: no final line for the program"

# --- the live line's figures, from a program that pauses between cases --------
# A stand-in for a bench program (its list, its console lines, its JSON):
# the live line is drawn every second, so a case that ends 3 s before the
# next one shows on it, and the elapsed time moves meanwhile.
fake=$tmp/fakebin
mkdir -p "$fake"
cat > "$fake/pause" <<'EOF'
#!/bin/sh
for a; do case $a in --benchmark_list_tests=true) echo pause/a; echo pause/b; exit 0 ;; esac; done
echo "repetitions: 2"
echo "pause/a_median      5.00 ns      5.00 ns          2"
echo "pause/a_cv          1.50 %       1.50 %           2"
sleep 3
echo "pause/b_median      7.00 ns      7.00 ns          2"
echo "pause/b_cv          2.50 %       2.50 %           2"
for a; do case $a in --benchmark_out=*)
    echo '{"context": {}, "benchmarks": [{"name": "pause/a", "real_time": 5}]}' > "${a#*=}" ;;
esac; done
EOF
chmod +x "$fake/pause"
script -qec "scripts/run-benches.sh '$fake' '$tmp/fake' pause" /dev/null >"$tmp/fake.out" 2>&1 </dev/null
frames=$(tr '\r' '\n' < "$tmp/fake.out")
if grep -qa '^.\[K\[1/1\] pause: case 1 of 2, [1-9]s, ~[0-9]*s left; pause/a median 5.00 ns (cv 1.50%)$' <<<"$frames"; then
    pass "on a terminal: the live line shows n of total, elapsed, time left, the case's median and spread"
else
    fail "on a terminal: no live line 'case 1 of 2, Ns, ~Ns left; pause/a median 5.00 ns (cv 1.50%)'"
fi
grep -qa '^.\[K\[1/1\] pause (2 cases) \.\.\. 2 done in [0-9]*s' <<<"$frames" &&
    pass "on a terminal: then the program's line, 2 done" ||
    fail "on a terminal: no final line '[1/1] pause (2 cases) ... 2 done in Ns'"

cli_end bench-output
