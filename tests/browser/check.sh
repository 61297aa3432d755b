#!/bin/bash
# check.sh - make test-browser: opens report pages (index.html) in headless
# Chromium, Debian's /usr/bin/chromium, and checks what a reader gets:
#   - no error: no script error, no failed load, no console error or
#     warning, no Content-Security-Policy violation;
#   - every image loads, every in-page anchor has its target, every link
#     to a run's file names a file that exists;
#   - every claim id of report.json has its section with a verdict;
#   - nothing from the data runs: the title is the page's own, the only
#     scripts are the page's and this test's, no element carries an event
#     handler, a javascript: URL or a foreign object (a fixture whose
#     names carry <script>, quotes, '&' and newlines, and a plot SVG with a
#     script, handlers and links out);
#   - the page is under 3 MiB; its load time is printed;
#   - a screenshot (1200x900) is written beside each run's page (the
#     committed reference's, which is checked as it is, in build/browser/).
# Pages: the fixture (tests/fixtures/page/run, and beside its other run),
# a fresh QUICK run of traverse and stride (or BROWSER_RUN=dir: a run
# with report.json), beside the reference, results/latest (in CI the full
# run) and results/reference, each when it has report.json.
#
# Usage: tests/browser/check.sh BIN_DIR      (make test-browser)
# Env:   BROWSER_RUN=dir  check this run instead of making a QUICK one
#        CHROMIUM=path    the browser (default /usr/bin/chromium)
# Exit:  0 when every page passes, 1 when one fails, 2 for bad usage.
set -uo pipefail
bin=${1:?usage: tests/browser/check.sh BIN_DIR}
cd "$(dirname "$0")/../.."
here=$(pwd)
page=$bin/page
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$page" ] || { echo "test-browser: $page is not built" >&2; exit 2; }
[ -x "$chromium" ] || { echo "test-browser: no browser at $chromium (apt-get install chromium)" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
pass() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; failures=$((failures + 1)); }

# browser ARGS...: one headless Chromium with a fresh profile and no
# network chatter (the flags of the machine notes), killed after 120 s.
browser() {
    local profile
    profile=$(mktemp -d "$tmp/profile.XXXXXX")
    timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --user-data-dir="$profile" "$@"
}

