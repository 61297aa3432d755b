#!/bin/bash
# grade.sh - builds the autograder against one lab directory and runs it
# (make lab-grade and tests/lab/run.sh call this; docs/lab.md).
#
# Usage: lab/grade.sh LAB_DIR [grader options: --summary, --part=NAME]
# Env (set by mk/lab.mk): CC, LAB_CFLAGS (compile flags for the student's
#   files, sanitizers included), LAB_LDFLAGS, LAB_OBJS (the grader's and
#   the suite's objects), LAB_PROBE_CFLAGS (the cachegrind probe, no
#   sanitizers), LAB_CACHEGRIND (0: skip check d2), LAB_BUILD (where to
#   build; a fresh directory under it is removed afterwards).
# The student's files are compiled as they are named: growth.c, pool.c,
# cycle.c, traverse.c, in LAB_DIR.  Exits 2 when one is missing, 1 when
# one does not compile, else with the grader's status (0 once graded).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; }
case "${1:-}" in
    -h|--help) usage; exit 0 ;;
    "") usage >&2; exit 2 ;;
esac
dir=$1
shift
files=(growth.c pool.c cycle.c traverse.c)
[ -d "$dir" ] || { echo "lab-grade: no directory '$dir' (make lab makes lab/student)" >&2; exit 2; }
for f in "${files[@]}"; do
    [ -f "$dir/$f" ] || { echo "lab-grade: '$dir' has no $f (lab/starter has one to start from)" >&2; exit 2; }
done

mkdir -p "${LAB_BUILD:?}"
tmp=$(mktemp -d "$LAB_BUILD/grade.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# Word splitting of the flag variables is wanted: they hold several flags.
# shellcheck disable=SC2086
for f in "${files[@]}"; do
    $CC $LAB_CFLAGS -c "$dir/$f" -o "$tmp/${f%.c}.o" ||
        { echo "lab-grade: $dir/$f does not compile (errors above): nothing was graded" >&2; exit 1; }
done
# shellcheck disable=SC2086
$CC $LAB_LDFLAGS "$tmp"/*.o $LAB_OBJS -o "$tmp/grade" -lm ||
    { echo "lab-grade: linking failed (above): is every function of lab/lab.h defined once?" >&2; exit 1; }

probe=()
if [ "${LAB_CACHEGRIND:-1}" != 0 ]; then
    if command -v valgrind >/dev/null; then
        # shellcheck disable=SC2086
        $CC $LAB_PROBE_CFLAGS "$dir/traverse.c" lab/grader/cache_probe.c -o "$tmp/cache_probe" ||
            { echo "lab-grade: the cache probe does not build (above)" >&2; exit 1; }
        probe=(--probe="$tmp/cache_probe")
    else
        echo "lab-grade: valgrind is missing: check d2 is skipped (apt-get install valgrind)" >&2
    fi
fi
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$tmp/grade" --name="$dir" "${probe[@]}" "$@"
