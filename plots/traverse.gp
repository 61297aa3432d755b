# traverse.gp - time per element against working set, one line per layout,
# and the bytes each layout holds per element.  Reads data/traverse.tsv
# and data/traverse_largest.tsv (scripts/plot.sh): columns variant arg ns_med ns_min ns_max reps, then
# the counters below in this order.
# counters: ws_bytes,bytes_per_elem,heap_bytes_per_elem,allocs_per_elem,elements
# leave out: _read_sum$
# (the sums over the contiguous layouts' bytes, run beside them past the
# last level for the report's "At memory's pace?": no layout of their own)

load 'common.gp'

# --- time per element --------------------------------------------------------
eval set_output('traverse')
set title "Summing the score of active users: time per element by layout\n{/*0.8 ".machine."}"
@bytes_axis_x
set xlabel 'working set: bytes the layout holds (log scale)'
set logscale y 2
set format y '%g'
set ylabel 'ns per element (median; bars: min to max over repetitions)'
# A little room past the last size, so its tic (1 GiB) is drawn.
set offsets 0, graph 0.02, graph 0.04, graph 0.04
@cache_marks
plot for [i = 1:words(variants)] datafile index (i - 1) \
     using 7:3:4:5 with yerrorlines lt i title word(variants, i) noenhanced

# --- bytes per element -------------------------------------------------------
eval set_output('traverse_bytes')
unset arrow; unset label
unset logscale; set format x '% g'; set format y '%g'
set title "Memory per element by layout, at the largest size\n{/*0.8 ".machine."}"
set xlabel ''
set ylabel 'bytes per element'
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.85 border -1
set boxwidth 0.9
set yrange [0:*]
set xtics rotate by -30 nomirror noenhanced
set offsets 0, 0, graph 0.1, 0
set key inside left top
plot largestfile using 8:xtic(1) title 'asked for (counting allocator)' lc rgb '#0072B2', \
     ''          using 9         title 'held by malloc, overhead included (mallinfo2)' lc rgb '#E69F00'

# --- lecture version: one loop, three layouts, where the list falls off -------
if (lecture) {
    reset
    load 'common.gp'
    @lecture_term
    eval set_output('traverse_lecture')
    block(name) = sum [i = 1:words(variants)] (word(variants, i) eq name ? i : 0)
    shown = ''
    do for [v in 'aos aop_scattered list_scattered'] { if (block(v) > 0) { shown = shown.' '.v } }
    name(v) = v eq 'aos' ? 'array of structs' : v eq 'aop_scattered' ? 'array of pointers, scattered' : \
              'linked list, scattered'
    set title 'The same O(n) sum over the same records, three layouts'
    @lecture_bytes_x
    set xlabel 'working set (log scale)'
    set logscale y 10
    set format y '%g'
    set ylabel 'ns per record (median)'
    @lecture_levels
    eval lecture_pick('list_ns', largestfile, 'list_scattered', 3)
    eval lecture_pick('list_n', largestfile, 'list_scattered', 2)
    eval lecture_pick('aos_ns', largestfile, 'aos', 3)
    if (list_ns == list_ns && aos_ns == aos_ns) {
        eval lecture_note(sprintf('%.3g M records: scattered list %.0f ns, array %.1f ns a record (%.0fx)', \
            list_n / 1e6, list_ns, aos_ns, list_ns / aos_ns), '#D55E00')
    }
    if (strlen(shown) > 0) {
        plot for [v in shown] datafile index (block(v) - 1) using 7:3 with linespoints \
             lt block(v) lw 3 pt 7 ps 1 title name(v)
    }
}
