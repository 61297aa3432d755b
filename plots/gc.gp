# gc.gp - the Boehm collector's work (claims C1-C4), four figures:
#   gc_churn    collections and time per item, temporary per item vs reused
#   gc_layouts  mark time per value and live heap: list, pointers, flat array
#   gc_cache    live heap and collector time: a cache that keeps vs drops
#   gc_pauses   longest stop of the world and total time, by collector mode
# Reads data/gc.tsv (scripts/plot.sh): columns variant arg ns_med ns_min
# ns_max reps, then the counters below in this order (7 onwards).
# counters: collections,gc_ms,mark_ns_per_value,live_bytes,longest_stop_ms,median_stop_ms,total_ms,step_p99_us,collect_ms

load 'common.gp'

# Block numbers (1-based) of each claim's variants, space-separated.
churn = ''; layouts = ''; caches = ''; pauses = ''
do for [i = 1:words(variants)] {
    v = word(variants, i)
    if (v eq 'temp' || v eq 'reuse') { churn = churn.sprintf(' %d', i) }
    if (v eq 'graph' || v eq 'pointers' || v eq 'atomic') { layouts = layouts.sprintf(' %d', i) }
    if (v eq 'keep' || v eq 'drop') { caches = caches.sprintf(' %d', i) }
    if (strstrt(v, 'pause_') == 1) { pauses = pauses.sprintf(' %d', i) }
}

set logscale x 10
set format x '%.0s%c'
set key inside left top box opaque samplen 2 font ',9'

# --- C1 -----------------------------------------------------------------------
if (words(churn) > 0) {
    eval set_output('gc_churn')
    set multiplot layout 1,2 title "C1: a temporary per item against one reused buffer (Boehm GC)\n{/*0.8 ".machine."}"
    set xlabel 'items (256 bytes each; log scale)'
    set title 'collections per pass'
    set ylabel 'collections'
    plot for [k in churn] datafile index (int(k) - 1) using 2:7 with linespoints lt int(k) title word(variants, int(k)) noenhanced
    set title 'time per item (median; bars: min to max)'
    set ylabel 'ns per item'
    set logscale y 10
    plot for [k in churn] datafile index (int(k) - 1) using 2:3:4:5 with yerrorlines lt int(k) title word(variants, int(k)) noenhanced
    unset logscale y
    unset multiplot
}

# --- C2 -----------------------------------------------------------------------
if (words(layouts) > 0) {
    eval set_output('gc_layouts')
    set multiplot layout 1,2 title "C2: the same N values as a list of objects, pointers to boxes, or one flat array\n{/*0.8 ".machine."}"
    set xlabel 'values (log scale)'
    set logscale y 10
    set title 'marking per value in a full collection (median, fresh process)'
    set ylabel 'ns per value'
    plot for [k in layouts] datafile index (int(k) - 1) using 2:($9 > 0 ? $9 : NaN) with linespoints lt int(k) title word(variants, int(k)) noenhanced
    set title 'live heap after the collection'
    set ylabel 'bytes'
    set format y '%.0b %B'
    plot for [k in layouts] datafile index (int(k) - 1) using 2:10 with linespoints lt int(k) title word(variants, int(k)) noenhanced
    set format y '%g'
    unset logscale y
    unset multiplot
}

# --- C3 -----------------------------------------------------------------------
if (words(caches) > 0) {
    eval set_output('gc_cache')
    set multiplot layout 1,2 title "C3: a cache that keeps every result against one that keeps the last 16\n{/*0.8 ".machine."}"
    set xlabel 'results made (1 KiB each; log scale)'
    set logscale y 10
    set title 'live heap after a full collection'
    set ylabel 'bytes'
    set format y '%.0b %B'
    plot for [k in caches] datafile index (int(k) - 1) using 2:10 with linespoints lt int(k) title word(variants, int(k)) noenhanced
    set format y '%g'
    set title 'a full collection with the cache alive (median, fresh process)'
    set ylabel 'ms the program stopped'
    plot for [k in caches] datafile index (int(k) - 1) using 2:15 with linespoints lt int(k) title word(variants, int(k)) noenhanced
    unset logscale y
    unset multiplot
}

# --- C4 -----------------------------------------------------------------------
if (words(pauses) > 0) {
    eval set_output('gc_pauses')
    set multiplot layout 1,2 title "C4: pauses against the live heap, by collector mode (a fresh process each)\n{/*0.8 ".machine."}"
    set xlabel 'live objects (log scale)'
    set logscale y 10
    set title 'longest stop of the world'
    set ylabel 'ms'
    plot for [k in pauses] datafile index (int(k) - 1) using 2:11 with linespoints lt int(k) title word(variants, int(k)) noenhanced, \
         for [k in pauses] datafile index (int(k) - 1) using 2:12 with lines dt 2 lt int(k) title word(variants, int(k)).' (median stop)' noenhanced
    set title 'total time of the same work'
    set ylabel 'ms'
    plot for [k in pauses] datafile index (int(k) - 1) using 2:13 with linespoints lt int(k) title word(variants, int(k)) noenhanced
    unset multiplot
}
