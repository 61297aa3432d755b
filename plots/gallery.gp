# gallery.gp - the cache gallery (X1-X7): the memory mountain as a 3-D
# surface (gallery_mountain) and a heat map (gallery_heatmap), then one plot
# per effect: gallery_mlp, gallery_assoc, gallery_falseshare,
# gallery_prefetch, gallery_tlb, gallery_writes.
# Reads data/gallery.tsv (scripts/plot.sh): columns variant arg ns_med ns_min
# ns_max reps, then the counters below in this order.  Single-threaded
# kernels are drawn in CPU time (the median cpu_time of an iteration over
# the items in one, per_iteration), as
# the rules judge them: on a shared machine wall-clock time adds the time
# others held the CPU.  False sharing is drawn in wall-clock time.
# counters: ws_bytes,bytes_per_second,stride_elems,l1_bytes,l2_bytes,l3_bytes,cpu_time,per_iteration

load 'common.gp'

# Block number (1-based) of a variant; 0 when it did not run.
block(name) = sum [i = 1:words(variants)] (word(variants, i) eq name ? i : 0)
cpu_ns(dummy) = column(13) / column(14)           # CPU ns per item (median)
gbs(dummy) = 4 / (column(13) / column(14))         # mountain: GB/s of 4-byte reads, CPU time

mountains = ''
do for [i = 1:words(variants)] {
    v = word(variants, i)
    if (v[1:10] eq 'mountain/s') { mountains = mountains.' '.v }
}

# The levels marked on the heat map: the run's measured ones (l1..l3,
# from machine.json, as every plot marks them); without those, the sizes
# the bench used (counters of every mountain case: measured too when the
# bench had the profile, else its stated fallback).
lv1 = 0; lv2 = 0; lv3 = 0
if (strlen(mountains) > 0) {
    stats datafile index (block(word(mountains, 1)) - 1) using \
        (lv1 = column(10), lv2 = column(11), lv3 = column(12), 0) nooutput
}
if (l1 > 0) { lv1 = l1; lv2 = l2; lv3 = l3 }
lv1 = lv1 == lv1 ? lv1 : 0; lv2 = lv2 == lv2 ? lv2 : 0; lv3 = lv3 == lv3 ? lv3 : 0

# The mountain as one surface: x = log2 working set, y = log2 stride,
# z = GB/s, one scan per stride separated by one blank line (what pm3d
# wants; the TSV separates blocks by two), built in a datablock by gnuplot
# itself (no shell: plots/draw.gp).
$mountain << EOD
EOD
do for [i = 1:words(mountains)] {
    set table $mountain append
    plot datafile index (block(word(mountains, i)) - 1) \
        using (log(column(2)) / log(2)):(log(column(9)) / log(2)):(gbs(0)) with table
    unset table
    set print $mountain append
    print ''
    unset print
}

# --- X1: the memory mountain, 3-D ----------------------------------------------
# Both axes in log2 units drawn as plain numbers (pm3d surfaces and log
# axes do not mix well), labelled in bytes and elements by hand.
ws_tics = "set xtics (); do for [k = 14:40:2] { set xtics add (sprintf('%.0f %s', \
    2.0**(k % 10), k < 20 ? 'KiB' : k < 30 ? 'MiB' : 'GiB') k) }"
stride_tics = "set ytics (); do for [k = 0:5] { set ytics add (sprintf('%d', 2**k) k) }"
if (strlen(mountains) > 0) {
    set datafile separator whitespace   # the datablock's, written by 'with table'
    eval set_output('gallery_mountain')
    set title "The memory mountain: read bandwidth by stride and working set (CPU time)\n{/*0.8 ".machine."}"
    set xlabel 'working set' offset 0,-1
    set ylabel 'stride (4-byte elements)' offset 0,-1
    set zlabel 'GB/s' rotate parallel
    eval ws_tics
    eval stride_tics
    set view 60, 30
    set pm3d at s border lc rgb '#404040' lw 0.5
    set palette defined (0 '#0072B2', 1 '#56B4E9', 2 '#F0E442', 3 '#E69F00', 4 '#D55E00')
    unset key
    set grid xtics ytics ztics
    splot $mountain using 1:2:3 with pm3d

    # --- the same as a heat map --------------------------------------------------
    eval set_output('gallery_heatmap')
    set title "Read bandwidth (GB/s, CPU time) by stride and working set; cache levels marked\n{/*0.8 ".machine."}"
    set view map
    set xlabel 'working set' offset 0,0
    set ylabel 'stride (4-byte elements)' offset 0,0
    set cblabel 'GB/s'
    unset zlabel
    unset grid
    unset pm3d
    set pm3d map corners2color c1 noborder scansautomatic   # not depthorder: it blanks a map
    unset arrow; unset label
    do for [k = 1:3] {
        s = (k == 1 ? lv1 : k == 2 ? lv2 : lv3)
        if (s > 0) {
            # splot wants all three coordinates: the stride axis runs 0 .. 5.
            set arrow from log(s) / log(2), 0, 0 to log(s) / log(2), 5, 0 nohead dt 2 lw 2 \
                lc rgb '#000000' front
            set label sprintf('L%d %s', k, size_label(s)) at log(s) / log(2), 5, 0 \
                right offset -0.3,-0.8 tc rgb '#000000' front
        }
    }
    splot $mountain using 1:2:3 with pm3d
    set view 60, 30
    unset pm3d; unset arrow; unset label; set key; set grid
    unset cblabel; set xtics autofreq; set ytics autofreq
    set datafile separator '\t'
}

