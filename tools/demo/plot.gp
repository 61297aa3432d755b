# plot.gp - a demo's figures as a terminal plot (gnuplot's dumb terminal).
#
# Run by tools/demo/run.sh from its temporary directory as
#     gnuplot -c plot.gp NARGS COLOR LOGY XBYTES XLABEL YLABEL
# NARGS: how many distinct args; COLOR 1: ANSI colours; LOGY 1: log y
# axis; XBYTES 1: args are bytes; the labels are text.  It reads
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
