#!/bin/bash
# doctor.sh - noise preflight: what on this machine may move a timing, one
# sentence of advice per finding, and a noise grade from A (quiet) to D.
#
# Usage: scripts/doctor.sh [--brief|--summary] [--save=PATH] [--grade-file=PATH]
#                          [--sample=SECONDS]
#   --brief            one line per check, without the advice
#   --summary          the grade and the checks that warn, in two lines at
#                      most (what make bench prints on the terminal)
#   --save=PATH        also write the full text, advice included, to PATH
#                      (make bench keeps it as the run's doctor.txt)
#   --grade-file=PATH  also write the grade letter and its points to PATH
#   --sample=SECONDS   how long to watch the CPUs for busy processes and
#                      steal time (default 1; 0 skips that check)
# Env:   CC, CFLAGS, CXX (what make passes): the build the run will time.
#        RUN: a results directory whose context tells the library's build.
#
# Reads /proc and /sys only: never needs root, never changes the machine.
# Each check scores 0 (fine), 1 (may add noise) or 2 (will add noise or
# distort the numbers); the grade is A for 0 points, B for 1-2, C for 3-4,
# D for 5 or more.  docs/measuring.md lists the checks and their rules.
set -uo pipefail

mode=full grade_file="" save="" sample=1
for arg in "$@"; do
    case $arg in
        --brief) mode=brief ;;
        --summary) mode=summary ;;
        --save=?*) save=${arg#--save=} ;;
        --grade-file=?*) grade_file=${arg#--grade-file=} ;;
        --sample=*) sample=${arg#--sample=}
            [[ $sample =~ ^[0-9]+$ ]] || { echo "doctor: --sample wants whole seconds, not '$sample'" >&2; exit 2; } ;;
        -h|--help) sed -n '2,/^set -uo/{/^set -uo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
        *) echo "doctor: unknown option '$arg' (try --help)" >&2; exit 2 ;;
    esac
done

# Every finding is kept in each form, and printed at the end in the one
# asked for: the summary and the saved full text come from one sample.
points=0 worst="" full="" brief="" warned=""
# report SCORE CHECK VALUE ADVICE: one finding.
report() {
    local score=$1 check=$2 value=$3 advice=$4 mark
    points=$((points + score))
    case $score in 0) mark="ok  " ;; 1) mark="warn" ;; *) mark="BAD " ;; esac
    if [ "$score" -gt 0 ]; then
        worst="$worst $check"
        warned="$warned${warned:+; }${mark% } $check $value"
    fi
    brief+=$(printf '  %s %-14s %s' "$mark" "$check" "$value")$'\n'
    full+=$(printf '%s %-14s %s\n     %s' "$mark" "$check" "$value" "$advice")$'\n'
}

read_first() { [ -r "$1" ] && head -n 1 "$1" 2>/dev/null; }
ncpu=$(getconf _NPROCESSORS_ONLN 2>/dev/null || nproc)

title="Noise preflight on $(hostname 2>/dev/null), $ncpu CPUs, $(date -u +%FT%TZ)"

# --- frequency governor and boost ---------------------------------------------
gov=$(read_first /sys/devices/system/cpu/cpu0/cpufreq/scaling_governor)
if [ -z "$gov" ]; then
    report 0 governor "not exposed" \
        "No cpufreq here (usual in a virtual machine): the host decides the clock; nothing to set."
elif [ "$gov" = performance ]; then
    report 0 governor "$gov" "The clock stays at its highest; good for timing."
else
    report 1 governor "$gov" \
        "The clock follows the load, so a run's first cases may run slower; ask the owner to set 'performance' (cpupower frequency-set -g performance) for the final run."
fi

boost=""
if [ -r /sys/devices/system/cpu/cpufreq/boost ]; then
    [ "$(read_first /sys/devices/system/cpu/cpufreq/boost)" = 1 ] && boost=on || boost=off
elif [ -r /sys/devices/system/cpu/intel_pstate/no_turbo ]; then
    [ "$(read_first /sys/devices/system/cpu/intel_pstate/no_turbo)" = 0 ] && boost=on || boost=off
fi
case $boost in
    "") report 0 boost "not exposed" "Turbo/boost is not visible from here (a virtual machine hides it); repetitions show its effect as spread." ;;
    on) report 1 boost on "Boost raises the clock while the chip is cool, so long runs slow down; compare runs made the same way, or have boost turned off for the final run." ;;
    off) report 0 boost off "A fixed top clock: steadier timings." ;;
esac

