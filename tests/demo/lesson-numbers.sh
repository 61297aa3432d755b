#!/bin/bash
# lesson-numbers.sh - every lesson agrees with the run it names.
#
# 1. Its figures block is what tools/demo/lesson_figures.sh writes from
#    that run today (regenerated into a temporary copy of the lessons;
#    a committed lesson that differs fails: run make lessons).
# 2. Every number with a unit that its prose quotes outside the block
#    ("171 MiB", "434 ns", "3.4x") appears in the block, in the block of
#    another lesson made from the same run (a lesson may quote its
#    neighbour's figures), or in the run's report.md, or is listed in tests/demo/lesson-numbers.allow as a
#    number that is not a measurement (a size asked about, a struct's
#    size, a buffer's length).
# 3. The check itself: a number no run holds is flagged.
# 4. The figures are the report's statistic: tools/demo/lib.jq reads a
#    case's time as the report does (tests/demo/lib-clocks.sh, on a
#    fixture whose CPU and wall-clock times differ).
#
# Usage: tests/demo/lesson-numbers.sh [LESSONS_DIR]   (default docs/lessons;
#        make test-lessons, part of make test)
# Prints one line per lesson and check; exits 1 when any fails, 2 for
# bad usage.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
case ${1:-} in
    -h|--help) sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "lesson-numbers: unknown option '$1' (--help)" >&2; exit 2 ;;
