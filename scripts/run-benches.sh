#!/bin/bash
# run-benches.sh - run bench programs into a new results/<UTC time>-<host>/
# directory, one Google Benchmark JSON file per program.
#
# Usage: scripts/run-benches.sh BIN_DIR RESULTS_DIR "traverse growth ..." [flags...]
# Env:   QUICK=1 (fewer sizes, shorter runs), MAX_WS=SIZE (largest working set).
#        Extra flags go to every program (e.g. --benchmark_filter=aos).
#
# A run never overwrites another: each gets a new directory.  A program's
# JSON is written under a temporary name and renamed when it completes, so
# an interrupted run leaves no half-written file.  RESULTS_DIR/latest points
# at the newest run that produced at least one result.
set -euo pipefail

bin=$1 results=$2 benches=$3
shift 3

mkdir -p "$results" 2>/dev/null || true
if [ ! -d "$results" ] || [ ! -w "$results" ]; then
    echo "run-benches: cannot write to '$results'; nothing was run." >&2
    exit 1
fi

stamp=$(date -u +%Y%m%dT%H%M%SZ)
host=$(hostname -s 2>/dev/null || hostname)
run=$results/$stamp-$host
n=1
until mkdir "$run" 2>/dev/null; do
    n=$((n + 1))
    run=$results/$stamp-$host-$n
    [ $n -lt 100 ] || { echo "run-benches: cannot create a run directory in $results" >&2; exit 1; }
done

cleanup() {
    rm -f "$run"/*.part
    rmdir "$run" 2>/dev/null || true   # only if nothing was written
}
trap cleanup EXIT
interrupted() {
    if ls "$run"/*.json >/dev/null 2>&1; then
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

extra=("$@")
total=0
for b in $benches; do total=$((total + 1)); done
i=0 failed=""
start=$(date +%s)
for b in $benches; do
    i=$((i + 1))
    echo "==> [$i/$total] $b -> $run/$b.json  (mode: $([ "${QUICK:-0}" != 0 ] && echo quick || echo full))" >&2
    t0=$(date +%s)
    status=0
    "$bin/$b" "${args[@]}" "${extra[@]}" \
        --benchmark_out="$run/$b.json.part" --benchmark_out_format=json || status=$?
    if [ $status -eq 0 ]; then
        if [ -s "$run/$b.json.part" ]; then
            mv -f "$run/$b.json.part" "$run/$b.json"
        else
            # Google Benchmark exits 0 and writes nothing when no case
            # matches --benchmark_filter: that is no result, not a success.
            echo "run-benches: $b: no case ran (does --benchmark_filter match any case?)" >&2
            rm -f "$run/$b.json.part"
            failed="$failed $b"
        fi
    elif [ $status -eq 1 ] && jq -e .benchmarks "$run/$b.json.part" >/dev/null 2>&1; then
        # The program finished but a case failed its check (exit 1): keep
        # the file, whose failed cases say why, and report the failure.
        mv -f "$run/$b.json.part" "$run/$b.json"
        failed="$failed $b"
    else
        # Killed or crashed: Google Benchmark writes its JSON as cases end,
        # so the file is cut short; it is removed, never renamed into place.
        echo "run-benches: $b exited with status $status; its partial output is discarded" >&2
        rm -f "$run/$b.json.part"
        failed="$failed $b"
    fi
    echo "==> $b took $(( $(date +%s) - t0 )) s" >&2
done

if ls "$run"/*.json >/dev/null 2>&1; then
    # A name of this run's own: two runs ending together must not share it.
    ln -sfn "$(basename "$run")" "$results/latest.tmp.$$"
    mv -Tf "$results/latest.tmp.$$" "$results/latest"
fi
echo "==> run took $(( $(date +%s) - start )) s; results in $run" >&2
if [ -n "$failed" ]; then
    echo "run-benches: failed:$failed" >&2
    exit 1
fi