# --- load: average, and what is running right now ---------------------------
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)
load1=${load%% *}
if [ -z "$load" ]; then
    report 0 load "unreadable" "No /proc/loadavg: check with top that nothing else is running."
elif awk -v l="$load1" -v n="$ncpu" 'BEGIN { exit !(l >= n / 2) }'; then
    report 1 load "$load (1, 5, 15 min; $ncpu CPUs)" \
        "Other work has kept about half the CPUs busy lately; wait for it to finish or rerun later."
else
    report 0 load "$load (1, 5, 15 min; $ncpu CPUs)" "Little recent load."
fi

# Per-process CPU ticks and the machine's steal ticks, twice, SECONDS apart.
snapshot() {
    head -n 1 /proc/stat
    # A process may end between the glob and the read: no message for it.
    for f in /proc/[0-9]*/stat; do { read -r line < "$f"; } 2>/dev/null && echo "$line"; done
}
if [ "$sample" -gt 0 ]; then
    before=$(snapshot)
    sleep "$sample"
    after=$(snapshot)
    tck=$(getconf CLK_TCK 2>/dev/null || echo 100)
    # pid, name and CPU % of one CPU over the sample, busiest first; the
    # name is between the first '(' and the last ')'.  Line 1 is /proc/stat.
    busy=$(awk -v tck="$tck" -v secs="$sample" -v self=$$ '
        function parse(line,   a, rest, n, f) {
            pid = line; sub(/ .*/, "", pid)
            name = line; sub(/^[0-9]+ \(/, "", name); sub(/\) [^)]*$/, "", name)
            rest = line; sub(/^.*\) /, "", rest)
            n = split(rest, f, " ")
            ticks = f[12] + f[13]     # utime + stime (fields 14 and 15)
            ppid = f[2]
        }
        FNR == 1 { next }
        NR == FNR { parse($0); t0[pid] = ticks; next }
        { parse($0); if (pid in t0 && pid != self && ppid != self) {
              pct = (ticks - t0[pid]) * 100 / tck / secs
              if (pct >= 10) printf "%d %s %.0f%%\n", pid, name, pct } }
    ' <(echo "$before") <(echo "$after") | sort -k3 -rn | head -n 5)
    steal=$(printf '%s\n%s\n' "$(echo "$before" | head -n 1)" "$(echo "$after" | head -n 1)" |
        awk '{ t = 0; for (i = 2; i <= NF; i++) t += $i; tot[NR] = t; st[NR] = $9 }
             END { d = tot[2] - tot[1]; printf "%.1f", (d > 0 ? (st[2] - st[1]) * 100 / d : 0) }')
    total=$(echo "$busy" | awk '{ s += $3 } END { print s + 0 }')
    if [ -z "$busy" ]; then
        report 0 busy "none above 10% of a CPU over ${sample} s" "Quiet right now."
    else
        score=1; [ "$total" -ge 50 ] && score=2
        report $score busy "$(echo "$busy" | awk '{ printf "%s%s (pid %s) %s", (NR > 1 ? ", " : ""), $2, $1, $3 }')" \
            "These compete for the CPUs and the shared cache; stop them or wait, since the bench programs and their plots take a core each."
    fi
    if awk -v s="$steal" 'BEGIN { exit !(s >= 2) }'; then
        report 2 steal "${steal}% of CPU time over ${sample} s" \
            "The hypervisor gave this machine's CPU time to others (steal); timings will vary run to run: rerun at a quieter time and compare medians only."
    elif awk -v s="$steal" 'BEGIN { exit !(s > 0.2) }'; then
        report 1 steal "${steal}% of CPU time over ${sample} s" \
            "A little CPU time went to other guests; expect some spread between repetitions."
    else
        report 0 steal "${steal}% of CPU time over ${sample} s" "No CPU time taken by the hypervisor."
    fi
fi

# --- memory: transparent huge pages, room for the working sets ---------------
thp=$(sed -n 's/.*\[\(.*\)\].*/\1/p' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null)
case $thp in
    always) report 1 thp always \
        "khugepaged may merge pages into 2 MiB ones in the middle of a run, changing TLB misses for the large cases; results past L2 depend on it, so compare runs with the same setting." ;;
    madvise|never) report 0 thp "$thp" \
        "Large arrays use 4 KiB pages unless a program asks; TLB misses show in the scattered cases past a few MiB (that is part of what they measure)." ;;
    *) report 0 thp "unreadable" "Cannot tell the huge page mode; record it by hand if the large cases look odd." ;;
esac

avail=$(awk '/^MemAvailable:/ { print int($2 / 1024) }' /proc/meminfo 2>/dev/null)
if [ -z "$avail" ]; then
    report 0 memory "unreadable" "Cannot tell free memory; the bench programs refuse a size that does not fit."
