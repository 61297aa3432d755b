#!/bin/bash
# make-reference.sh - turn one full run into results/reference/, the small
# committed run the README, the lessons and readers without a machine use.
#
# Usage: scripts/make-reference.sh RUN_DIR [DEST]   (DEST: results/reference)
#
# Keeps the JSON (compacted with jq and gzipped: same content; the
# run's machine.json and conditions.json plain), the PNG
# plots (palette-reduced with pngquant when installed), the traverse SVG,
# the page for the browser (with PAGE=build/bin/page), the TSV data, the claims report
# and the run's notes, and writes a README naming the machine (with the
# run's NOTES.md, if a person wrote one, at its end).  Refuses to
# overwrite DEST unless it is a previous reference (it has our README).
set -euo pipefail
run=${1:?usage: scripts/make-reference.sh RUN_DIR [DEST]}
dest=${2:-results/reference}
[ -d "$run" ] || { echo "make-reference: no run '$run'" >&2; exit 1; }
run=$(cd "$run" && pwd -P)
if [ -e "$dest" ] && ! grep -q '^# Reference run' "$dest/README.md" 2>/dev/null; then
    echo "make-reference: $dest exists and is not a reference run; not touching it" >&2
    exit 1
fi
tmp=$(mktemp -d "${dest%/*}/.reference.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/plots" "$tmp/data"
# The run's own side files (machine.json: measured levels and fault cost;
# conditions.json) stay plain: the report and the page read them by name,
# and they are a few KiB.
for json in "$run"/*.json; do
    case $(basename "$json") in
    machine.json | conditions.json) jq . "$json" > "$tmp/$(basename "$json")" ;;
    *) jq -c . "$json" | gzip -9n > "$tmp/$(basename "$json").gz" ;;
    esac
done
# The later processes' replicates of the one-size cases, which the report
# judges those claims over (src/report/run.h), gzipped the same way.
for json in "$run"/replicates/*.json; do
    [ -f "$json" ] || continue
    mkdir -p "$tmp/replicates"
    jq -c . "$json" | gzip -9n > "$tmp/replicates/$(basename "$json").gz"
done
cp "$run"/plots/*.png "$tmp/plots/"
# Palette PNGs are a third of the size and look the same; optional.
if command -v pngquant >/dev/null 2>&1; then
    pngquant --force --skip-if-larger --ext .png --quality 60-90 "$tmp"/plots/*.png || true
else
    echo "make-reference: pngquant not installed; plots kept as they are" >&2
fi
cp "$run"/data/*.tsv "$tmp/data/" 2>/dev/null || true
# The page for the browser (PAGE: build/bin/page) inlines the SVG plots;
# they are needed while it is written, and only traverse's is kept.
cp "$run"/plots/*.svg "$tmp/plots/" 2>/dev/null || true
if [ -n "${PAGE:-}" ]; then
    "$PAGE" "$tmp" || { echo "make-reference: the page could not be written" >&2; exit 1; }
fi
# The page links each plot's SVG it inlined; the deleted ones must not be
# linked from the committed page (names are plain: the page links no
# other kind).
for svg in "$tmp"/plots/*.svg; do
    [ -e "$svg" ] || continue
    name=$(basename "$svg" .svg)
    [ "$name" = traverse ] && continue
    rm -f "$svg"
    if [ -f "$tmp/index.html" ] && [[ $name =~ ^[A-Za-z0-9_-]+$ ]]; then
        sed -i "s# \&middot; <a href=\"plots/$name\.svg\">SVG</a>##" "$tmp/index.html"
    fi
done
for f in report.md summary.txt doctor.txt; do
    [ -f "$run/$f" ] && cp "$run/$f" "$tmp/"
done
ctx=$run/traverse.json
[ -f "$ctx" ] || ctx=$(ls "$run"/*.json | head -n 1)
{
    echo "# Reference run"
    echo
    echo "One full \`make bench\` run, committed so that the README, the lessons"
    echo "and a reader without a machine can see real figures. Made with"
    echo "\`make reference\` from the run \`$(basename "$run")\`."
    echo
    jq -r '"- machine: \(.context.host_name), \(.context.num_cpus) CPUs at \(.context.mhz_per_cpu) MHz (\(.context.cpu_model // "CPU model not recorded"))",
           "- compiler: \(.context.compiler // "?"), flags \(.context.cflags // "?")",
           "- allocator: \(.context.allocator // "?"); mode: \(.context.mode // "?"); noise grade: \(.context.noise_grade // "?")",
           "- date: \(.context.date)"' "$ctx"
    # What the system reported and what the calibration measured: the
    # verdicts use the measured levels, so a reader needs both.
    [ -f "$run/machine.json" ] || echo "- caches: the run has no machine.json (no calibration)"
    [ -f "$run/machine.json" ] && jq -r 'def size: if . >= 1048576 then "\(. / 1048576 * 10 | round / 10) MiB"
                     else "\(. / 1024 * 10 | round / 10) KiB" end;
           def listed: if (.available // false) and (.levels | length) > 0
                       then [.levels[] | "\(.name) \(.bytes | size)"] | join(", ")
                       else "none (\(.detail // "not read"))" end;
           "- caches reported: sysfs " + (.reported.sysfs | listed)
             + "; CPUID " + (.reported.cpuid | listed),
           "- caches measured (machine.json): "
             + ([.measured.levels[] | "\(.name) \(.bytes | size) at \(.ns * 100 | round / 100) ns"]
                | join(", "))
             + ", memory \(.measured.memory_ns | round) ns; \(.measured.line_bytes)-byte transfer unit"' \
        "$run/machine.json"
    echo
    echo "The JSON of each program is compacted and gzipped: \`zcat traverse.json.gz | jq .\`."
    echo "Plots are PNG (palette-reduced) and SVG for traverse. To redraw them all,"
    echo "unpack the JSON into a directory and run \`make plots RUN=<that directory>\`."
    # What a person did to the run after it ran (a program re-run into it,
    # and why), written by hand into the run's NOTES.md.
    if [ -f "$run/NOTES.md" ]; then
        echo
        echo "## Notes on this run"
        echo
        cat "$run/NOTES.md"
    fi
} > "$tmp/README.md"
size=$(du -sb "$tmp" | cut -f1)
echo "make-reference: $(( size / 1024 )) KiB" >&2
# The budget: the page (about 1.9 MiB since gc and the gallery brought
# 14 more plots, every one inline), the JSON (0.8 MiB gzipped) and the PNG
# plots the README and lessons show.
if [ "$size" -gt $((5 * 1024 * 1024)) ]; then
    echo "make-reference: over the 5 MiB budget of a committed run; nothing changed" >&2
    exit 1
fi
rm -rf "$dest"
mv "$tmp" "$dest"
trap - EXIT
echo "make-reference: wrote $dest" >&2
