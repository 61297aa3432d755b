#!/bin/bash
# noise-summary.sh - how noisy a run was: per case the coefficient of
# variation (CV = stddev / mean of the repetitions' times, Google
# Benchmark's "cv" aggregate), flagged when above the limit, with a hint at
# the likely cause.  Writes RUN_DIR/summary.txt and prints it.
#
# Usage: scripts/noise-summary.sh RUN_DIR [LIMIT_PERCENT]   (default 5)
# Exit:  0, also when cases are flagged (a noisy run is a finding, not a
#        failure); 1 when the run has no JSON to read.
set -euo pipefail

run=${1:?usage: scripts/noise-summary.sh RUN_DIR [LIMIT_PERCENT]}
limit=${2:-5}
[ -d "$run" ] || { echo "noise-summary: no run directory '$run'" >&2; exit 1; }
shopt -s nullglob
jsons=("$run"/*.json)
[ ${#jsons[@]} -gt 0 ] || { echo "noise-summary: no results in $run" >&2; exit 1; }

here=$(cd "$(dirname "$0")/.." && pwd -P)
# Repetitions whose host check took this long or more ran while the host
# was slow, as the claims report decides it (scripts/slow-limit.sh).
slow_limit=$("$here/scripts/slow-limit.sh" "$run/machine.json" "${jsons[@]}")

# Other programs' share of the CPUs while a program ran, as the run
# recorded it (conditions.json); null when the run has no record.  Not the
# load average: that counts the suite's own previous program.
others_share() {
    jq -r --arg p "$1" '[.programs[]? | select(.name == $p) | .others_cpu_share | numbers][0] // null' \
        "$run/conditions.json" 2>/dev/null || echo null
}

# One line per case: status, CV %, median time per iteration, time of one
# repetition, case, hint.  The hints, in the order they are tried:
#   - other programs used 10% of the CPUs or more while the program ran
#     (RUN_OTHERS_WARN_SHARE, src/harness/run_conditions.h): other load;
#   - some repetitions' host check ran 1.25x slow or more: the host slowed
#     the machine (another guest on the core; docs/measuring.md);
#   - a repetition lasted under 20 ms: too short a run (timer, scheduler
#     ticks and page faults weigh more in a short run);
#   - the governor is not "performance": frequency scaling;
#   - otherwise no cause was recorded: rerun, or raise --benchmark_min_time.
# shellcheck disable=SC2016
table() {
    jq -r --argjson limit "$limit" --argjson others "$2" --argjson slow "$slow_limit" '
      def seconds($unit): . * ({"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1}[$unit] // 1e-9);
      def pct: . * 1000 | round / 10;
      .context as $c
      | ($c.cpu_governor // "unreadable") as $gov
      # each case'"'"'s cv aggregate by name, looked up once per case
      | (reduce (.benchmarks[] | select(.run_type == "aggregate" and .aggregate_name == "cv"))
           as $a ({}; .[$a.run_name | tostring] //= $a.real_time)) as $cvs
      | [.benchmarks[] | select(.run_type == "iteration" and ((.error_occurred // false) | not))]
      # cases in the order the program registered them (interleaved
      # repetitions write them in a random one), not sorted by name;
      # grouped once, not searched once per case
      | sort_by(.family_index // 0, .per_family_instance_index // 0)
      | to_entries | map(.value + {position: .key})
      | group_by(.run_name | tostring) | sort_by(.[0].position)[]
      | (.[0].run_name | tostring) as $name
      | (.[0].time_unit // "ns") as $unit
      # time per element where the case counts items, else per iteration
      | (if .[0].items_per_second then [(map(1e9 / .items_per_second) | sort | .[(length - 1) / 2 | floor]), "ns/elem"]
         else [(map(.real_time) | sort | .[(length - 1) / 2 | floor]), "\($unit)/iter"] end) as [$median, $per]
      | (.[0] | .real_time * .iterations | seconds($unit)) as $rep_s
      # Google Benchmark'"'"'s cv aggregate; computed here (sample standard
      # deviation over mean) for JSON written by other tools without it
      | (map(.real_time) as $t | ($t | length) as $n
         | if $n < 2 then null
           else ($t | add / $n) as $m
                | (($t | map((. - $m) * (. - $m)) | add) / ($n - 1) | sqrt) / $m end) as $own_cv
      | ($cvs[$name] // $own_cv) as $cv
      | (if $slow == null then 0
         else map(select((.host_check_ns | numbers) >= $slow)) | length end) as $slowed
      # a name is shown as text on one line: a newline or tab in it
      # would cut the table (control characters as visible escapes)
      # shown as the report names it: without Google Benchmark'"'"'s
      # suffixes ("iterations:1", "repeats:1", "real_time"; cases.jq)
      | ($name | split("/") | map(select(test("^(real_time|manual_time|process_time)$|:") | not))
               | join("/")
               | gsub("\n"; "\\n") | gsub("\t"; "\\t") | gsub("[[:cntrl:]]"; "?")) as $case
      | if $cv == null then ["-", "-", $median, $rep_s, $case, "one repetition: no spread to judge"]
        else
          (if $cv * 100 <= $limit then "ok"
           else "NOISY" end) as $status
          | (if $status == "ok" then ""
             elif $others != null and $others >= 0.10 then "other load (other programs used \($others * 100 | round)% of the CPUs)"
             elif $slowed > 0 then "the host slowed \($slowed) of \(length) repetitions (host check 1.25x slow)"
             elif $rep_s < 0.02 then "too short a run (\($rep_s * 1000 | round) ms a repetition; raise --benchmark_min_time)"
             elif $gov != "performance" and $gov != "unreadable" then "frequency scaling (governor \($gov))"
             else "no cause recorded: rerun, or raise --benchmark_min_time" end) as $hint
          | [$status, ($cv | pct), $median, $rep_s, $case, $hint]
        end
      | "\(.[0])\t\(.[1])\t\(.[2] | if . < 100 then . * 100 | round / 100 else round end) \($per)\t\(.[3] * 1000 | . * 10 | round / 10) ms\t\(.[4])\t\(.[5])"
    ' "$1"
}

out=$run/summary.txt
trap 'rm -f "$out.tmp"' EXIT   # a failed write (a full disk) keeps nothing
{
    echo "Noise summary of $(basename "$(cd "$run" && pwd -P)")  (flag: CV above $limit%)"
    for json in "${jsons[@]}"; do
        # Only benchmark-shaped output (a "benchmarks" array).
        jq -e '.benchmarks | type == "array"' "$json" >/dev/null 2>&1 || continue
        b=$(basename "$json" .json)
        others=$(others_share "$(jq -r '.context.suite_program // "" | tostring' "$json")")
        [[ $others =~ ^[0-9.]+([eE][-+]?[0-9]+)?$ ]] || others=null
        jq -r --argjson others "$others" '.context | "\n== \(.suite_program // "?"): \(.mode // "?") run, \(.repetitions // "?") repetitions, " +
               "other programs \(if $others == null then "?" else "\($others * 100 | round)%" end) of the CPUs, governor \(.cpu_governor // "?"), " +
               "\(.compiler // "?" | split(" ") | .[0:3] | join(" ")), allocator \(.allocator // "?")"' "$json"
        rows=$(table "$json" "$others")
        if [ -z "$rows" ]; then echo "  (no successful cases)"; continue; fi
        printf 'status\tCV %%\tmedian\tone rep\tcase\thint\n%s\n' "$rows" | column -t -s $'\t' | sed 's/^/  /'
        flagged=$(printf '%s\n' "$rows" | grep -c '^NOISY' || true)
        total=$(printf '%s\n' "$rows" | wc -l)
        echo "  $b: $flagged of $total cases above $limit% CV"
    done
} > "$out.tmp"
mv -f "$out.tmp" "$out"
cat "$out"
