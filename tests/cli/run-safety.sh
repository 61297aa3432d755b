#!/bin/bash
# run-safety.sh - a run never keeps a cut-off or empty result, never moves
# latest to one, and two runs in one checkout keep apart: full disks (the
# bench programs and run-benches.sh), --benchmark_repetitions=0, leftovers
# of killed runs, two make bench at once with spaces in the results path.
#
# Usage: tests/cli/run-safety.sh [BIN_DIR]   (default build/bin; make test-cli)
# Prints one line per check; exits 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh
bin=${1:-build/bin}
[ -x "$bin/traverse" ] || { echo "run-safety: $bin/traverse not built (make build)" >&2; exit 1; }

cli_begin run-safety
tiny=(--max-ws=8K "--benchmark_filter=aos/170/" --benchmark_repetitions=1 --benchmark_min_time=0.001)

# --- a bench program whose output file cannot be written exits non-zero -----
timeout 20 "$bin/traverse" "${tiny[@]}" --benchmark_out=/dev/full >/dev/null 2>"$tmp/err"
status=$?
if [ $status -eq 1 ] && grep -q "benchmark_out '/dev/full' failed" "$tmp/err"; then
    pass "--benchmark_out=/dev/full -> exit 1: $(grep -m 1 failed "$tmp/err")"
else
    fail "--benchmark_out=/dev/full -> exit $status: $(tail -n 1 "$tmp/err")"
fi

# A results tree with one good earlier run, as latest.
res=$tmp/results
timeout 20 scripts/run-benches.sh "$bin" "$res" traverse "${tiny[@]}" >/dev/null 2>&1
before=$(readlink "$res/latest")
sum_before=$(cksum < "$res/$before/traverse.json")
ndirs() { find "$res" -mindepth 1 -maxdepth 1 -type d | wc -l; }
dirs_before=$(ndirs)
intact() { # name: latest and the earlier run unchanged, no new run directory
    if [ "$(readlink "$res/latest")" = "$before" ] &&
       [ "$(cksum < "$res/$before/traverse.json")" = "$sum_before" ] &&
       [ "$(ndirs)" -eq "$dirs_before" ]; then
        pass "  ...$1: latest and the earlier run intact, no run directory left"
    else
        fail "  ...$1: latest is $(readlink "$res/latest"), dirs: $(ls "$res" | tr '\n' ' ')"
    fi
}

# --- a program that exits 0 over a cut file (the old shim on a full disk) ----
fake=$tmp/fakebin
mkdir -p "$fake"
cat > "$fake/traverse" <<'EOF'
#!/bin/sh
# A bench program that writes FAKE_JSON to its --benchmark_out and exits 0.
for a; do case $a in --benchmark_out=*) printf '%s' "$FAKE_JSON" > "${a#*=}" ;; esac; done
exit 0
EOF
chmod +x "$fake/traverse"
FAKE_JSON='{"context": {}, "benchmarks": [{"name": "traverse/aos/170", "real_t' \
    timeout 20 scripts/run-benches.sh "$fake" "$res" traverse >"$tmp/out" 2>"$tmp/err"
status=$?
if [ $status -ne 0 ] && ! grep -q "results in" "$tmp/err"; then
    pass "cut JSON with exit 0 -> exit $status, discarded: $(grep -m 1 run-benches "$tmp/err")"
else
    fail "cut JSON with exit 0 -> exit $status: $(tail -n 1 "$tmp/err")"
fi
intact "cut JSON"
FAKE_JSON='{"context": {}, "benchmarks": []}' \
    timeout 20 scripts/run-benches.sh "$fake" "$res" traverse >"$tmp/out" 2>"$tmp/err"
status=$?
[ $status -ne 0 ] && pass "no case in the JSON -> exit $status" || fail "no case in the JSON -> exit 0"
intact "no case"

# --- no repetitions: refused before anything runs ----------------------------
timeout 20 scripts/run-benches.sh "$bin" "$res" traverse --max-ws=8K --benchmark_repetitions=0 \
    >"$tmp/out" 2>"$tmp/err"
status=$?
if [ $status -eq 2 ] && grep -q "nothing was run" "$tmp/err"; then
    pass "--benchmark_repetitions=0 -> exit 2: $(head -n 1 "$tmp/err")"
