# tests/cli/lib.sh - what the command-line tests share, so that each
# script holds its checks only: the check lines and the failure count, a
# temporary directory removed on exit, and the closing summary.  Sourced,
# not run, after the script's cd to the checkout's root:
#     . tests/cli/lib.sh
# shellcheck shell=bash

failures=0
# pass TEXT, fail TEXT: one line per check; fail counts it.
pass() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; failures=$((failures + 1)); }

# cli_begin NAME: $tmp, a new directory /tmp/NAME.XXXXXX, removed on exit.
# A script with more to undo sets its own EXIT trap after this one, and
# calls cli_cleanup from it.
cli_begin() {
    tmp=$(mktemp -d "/tmp/$1.XXXXXX")
    trap cli_cleanup EXIT
}
cli_cleanup() { rm -rf "$tmp"; }

# cli_end NAME [NOTE]: the summary line; exits 1 when a check failed.
# NOTE ends the line that says all passed.
cli_end() {
    if [ "$failures" -gt 0 ]; then
        echo "$1: $failures check(s) failed" >&2
        exit 1
    fi
    echo "$1: all checks passed${2:-}"
}