# check NAME HTML REPORT_JSON SHOT: the checks above on one page.
check() {
    local name=$1 html report=$3 shot=$4 nonce copy result size start ms
    html=$(readlink -f "$2")
    size=$(stat -c %s "$html")
    if [ "$size" -lt $((3 * 1024 * 1024)) ]; then pass "$name: $((size / 1024)) KiB"; else
        fail "$name: $((size / 1024)) KiB, over 3 MiB"; fi
    # The test's checker goes in before the page's own script, with the
    # page's nonce (its policy runs no other script).
    nonce=$(grep -o "script-src 'nonce-[0-9a-f]*'" "$html" | head -n 1 | sed "s/.*nonce-//; s/'//")
    [ -n "$nonce" ] || { fail "$name: no script nonce in the page's policy"; return; }
    copy=$tmp/check-$RANDOM.html
    awk -v nonce="$nonce" 'FNR == NR { js = js $0 "\n"; next }
         /^<script nonce="/ { last = FNR } { line[FNR] = $0 }
         END { for (i = 1; i <= FNR; i++) {
                   if (i == last) printf "<script nonce=\"%s\">\n%s</script>\n", nonce, js
                   print line[i] } }' tests/browser/checker.js "$html" > "$copy"
    start=$(date +%s%N)
    browser --enable-logging=stderr --v=0 --dump-dom "file://$copy" > "$tmp/dom" 2> "$tmp/log"
    ms=$((($(date +%s%N) - start) / 1000000))
    result=$(sed -n 's/.*<pre id="browser-check">\(.*\)<\/pre>.*/\1/p' "$tmp/dom" |
             sed 's/&lt;/</g; s/&gt;/>/g; s/&nbsp;/\xc2\xa0/g; s/&amp;/\&/g')
    if [ -z "$result" ] || ! jq -e . >/dev/null 2>&1 <<<"$result"; then
        fail "$name: the page did not load in Chromium (see below)"
        grep -v dbus "$tmp/log" | tail -n 5
        return
    fi
    printf '      %s: loaded in %s ms (navigation to load event), Chromium ran %s ms\n' \
        "$name" "$(jq -r .load_ms <<<"$result")" "$ms"
    local errs
    errs=$(jq -r '.errors[]' <<<"$result"; grep -E 'CONSOLE|Uncaught|Refused to' "$tmp/log")
    if [ -z "$errs" ]; then pass "$name: no errors"; else
        fail "$name: errors: $(head -n 3 <<<"$errs" | tr '\n' ' ')"; fi
    jq -e '.broken_images == 0 and (.broken_anchors | length) == 0' >/dev/null <<<"$result" &&
        pass "$name: $(jq -r .images <<<"$result") images load, every anchor resolves" ||
        fail "$name: broken: $(jq -c '{broken_images, broken_anchors}' <<<"$result")"
    local missing=0 link
    while IFS= read -r link; do
        [ -n "$link" ] || continue
        case $link in /*) ;; *) link=$(dirname "$html")/$link ;; esac
        [ -e "$(printf '%b' "${link//%/\\x}")" ] || { missing=$((missing + 1)); echo "      no file for link $link"; }
    done < <(jq -r '.links[]' <<<"$result")
    [ "$missing" -eq 0 ] && pass "$name: $(jq '.links | length' <<<"$result") links to the run's files resolve" ||
        fail "$name: $missing links name no file"
    if jq -e --slurpfile r "$report" '
          ([$r[0].claims[].id] == [.claims[].id]) and all(.claims[]; (.verdict | length) > 0)' \
          >/dev/null <<<"$result"; then
        pass "$name: all $(jq '.claims | length' "$report") claim ids have a section with a verdict"
    else
        fail "$name: claims: page has $(jq -c '[.claims[] | [.id, .verdict]]' <<<"$result" | head -c 300)"
    fi
    if jq -e '(.title | startswith("memlayout: ")) and .scripts == 2 and (.handlers | length) == 0
              and .foreign == 0' >/dev/null <<<"$result"; then
        pass "$name: nothing from the data runs ($(jq .svgs <<<"$result") inline SVG plots)"
    else
        fail "$name: something ran or could: $(jq -c '{title, scripts, handlers, foreign}' <<<"$result" | head -c 300)"
    fi
    if jq -e '.hover_plots == 0 or .hover == null or (.hover | length) > 0' >/dev/null <<<"$result"; then
        pass "$name: hovering a point shows $(jq -c .hover <<<"$result")"
    else
        fail "$name: hovering a point of a plot shows nothing"
    fi
    if browser --hide-scrollbars --window-size=1200,900 --screenshot="$shot" "file://$html" \
           >/dev/null 2>&1 && [ -s "$shot" ]; then
        pass "$name: screenshot $shot"
    else
        fail "$name: no screenshot"
    fi
}

# run_page NAME RUN [AGAINST]: writes the page of RUN (beside AGAINST into
# a temporary file) and checks it.
run_page() {
    local name=$1 run=$2 against=${3:-} html report
    report=$tmp/report-$RANDOM.json
    if [ -f "$run/report.json" ]; then cp "$run/report.json" "$report"; else zcat "$run/report.json.gz" > "$report"; fi
    if [ -n "$against" ]; then
        html=$tmp/against-$RANDOM.html
        "$page" --against="$against" --out="$html" "$run" >/dev/null ||
            { fail "$name: page failed"; return; }
        check "$name" "$html" "$report" "$tmp/$(basename "$html" .html).png"
    else
        "$page" "$run" >/dev/null || { fail "$name: page failed"; return; }
        check "$name" "$run/index.html" "$report" "$run/screenshot.png"
    fi
}

# The fixture, copied: its page is written beside it.
cp -r tests/fixtures/page "$tmp/fixture"
run_page "hostile fixture" "$tmp/fixture/run"
run_page "hostile fixture beside another run" "$tmp/fixture/run" "$tmp/fixture/against"

has_report() { [ -f "$1/report.json" ] || [ -f "$1/report.json.gz" ]; }

run=${BROWSER_RUN:+$(readlink -f "$BROWSER_RUN")}
if [ -z "$run" ]; then
    echo "      a QUICK run of traverse and stride (make bench QUICK=1, about two minutes)"
    if make --no-print-directory bench QUICK=1 BENCH="traverse stride" RESULTS="$tmp/results" \
            >"$tmp/bench.log" 2>&1; then
        run=$(readlink -f "$tmp/results/latest")
        [ -f "$run/index.html" ] && pass "make bench wrote index.html" ||
            fail "make bench wrote no index.html ($(grep -m1 'page' "$run/steps.log" 2>/dev/null))"
    else
        fail "make bench QUICK=1 failed: $(tail -n 3 "$tmp/bench.log" | tr '\n' ' ')"
    fi
fi
if [ -n "$run" ] && has_report "$run"; then
    run_page "run $(basename "$run")" "$run"
    has_report results/reference &&
        run_page "run $(basename "$run") beside the reference" "$run" results/reference
elif [ -n "$run" ]; then
    fail "$run has no report.json"
fi

# The newest run of this checkout (in CI, the full run of make bench):
# the page of a full run, its size and load time.
latest=$(readlink -f results/latest 2>/dev/null || true)
if [ -n "$latest" ] && [ "$latest" != "$run" ] && has_report "$latest"; then
    run_page "results/latest ($(basename "$latest"))" "$latest"
fi

# The committed reference's page as a reader opens it: checked, never
# rewritten (paging it again would drop the plots make-reference inlined
# and then deleted); its screenshot goes to build/browser/.
if has_report results/reference && [ -f results/reference/index.html ]; then
    mkdir -p build/browser
    ref_report=$tmp/reference-report.json
    zcat results/reference/report.json.gz > "$ref_report" 2>/dev/null ||
        cp results/reference/report.json "$ref_report"
    check "reference" results/reference/index.html "$ref_report" build/browser/reference.png
else
    echo "      skipped: results/reference has no report.json yet"
fi

[ "$failures" -eq 0 ] && echo "test-browser: all pages passed" && exit 0
echo "test-browser: $failures check(s) failed" >&2
exit 1
