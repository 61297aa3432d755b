#!/bin/bash
# run-benches.sh - run bench programs into a new results/<UTC time>-<host>/
# directory, one Google Benchmark JSON file per program, showing progress.
#
# Usage: scripts/run-benches.sh BIN_DIR RESULTS_DIR "traverse growth ..." [flags...]
# Env:   QUICK=1 (fewer sizes, shorter runs), MAX_WS=SIZE (largest working set),
#        V=1 (the library's console output live, not only in the log),
#        RUN_FILE=path (the run directory is written there when a result
#        was kept, so later steps use this run, not whatever latest is then).
#        Extra flags go to every program (e.g. --benchmark_filter=aos).
#
# First the machine is measured: BIN_DIR/calibrate writes RUN/machine.json
# (a few seconds, QUICK too) and every program gets MEMLAYOUT_PROFILE=that
# file, so sizes and levels follow the measured caches.  If calibration
# fails the run says so and goes on with the fallback sizes.  After the
# programs, `calibrate --again` measures once more when the cases say the
# calibration ran while another thread shared this core.
# MEMLAYOUT_IGNORE_REPORTED=1 (passed through) makes calibrate and every
# program read no sysfs/CPUID sizes.  Each program records other programs'
# CPU share while it ran; they are merged into RUN/conditions.json.
#
# Cases whose claim compares one size (a program's --replicate) are
# measured again in four later processes, one halfway through and three
# after the programs (QUICK=1: one, after them), into
# RUN/replicates/<bench>.<pass>.json: the report judges them over the
# processes.
#
# Output: one line per program.  On a terminal a live line for the case it
# is on (n of total, elapsed, time left, the last case's median and
# spread) is redrawn every second and becomes that line; otherwise the
# line is plain text, begun when the program starts and ended when it is
# done, so a log shows which program is running.  Each program's full
# console output goes to RUN/console.log (V=1 shows it live too).
#
# A run never overwrites another: each gets a new directory.  A program's
# JSON is written under a temporary name and renamed only when the program
# ended and the file is complete JSON, so an interrupted run, a crash or a
# full disk leaves no cut-off file.  RESULTS_DIR/latest points at the newest
# run that kept at least one result; a run that kept nothing leaves no
# directory.
set -euo pipefail

if [ "${1:-}" = --help ] || [ "${1:-}" = -h ]; then
    sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"
    exit 0
fi
[ $# -ge 3 ] || { echo "usage: scripts/run-benches.sh BIN_DIR RESULTS_DIR \"bench ...\" [flags...]" >&2; exit 2; }
bin=$1 results=$2 benches=$3
shift 3
extra=("$@")

# The suite's figures need at least one repetition: with 0 the programs
# run no case and exit 0, and an empty run must not become latest.
for f in "${extra[@]}"; do
    case $f in
    --benchmark_repetitions=*)
        r=${f#*=}
        if ! [[ $r =~ ^[0-9]+$ ]] || [ "$r" -lt 1 ]; then
            echo "run-benches: $f: repetitions must be a whole number of at least 1; nothing was run." >&2
            exit 2
        fi ;;
    esac
done

mkdir -p "$results" 2>/dev/null || true
if [ ! -d "$results" ] || [ ! -w "$results" ]; then
    echo "run-benches: cannot write to '$results'; nothing was run." >&2
    exit 1
fi

# Whether a run directory holds a bench program's result: machine.json and
# conditions.json describe the run and are no result of their own.
has_result() {
    local f
    for f in "$1"/*.json; do
        [ -e "$f" ] || continue
        case ${f##*/} in machine.json | conditions.json) ;; *) return 0 ;; esac
    done
    return 1
}

