# alloc.gp - time per object of each phase (build, walk, teardown, whole
# cycle) against the number of objects, one line per strategy; memory and
# malloc calls per object at the largest size; leaked objects of the rings.
# Reads data/alloc.tsv and data/alloc_largest.tsv (scripts/plot.sh):
# columns variant arg ns_med ns_min ns_max reps, then the counters below in
# this order (plots/alloc_allocators.gp relies on the same order).
# counters: objects,build_ns,walk_ns,teardown_ns,malloc_calls_per_obj,peak_bytes_per_obj,rss_per_obj,leaked_objects,leaked_bytes

load 'common.gp'

# Tree strategies are the variants whose name does not start with "cycle_";
# the rings (A2) are the others.  Lists of block numbers (1-based).
trees = ''
rings = ''
do for [i = 1:words(variants)] {
    if (strstrt(word(variants, i), 'cycle_') == 1) {
        rings = rings.sprintf(' %d', i)
    } else {
        trees = trees.sprintf(' %d', i)
    }
}

# --- time per object, one panel per phase --------------------------------
eval set_output('alloc')
set multiplot layout 2,2 title "Build, walk and tear down a tree of N small objects: ns per object by strategy\n{/*0.8 ".machine."}"
set logscale x 2
set xtics 4
set format x '%.0b %B'
set xlabel 'objects in the tree (log scale; ki = 1024)'
set logscale y 10
set format y '%g'
set key inside left top box opaque samplen 2 font ',9'
set autoscale yfix
set offsets 0, 0, graph 0.08, graph 0.08


set ytics 2
set title 'build: one allocation per node' noenhanced
set ylabel 'ns per object'
plot for [k in trees] datafile index (int(k) - 1) using 2:8 with linespoints lt int(k) title word(variants, int(k)) noenhanced
set title 'walk: sum of every node' noenhanced
plot for [k in trees] datafile index (int(k) - 1) using 2:9 with linespoints lt int(k) title word(variants, int(k)) noenhanced
set ytics autofreq
set title 'teardown (arena: one release; arena_reset: a rewind)' noenhanced
plot for [k in trees] datafile index (int(k) - 1) using 2:10 with linespoints lt int(k) title word(variants, int(k)) noenhanced
set ytics 2
set title 'whole cycle (median; bars: min to max over repetitions)' noenhanced
plot for [k in trees] datafile index (int(k) - 1) using 2:3:4:5 with yerrorlines lt int(k) title word(variants, int(k)) noenhanced
unset multiplot

# --- memory and malloc calls at the largest size ---------------------------
eval set_output('alloc_memory')
reset
load 'common.gp'
# The tree strategies' rows (not the rings'), filtered by gnuplot itself:
# no shell command, so no file name inside one.  Columns: variant, malloc
# calls, peak bytes and resident bytes per object (11, 12, 13 of the TSV).
set table $trees separator tab
plot largestfile using (strcol(1)):11:12:13 with table if (strstrt(strcol(1), 'cycle_') != 1)
unset table
set multiplot layout 1,2 title "Memory and malloc calls per object at the largest tree\n{/*0.8 ".machine."}"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set xtics rotate by -30 nomirror noenhanced
set key inside left top box opaque font ',9'
set title 'bytes per object'
set yrange [0:*]
set offsets 0, 0, graph 0.3, 0
set ylabel 'bytes'
plot $trees using 3:xtic(1) title 'asked of malloc, at the peak (counting)' lc rgb '#0072B2', \
     ''       using 4         title 'peak resident memory (fresh process)' lc rgb '#E69F00', \
     ''       using ($0 - 1.0 / 6):($3 + 1):(sprintf('%.0f', $3)) with labels notitle font ',9', \
     ''       using ($0 + 1.0 / 6):($4 + 1):(sprintf('%.0f', $4)) with labels notitle font ',9'
set title 'calls that reach malloc, per object (log scale; 0 drawn at the floor)'
set logscale y 10
set offsets 0, 0, 0, 0
set yrange [1e-5:5]
set format y '10^{%L}'
set ylabel 'malloc calls per object'
set key off
plot $trees using ($2 > 0 ? $2 : 1e-5):xtic(1) title 'malloc calls' lc rgb '#009E73', \
     ''       using 0:($2 > 0 ? $2 * 1.8 : 2e-5):(sprintf('%.2g', $2)) with labels notitle font ',9'
unset multiplot

# --- A2: what a ring of counted objects leaves behind -----------------------
eval set_output('alloc_cycles')
reset
load 'common.gp'
set title "A ring of N counted objects, dropped: share of its objects still allocated\n{/*0.8 ".machine."}"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set yrange [0:119]
set ylabel '% of the ring leaked (exact counts above the bars)'
set xlabel 'objects in the ring'
set key inside right top box opaque noenhanced
nrings = words(rings)
ring_title(v) = v eq 'cycle_refcount' ? 'cycle_refcount: counting alone' : \
                v eq 'cycle_arena' ? 'cycle_arena: counted, in an arena then released' : v
plot for [j = 1:nrings] datafile index (int(word(rings, j)) - 1) \
         using (100 * $14 / $7):xtic(sprintf('%d', $2)) lt (j + 1) \
         title ring_title(word(variants, int(word(rings, j)))), \
     for [j = 1:nrings] datafile index (int(word(rings, j)) - 1) \
         using ($0 + (j - (nrings + 1) / 2.0) / (nrings + 1)):(100 * $14 / $7 + 6): \
               (sprintf("%d objects\n%d bytes", $14, $15)) with labels notitle font ',9'

# --- lecture version: malloc against an arena, phase by phase, linear bars ---
if (lecture) {
    reset
    load 'common.gp'
    @lecture_term
    eval set_output('alloc_lecture')
    do for [v in 'malloc arena'] {
        do for [c in '2 3 8 9 10'] {
            eval lecture_pick(v.'_'.c, largestfile, v, int(c))
        }
    }
    if (malloc_3 == malloc_3 && arena_3 == arena_3) {
        set print $bars
        print sprintf("build\t%g\t%g", malloc_8, arena_8)
        print sprintf("walk\t%g\t%g", malloc_9, arena_9)
        print sprintf("teardown\t%g\t%g", malloc_10, arena_10)
        print sprintf("whole cycle\t%g\t%g", malloc_3, arena_3)
        unset print
        set title sprintf('Build, walk and free a tree of %s small objects: ns per object', count_short(malloc_2))
        set style fill solid 0.85 border -1
        set boxwidth 0.36
        set xrange [-0.6:3.6]
        # Room above the bars for the key and the figure.
        top = malloc_3 > arena_3 ? malloc_3 : arena_3
        set yrange [0:top * 1.5]
        set ylabel 'ns per object (median, linear)'
        set xtics nomirror
        set grid noxtics
        set key at graph 0.02, graph 0.97 left top Left reverse nobox
        eval lecture_note_at(sprintf('whole cycle: malloc + free %.1f ns, arena %.1f ns an object (%.1fx)', \
            malloc_3, arena_3, malloc_3 / arena_3), '#000000', 0.03, 0.8, 'left')
        plot $bars using ($0 - 0.19):2:xtic(1) with boxes lc rgb '#E69F00' title 'malloc and free per object', \
             '' using ($0 + 0.19):3 with boxes lc rgb '#0072B2' title 'arena: bump, one release', \
             '' using ($0 - 0.19):2:(sprintf('%.1f', $2)) with labels offset 0, 0.8 notitle, \
             '' using ($0 + 0.19):3:(sprintf('%.1f', $3)) with labels offset 0, 0.8 notitle
    }
}
