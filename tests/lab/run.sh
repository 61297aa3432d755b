#!/bin/bash
# run.sh - the lab grader's own tests (make test-lab, part of make test):
# the reference solution scores full marks, the starter files score what
# tests/lab/starter.expected says, and each broken solution (the
# reference with one mistake: tests/lab/broken-*/mistake.patch) loses
# exactly the points its expected file says, no more, no fewer.
#
# Usage: tests/lab/run.sh   (env from mk/lab.mk: see lab/grade.sh)
# Prints one line per solution; exits 1 when any score differs.
set -uo pipefail
cd "$(dirname "$0")/../.." || exit 2
failures=0
tmp=$(mktemp -d /tmp/lab-tests.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
# Without valgrind check d2 is skipped and every total changes: compare
# the other parts only, and say so.
if [ "${LAB_CACHEGRIND:-1}" != 0 ] && ! command -v valgrind >/dev/null; then
    echo "test-lab: valgrind is missing (apt-get install valgrind): check d2 and the totals are not tested" >&2
    export LAB_CACHEGRIND=0
fi

# grade NAME DIR EXPECTED_FILE: one solution's summary against the expected one.
grade() {
    local name=$1 dir=$2 want=$3 got
    got=$(lab/grade.sh "$dir" --summary 2>"$tmp/$name.err")
    if [ "${LAB_CACHEGRIND:-1}" = 0 ]; then
        # d2 is skipped: compare without its part and the total.
        got=$(grep -v -e '^cachegrind ' -e '^total ' <<<"$got")
        want=$(grep -v -e '^#' -e '^cachegrind ' -e '^total ' "$want")
    else
        want=$(grep -v '^#' "$want")
    fi
    if [ "$got" = "$want" ]; then
        printf 'ok    %-22s %s\n' "$name" "$(tail -n 1 <<<"$got")"
    else
        printf 'FAIL  %s: scored\n%s\n      expected\n%s\n' "$name" "$got" "$want"
        sed 's/^/      /' "$tmp/$name.err" | head -n 20
        failures=$((failures + 1))
    fi
}

printf '%s\n' "growth 30/30" "pool 30/30" "cycle 25/25" "cachegrind 15/15" "total 100/100" \
    > "$tmp/full.expected"
# Every solution to grade, as "name dir expected"; the broken ones are the
# reference with their mistake applied.
jobs_list=("solution lab/solution $tmp/full.expected"
           "starter lab/starter tests/lab/starter.expected")
for d in tests/lab/broken-*/; do
    name=$(basename "$d")
    mkdir "$tmp/$name"
    cp lab/solution/*.c "$tmp/$name/"
    if patch -s -d "$tmp/$name" -p1 < "$d/mistake.patch"; then
        jobs_list+=("$name $tmp/$name $d/expected")
    else
        echo "FAIL  $name: $d/mistake.patch no longer applies to lab/solution"
        failures=$((failures + 1))
    fi
done
# Two at a time (the machine has two cores; a grading is mostly its
# checks' children and valgrind); printed in order afterwards.
i=0
for job in "${jobs_list[@]}"; do
    # shellcheck disable=SC2086
    grade $job > "$tmp/$(printf '%02d' $i).out" &
    i=$((i + 1))
    [ "$(jobs -r | wc -l)" -ge 2 ] && wait -n
done
wait
cat "$tmp"/[0-9]*.out
failures=$((failures + $(cat "$tmp"/[0-9]*.out | grep -c '^FAIL')))

# Bad input: a clear message and the documented exit status, before any
# grading (the last two build the grader once more).
expect_status() { # WANT DESCRIPTION COMMAND...
    local want=$1 what=$2 got
    shift 2
    "$@" >"$tmp/bad.out" 2>&1
    got=$?
    if [ "$got" = "$want" ] && [ -s "$tmp/bad.out" ]; then
        printf 'ok    %-22s exit %s\n' "$what" "$got"
    else
        printf 'FAIL  %s: exit %s (expected %s), output:\n' "$what" "$got" "$want"
        head -n 5 "$tmp/bad.out"
        failures=$((failures + 1))
    fi
}
mkdir "$tmp/partial" "$tmp/broken-build"
cp lab/solution/growth.c "$tmp/partial/"
cp lab/solution/*.c "$tmp/broken-build/"
echo 'this is not C' > "$tmp/broken-build/cycle.c"
expect_status 0 "--help" lab/grade.sh --help
expect_status 2 "no directory given" lab/grade.sh
expect_status 2 "no such directory" lab/grade.sh "$tmp/none"
expect_status 2 "a file missing" lab/grade.sh "$tmp/partial"
expect_status 1 "a file not compiling" lab/grade.sh "$tmp/broken-build"
expect_status 2 "an unknown part" env LAB_CACHEGRIND=0 lab/grade.sh lab/solution --part=nothing

if [ "$failures" -gt 0 ]; then
    echo "test-lab: $failures solution(s) scored other than expected" >&2
    exit 1
fi
echo "test-lab: the grader scores every solution as expected"
