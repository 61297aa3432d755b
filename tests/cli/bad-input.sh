#!/bin/bash
# bad-input.sh - bad input gets a clear message and a non-zero exit, and
# nothing is lost: runs build/bin/traverse and scripts/run-benches.sh with
# each bad input the suite promises to handle (docs/quality.md), checks the
# exit status and the message, and interrupts a run as Ctrl-C would.
#
# Usage: tests/cli/bad-input.sh [BIN_DIR]   (default build/bin; make test-cli)
# Prints one line per check; exits 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh
bin=${1:-build/bin}
prog=$bin/traverse
[ -x "$prog" ] || { echo "bad-input: $prog not built (make build)" >&2; exit 1; }

cli_begin bad-input

# A run small enough to take well under a second.
tiny=(--max-ws=8K "--benchmark_filter=aos/170/" --benchmark_repetitions=1 --benchmark_min_time=0.001)

# expect NAME STATUS PATTERN COMMAND...: the command exits with STATUS
# within 20 s and its stderr matches the extended regex PATTERN.
expect() {
    local name=$1 want=$2 pattern=$3
    shift 3
    timeout 20 "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        fail "$name: exit $got, expected $want ($(head -n 1 "$tmp/err"))"
    elif ! grep -Eq -- "$pattern" "$tmp/err"; then
        fail "$name: stderr lacks /$pattern/: $(head -n 2 "$tmp/err")"
    else
        pass "$name -> exit $got: $(grep -Em 1 -- "$pattern" "$tmp/err")"
    fi
}

# --- the program's own flags: usage on stderr, exit 2 ------------------------
expect "unknown flag" 2 "unknown option '--bogus'.*|usage:" "$prog" --bogus
expect "stray argument" 2 "unexpected argument 'extra'" "$prog" extra
expect "malformed size" 2 "--max-ws wants a size.*'12Q'" "$prog" --max-ws=12Q
expect "empty size" 2 "--max-ws wants a size" "$prog" --max-ws=
expect "size below 4K" 2 "--max-ws wants a size of at least 4K" "$prog" --max-ws=100
expect "negative seed" 2 "--seed wants a non-negative integer" "$prog" --seed=-1
expect "malformed seed" 2 "--seed wants a non-negative integer" "$prog" --seed=12x
expect "malformed library flag" 2 "benchmark_repetitions.*integer" "$prog" --benchmark_repetitions=abc
expect "usage is printed" 2 "^usage: traverse" "$prog" --bogus