# Leftovers of runs killed too hard to clean up (kill -9, power loss): a
# run directory still marked as running by a process that is gone, and
# latest.tmp.PID links of dead processes.  A live run is never touched.
shopt -s nullglob
for mark in "$results"/*/.running; do
    d=${mark%/.running}
    pid=$(cat "$mark" 2>/dev/null || echo)
    [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && continue
    rm -f "$d"/*.part "$d"/replicates/*.part "$d"/.conditions.* "$mark"
    if ! has_result "$d"; then
        rm -f "$d/console.log" "$d/steps.log" "$d/machine.json" "$d/conditions.json"
        rm -rf "$d/replicates"
        rmdir "$d" 2>/dev/null || true
    fi
    echo "run-benches: cleaned up after an interrupted run in $d" >&2
done
for link in "$results"/latest.tmp.*; do
    pid=${link##*.}
    kill -0 "$pid" 2>/dev/null || rm -f "$link"
done
shopt -u nullglob

stamp=$(date -u +%Y%m%dT%H%M%SZ)
host=$(hostname -s 2>/dev/null || hostname)
run=$results/$stamp-$host
n=1
until mkdir "$run" 2>/dev/null; do
    n=$((n + 1))
    run=$results/$stamp-$host-$n
    [ $n -lt 100 ] || { echo "run-benches: cannot create a run directory in $results" >&2; exit 1; }
done
echo $$ > "$run/.running"
log=$run/console.log
progress_file=$run/progress.part

kept() { has_result "$run"; }
cleanup() {
    [ -z "${ticker:-}" ] || stop_ticker
    rm -f "$run"/*.part "$run"/replicates/*.part "$run"/.conditions.* "$run/.running"
    # Nothing kept: no directory either (its log went with it; the
    # failures' last lines were printed).
    if ! kept; then
        rm -f "$log" "$run/steps.log" "$run/machine.json" "$run/conditions.json"
        rm -rf "$run/replicates"
        rmdir "$run" 2>/dev/null || true
    fi
}
trap cleanup EXIT
interrupted() {
    # The live line goes before the message.
    if [ -n "${ticker:-}" ]; then stop_ticker; printf '\r\033[K'; fi
    if kept; then
        echo "run-benches: interrupted; completed results stay in $run" >&2
    else
        echo "run-benches: interrupted; nothing had completed, nothing is kept" >&2
    fi
    exit 130
}
trap interrupted INT TERM

args=()
[ "${QUICK:-0}" != 0 ] && args+=(--quick)
[ -n "${MAX_WS:-}" ] && args+=("--max-ws=$MAX_WS")
tty=0
[ -t 1 ] && tty=1

# The cases a program will run, from the library's list; "" when the list
# takes long (a program that builds its inputs first): then no time left
# is shown.  The lister's scratch files go with it on SIGTERM.
count_cases() {
    local n
    n=$(timeout 5 "$bin/$1" "${args[@]}" "${extra[@]}" --benchmark_list_tests=true 2>/dev/null |
        grep -c /) || true
    [ "${n:-0}" -gt 0 ] && echo "$n" || true
}

# mawk (Debian's awk) reads a pipe in whole blocks, so a case's line would
# reach the live line only with the next few; -W interactive makes it read
# lines as they come.  Other awks read lines anyway (gawk warns about the
# option, so it is given only where it is understood silently).
awk_lines=()
[ -n "$(awk -W interactive 'BEGIN {}' 2>&1 </dev/null)" ] || awk_lines=(-W interactive)

# Reads a program's console output: appends it to the log (and shows it
# with V=1), and leaves in $progress_file how many cases are done and the
# last one's figures, for the live line and the program's final line.  A
# case is done after its last line: its aggregates' (median, then cv) with
# repetitions, its one line without.  A case registered to run once
# ("/repeats:1", which the interleaved cases are: each repetition its own
# case, listed once each) prints no aggregates under the program's
# repetitions, so each of its lines is a case done.
progress() {
    awk "${awk_lines[@]}" -v verbose="${V:-0}" -v logf="$log.part" -v statef="$progress_file" '
    function state() { printf "%d\t%s\n", done, last > statef; close(statef) }
    BEGIN { reps = 1; done = 0; last = ""; state() }
    { print >> logf; fflush(logf); if (verbose) { print; fflush() } }
    /^repetitions: [0-9]+$/ { reps = $2 + 0 }
    # A result line: "name  value unit ..." or "name  ERROR OCCURRED: ...".
    $1 ~ /\// && NF >= 2 && ($2 ~ /^[0-9.]+$/ || $2 == "ERROR") {
        name = $1
        if ($2 == "ERROR") { done++; last = name " failed"; state(); next }
        if ((reps <= 1 || name ~ /\/repeats:1(\/|$)/) && name !~ /_(mean|median|stddev|cv)$/) {
            done++; sub(/\/real_time$/, "", name); last = name " " $2 " " $3
        } else if (name ~ /_median$/) {
            sub(/(\/real_time)?_median$/, "", name); median = name " median " $2 " " $3
        } else if (name ~ /_cv$/) {
            done++; last = median " (cv " $2 "%)"
        }
        state()
    }
    END { state() }'
}

# secs_var VAR SECONDS: "42s" or "3m07s" into VAR (no subshell: the ticker
# below must not fork while it draws).
secs_var() {
    if [ "$2" -ge 60 ]; then printf -v "$1" '%dm%02ds' $(($2 / 60)) $(($2 % 60)); else printf -v "$1" '%ds' "$2"; fi
}

# On a terminal a ticker draws the live line every second from
# $progress_file, so the elapsed time moves during a long case too: case
# n of total, elapsed, time left, the last case's median and spread.  It
# is the live line's only writer, and is stopped (and waited for) before
# the program's final line is printed; it also stops when this script
# is gone.
ticker=""
start_ticker() { # index name cases
    local idx=$1 name=$2 cases=$3 t0 now el msg t left n=0 last="" d l
    printf -v t0 '%(%s)T' -1
    (
        while kill -0 $$ 2>/dev/null; do
            # A read racing the reader's rewrite may see half a line: keep
            # the last whole one.
            if { IFS=$'\t' read -r d l < "$progress_file"; } 2>/dev/null && [[ $d =~ ^[0-9]+$ ]]; then
                n=$d last=$l
            fi
            printf -v now '%(%s)T' -1
            el=$((now - t0))
            secs_var t "$el"
            msg="[$idx/$total] $name: case $n${cases:+ of $cases}, $t"
            if [ -n "$cases" ] && [ "$n" -gt 0 ] && [ "$n" -lt "$cases" ]; then
                secs_var left $((el * (cases - n) / n))
                msg+=", ~$left left"
            fi
            [ -z "$last" ] || msg+="; $last"
            printf '\r\033[K%s' "${msg:0:150}"
            sleep 1
        done
    ) &
    ticker=$!
}
stop_ticker() {
    [ -n "$ticker" ] || return 0
    kill "$ticker" 2>/dev/null || true
    wait "$ticker" 2>/dev/null || true
    ticker=""
}

total=0
for b in $benches; do total=$((total + 1)); done
i=0 failed="" busy=""
start=$(date +%s)
mode=$([ "${QUICK:-0}" != 0 ] && echo quick || echo full)
echo "==> $total program(s), $mode mode, into $run (log: $log)"

# The measured machine first: sizes and levels of every program follow it.
# calibrate refuses a --max-ws below 1 MiB; it measures to its own default
# (128 MiB) either way, which the largest sizes of a run need.
calibrate_start=$(date +%s)
[ "$tty" = 1 ] && printf '==> calibrating: measuring this machine'"'"'s caches, line, bandwidth, page faults...'
set +e
"$bin/calibrate" "$run/machine.json" >"$log.part" 2>&1
cal_status=$?
set -e
[ "$tty" = 1 ] && printf '\r\033[K'
{ echo "=== calibrate (exit $cal_status)"; cat "$log.part"; } >> "$log"
rm -f "$log.part"
if [ $cal_status -eq 0 ] && jq -e '.format' "$run/machine.json" >/dev/null 2>&1; then
    export MEMLAYOUT_PROFILE=$run/machine.json
    levels=$(jq -r '[.measured.levels[] | "\(.name) " + (if .bytes >= 1048576 then "\(.bytes / 104857.6 | floor / 10) MiB" else "\(.bytes / 1024 | floor) KiB" end)] | join(", ")' \
        "$run/machine.json" 2>/dev/null || echo "?")
    echo "==> calibrated in $(( $(date +%s) - calibrate_start )) s: ${levels:-no cache level found}; memory past that (machine.json)"
else
    rm -f "$run/machine.json"
    unset MEMLAYOUT_PROFILE
    echo "run-benches: calibration failed (exit $cal_status; see $log); the programs use the fallback sizes (L1 32 KiB, L2 512 KiB, L3 8 MiB) and say so in their results (context machine_profile)." >&2
fi
# Cases whose claim compares one size are measured again by later
# processes (a program's --replicate): what drifts between processes of a
# run, more than between the repetitions of one, then shows in the
# report's interval instead of deciding the verdict by when the one
# process ran.  Pass 1 runs halfway through the programs for those done
# by then, passes 2-4 after them all (pass 1 first for the rest), each
# into RUN/replicates/<bench>.<pass>.json: five processes in all, since
# a median of three still followed one process's draw where a claim sat
# near its threshold (X6's base / huge pages per process 1.09x to 1.48x
# around a median of 1.27x, on a 1.2x threshold).  A quick run keeps to
# its budget with pass 2 alone, at the end: two processes.  A program without
# such cases, or whose own result was not kept, is left out.
awaiting_pass1="" replicated="" replicate_seconds=0
replicate_pass() { # pass "bench ..."
    local pass=$1 b n pass_start status out
    pass_start=$(date +%s)
    for b in $2; do
        [ -f "$run/$b.json" ] || continue
        n=$(timeout 5 "$bin/$b" --replicate "${args[@]}" --benchmark_list_tests=true 2>/dev/null |
            grep -c /) || true
        [ "${n:-0}" -gt 0 ] || continue
        mkdir -p "$run/replicates"
        out=$run/replicates/$b.$pass.json
        set +e
        "$bin/$b" --replicate "${args[@]}" "${extra[@]}" --benchmark_out="$out.part" \
            --benchmark_out_format=json >"$log.part" 2>&1
        status=$?
        set -e
        { echo "=== $b --replicate, pass $pass (exit $status)"; cat "$log.part"; } >> "$log"
        rm -f "$log.part"
        if [ $status -le 1 ] && jq -se 'length == 1 and (.[0].benchmarks | length > 0)' "$out.part" >/dev/null 2>&1; then
            mv -f "$out.part" "$out"
            [[ " $replicated " == *" $b "* ]] || replicated="$replicated $b"
        else
            rm -f "$out.part"
            echo "run-benches: $b --replicate (pass $pass) exited with status $status; the report judges its cases on the processes it has" >&2
        fi
    done
    replicate_seconds=$((replicate_seconds + $(date +%s) - pass_start))
}
halfway=$(( (total + 1) / 2 ))

for b in $benches; do
    i=$((i + 1))
    cases=$(count_cases "$b")
    # The program's line: begun now without a terminal (a log shows what
    # runs), drawn live on one, ended when the program is done.
    head="[$i/$total] $b${cases:+ ($cases cases)}"
    program_start=$(date +%s)
    rm -f "$progress_file"
    if [ "${V:-0}" != 0 ]; then
        echo "==> $head"
    elif [ "$tty" = 0 ]; then
        printf '%s ... ' "$head"
    else
        start_ticker "$i" "$b" "$cases"
    fi
    set +e
    MEMLAYOUT_CONDITIONS_OUT="$run/.conditions.$b" "$bin/$b" "${args[@]}" "${extra[@]}" \
        --benchmark_out="$run/$b.json.part" --benchmark_out_format=json 2>&1 | progress
    pipe=("${PIPESTATUS[@]}")
    set -e
    stop_ticker
    ndone=0
    { IFS=$'\t' read -r ndone _ < "$progress_file"; } 2>/dev/null || true
    secs_var took $(( $(date +%s) - program_start ))
    if [ "$tty" = 1 ] && [ "${V:-0}" = 0 ]; then printf '\r\033[K'; fi
    if [ "$tty" = 0 ] && [ "${V:-0}" = 0 ]; then
        echo "${ndone:-0} done in $took"
    else
        echo "$head ... ${ndone:-0} done in $took"
    fi
    status=${pipe[0]}
    # The log could not be kept (a full disk): the run cannot be trusted.
    [ "${pipe[1]}" -eq 0 ] || { [ "$status" -ne 0 ] || status=1; }
    # Complete JSON with at least one case, or nothing: a full disk or a
    # crash cuts the file, and a filter or repetitions=0 can leave none.
    complete=0
    jq -se 'length == 1 and (.[0].benchmarks | length > 0)' "$run/$b.json.part" >/dev/null 2>&1 && complete=1
    if [ "$status" -eq 0 ] && [ $complete = 1 ]; then
        mv -f "$run/$b.json.part" "$run/$b.json"
    elif [ "$status" -eq 1 ] && [ $complete = 1 ]; then
        # The program finished but a case failed its check (exit 1): keep
        # the file, whose failed cases say why, and report the failure.
        mv -f "$run/$b.json.part" "$run/$b.json"
        echo "run-benches: $b: a case failed its check; see $run/$b.json" >&2
        failed="$failed $b"
    else
        if [ "$status" -eq 0 ]; then
            # Google Benchmark exits 0 and writes no case when no case
            # matches --benchmark_filter: that is no result, not a success.
            echo "run-benches: $b: no case ran (does --benchmark_filter match any case?)" >&2
        else
            echo "run-benches: $b exited with status $status; its output is discarded. Its last lines:" >&2
            tail -n 5 "$log.part" 2>/dev/null | sed 's/^/    /' >&2 || true
        fi
        rm -f "$run/$b.json.part"
        failed="$failed $b"
    fi
    # The load check, gathered for one line at the end (the program's own
    # warning is in the log): a quiet machine gets none, a busy one one
    # line rather than one per program.
    share=$(jq -r --arg warn 0.10 'select(.others_cpu_share != null and .others_cpu_share >= ($warn | tonumber))
        | "\(.others_cpu_share * 100 | floor)%"' "$run/.conditions.$b" 2>/dev/null) || share=""
    [ -z "$share" ] || busy="$busy${busy:+, }$b $share"
    { echo "=== $b (exit $status)"; cat "$log.part"; } >> "$log"
    rm -f "$log.part"
    awaiting_pass1="$awaiting_pass1 $b"
    if [ "${QUICK:-0}" = 0 ] && [ "$i" -eq "$halfway" ]; then
        replicate_pass 1 "$awaiting_pass1"
        awaiting_pass1=""
    fi
done
[ "${QUICK:-0}" != 0 ] || [ -z "$awaiting_pass1" ] || replicate_pass 1 "$awaiting_pass1"
last_pass=4
[ "${QUICK:-0}" = 0 ] || last_pass=2
for ((pass = 2; pass <= last_pass; pass++)); do replicate_pass "$pass" "$benches"; done

# Each program's load check, in the order they ran, as one file.
shopt -s nullglob
parts=()
for b in $benches; do
    [ -s "$run/.conditions.$b" ] && parts+=("$run/.conditions.$b")
done
shopt -u nullglob
if [ ${#parts[@]} -gt 0 ] && kept; then
    # The whole run's share (weighted by each program's seconds) is what the
    # report's busy warning reads (src/report/conditions.c); the programs'
    # own records stay beside it.
    jq -s '{programs: .,
            seconds: (map(.seconds // 0) | add),
            others_cpu_share: (map(select(.others_cpu_share != null and .seconds != null)) as $k
                               | if ($k | map(.seconds) | add // 0) > 0
                                 then ($k | map(.others_cpu_share * .seconds) | add) / ($k | map(.seconds) | add)
                                 else null end)}' \
        "${parts[@]}" > "$run/conditions.json.part" &&
        mv -f "$run/conditions.json.part" "$run/conditions.json" ||
        { rm -f "$run/conditions.json.part"; echo "run-benches: could not merge the load checks into conditions.json" >&2; }
fi
rm -f "$run"/.conditions.*

# A calibration taken while another thread shared this core measured
# smaller caches, and the host keeps that up for minutes.  The run's cases
# now tell (each timed the same host check), and a second calibration
# replaces the first when it ran unslowed (src/report/recalibration.h);
# machine.json then keeps the first under "first_calibration".
if kept && [ -f "$run/machine.json" ]; then
    set +e
    again=$("$bin/calibrate" --again "$run" 2>"$log.part")
    again_status=$?
    set -e
    { echo "=== calibrate --again (exit $again_status)"; cat "$log.part"; } >> "$log"
    rm -f "$log.part"
    if [ $again_status -ne 0 ]; then
        echo "run-benches: checking the calibration against the cases failed (exit $again_status; see $log); the first calibration stays" >&2
    elif [ -n "$again" ]; then
        echo "==> $again"
    fi
fi

if kept; then
    # A name of this run's own: two runs ending together must not share it.
    ln -sfn "$(basename "$run")" "$results/latest.tmp.$$"
    mv -Tf "$results/latest.tmp.$$" "$results/latest"
    [ -z "${RUN_FILE:-}" ] || echo "$run" > "$RUN_FILE"
    replicas_note=""
    [ -z "$replicated" ] || replicas_note=" ($replicate_seconds s of it measuring the one-size cases of$replicated again)"
    echo "==> run took $(( $(date +%s) - start )) s$replicas_note; results in $run" >&2
else
    echo "==> run took $(( $(date +%s) - start )) s; no result was kept" >&2
fi
[ -z "$busy" ] || echo "run-benches: other programs took a share of the CPUs while these ran: $busy; their timings may not repeat" >&2
if [ -n "$failed" ]; then
    echo "run-benches: failed:$failed" >&2
    exit 1
fi
