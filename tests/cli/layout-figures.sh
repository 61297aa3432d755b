#!/bin/bash
# layout-figures.sh - the layout pictures never go stale and are always
# well-formed: redraws them with build/bin/layout_svg and compares them
# byte for byte with the committed docs/figures/layouts/*.svg (a changed
# struct must come with 'make layout-figures'), parses every one with
# python3's xml.etree, draws the line size a machine.json measured, and
# checks --help, bad arguments (exit 2), an unwritable output directory
# (exit 1) and --png through a stand-in converter.  Then the table make
# layout prints after the pictures (explain_traverse): its levels are the
# run's measured ones, never the sizes the system reports, and assumed
# sizes are called so.
#
# Usage: tests/cli/layout-figures.sh [BIN_DIR]   (default build/bin; make test-cli)
# Prints one line per check; exits 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh
bin=${1:-build/bin}
prog=$bin/layout_svg
committed=docs/figures/layouts
[ -x "$prog" ] || { echo "layout-figures: $prog not built (make build)" >&2; exit 1; }

cli_begin layout-figures

# expect NAME STATUS PATTERN COMMAND...: exit STATUS, stderr matching PATTERN.
expect() {
    local name=$1 want=$2 pattern=$3
    shift 3
    "$@" >"$tmp/out" 2>"$tmp/err"
    local got=$?
    if [ "$got" -ne "$want" ]; then
        fail "$name: exit $got, expected $want ($(head -n 1 "$tmp/err"))"
    elif ! grep -Eq -- "$pattern" "$tmp/err"; then
        fail "$name: stderr lacks /$pattern/: $(head -n 2 "$tmp/err")"
    else
        pass "$name -> exit $got: $(grep -Em 1 -- "$pattern" "$tmp/err")"
    fi
}

