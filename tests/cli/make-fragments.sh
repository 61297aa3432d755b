#!/bin/bash
# make-fragments.sh - the build you can see: every mk/*.mk fragment stands
# alone (dropping any one, or reversing their order, changes no rule of the
# core), and make help lists each target once, in sections, daily first,
# every one of them a real target.  Reads make's database (make -pq), so
# nothing is built or run.
#
# Usage: tests/cli/make-fragments.sh   (make test-cli)
# Prints one line per check; exits 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh
mk() { env -u MAKEFLAGS -u MAKELEVEL -u MFLAGS make --no-print-directory "$@"; }

# The rules of the core's files (objects, programs, tests), one line each:
# "target: sorted prerequisites".  A fragment that adds to a core rule, or
# needs a variable another fragment sets, changes this.
core_rules() {
    mk -pRrq -f Makefile "$@" : 2>/dev/null |
        awk '/^# Not a target/ { skip = 1; next }
             /^build\/(asan|release|bin)\/[^ ]*:/ && !skip {
                 n = 0
                 for (i = 2; i <= NF; i++) if (!seen[$1, $i]++) w[++n] = $i
                 for (i = 2; i <= n; i++)          # insertion sort: a few words
                     for (j = i; j > 1 && w[j - 1] > w[j]; j--) { t = w[j]; w[j] = w[j - 1]; w[j - 1] = t }
                 line = $1
                 for (i = 1; i <= n; i++) line = line " " w[i]
                 print line
             }
             { skip = 0 }' | sort
}

# same NAME ARGS...: every rule the core defines is there, and every rule
# found has the prerequisites it has with all fragments in the default order.
same() {
    local name=$1 got extra lost
    shift
    got=$(core_rules "$@")
    extra=$(comm -13 <(echo "$all") <(echo "$got") | head -n 2 | tr '\n' ' ')
    lost=$(comm -23 <(echo "$core") <(cut -d' ' -f1 <<<"$got" | sort -u) | tr '\n' ' ')
    if [ -z "$extra" ] && [ -z "$lost" ]; then
        pass "$name: the core rules are the same"
    else
        fail "$name: core rules differ: ${extra:+changed: $extra}${lost:+lost: $lost}"
    fi
}

fragments=(mk/*.mk)
# MK_FRAGMENTS must take effect, or the checks below prove nothing.
n_all=$(mk -s help | grep -c '^  make ')
n_one=$(mk -s help MK_FRAGMENTS=mk/fuzz.mk | grep -c '^  make ')
[ "$n_one" -lt "$n_all" ] && pass "MK_FRAGMENTS chooses the fragments ($n_one of $n_all targets with fuzz.mk alone)" ||
    fail "MK_FRAGMENTS is ignored ($n_one of $n_all targets with fuzz.mk alone)"
all=$(core_rules)
# The core's explicit targets (the programs come from pattern rules).
core=$(printf '%s\n' build/asan/tests/unit: build/asan/tests/helpers/child_probe: | sort -u)
[ -n "$all" ] && pass "core rules read from make's database ($(wc -l <<<"$all") rules)" ||
    fail "no core rules in make's database"
for f in "${fragments[@]}"; do
    rest=$(printf '%s\n' "${fragments[@]}" | grep -vxF "$f" | tr '\n' ' ')
    same "without $f" MK_FRAGMENTS="$rest"
    mk -s help MK_FRAGMENTS="$f" >/dev/null 2>&1 && pass "  ...$f alone with the core: make help works" ||
        fail "  ...$f alone with the core: make help fails"
done
same "fragments in reverse order" MK_FRAGMENTS="$(printf '%s\n' "${fragments[@]}" | sort -r | tr '\n' ' ')"

# --- make help: sections, daily targets first, each target once, all real ----
help=$(mk -s help)
targets=$(sed -n 's/^  make \([^ ]*\).*/\1/p' <<<"$help")
dups=$(sort <<<"$targets" | uniq -d | tr '\n' ' ')
[ -z "$dups" ] && pass "make help lists $(wc -l <<<"$targets") targets, each once" ||
    fail "make help lists these more than once: $dups"
first=$(head -n 8 <<<"$help" | sed -n 's/^  make \([^ ]*\).*/\1/p' | tr '\n' ' ')
[ "$first" = "bench test claims demo compare help deps " ] &&
    pass "the daily targets come first: $first" || fail "first targets: $first"
known=$(mk -pRrq : 2>/dev/null | sed -n 's/^\([a-z][a-z0-9-]*\):.*/\1/p' | sort -u)
missing=$(comm -23 <(sort -u <<<"$targets") <(echo "$known") | tr '\n' ' ')
[ -z "$missing" ] && pass "every target in make help is a rule" ||
    fail "make help names targets with no rule: $missing"
vars=$(sed -n '/^Variables:/,/^[^ ]/p' <<<"$help" | grep '^  ' | grep -v '^  [A-Z_]*[=,: ]' | head -n 3)
[ -z "$vars" ] && pass "the Variables section holds variables only" ||
    fail "not variables under Variables: $vars"

cli_end make-fragments