# --- every program of the suite: --help, and a bad option is refused -------
for p in "$bin"/*; do
    [ -f "$p" ] && [ -x "$p" ] || continue
    name=$(basename "$p")
    if timeout 20 "$p" --help >"$tmp/out" 2>&1 && grep -q "^usage: $name" "$tmp/out"; then
        pass "$name --help -> exit 0 with its usage"
    else
        fail "$name --help: $(head -n 1 "$tmp/out")"
    fi
    # The suite's part of the help fits an 80-column terminal (the
    # purposes are filled when printed: paragraph.h).
    wide=$(sed '/^Google Benchmark/,$d' "$tmp/out" | awk 'length > 80' | head -n 1)
    if [ -z "$wide" ]; then
        pass "$name --help fits 80 columns"
    else
        fail "$name --help has a line over 80 columns: $wide"
    fi
    timeout 20 "$p" --no-such-option >"$tmp/out" 2>&1
    got=$?
    if [ "$got" -ne 0 ] && [ "$got" -lt 124 ]; then
        pass "$name --no-such-option -> exit $got"
    else
        fail "$name --no-such-option: exit $got ($(head -n 1 "$tmp/out"))"
    fi
done

# --- ...while good input still works ------------------------------------------
if timeout 20 "$prog" --help >"$tmp/out" 2>&1 && grep -q "^usage: traverse" "$tmp/out" &&
   grep -q -- "--benchmark_filter" "$tmp/out"; then
    pass "--help -> exit 0, the suite's options then the library's"
else
    fail "--help: $(head -n 2 "$tmp/out")"
fi
if timeout 20 "$prog" --quick --seed=7 "${tiny[@]}" --benchmark_format=json >"$tmp/out" 2>"$tmp/err" &&
   jq -e '.context.seed == "7" and .context.mode == "quick" and
          ([.benchmarks[] | select(.run_type == "iteration")] | length) == 1' "$tmp/out" >/dev/null; then
    pass "--quick --seed=7 -> exit 0, seed and mode in the context"
else
    fail "--quick --seed=7: $(head -n 2 "$tmp/err")"
fi
# lines interleaves its repetitions unless told not to; traverse does not
# (docs/measuring.md); the context says which.
lines_tiny=(--max-ws=64K "--benchmark_filter=lines/view/short/" --benchmark_repetitions=2
            --benchmark_min_time=0.001 --benchmark_format=json)
if timeout 20 "$bin/lines" "${lines_tiny[@]}" >"$tmp/out" 2>"$tmp/err" &&
   jq -e '.context.random_interleaving == "true"' "$tmp/out" >/dev/null &&
   timeout 20 "$bin/lines" "${lines_tiny[@]}" --benchmark_enable_random_interleaving=false \
       >"$tmp/out" 2>"$tmp/err" &&
   jq -e '.context.random_interleaving == "false"' "$tmp/out" >/dev/null &&
   timeout 20 "$prog" "${tiny[@]}" --benchmark_format=json >"$tmp/out" 2>"$tmp/err" &&
   jq -e '.context.random_interleaving == "false"' "$tmp/out" >/dev/null; then
    pass "lines interleaves by default, =false honoured, traverse does not; all in the context"
else
    fail "random interleaving: $(head -n 2 "$tmp/err")"
fi

# --- a working set larger than memory: refused before anything is allocated --
start=$(date +%s%N)
expect "working set larger than memory" 2 "needs about .* but only .* is available" "$prog" --max-ws=1T
ms=$(( ($(date +%s%N) - start) / 1000000 ))
[ "$ms" -lt 5000 ] && pass "  ...refused in $ms ms, before building anything" ||
    fail "  ...took $ms ms: it built something first"

# --- an unwritable output fails before the run, not after ---------------------
touch "$tmp/file"
expect "unwritable --benchmark_out" 1 "invalid file name" "$prog" "${tiny[@]}" \
    --benchmark_out="$tmp/file/x.json"
if grep -q "traverse/aos" "$tmp/out"; then fail "  ...a case ran before the error"; else pass "  ...no case ran"; fi
expect "unwritable results directory" 1 "cannot write to '$tmp/file/results'; nothing was run" \
    scripts/run-benches.sh "$bin" "$tmp/file/results" traverse "${tiny[@]}"
mkdir -p "$tmp/ro"
chmod 555 "$tmp/ro"
if [ "$(id -u)" -ne 0 ]; then
    expect "read-only results directory" 1 "cannot write to" \
        scripts/run-benches.sh "$bin" "$tmp/ro" traverse "${tiny[@]}"
else
    pass "read-only results directory: skipped (root may write anywhere)"
fi

# --- a filter that matches no case is a failure, not an empty result ----------
expect "filter matching nothing" 1 "no case ran" \
    scripts/run-benches.sh "$bin" "$tmp/nomatch" traverse --max-ws=8K --benchmark_filter=nosuchcase
left=$(find "$tmp/nomatch" -type f | wc -l)
[ "$left" -eq 0 ] && pass "  ...no empty JSON left behind" || fail "  ...left $left file(s): $(find "$tmp/nomatch" -type f)"

# --- a previous run is never overwritten --------------------------------------
res=$tmp/results
expect "first run" 0 "results in" scripts/run-benches.sh "$bin" "$res" traverse "${tiny[@]}"
first=$(readlink "$res/latest")
sum1=$(cksum < "$res/$first/traverse.json")
expect "second run in the same second" 0 "results in" \
    scripts/run-benches.sh "$bin" "$res" traverse "${tiny[@]}"
second=$(readlink "$res/latest")
if [ "$first" != "$second" ] && [ "$(cksum < "$res/$first/traverse.json")" = "$sum1" ] &&
   [ -s "$res/$second/traverse.json" ]; then
    pass "  ...two runs, two directories ($first, $second), the first unchanged"
else
    fail "  ...second run $second overwrote or reused the first $first"
fi

# --- Ctrl-C during a run: no half JSON, no temporary file ---------------------
# Job control puts the run in its own process group, as a shell does for a
# foreground job, so SIGINT reaches the script and the program at once, as
# Ctrl-C would (a background job without it would ignore SIGINT).
ires=$tmp/interrupted
mkdir -p "$ires"
set -m
# 256M: long enough that the run is still going when the signal comes.
# env --default-signal: a shell that runs this script in the background
# without job control (nohup ... &, a CI step started that way) hands it
# SIGINT ignored, which no shell below can undo, and the run would ignore
# Ctrl-C: it went on to the end (exit 0) twice in such fresh clones.
env --default-signal=INT scripts/run-benches.sh "$bin" "$ires" traverse --max-ws=256M \
    >"$tmp/int.out" 2>"$tmp/int.err" &
pid=$!
set +m
waited=0
for _ in $(seq 100); do
    ls "$ires"/*/traverse.json.part >/dev/null 2>&1 && break
    sleep 0.1
    waited=$((waited + 1))
done
sleep 0.5   # well inside the run: the program has started writing
kill -INT -- "-$pid" 2>"$tmp/kill.err"
kill_status=$?
wait "$pid"
status=$?
left=$(find "$ires" -name '*.part' -o -name '*.json' | wc -l)
if [ "$status" -eq 130 ] && [ "$left" -eq 0 ] && [ ! -e "$ires/latest" ]; then
    pass "Ctrl-C during a run -> exit $status, no .part or .json left, latest not moved: $(grep -m 1 "run-benches: interrupted" "$tmp/int.err")"