esac
lessons=${1:-$root/docs/lessons}
[ -d "$lessons" ] || { echo "lesson-numbers: no directory '$lessons'" >&2; exit 2; }
lessons=$(cd "$lessons" && pwd)
allow=$root/tests/demo/lesson-numbers.allow
command -v jq >/dev/null || { echo "lesson-numbers: needs jq (make deps)" >&2; exit 1; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/lesson-numbers.XXXXXX") || exit 1
copies=()
trap 'rm -rf "$tmp" "${copies[@]}"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

pass=0 fail=0
ok()  { pass=$((pass + 1)); echo "ok    $*"; }
bad() { fail=$((fail + 1)); echo "FAIL  $*"; }

# The inside of a lesson's figures block, and the lesson without it.
block() { sed -n '/^<!-- figures:/,/^<!-- \/figures:/p' "$1"; }
prose() { sed '/^<!-- figures:/,/^<!-- \/figures:/d' "$1"; }

# The run directory a lesson's block names: the first path in backquotes
# that ends in .json or .json.gz, relative to the lessons; empty if none.
run_of() {
    local file
    file=$(block "$1" | grep -o '`[^`]*\.json\(\.gz\)\{0,1\}`' | head -n 1 | tr -d '`')
    [ -n "$file" ] && realpath -m "$lessons/$(dirname "$file")"
}

# Numbers with a unit: times, sizes, ratios, shares.  "1,024" reads as
# 1024; a unit may follow the number with or without a space.
numbers() {
    grep -oP '(?<![\w.])[0-9][0-9,]*(\.[0-9]+)?\s?(ns|µs|us|ms|KiB|MiB|GiB|TiB|B|bytes|GB/s|MB/s|x|times|%)(?![\w])' |
        sed 's/,//g; s/[[:space:]]\{1,\}/ /g' | sort -u
}

# True when the token is in the text (spacing and thousands separators
# aside).
holds() {
    local token=$1 text=$2 bare=${1// /}
    grep -qP -- "(?<![\\w.])(\\Q$token\\E|\\Q$bare\\E)(?![\\w])" <<< "$text"
}

# The allowed numbers of one lesson: "topic: token" lines and "*: token"
# lines (any lesson); '#' starts a comment.
allowed() {
    [ -f "$allow" ] || return 0
    sed 's/#.*//' "$allow" | awk -F': *' -v t="$1" '($1 == t || $1 == "*") && NF > 1 { sub(/[[:space:]]+$/, "", $2); print $2 }'
}

# The blocks of every lesson in the lessons directory made from RUN.
run_blocks() {
    local f
    for f in "$lessons"/*.md; do
        [ "$(run_of "$f")" = "$1" ] && block "$f"
    done
}

# check_prose LESSON RUN: prints one FAIL line per number not accounted
# for; returns 1 when there is one.
check_prose() {
    local md=$1 run=$2 topic text report="" token status=0 allowed_list
    topic=$(basename "$md" .md)
    text=$({ block "$md"; run_blocks "$run"; } | sed 's/,//g')
    [ -f "$run/report.md" ] && report=$(sed 's/,//g' "$run/report.md")
    allowed_list=$(allowed "$topic")
    while IFS= read -r token; do
        [ -n "$token" ] || continue
        holds "$token" "$text" && continue
        [ -n "$report" ] && holds "$token" "$report" && continue
        grep -qxF -- "$token" <<< "$allowed_list" && continue
        echo "      $topic: '$token' is in the prose, but not in the figures blocks of its run, nor in $(basename "$run")/report.md, nor in $(basename "$allow")"
        status=1
    done < <(prose "$md" | numbers)
    return $status
}

# check_all: regenerates every lesson's block from the run it names and
# compares, then checks its prose; prints lines per lesson.
check_all() {
    local md run copy n=0 runs
    declare -A by_run=()
    for md in "$lessons"/*.md; do
        grep -q '^<!-- figures:' "$md" || continue
        run=$(run_of "$md")
        if [ -z "$run" ]; then bad "$(basename "$md"): its figures block names no run"; continue; fi
        by_run[$run]+="$md "
    done
    for run in "${!by_run[@]}"; do
        n=$((n + 1))
        # The copy is a sibling of the lessons, at their depth, so that the
        # links lesson_figures.sh writes (relative to the directory it is
        # given) come out as in the lessons.
        copy=$(mktemp -d "$(dirname "$lessons")/.lesson-numbers.XXXXXX") ||
            { bad "cannot write beside $lessons"; continue; }
        copies+=("$copy")
        cp "$lessons"/*.md "$copy"/
        if ! "$root/tools/demo/lesson_figures.sh" "$run" "$copy" > "$tmp/figures.$n.log" 2>&1; then
            bad "make lessons from $run failed: $(tail -n 2 "$tmp/figures.$n.log")"
            continue
        fi
        for md in ${by_run[$run]}; do
            if cmp -s "$md" "$copy/$(basename "$md")"; then
                ok "$(basename "$md"): its figures block is what $(realpath --relative-to="$root" "$run" 2>/dev/null || echo "$run") gives"
            else
                bad "$(basename "$md"): its figures block differs from what its run gives (make lessons):"
                diff "$md" "$copy/$(basename "$md")" | head -n 8 | sed 's/^/      | /'
            fi
            if out=$(check_prose "$md" "$run"); then
                ok "$(basename "$md"): every number its prose quotes is in the block, the report or the allowed list"
            else
                bad "$(basename "$md"): numbers in the prose that no figure backs:"
                echo "$out"
            fi
        done
    done
}

check_all

# The check flags what it should: a lesson whose prose quotes a number
# no run holds, and whose block was edited by hand.
self=$tmp/self
mkdir -p "$self"
first=$(grep -l '^<!-- figures:' "$lessons"/*.md | head -n 1)
if [ -n "$first" ]; then
    cp "$first" "$self/"
    md=$self/$(basename "$first")
    printf '\nA load took 98765.4 ns here.\n' >> "$md"
    if out=$(check_prose "$md" "$(run_of "$first")") || ! grep -q "'98765.4 ns'" <<< "$out"; then
        bad "self-check: a number no run holds went unnoticed"
    else
        ok "self-check: a number no run holds is flagged"
    fi
fi

# The statistic the blocks quote is the report's (lib.jq, on a fixture).
if out=$("$root/tests/demo/lib-clocks.sh" 2>&1); then
    ok "lib.jq reads each case's time as the report does ($(tail -n 1 <<< "$out"))"
else
    bad "lib.jq reads times unlike the report:"
    grep -v '^ok ' <<< "$out" | sed 's/^/      /'
fi

echo "$pass passed, $fail failed"
[ $fail -eq 0 ]
