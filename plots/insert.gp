# insert.gp - inserts and removals at random positions: time per operation
# against N (insert.png) and how many times slower each list is than the
# array at the same N (insert_ratio.png).  Reads data/insert.tsv
# (scripts/plot.sh): columns variant arg ns_med ns_min ns_max reps, then
# the counters below in this order.
# counters: elements,ring_pairs,ws_bytes,heap_bytes_per_elem,moved_bytes_per_op,hops_per_op

load 'common.gp'

# Block number (1-based) of a variant; 0 when it did not run.
block(name) = sum [i = 1:words(variants)] (word(variants, i) eq name ? i : 0)

# Tics at 100, 1000, ...: N is a count, not bytes.
set logscale x 10
set format x '%.0f'
set xtics 10
set mxtics 10
set xlabel 'N: elements held (log scale)'

# --- time per operation ----------------------------------------------------
eval set_output('insert')
set title "Insert and remove at random positions: time per operation at size N\n{/*0.8 ".machine."}"
set logscale y 10
set format y (term eq 'dumb' ? '1e%L' : '10^{%L}')   # dumb has no superscripts
set ylabel 'ns per operation (median; bars: min to max)'
set offsets 0, 0, graph 0.04, graph 0.04
plot for [i = 1:words(variants)] datafile index (i - 1) \
     using 2:3:4:5 with yerrorlines lt i title word(variants, i) noenhanced

# --- list / array ratio ----------------------------------------------------
# The array's median time at each N, looked up by N (a case that failed
# is missing, so rows are matched by N, not by position).
a = block('array')
if (a > 0) {
    stats datafile index (a - 1) using 2 nooutput
    na = STATS_records
    array AN[na]
    array AT[na]
    stats datafile index (a - 1) using (AN[int($0) + 1] = $2, AT[int($0) + 1] = $3, 0) nooutput
    array_ns(n, k) = k > na ? NaN : (AN[k] == n ? AT[k] : array_ns(n, k + 1))

    eval set_output('insert_ratio')
    set title "How many times slower than the array, at the same N\n{/*0.8 ".machine."}"
    set ylabel 'time per operation / array time per operation (medians)'
    set logscale y 2
    set format y '%g'
    unset offsets
    set offsets 0, 0, graph 0.1, graph 0.1
    lists = ''
    do for [v in 'list list_pool'] { if (block(v) > 0) { lists = lists.' '.v } }
    plot for [v in lists] datafile index (block(v) - 1) \
         using 2:($3 / array_ns($2, 1)) with linespoints lt (v eq 'list' ? 2 : 3) \
         title v.' / array' noenhanced, \
         1 with lines dt 2 lc rgb '#888888' title 'as fast as the array'
}

# --- lecture version: the array and the list against the bytes they hold -----
if (lecture) {
    reset
    load 'common.gp'
    @lecture_term
    eval set_output('insert_lecture')
    set title 'Insert and remove at random positions: array (memmove) against list (walk)'
    @lecture_bytes_x
    set xlabel 'bytes the structure holds (log scale)'
    @lecture_time_y
    set ylabel 'time per operation (median)'
    @lecture_levels
    eval lecture_pick('list_ns', largestfile, 'list', 3)
    eval lecture_pick('list_n', largestfile, 'list', 2)
    eval lecture_pick('array_ns', largestfile, 'array', 3)
    eval lecture_pick('array_n', largestfile, 'array', 2)
    if (list_ns == list_ns && array_ns == array_ns && list_n == array_n) {
        eval lecture_note(sprintf('N = %.0f: list %s, array %s an operation (%.0fx)', \
            list_n, time_short(list_ns), time_short(array_ns), list_ns / array_ns), '#E69F00')
    }
    shown = ''
    do for [v in 'array list'] { if (block(v) > 0) { shown = shown.' '.v } }
    if (strlen(shown) > 0) {
        plot for [v in shown] datafile index (block(v) - 1) using 9:3 with linespoints \
             lt block(v) lw 3 pt 7 ps 1 \
             title (v eq 'array' ? 'array: memmove half of it' : 'linked list: walk to the position')
    }
}