else
    fail "--benchmark_repetitions=0 -> exit $status: $(head -n 1 "$tmp/err")"
fi
intact "repetitions=0"

# --- leftovers of a run killed with -9 are cleaned, a live run's are not ----
sh -c 'exit 0' & dead=$!
wait $dead
mkdir -p "$res/20000101T000000Z-killed" "$res/20000101T000000Z-live"
echo $dead > "$res/20000101T000000Z-killed/.running"
touch "$res/20000101T000000Z-killed/traverse.json.part"
echo $$ > "$res/20000101T000000Z-live/.running"
touch "$res/20000101T000000Z-live/traverse.json.part"
ln -s nowhere "$res/latest.tmp.$dead"
timeout 20 scripts/run-benches.sh "$bin" "$res" traverse "${tiny[@]}" >"$tmp/out" 2>"$tmp/err"
if [ ! -e "$res/20000101T000000Z-killed" ] && [ ! -L "$res/latest.tmp.$dead" ] &&
   [ -e "$res/20000101T000000Z-live/traverse.json.part" ]; then
    pass "a killed run's .part, directory and latest.tmp are cleaned; a live run's kept"
else
    fail "stale files: $(ls -a "$res" "$res"/20000101T000000Z-* 2>&1 | tr '\n' ' ')"
fi
rm -rf "$res/20000101T000000Z-live"
before=$(readlink "$res/latest")
sum_before=$(cksum < "$res/$before/traverse.json")
dirs_before=$(ndirs)

# --- "results in" names only a directory that exists -------------------------
timeout 20 scripts/run-benches.sh "$bin" "$res" traverse --max-ws=8K --benchmark_filter=nosuchcase \
    >"$tmp/out" 2>"$tmp/err"
if grep -q "no result was kept" "$tmp/err" && ! grep -q "results in" "$tmp/err"; then
    pass "a run that kept nothing says so, and names no removed directory"
else
    fail "a run that kept nothing: $(tail -n 2 "$tmp/err" | tr '\n' ' ')"
fi
intact "nothing kept"

# --- two make bench at once, in a results path with spaces -------------------
# Each carries its own run through plots, claims and summary.
spaced="$tmp/two runs"
# aos and boxed: the crosscheck step needs a boxed case.
flags="--benchmark_filter=/(aos|boxed)/[0-9]+/ --benchmark_repetitions=2 --benchmark_min_time=0.001"
for k in 1 2; do
    env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS timeout 300 make --no-print-directory bench \
        BENCH=traverse MAX_WS=8K RESULTS="$spaced" BENCH_FLAGS="$flags" \
        >"$tmp/bench$k.out" 2>&1 &
    eval "pid$k=\$!"
done
wait "$pid1"; s1=$?
wait "$pid2"; s2=$?
r1=$(sed -n 's/.*results in //p' "$tmp/bench1.out")
r2=$(sed -n 's/.*results in //p' "$tmp/bench2.out")
ok=1
for k in 1 2; do
    eval "r=\$r$k"
    [ -n "$r" ] && [ -s "$r/report.md" ] && [ -s "$r/plots/traverse.png" ] &&
        grep -q "$(basename "$r")" "$tmp/bench$k.out" &&
        grep -q "    $r/report.md" "$tmp/bench$k.out" || ok=0
done
if [ $s1 -eq 0 ] && [ $s2 -eq 0 ] && [ $ok = 1 ] && [ "$r1" != "$r2" ]; then
    pass "two make bench at once: two runs, each with its own plots and report"
else
    fail "two make bench at once: exit $s1/$s2, runs '$r1' '$r2': $(tail -n 3 "$tmp/bench1.out" "$tmp/bench2.out" | tr '\n' ' ')"
fi
# ...and the run targets take a RUN with spaces.
if [ -n "$r1" ] && [ -n "$r2" ] &&
   env -u MAKEFLAGS -u MAKELEVEL make -s --no-print-directory claims-diff RUN="$r1" AGAINST="$r2" \
       >"$tmp/out" 2>&1 &&
   env -u MAKEFLAGS -u MAKELEVEL make -s --no-print-directory noise-summary RUN="$r1" >/dev/null 2>&1; then
    pass "claims-diff and noise-summary with spaces in RUN"
else
    fail "RUN with spaces: $(tail -n 2 "$tmp/out")"
fi

cli_end run-safety
