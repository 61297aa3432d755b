#!/bin/bash
# plots-full-disk.sh - drawing plots on a full disk fails and keeps
# nothing: scripts/plot.sh exits non-zero, leaves no cut PNG, no empty TSV
# and no temporary directory, and the plots drawn before are as they were.
#
# Usage: tests/cli/plots-full-disk.sh   (make test-cli)
# The disk is a small tmpfs when this runs as root and mount works;
# otherwise a file size limit (ulimit -f, with SIGXFSZ ignored) makes
# every write past it fail as a full disk would (EFBIG instead of ENOSPC).
# Prints one line per check; exits 1 when any check fails.
set -uo pipefail
cd "$(dirname "$0")/../.."
# shellcheck source-path=SCRIPTDIR source=lib.sh
. tests/cli/lib.sh

cli_begin plots-full
disk=$tmp/disk
mounted=0
cleanup() {
    [ $mounted = 1 ] && umount "$disk" 2>/dev/null
    cli_cleanup
}
trap cleanup EXIT

mkdir -p "$disk"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=4m tmpfs "$disk" 2>/dev/null; then
    mounted=1 how="a 4 MiB tmpfs"
else
    how="a file size limit (no tmpfs: not root, or mount refused)"
fi

# A small run: the reference traverse cases up to 16 Ki elements.
run=$disk/run
mkdir -p "$run"
gzip -dc results/reference/traverse.json.gz |
    jq -c '.benchmarks |= map(select((.run_name | split("/")[2] | tonumber? // 0) <= 16384))' > "$run/traverse.json"
PLOT_TERM=png scripts/plot.sh "$run" traverse 2>"$tmp/err" ||
    { echo "FAIL  plots-full-disk: the first, normal plot failed: $(head -n 2 "$tmp/err")"; exit 1; }
before=$(cd "$run" && find data plots -type f | sort | xargs cksum)

# fill KIB: leave about KIB KiB free (tmpfs), or the limit (ulimit -f).
fill() {
    rm -f "$disk/fill"
    if [ $mounted = 1 ]; then
        dd if=/dev/zero of="$disk/fill" bs=4k 2>/dev/null
        local free
        free=$(( $(stat -f -c '%a * %S' "$disk") / 1024 ))
        [ "$free" -lt "$1" ] && truncate -s "-$(( $1 * 1024 ))" "$disk/fill" 2>/dev/null
        sync
    fi
}

# plot_full KIB: plots with about KIB KiB left; stderr in $tmp/err.
plot_full() {
    if [ $mounted = 1 ]; then
        PLOT_TERM=png scripts/plot.sh "$run" traverse >/dev/null 2>"$tmp/err"
    else
        ( trap '' XFSZ; ulimit -f "$1"; PLOT_TERM=png scripts/plot.sh "$run" traverse >/dev/null 2>"$tmp/err" )
    fi
}

# The TSV and its companions take about 30 KiB, the first PNG about 80:
# with 64 KiB left the TSV is written and the PNG is cut (gnuplot exits 0
# all the same: only the check of its end sees it); with none left, the
# TSV is cut.
for kib in 64 0; do
    fill "$kib"
    plot_full "$kib"
    status=$?
    after=$(cd "$run" && find data plots -type f | sort | xargs cksum)
    left=$(find "$run" -name '.plot.*' -o -name '*.tmp' | wc -l)
    if [ $status -eq 0 ]; then
        fail "full disk ($kib KiB left, $how): plot.sh exited 0"
    elif [ "$after" != "$before" ]; then
        fail "full disk ($kib KiB left): the earlier plots or data changed"
    elif [ "$left" -ne 0 ]; then
        fail "full disk ($kib KiB left): $left temporary file(s) left"
    elif [ "$kib" -gt 0 ] && ! grep -q 'cut short' "$tmp/err"; then
        fail "full disk ($kib KiB left): not the cut PNG that failed: $(head -n 1 "$tmp/err")"
    else
        pass "full disk ($kib KiB left, $how) -> exit $status, earlier plots intact, nothing left: $(head -n 1 "$tmp/err")"
    fi
done
rm -f "$disk/fill"

# With room again, the same command draws.
if PLOT_TERM=png scripts/plot.sh "$run" traverse 2>"$tmp/err"; then
    pass "room again -> exit 0"
else
    fail "room again: $(head -n 2 "$tmp/err")"
fi

# Benches drawn side by side (one per CPU) are kept, and say so, in the
# order asked, and one that cannot be drawn spoils none of the others.
side=$tmp/side
mkdir -p "$side"
cp "$run/traverse.json" "$side/"
gzip -dc results/reference/escape.json.gz > "$side/escape.json"
echo '{"benchmarks": [' > "$side/insert.json"   # cut short
PLOT_TERM=png scripts/plot.sh "$side" escape insert traverse 2>"$tmp/err"
status=$?
order=$(grep -o '^plot: [a-z]*' "$tmp/err" | uniq | tr '\n' ' ')
if [ $status -ne 1 ]; then
    fail "side by side, one bench broken: exit $status, not 1"
elif [ "$order" != "plot: escape plot: insert plot: traverse " ]; then
    fail "side by side: messages out of order: $order"
elif ! ls "$side"/plots/escape*.png "$side"/plots/traverse*.png >/dev/null 2>&1 ||
    ls "$side"/plots/insert* >/dev/null 2>&1; then
    fail "side by side: not exactly escape's and traverse's plots kept: $(ls "$side/plots" 2>&1 | tr '\n' ' ')"
elif [ -n "$(find "$side" -name '.plot.*')" ]; then
    fail "side by side: a temporary directory was left"
else
    pass "side by side, insert broken between escape and traverse -> exit 1, the other two drawn, messages in order"
fi

cli_end plots-full-disk