else
    # What to look at: when the signal came, whether kill found the
    # group, and what the run said.
    fail "Ctrl-C during a run: exit $status, $left files left: $(find "$ires" -type f | tr '\n' ' ')"
    echo "      signal after $((waited / 10)).$((waited % 10)) s + 0.5 s; kill exit $kill_status $(cat "$tmp/kill.err")"
    echo "      run's output: $(tr '\n' '|' < "$tmp/int.out")"
    echo "      run's errors: $(tail -n 5 "$tmp/int.err" | tr '\n' '|')"
fi

# --- the cross-check as a bench program (make demo-traverse-slots) ----------
cc=tools/crosscheck.py
expect "crosscheck: a flag it does not answer" 2 "'--benchmark_bogus=1' is not a flag it answers" \
    python3 "$cc" --benchmark_bogus=1
expect "crosscheck: a filter that is no regex" 2 "--benchmark_filter: not a regular expression" \
    python3 "$cc" --benchmark_filter='('
expect "crosscheck: repetitions not a number" 2 "--benchmark_repetitions must be a positive" \
    python3 "$cc" --benchmark_filter=x --benchmark_repetitions=abc
expect "crosscheck: output format not json" 2 "only json" \
    python3 "$cc" --benchmark_out_format=csv
expect "crosscheck: a filter that matches nothing" 1 "no case matches the filter 'nothing'" \
    python3 "$cc" --quick --benchmark_filter=nothing
listed=$(python3 "$cc" --quick --benchmark_list_tests=true 2>&1 | tr '\n' ' ')
if [ "$listed" = "crosscheck/object_list/1024/real_time crosscheck/object_list/4096/real_time crosscheck/dict_object_list/1024/real_time crosscheck/dict_object_list/4096/real_time " ]; then
    pass "crosscheck --quick --benchmark_list_tests lists L7's four quick cases"
else
    fail "crosscheck --quick --benchmark_list_tests: $listed"
fi

# --- calibrate --again: a bad run is refused; the first calibration is never lost
cal=$bin/calibrate
expect "calibrate --again without a run" 2 "say which run to measure again" "$cal" --again
expect "calibrate --again on a missing run" 1 "machine.json" "$cal" --again "$tmp/no-such-run"
mkdir -p "$tmp/again"
machine='{"format": "memlayout-machine-profile-1", "measured": {"levels": [{"name": "L1", "bytes": 34000, "ns": 1.2}], "host_check_ns": HOST}}'
# Cases whose checks took 1 s: a calibration at 20 s is slowed against them,
# and any real one measured now is not (unless the gate gave up on it).
bench='{"context": {}, "benchmarks": [{"name": "a/x/1", "run_name": "a/x/1", "run_type": "iteration", "real_time": 5, "cpu_time": 5, "time_unit": "ns", "host_check_ns": 1e9}]}'
echo "${machine/HOST/1000000000}" > "$tmp/again/machine.json"
echo "$bench" > "$tmp/again/a.json"
cp "$tmp/again/machine.json" "$tmp/again.before"
expect "calibrate --again on a calibration at the cases' speed: kept" 0 "ran unslowed" \
    "$cal" --again --max-ws=1M "$tmp/again"
if cmp -s "$tmp/again/machine.json" "$tmp/again.before" && [ ! -s "$tmp/out" ]; then
    pass "  ...machine.json untouched, nothing on stdout"
else
    fail "  ...machine.json changed or stdout not empty: $(cat "$tmp/out")"
fi
echo "${machine/HOST/20000000000}" > "$tmp/again/machine.json"
cp "$tmp/again/machine.json" "$tmp/again.before"
expect "calibrate --again on a slowed calibration measures again" 0 "ran slowed .*: measuring again" \
    "$cal" --again --max-ws=1M "$tmp/again"
if grep -q "^calibrated again after the programs: the first calibration ran slowed" "$tmp/out"; then
    if jq -e --slurpfile first "$tmp/again.before" \
        '.first_calibration.profile == $first[0] and .first_calibration.host_check_ns == 2e10
         and .measured.host_check_ns < 1e9 and (.notes | any(test("first_calibration")))' \
        "$tmp/again/machine.json" >/dev/null; then
        pass "  ...replaced; the first kept whole under first_calibration"
    else
        fail "  ...replaced, but the first is not kept whole: $(jq -c .first_calibration "$tmp/again/machine.json" | head -c 200)"
    fi
elif grep -q "that ran slowed too" "$tmp/out" && cmp -s "$tmp/again/machine.json" "$tmp/again.before"; then
    pass "  ...the second ran slowed too (another thread here): the first kept as it was"
else
    fail "  ...neither replaced nor kept: $(cat "$tmp/out")"
fi

cli_end bad-input
