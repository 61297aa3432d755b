#!/bin/bash
# help-targets.sh - every quick target that make help lists works on a fresh
# clone with nothing built: it builds what it needs, or says what it needs
# first (a run), and never stops on a raw compiler, linker or script error.
#
# Usage: tests/cli/help-targets.sh   (clones HEAD: commit first; a few
#        minutes, most of it one build: .ci/run runs it, make test does not)
#
# In a `git clone` of HEAD into a temporary directory, each target runs
# twice:
#   bare     with no variables and no run yet: exit 0, or a non-zero exit
#            with a message that names what is missing (a run, A=, ...);
#   fixture  with a run where one is read: the reference run's JSON
#            unpacked into results/fixture (and a copy, where two runs are
#            compared): exit 0.
# Before each, build/bin/ is emptied (the objects stay, to keep it fast),
# so a target that uses a program it does not build fails here.
# The long or machine-changing targets are skipped, each with its reason.
# Prints one line per check; exits 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh

if [ "${1:-}" = --help ] || [ "${1:-}" = -h ]; then
    sed -n '2,/^set -uo/{/^set -uo/d;s/^# \{0,1\}//;p}' "$0"
    exit 0
fi
[ $# -eq 0 ] || { echo "help-targets: no arguments expected (try --help)" >&2; exit 2; }

# Why each long target is left out (the name, then the reason).
declare -A skip=(
    [bench]="a full run, about 10 minutes (tests/cli/bench-output.sh runs QUICK)"
    [test]="the unit and command-line tests, 5 minutes and more (CI runs it)"
    [test-cli]="part of make test"
    [deps]="installs packages with apt-get: changes the machine, needs the network"
    [alloc-compare]="three runs of the alloc bench"
    [reference]="a full run, then rewrites results/reference"
    [cachegrind]="the traverse kernels under valgrind, minutes"
    [coverage]="an instrumented build and the whole test suite"
    [test-demo]="every classroom demo in turn, minutes"
    [fuzz]="libFuzzer for 60 seconds, with a clang build"
    [memcheck]="the tests under valgrind, many minutes"
    [test-tsan]="a ThreadSanitizer build and the threaded tests"
    [shim-overhead]="a timing run of 10 repetitions per case"
)
# Targets that check the code and may rightly find something: a non-zero
# exit with their own finding is their answer, not a broken target (shown
# as a note; their own tests judge the finding).
declare -A checker=(
    [oom-audit]="oom-audit: "
)
# What each target reading a run gets in the fixture pass.
declare -A fixture_vars=(
    [claims]="RUN=results/fixture"
    [plots]="RUN=results/fixture"
    [noise-summary]="RUN=results/fixture"
    [crosscheck]="RUN=results/fixture"
    [layout]="RUN=results/fixture"
    [reference-from]="RUN=results/fixture"
    [claims-diff]="RUN=results/fixture AGAINST=results/fixture2"
    [compare]="A=results/fixture B=results/fixture2"
    [alloc-compare-plot]="RUNS=results/fixture"
    [asm]="SRC=src/traverse/aos.c"
)
# A compiler, linker or script failure a newcomer should never see: what
# check-deps and the targets' own messages are there to prevent.
raw='(fatal )?error: |undefined reference|collect2|ld returned|command not found|Traceback \(most recent|Segmentation fault|core dumped|syntax error|unbound variable|gnuplot> '

# What a target says when it needs a run or a variable first.
needs='make bench|RUN=|AGAINST=|A=|RUNS=|usage:'

cli_begin help-targets
skipped() { printf 'skip  %s\n' "$1"; }
note() { printf 'note  %s\n' "$1"; }

clone=$tmp/clone
git clone -q "$PWD" "$clone" || { echo "help-targets: cannot clone $PWD" >&2; exit 1; }
cd "$clone"

# The targets in the order make help lists them.
targets=$(make --no-print-directory help | sed -n 's/^  make \([a-z0-9_-]*\).*/\1/p')
[ -n "$targets" ] || { echo "help-targets: make help lists no target" >&2; exit 1; }
[ -d build ] && { echo "help-targets: the fresh clone has a build/ already" >&2; exit 1; }

# run PASS TARGET [VAR=value...]: one target, its output kept, build/bin
# emptied first; sets $status and $log.
run() {
    local pass=$1 target=$2
    shift 2
    rm -rf build/bin
    log=$tmp/$pass-$target.log
    timeout 600 make --no-print-directory "$target" "$@" WERROR=1 >"$log" 2>&1 </dev/null
    status=$?
}
raw_error() { grep -Em 1 "$raw" "$log"; }

# --- bare: a fresh clone, nothing built, no run --------------------------------
for t in $targets; do
    [ -n "${skip[$t]:-}" ] && continue
    [ "$t" = clean ] && continue
    run bare "$t"
    if r=$(raw_error); then
        fail "make $t (nothing built, no run): a raw error: $r"
    elif [ $status -eq 0 ]; then
        pass "make $t (nothing built, no run) -> exit 0"
    elif grep -qE "$needs" "$log"; then
        pass "make $t (nothing built, no run) -> exit $status: $(grep -Em 1 "$needs" "$log")"
    elif [ -n "${checker[$t]:-}" ] && grep -q "^${checker[$t]}" "$log"; then
        note "make $t -> exit $status, its finding: $(grep -m 1 "^${checker[$t]}" "$log")"
    else
        fail "make $t (nothing built, no run) -> exit $status without saying what it needs: $(tail -n 2 "$log" | tr '\n' ' ')"
    fi
done

# --- fixture: the reference run as results/fixture ------------------------------
mkdir -p results/fixture
for f in results/reference/*.json.gz; do
    zcat "$f" > "results/fixture/$(basename "$f" .gz)"
done
cp -R results/fixture results/fixture2
for t in $targets; do
    [ -n "${skip[$t]:-}" ] && continue
    [ -n "${fixture_vars[$t]:-}" ] || continue
    # shellcheck disable=SC2086  # the variables are words on purpose
    run fixture "$t" ${fixture_vars[$t]}
    if r=$(raw_error); then
        fail "make $t ${fixture_vars[$t]}: a raw error: $r"
    elif [ $status -eq 0 ]; then
        pass "make $t ${fixture_vars[$t]} -> exit 0"
    else
        fail "make $t ${fixture_vars[$t]} -> exit $status: $(tail -n 2 "$log" | tr '\n' ' ')"
    fi
done

# --- clean, last: it leaves no build/ and results/ as it was --------------------
run bare clean
if [ $status -eq 0 ] && [ ! -e build ] && [ -d results/fixture ]; then
    pass "make clean -> exit 0, build/ gone, results/ kept"
else
    fail "make clean -> exit $status (build/ $([ -e build ] && echo left || echo gone))"
fi

for t in $targets; do
    [ -n "${skip[$t]:-}" ] && skipped "make $t: ${skip[$t]}"
done
cli_end help-targets
