# escape.gp - ns per call when a function returns the User record by value
# and when it returns a pointer to a heap (or arena) copy; allocations per
# call written on each bar.  Reads data/escape_largest.tsv (scripts/plot.sh):
# one row per variant; columns variant arg ns_med ns_min ns_max reps, then
# the counters below in this order.
# counters: calls_per_batch,allocs_per_call,malloc_per_call,peak_bytes

load 'common.gp'

# The ratio of each variant to the first (value), for the labels.
stats largestfile every ::0::0 using 3 nooutput
first = STATS_max

eval set_output('escape')
set title "Returning a 24-byte record by value or through a heap pointer: ns per call\n{/*0.8 ".machine."}"
set style fill solid 0.85 border -1
set boxwidth 0.6
set xrange [-0.6:words(variants) - 0.4]
set yrange [0:*]
set offsets 0, 0, graph 0.25, 0
set ylabel 'ns per call (median; bars: min to max over repetitions)'
set xtics nomirror noenhanced
set grid noxtics
set key off
plot largestfile using 0:3:($0 + 2):xtic(1) with boxes lc variable, \
     ''          using 0:3:4:5 with yerrorbars lc rgb '#333333' pt 7 ps 0.3, \
     ''          using 0:($5 * 1.05):(sprintf("%.1f ns (%.2fx value)\n%.3g allocations per call\n%.3g reach malloc", \
                                              $3, $3 / first, $8, $9)) \
                 with labels center offset 0,2.5 font ',10'
