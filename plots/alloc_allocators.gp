# alloc_allocators.gp - the alloc bench under several mallocs side by side
# (make alloc-compare): per strategy at the largest tree, ns per object of
# each phase and of the whole cycle, and resident bytes per object, one bar
# per malloc.  Reads data/alloc_allocators.tsv, one block per malloc in the
# order of 'allocators': the rows of each run's data/alloc_largest.tsv
# (see alloc.gp for its columns) with the malloc's name in front, so
# column n of alloc.gp is column n + 1 here.

load 'common.gp'

eval set_output('alloc_allocators')
set multiplot layout 2,3 title "The alloc bench under each malloc: the largest tree, per strategy\n{/*0.8 ".machine."}"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set xtics rotate by -30 nomirror noenhanced font ',9'
set grid noxtics
set key inside left top box opaque font ',9' noenhanced
set yrange [0:*]
set offsets 0, 0, graph 0.3, 0

set title 'build (ns per object)'
plot for [i = 1:words(allocators)] datafile index (i - 1) using 9:xtic(2) lt (i + 1) title word(allocators, i)
set key off
set title 'walk (ns per object)'
plot for [i = 1:words(allocators)] datafile index (i - 1) using 10:xtic(2) lt (i + 1) title word(allocators, i)
set title 'teardown (ns per object, log scale)'
set logscale y 10
set offsets 0, 0, 0, 0
set yrange [1e-5:1e4]
set format y '10^{%L}'
plot for [i = 1:words(allocators)] datafile index (i - 1) using ($11 > 1e-5 ? $11 : 1e-5):xtic(2) lt (i + 1) title word(allocators, i)
unset logscale y
set format y '%g'
set yrange [0:*]
set offsets 0, 0, graph 0.3, 0
set title 'whole cycle (ns per object, median)'
plot for [i = 1:words(allocators)] datafile index (i - 1) using 4:xtic(2) lt (i + 1) title word(allocators, i)
set title 'peak resident bytes per object'
plot for [i = 1:words(allocators)] datafile index (i - 1) using 14:xtic(2) lt (i + 1) title word(allocators, i)
unset multiplot
