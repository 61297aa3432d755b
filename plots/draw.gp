# draw.gp - runs one plot script with its inputs read as data, never as
# program text: a results file is shared between people, and gnuplot can
# start a shell (system(), backticks, '< cmd'), so nothing from it may be
# parsed as gnuplot code.
#
# Called by scripts/plot.sh and scripts/cachegrind.sh as
#     GNUPLOT_LIB=<checkout>/plots gnuplot -c <checkout>/plots/draw.gp \
#         SCRIPT TERM L1 L2 L3 [NAME [R1 R2 R3]]
# from a private directory holding the script's inputs:
#     data.tsv, largest.tsv  the TSV of plots/flatten.jq (or cachegrind.sh)
#     variants.txt           the variants, one per line, in block order
#     machine.txt            one line naming the machine and the run
# The plots are written to that directory too; the caller checks each file
# and moves it into place.  SCRIPT is a plot script's file name (found in
# GNUPLOT_LIB); TERM is png, svg or dumb; L1 L2 L3 are the cache levels
# the run MEASURED (machine.json), in bytes, 0 when unknown; NAME is a bench
# name; R1 R2 R3 the sizes the system reports (sysfs), drawn faint beside
# them, 0 or absent when none.  The caller checks them against strict
# patterns; the numbers are checked again here.

script = ARG1
term = ARG2
if (term ne 'png' && term ne 'svg' && term ne 'dumb') {
    print sprintf("draw.gp: terminal must be png, svg or dumb, not '%s'", term)
    exit status 2
}
# String to number: anything but a plain number stops with an error.
l1 = ARG3 + 0
l2 = ARG4 + 0
l3 = ARG5 + 0
bench = ARG6
r1 = 0; r2 = 0; r3 = 0
if (ARGC >= 9) {
    r1 = ARG7 + 0
    r2 = ARG8 + 0
    r3 = ARG9 + 0
}
datafile = 'data.tsv'
largestfile = 'largest.tsv'
outdir = '.'

# The strings, a line each, as data: strcol() returns the text as it is.
set datafile separator '\t'
set datafile commentschars ''
machine = ''
stats 'machine.txt' using (machine = strcol(1), 0) nooutput
variants = ''
stats 'variants.txt' using (variants = variants . (strlen(variants) > 0 ? ' ' : '') . strcol(1), 0) nooutput
reset

load script
