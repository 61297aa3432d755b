# stream.gp - reading a file whole or streamed: throughput and peak resident
# memory against file size, one line per method (dashed: cold page cache).
# Reads data/stream.tsv (scripts/plot.sh): columns variant arg ns_med ns_min
# ns_max reps, then the counters below in this order.  ns_* are ns per byte
# of file, so MB/s = 1000 / ns.
# counters: file_bytes,lines,cached_fraction,alloc_peak_bytes,peak_rss_bytes,baseline_rss_bytes,rss_over_baseline

load 'common.gp'

cold(v) = strstrt(v, '_cold') > 0
# A cold variant takes the colour of its warm method: the position of
# "slurp" in the variant list for "slurp_cold".
method(v) = cold(v) ? v[1:strstrt(v, '_cold') - 1] : v
position(w, i) = i > words(variants) ? 0 : (word(variants, i) eq w ? i : position(w, i + 1))
colour(v) = position(method(v), 1)
# Variants without '_cold' (they come first): only they have memory figures.
warm_count(i) = i > words(variants) ? 0 : !cold(word(variants, i)) + warm_count(i + 1)

# --- throughput ----------------------------------------------------------------
eval set_output('stream')
set title "Reading a file and summing a field: throughput by method\n{/*0.8 ".machine."}"
@bytes_axis_x
set xlabel 'file size (log scale)'
set logscale y 2
set format y '%g'
set ylabel 'MB/s (median; bars: min to max over repetitions)'
set offsets 0, 0, graph 0.05, graph 0.05
set key title "dashed:\ncold cache"
plot for [i = 1:words(variants)] datafile index (i - 1) \
     using 7:(1000 / $3):(1000 / $5):(1000 / $4) with yerrorlines \
     lt colour(word(variants, i)) dt 1 + cold(word(variants, i)) \
     title word(variants, i) noenhanced

# --- peak resident memory ------------------------------------------------------
eval set_output('stream_memory')
set title "Peak resident memory of one pass, each method alone in a fresh process\n{/*0.8 ".machine."}"
set logscale y 2
set format y '%.0b %BB'
set ylabel 'peak RSS above a run that reads nothing (VmHWM)'
set key inside right center title "slurp: a heap buffer as large as the file\nmmap (dashed): the file pages it maps"
plot for [i = 1:warm_count(1)] datafile index (i - 1) \
     using 7:($13 > 0 ? $13 : NaN) with linespoints lw 2 lt i \
     dt 1 + (word(variants, i) eq 'mmap') title word(variants, i) noenhanced