# --- the committed pictures are what this build draws ------------------------
if "$prog" --out="$tmp/now" >"$tmp/out" 2>"$tmp/err"; then
    stale=""
    for f in "$tmp"/now/*.svg; do
        cmp -s "$f" "$committed/$(basename "$f")" || stale="$stale $(basename "$f")"
    done
    extra=$(cd "$committed" && for f in *.svg; do [ -e "$tmp/now/$f" ] || printf ' %s' "$f"; done)
    if [ -z "$stale$extra" ]; then
        pass "the $(ls "$tmp"/now/*.svg | wc -l) committed pictures in $committed are what this build draws"
    else
        fail "stale pictures in $committed:$stale${extra:+ (not drawn any more:$extra)}; run 'make layout-figures' and commit them"
    fi
else
    fail "drawing the pictures: $(head -n 2 "$tmp/err")"
fi

# --- well-formed XML, an <svg> root, no date or host in them ------------------
if python3 - "$tmp"/now/*.svg >"$tmp/xml" 2>&1 <<'PY'
import sys
import xml.etree.ElementTree as ET
for path in sys.argv[1:]:
    root = ET.parse(path).getroot()  # raises on an unclosed or stray element
    assert root.tag == "{http://www.w3.org/2000/svg}svg", (path, root.tag)
    assert len(list(root.iter())) > 50, (path, "too few elements")
print(len(sys.argv) - 1)
PY
then
    pass "every picture parses with xml.etree, root <svg> ($(cat "$tmp/xml") files)"
else
    fail "not well-formed: $(tail -n 1 "$tmp/xml")"
fi
host=$(hostname)
if grep -lE "20[0-9]{2}-[0-9]{2}-[0-9]{2}|[0-9]{8}T[0-9]{6}Z" "$tmp"/now/*.svg >/dev/null ||
   { [ ${#host} -ge 4 ] && grep -lwF "$host" "$tmp"/now/*.svg >/dev/null; }; then
    fail "a picture holds a date or this host's name"
else
    pass "no date and no host name in the pictures"
fi
if grep -q "64-byte cache lines (the usual size" "$tmp/now/aos.svg" &&
   grep -q "loads 3 cache lines of 64 B" "$tmp/now/aos.svg" &&
   grep -q "loads 10 cache lines of 64 B" "$tmp/now/list.svg"; then
    pass "aos.svg says 64-byte lines and 3 lines for 8 users; list.svg 10 when shuffled"
else
    fail "the line size or the counts are missing from aos.svg / list.svg"
fi

# --- the measured line size, from a machine.json ------------------------------
printf '{"format": "memlayout-machine-profile-1", "measured": {"levels": [], "line_bytes": 128}}\n' \
    >"$tmp/machine.json"
if "$prog" --out="$tmp/m128" --machine="$tmp/machine.json" --only=aos >"$tmp/out" 2>"$tmp/err" &&
   grep -q "128-byte cache lines (measured" "$tmp/m128/aos.svg" &&
   grep -q "loads 2 cache lines of 128 B" "$tmp/m128/aos.svg" && [ ! -e "$tmp/m128/list.svg" ]; then
    pass "--machine: 128-byte lines drawn and said to be measured; --only draws one"
else
    fail "--machine with line_bytes 128: $(head -n 2 "$tmp/err")"
fi

# --- help and bad input -------------------------------------------------------
if "$prog" --help >"$tmp/out" 2>&1 && grep -q "^usage: layout_svg" "$tmp/out" &&
   grep -q "boxed" "$tmp/out"; then
    pass "--help -> exit 0, usage and the figures"
else
    fail "--help: $(head -n 2 "$tmp/out")"
fi
expect "unknown option" 2 "unknown option '--bogus'" "$prog" --bogus
expect "unknown figure" 2 "no figure 'tree'" "$prog" --only=tree --out="$tmp/x"
expect "missing profile" 2 "machine.json" "$prog" --machine="$tmp/none/machine.json" --out="$tmp/x"
printf 'not json' >"$tmp/bad.json"
expect "profile that is not JSON" 2 "bad.json" "$prog" --machine="$tmp/bad.json" --out="$tmp/x"
printf '{"format": "other", "measured": {"line_bytes": 64}}' >"$tmp/other.json"
expect "another format" 2 "not a machine profile" "$prog" --machine="$tmp/other.json" --out="$tmp/x"
printf '{"format": "memlayout-machine-profile-1", "measured": {"levels": [], "line_bytes": 100}}' \
    >"$tmp/odd.json"
expect "a line that is not a power of two" 2 "line_bytes 100 is not a power of two" \
    "$prog" --machine="$tmp/odd.json" --out="$tmp/x"
printf '{"format": "memlayout-machine-profile-1", "measured": {"levels": []}}' >"$tmp/noline.json"
expect "no line size in the profile" 2 "no measured.line_bytes" \
    "$prog" --machine="$tmp/noline.json" --out="$tmp/x"
[ ! -e "$tmp/x" ] && pass "bad arguments write nothing" || fail "bad arguments made $tmp/x"

# --- an output directory that cannot be written -------------------------------
: >"$tmp/file"
expect "output under a file" 1 "cannot make directory" "$prog" --out="$tmp/file/figures"
expect "output that is a file" 1 "is not a directory" "$prog" --out="$tmp/file"
if [ "$(id -u)" -ne 0 ]; then
    mkdir "$tmp/ro" && chmod 555 "$tmp/ro"
    expect "read-only directory" 1 "cannot write" "$prog" --out="$tmp/ro"
fi

# --- a hostile output path is an argument, never shell text -------------------
odd="$tmp/a dir 'q' \$(touch pwned) \`touch pwned\`"
mkdir -p "$odd"
if (cd "$tmp" && "$OLDPWD/$prog" --out="$odd" --only=soa >/dev/null 2>&1) &&
   [ -s "$odd/soa.svg" ] && [ ! -e "$tmp/pwned" ]; then
    pass "an output path with quotes and \$(...) is written to as it is"
else
    fail "hostile output path"
fi

# --- --png through stand-in converters -----------------------------------------
mkdir "$tmp/fakebin"
printf '#!/bin/sh\n# rsvg-convert -o OUT IN\nprintf PNG > "$2"\n' >"$tmp/fakebin/rsvg-convert"
chmod 755 "$tmp/fakebin/rsvg-convert"
if PATH="$tmp/fakebin" "$prog" --out="$tmp/png" --only=list --png >"$tmp/out" 2>"$tmp/err" &&
   [ -s "$tmp/png/list.png" ] && [ -s "$tmp/png/list.svg" ]; then
    pass "--png runs the converter once per picture (a stand-in rsvg-convert)"
else
    fail "--png with a converter: $(head -n 2 "$tmp/err")"
fi
mkdir "$tmp/emptybin"
if PATH="$tmp/emptybin" "$prog" --out="$tmp/nopng" --png >"$tmp/out" 2>"$tmp/err" &&
   grep -q "no PNG: neither rsvg-convert nor chromium" "$tmp/out" && [ ! -e "$tmp/nopng/aos.png" ] &&
   [ "$(grep -c 'no PNG' "$tmp/out")" -eq 1 ]; then
    pass "--png without a converter: said once, SVGs written, exit 0"
else
    fail "--png without a converter: $(head -n 2 "$tmp/out") $(head -n 1 "$tmp/err")"
fi
printf '#!/bin/sh\nexit 4\n' >"$tmp/fakebin/rsvg-convert"
expect "--png with a failing converter" 1 "rsvg-convert failed \(exit status 4\)" \
    env PATH="$tmp/fakebin" "$prog" --out="$tmp/badpng" --only=aos --png

# --- explain_traverse: the levels the run measured --------------------------------
et=$bin/explain_traverse
mkdir "$tmp/run"
# The system claims a 1 GiB L1; the calibration measured 40 KiB.
jq '.context.sysfs_l1d_bytes = "1073741824"' tests/fixtures/report/model/traverse.json \
    >"$tmp/run/traverse.json"
jq '.measured.levels[0].bytes = 40960' tests/fixtures/report/model/machine.json \
    >"$tmp/run/machine.json"
if "$et" --run="$tmp/run" >"$tmp/out" 2>"$tmp/err" &&
   grep -q "fits in L1 (40 KiB, measured)" "$tmp/out" &&
   grep -q "fits in L2 (1 MiB, measured): 4096 elements" "$tmp/out" &&
   ! grep -q "1 GiB" "$tmp/out"; then
    pass "explain_traverse picks its rows by the run's measured levels, not the reported ones"
else
    fail "explain_traverse levels: $(grep '^==' "$tmp/out" | head -n 2) $(head -n 1 "$tmp/err")"
fi
rm "$tmp/run/machine.json"
if "$et" --run="$tmp/run" >"$tmp/out" 2>"$tmp/err" &&
   grep -q "cache levels assumed" "$tmp/out" && grep -q "fits in L1 (32 KiB, assumed)" "$tmp/out"; then
    pass "explain_traverse without a measured profile says its sizes are assumed"
else
    fail "explain_traverse assumed levels: $(grep '^==' "$tmp/out" | head -n 1)"
fi
expect "explain_traverse on a run without traverse.json" 1 "has no traverse.json" \
    "$et" --run="$tmp/fakebin"

cli_end layout-figures
