# plot.gp - a demo's figures as a terminal plot (gnuplot's dumb terminal).
#
# Run by tools/demo/run.sh from its temporary directory as
#     gnuplot -c plot.gp NARGS COLOR LOGY XBYTES XLABEL YLABEL [L1 L2 L3]
# NARGS: how many distinct args; COLOR 1: ANSI colours; LOGY 1: log y
# axis; XBYTES 1: args are bytes; the labels are text; L1 L2 L3 the
# cache levels the machine measured (machine.json), in bytes, 0 or absent
# when unknown: on a byte axis they are drawn as labelled vertical lines,
# so that a step in the curve can be read against them.  It reads
# plot.tsv (blocks of "arg<TAB>y", one per variant, two blank lines apart)
# and variants.txt (their names, one per line, in block order) as data:
# names never become gnuplot code.  With more than one arg it draws a
# line per variant against arg (log x); with one, points per variant.

nargs = ARG1 + 0
color = ARG2 + 0
logy = ARG3 + 0
xbytes = ARG4 + 0
xlabel = ARG5
ylabel = ARG6
# String to number: anything but a plain number stops with an error.
array level[3]
do for [k = 1:3] { level[k] = 0 }
if (ARGC >= 9) { level[1] = ARG7 + 0; level[2] = ARG8 + 0; level[3] = ARG9 + 0 }
datafile = 'plot.tsv'
set datafile separator '\t'
set datafile commentschars ''
variants = ''
stats 'variants.txt' using (variants = variants . (strlen(variants) > 0 ? ' ' : '') . strcol(1), 0) nooutput
set datafile commentschars

if (color) {
    set terminal dumb size 100,26 ansi256
} else {
    set terminal dumb size 100,26 mono
}
set datafile separator '\t'
set key outside right top noenhanced
set ylabel ylabel noenhanced
if (logy) { set logscale y 10 }
set format y '%g'

if (nargs > 1) {
    set logscale x 2
    if (xbytes) { set format x '%.0b %BB' } else { set format x '%.0s%c' }
    set xlabel xlabel noenhanced
    if (xbytes) {
        # Only the levels inside the sizes measured: a line outside the
        # plot's x range would be drawn beside it.
        stats datafile using 1 nooutput
        do for [k = 1:3] {
            if (level[k] >= STATS_min && level[k] <= STATS_max) {
                set arrow from level[k], graph 0.02 to level[k], graph 0.98 nohead dt 2 lc rgb '#888888'
                set label sprintf('L%d', k) at level[k], graph 0.93 offset 2, 0 tc rgb '#888888'
            }
        }
    }
    plot for [i = 1:words(variants)] datafile index (i - 1) using 1:2 \
         with linespoints title word(variants, i)
} else {
    # One size only: each variant at its own x position, named in the key.
    set xrange [0:words(variants) + 1]
    set xtics 1
    set xlabel 'variant (numbered as in the key)'
    plot for [i = 1:words(variants)] datafile index (i - 1) using (i):2 \
         with points pt 7 title sprintf('%d %s', i, word(variants, i))
}