elif [ "$avail" -lt 3072 ]; then
    report 1 memory "${avail} MiB available" \
        "Under 3 GiB: the largest default cases (MAX_WS=1G, boxed) may not fit or may push other pages out; use MAX_WS=256M."
else
    report 0 memory "${avail} MiB available" "Room for the default working sets."
fi

# --- virtual machine -----------------------------------------------------------
vm="" container=""
if command -v systemd-detect-virt >/dev/null 2>&1; then
    vm=$(systemd-detect-virt --vm 2>/dev/null)
    container=$(systemd-detect-virt --container 2>/dev/null)
fi
[ "$vm" = none ] && vm=""
[ "$container" = none ] && container=""
if [ -z "$vm" ] && grep -qw hypervisor /proc/cpuinfo 2>/dev/null; then vm="yes (hypervisor flag)"; fi
if [ -n "$vm" ]; then
    report 1 virtual "$vm${container:+, in a $container container}" \
        "A guest shares the host's caches and cores with other guests and may see the host's cache sizes: trust the measured latency steps (stride bench) over the reported sizes."
elif [ -n "$container" ]; then
    report 0 virtual "no (a $container container on bare metal)" \
        "A container shares the kernel and caches with its neighbours but runs at native speed; check busy processes on the host too."
else
    report 0 virtual "no" "Bare metal: the reported cache sizes are this machine's."
fi

# --- the build the run will time ---------------------------------------------
cflags=${CFLAGS--O2 -g}
cc_version=$(${CC:-cc} --version 2>/dev/null | head -n 1)
if [[ " $cflags " =~ -fsanitize ]]; then
    report 2 build "${CC:-cc} $cflags" \
        "Sanitizers make every access slower: time a plain build (make clean; make bench)."
elif ! [[ " $cflags " =~ \ -O[1-3s]\  || " $cflags " =~ \ -Ofast\  ]]; then
    report 2 build "${CC:-cc} $cflags" \
        "Without -O2 the loops measure the compiler's unoptimized code, not memory: use the default CFLAGS (-O2 -g)."
elif [[ " $cflags " =~ -march=native ]]; then
    report 0 build "${CC:-cc} $cflags ($cc_version)" \
        "Optimized for this CPU: fine here, but results do not transfer to other machines."
else
    report 0 build "${CC:-cc} $cflags ($cc_version)" "Optimized and portable."
fi
ctx=${RUN:-results/latest}/traverse.json
libtype=""
[ -r "$ctx" ] && command -v jq >/dev/null && libtype=$(jq -r '.context.library_build_type // empty' "$ctx" 2>/dev/null)
if [ -n "$libtype" ]; then
    report 0 library "Google Benchmark says '$libtype'" \
        "The library calls itself 'debug' when built without NDEBUG, as distribution packages often are; it only runs the timing loop around our kernels, which make builds with CFLAGS."
fi

# --- grade -------------------------------------------------------------------
if   [ $points -eq 0 ]; then grade=A; words="quiet"
elif [ $points -le 2 ]; then grade=B; words="some noise likely"
elif [ $points -le 4 ]; then grade=C; words="noisy: compare medians with their intervals"
else                         grade=D; words="very noisy: rerun before drawing conclusions"
fi
verdict="noise grade: $grade ($points point$([ $points = 1 ] || echo s)${worst:+ from:$worst}; $words)"
full_text="$title"$'\n'"$full$verdict"
case $mode in
    full) printf '%s\n' "$full_text" ;;
    brief) printf '%s\n%s%s\n' "doctor: noise preflight (make doctor for the advice)" "$brief" "$verdict" ;;
    summary)
        # The grade, then what warned as one line cut to a terminal's
        # width: the advice is in the full text.
        echo "==> $verdict"
        if [ -n "$warned" ]; then
            [ ${#warned} -le 150 ] || warned="${warned:0:147}..."
            echo "    $warned"
        fi ;;
esac
if [ -n "$save" ]; then
    mkdir -p "$(dirname "$save")"
    printf '%s\n' "$full_text" > "$save.tmp.$$" && mv -f "$save.tmp.$$" "$save" ||
        { rm -f "$save.tmp.$$"; echo "doctor: cannot write $save" >&2; }
fi
if [ -n "$grade_file" ]; then
    mkdir -p "$(dirname "$grade_file")"
    echo "$grade ($points)" > "$grade_file.tmp" && mv -f "$grade_file.tmp" "$grade_file"
fi
exit 0
