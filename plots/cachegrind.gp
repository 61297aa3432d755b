# cachegrind.gp - SIMULATED cache misses per element against the number of
# elements, one line per variant: D1 misses on the left, last-level misses
# on the right.  Reads the TSV of scripts/cachegrind.sh (blocks per
# variant; columns variant elements data_refs_per_elem d1_misses_per_elem
# ll_misses_per_elem).  Run through plots/draw.gp, which sets term,
# datafile, variants, bench, and machine (the simulated caches).

l1 = 0; l2 = 0; l3 = 0
load 'common.gp'
if (term eq 'png') { set terminal pngcairo size 1300,620 enhanced font 'DejaVu Sans,11' linewidth 1.5 }
if (term eq 'svg') { set terminal svg size 1300,620 enhanced dynamic font 'DejaVu Sans,11' linewidth 1.5 }

# bench is data (a name): it goes into the output's name as a string,
# never into an evaluated command.
if (term eq 'dumb') { set output } else { set output out_path('cachegrind_'.bench) }
set multiplot layout 1,2 title "SIMULATED by cachegrind, not measured: cache misses per element, ".bench."\nsimulated ".machine."; kernel only" noenhanced
set logscale x 2
set format x '%.0b %B'
set xlabel 'elements (log scale)'
set yrange [0:*]
set key inside left top
set title 'D1 (first-level data cache) misses per element'
plot for [i = 1:words(variants)] datafile index (i - 1) using 2:4 with linespoints lt i title word(variants, i) noenhanced
set title 'LL (last-level cache) misses per element'
plot for [i = 1:words(variants)] datafile index (i - 1) using 2:5 with linespoints lt i title word(variants, i) noenhanced
unset multiplot
