# plot.gp - a demo's figures as a terminal plot (gnuplot's dumb terminal).
#
# Expects from tools/demo/run.sh: datafile (blocks of "arg<TAB>y", one per
# variant, two blank lines apart), variants (their names, space-separated,
# in block order), nargs (how many distinct args), xbytes (1: args are bytes), color (1: ANSI colours),
# logy (1: log y axis), xlabel, ylabel.  With more than one arg it draws a
# line per variant against arg (log x); with one, points per variant.

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
