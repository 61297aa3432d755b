#!/usr/bin/env bash
# read-only.sh - a checkout its user cannot write to still judges a run of
# that user's own: 'make claims RUN=<run>' as another user writes the run's
# report.md and nothing under build/ (issue 21, item 9).  The checkout must
# be built already (make test-cli builds it first).  Needs root to become
# the user 'nobody'; without root, or when nobody cannot read the
# checkout, it says so and passes.
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh
root=$(pwd)

if [ "$(id -u)" -ne 0 ] || ! id nobody >/dev/null 2>&1; then
    echo "read-only: skipped (needs root and a user 'nobody')"; exit 0
fi
if ! su nobody -s /bin/sh -c "test -r '$root/Makefile' && test -x '$root/build/bin/report'" 2>/dev/null; then
    echo "read-only: skipped (user nobody cannot read $root)"; exit 0
fi

cli_begin read-only
cp -r tests/fixtures/report/holds "$tmp/run"
chown -R nobody "$tmp"
touch "$tmp/stamp"
if su nobody -s /bin/sh -c "cd '$root' && make --no-print-directory claims RUN='$tmp/run'" \
        >"$tmp/out" 2>&1 && [ -s "$tmp/run/report.md" ] &&
   [ -z "$(find build -newer "$tmp/stamp" 2>/dev/null | head -n 1)" ]; then
    echo "ok    make claims as another user: report.md written in the run, nothing written under build/"
    echo "read-only: all checks passed"
else
    echo "FAIL  make claims as another user: $(tail -n 2 "$tmp/out")" >&2
    exit 1
fi
