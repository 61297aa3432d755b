# stream.gp - reading a file whole or streamed: throughput and peak resident
# memory against file size, one line per method (dashed: cold page cache);
# the long-line cases: memory against line length, and which methods
# refused the line; and the limit cases (S5): how each method ended under
# a memory limit smaller than the file.
# Reads data/stream.tsv (scripts/plot.sh): columns variant arg ns_med ns_min
# ns_max reps, then the counters below in this order.  ns_* are ns per byte
# of file, so MB/s = 1000 / ns.
# counters: file_bytes,lines,cached_fraction,alloc_peak_bytes,peak_rss_bytes,baseline_rss_bytes,rss_over_baseline,line_bytes,read_whole,error_reported,limit_bytes,completed,allocation_failed,killed_by_signal

load 'common.gp'

cold(v) = strstrt(v, '_cold') > 0
islong(v) = strstrt(v, 'long_') == 1
islimit(v) = strstrt(v, 'limit_') == 1
# A cold variant takes the colour of its warm method: the position of
# "slurp" in the variant list for "slurp_cold".
method(v) = cold(v) ? v[1:strstrt(v, '_cold') - 1] : v
position(w, i) = i > words(variants) ? 0 : (word(variants, i) eq w ? i : position(w, i + 1))
colour(v) = position(method(v), 1)
# The program registers the warm sweep, then the cold one, then the long
# lines, then the limit cases: counts of the first group, of the first
# two and of the long lines.
warm(v) = !cold(v) && !islong(v) && !islimit(v)
warm_count(i) = i > words(variants) ? 0 : warm(word(variants, i)) + warm_count(i + 1)
sweep_count(i) = i > words(variants) ? 0 : \
    (!islong(word(variants, i)) && !islimit(word(variants, i))) + sweep_count(i + 1)
long_count(i) = i > words(variants) ? 0 : islong(word(variants, i)) + long_count(i + 1)
limit_count(i) = i > words(variants) ? 0 : islimit(word(variants, i)) + limit_count(i + 1)

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
plot for [i = 1:sweep_count(1)] datafile index (i - 1) \
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

# --- long lines (S2) -------------------------------------------------------------
if (long_count(1) > 0) {
eval set_output('stream_longlines')
set title "Lines of 16 KiB to 4 MiB: memory of one pass, and which method refused the lines\n{/*0.8 ".machine."}"
set xlabel 'length of every line in the file (log scale)'
set offsets graph 0.04, graph 0.04, graph 0.05, graph 0.05
set xtics 1024, 4   # powers of 4 from 1 KiB, whatever the padded range
set ylabel 'peak RSS above a run that reads nothing (VmHWM)'
set key inside left top title "chunks: fixed 64 KiB buffer; reader: grows to 16 MiB;\ngetline: grows without limit"
plot for [i = sweep_count(1) + 1:sweep_count(1) + long_count(1)] datafile index (i - 1) \
     using 2:($13 > 0 ? $13 : NaN) with linespoints lw 2 lt (i - sweep_count(1) + 1) \
     title word(variants, i) noenhanced, \
     position('long_chunks', 1) == 0 ? 1/0 : datafile index (position('long_chunks', 1) - 1) \
     using 2:($16 > 0 && $13 > 0 ? $13 : NaN) with points pt 2 ps 3 lw 2 lc rgb '#D55E00' \
     title 'refused: line too long (a clear error, no output)'
}

# --- under a memory limit (S5) ---------------------------------------------------
if (limit_count(1) > 0) {
first = sweep_count(1) + long_count(1)
reset
load 'common.gp'
eval set_output('stream_limit')
set title "The largest file read under a memory limit smaller than the file (RLIMIT\\_AS):\nhow each method ended, and its peak resident memory\n{/*0.8 ".machine."}"
set style fill solid 0.85 border -1
set boxwidth 0.6
set xrange [0.4:limit_count(1) + 0.6]
set xtics () nomirror
do for [k = 1:limit_count(1)] {
    set xtics add (word(variants, first + k)[7:] k)
}
set logscale y 2
set format y '%.0b %BB'
set yrange [1048576:*]
set ylabel 'bytes (log scale)'
set key inside left top
set grid noxtics
plot for [k = 1:limit_count(1)] datafile index (first + k - 1) \
         using (k):($11 > 0 ? $11 : NaN):($18 > 0 ? 4 : 6) with boxes lc variable notitle, \
     for [k = 1:limit_count(1)] datafile index (first + k - 1) \
         using (k):($11 > 0 ? $11 * 1.3 : 1572864):($18 > 0 ? 'completed' : \
               $20 > 0 ? sprintf('killed (signal %d)', int($20)) : 'allocation failed') \
         with labels font ',10' notitle, \
     for [k = 1:limit_count(1)] datafile index (first + k - 1) \
         using (k):17 with points pt 6 ps 2 lc rgb '#0072B2' notitle, \
     for [k = 1:limit_count(1)] datafile index (first + k - 1) \
         using (k):7 with points pt 2 ps 2 lc rgb '#000000' notitle, \
     NaN with boxes lc 4 title 'peak RSS, completed', \
     NaN with boxes lc 6 title 'peak RSS, did not complete', \
     NaN with points pt 6 ps 2 lc rgb '#0072B2' title 'the limit (address space it may add)', \
     NaN with points pt 2 ps 2 lc rgb '#000000' title 'the file'
}

# --- lecture version: the memory of reading whole against streaming -----------
if (lecture) {
    reset
    load 'common.gp'
    @lecture_term
    eval set_output('stream_lecture')
    position(w, i) = i > words(variants) ? 0 : (word(variants, i) eq w ? i : position(w, i + 1))
    set title 'Peak memory of one pass over a file: read whole against streamed'
    @lecture_bytes_x
    @lecture_bytes_y
    set xlabel 'file size (log scale)'
    set ylabel 'peak resident memory above an idle run'
    eval lecture_pick('whole', largestfile, 'slurp', 13)
    eval lecture_pick('whole_f', largestfile, 'slurp', 7)
    eval lecture_pick('chunks', largestfile, 'chunks', 13)
    eval lecture_pick('chunks_f', largestfile, 'chunks', 7)
    if (whole == whole && chunks == chunks && whole_f == chunks_f) {
        eval lecture_note_at(sprintf('a %s file: read whole %s, in chunks %s', \
            size_short(whole_f), size_short(whole), size_short(chunks)), '#E69F00', 0.98, 0.3, 'right')
    }
    shown = ''
    do for [v in 'slurp chunks'] { if (position(v, 1) > 0) { shown = shown.' '.v } }
    if (strlen(shown) > 0) {
        plot for [v in shown] datafile index (position(v, 1) - 1) using 7:($13 > 0 ? $13 : NaN) \
             with linespoints lw 3 pt 7 ps 1 lt (v eq 'slurp' ? 2 : 5) \
             title (v eq 'slurp' ? 'read whole: one buffer the size of the file' : 'in chunks: one 64 KiB buffer'), \
             x with lines dt 2 lw 1.5 lc rgb '#999999' title 'the file itself'
    }
}