# --- X2: memory-level parallelism ---------------------------------------------------
set key inside top right
set xlabel norotate; set ylabel rotate by 90
b = block('mlp')
if (b > 0) {
    eval set_output('gallery_mlp')
    set title "Independent pointer chases in turn, past the caches (CPU time)\n{/*0.8 ".machine."}"
    set logscale x 2
    set xtics (1, 2, 4, 8, 16)
    set xlabel 'independent chases'
    set logscale y 2
    set format y '%g'
    set ylabel 'ns per load'
    plot datafile index (b - 1) using 2:(cpu_ns(0)) with linespoints lt 1 \
             title 'median over repetitions'
    unset logscale; set xtics autofreq
}

# --- X3: associativity --------------------------------------------------------------------
b = block('assoc')
if (b > 0) {
    eval set_output('gallery_assoc')
    set title "A chase down a column of 16 rows, by the rows' pitch (CPU time)\n{/*0.8 ".machine."}"
    set xlabel 'pitch: bytes from one row to the next'
    set xtics 2048
    set ylabel 'ns per load'
    set yrange [0:*]
    unset arrow; unset label
    do for [p = 4096:16384:4096] {
        set arrow from p, graph 0 to p, graph 1 nohead dt 2 lc rgb '#888888'
    }
    plot datafile index (b - 1) using 2:(cpu_ns(0)) with linespoints lt 1 \
        title 'median (dashed: multiples of 4096 B)'
    set xtics autofreq; set yrange [*:*]; unset arrow
}

# Bars, one per variant of a family: labels from the variant's last part.
bars(list, ylab) = sprintf("set xtics (%s); set ylabel '%s'; set xrange [0.4:%d.6]; \
    set style fill solid 0.6 border -1; set boxwidth 0.6; set yrange [0:*]; \
    set offsets 0, 0, graph 0.08, 0; \
    set xtics noenhanced; unset key", \
    join_labels(list, 1), ylab, words(list))
join_labels(list, i) = i > words(list) ? "" : sprintf("'%s' %d%s", \
    substr(word(list, i), strstrt(word(list, i), '/') + 1, 99), i, \
    i < words(list) ? ", ".join_labels(list, i + 1) : "")
present(list) = (sum [i = 1:words(list)] (block(word(list, i)) > 0 ? 1 : 0)) == words(list)

# --- X4: false sharing ----------------------------------------------------------------------
list = 'falseshare/one_line falseshare/next_line falseshare/two_lines falseshare/local'
if (present(list)) {
    eval set_output('gallery_falseshare')
    set title "Two threads, each incrementing its own counter (wall-clock time)\n{/*0.8 ".machine."}"
    set xlabel 'where the two counters live'
    eval bars(list, 'ns per increment (bars: min to max)')
    plot for [i = 1:words(list)] datafile index (block(word(list, i)) - 1) \
        using (i):3 with boxes lt i notitle, \
         for [i = 1:words(list)] datafile index (block(word(list, i)) - 1) \
        using (i):3:4:5 with yerrorbars lt 1 pt 0 notitle
}

# --- X5: the prefetcher ------------------------------------------------------------------------
list = 'prefetch/sequential prefetch/stride prefetch/random'
if (present(list)) {
    eval set_output('gallery_prefetch')
    set title "A chase over the same lines past the caches, in three orders (CPU time)\n{/*0.8 ".machine."}"
    set xlabel 'visiting order'
    eval bars(list, 'ns per line (log scale)')
    set logscale y 10
    set yrange [*:*]
    set offsets 0, 0, 0, 0   # a log axis rounds up to a decade: room enough
    plot for [i = 1:words(list)] datafile index (block(word(list, i)) - 1) \
        using (i):(cpu_ns(0)) with boxes lt i notitle, \
         for [i = 1:words(list)] datafile index (block(word(list, i)) - 1) \
        using (i):(cpu_ns(0)):(sprintf('%.1f ns', cpu_ns(0))) with labels offset 0,1 notitle
    unset logscale y
}

# --- X6: TLB reach ------------------------------------------------------------------------------
# Runs since 2026-12-06 have the walk within pages on huge pages too.
list = 'tlb/within_base tlb/within_huge tlb/across_base tlb/across_huge'
if (!present(list)) { list = 'tlb/within_base tlb/across_base tlb/across_huge' }
if (present(list)) {
    eval set_output('gallery_tlb')
    set title "A random chase past the caches: within 4 KiB pages or across them, on base or huge pages (CPU time)\n{/*0.8 ".machine."}"
    set xlabel 'walk'
    eval bars(list, 'ns per load')
    plot for [i = 1:words(list)] datafile index (block(word(list, i)) - 1) \
        using (i):(cpu_ns(0)) with boxes lt i notitle, \
         for [i = 1:words(list)] datafile index (block(word(list, i)) - 1) \
        using (i):(cpu_ns(0)):(sprintf('%.0f ns', cpu_ns(0))) with labels offset 0,1 notitle
}

# --- X7: write costs ------------------------------------------------------------------------------
list = 'writes/read writes/write writes/rmw writes/stream'
if (present(list)) {
    eval set_output('gallery_writes')
    set title "Passes over a buffer past the caches (CPU time)\n{/*0.8 ".machine."}"
    set xlabel 'pass'
    eval bars(list, 'GB/s of the buffer')
    plot for [i = 1:words(list)] datafile index (block(word(list, i)) - 1) \
        using (i):($7 / $13) with boxes lt i notitle, \
         for [i = 1:words(list)] datafile index (block(word(list, i)) - 1) \
        using (i):($7 / $13):(sprintf('%.1f', $7 / $13)) with labels offset 0,1 notitle
}
