# queue.gp - backpressure and bounded concurrency (claims S3, S4, S6):
# memory held against the number of messages for a bounded and an
# unbounded queue; messages per second for every variant; memory and
# threads of a worker pool against a thread per message; the pool's
# speedup against its number of workers (queue_speedup).  Reads data/queue.tsv
# (scripts/plot.sh): columns variant arg ns_med ns_min ns_max reps, then
# the counters below in this order (the last two: the smallest and the
# largest rss_over_baseline of the repetitions).  ns_* are ns per message.
# counters: items,peak_queued_items,peak_queued_bytes,producer_waits,peak_threads,create_retries,peak_rss_bytes,baseline_rss_bytes,rss_over_baseline,workers,cpus_online,rss_over_baseline.min,rss_over_baseline.max

load 'common.gp'

# The block (gnuplot index) of a variant, by name; -1 when absent.
position(w, i) = i > words(variants) ? 0 : (word(variants, i) eq w ? i : position(w, i + 1))
block(w) = position(w, 1) - 1

set logscale x 10
set format x '10^{%L}'
set xlabel 'messages in the run (log scale)'
set autoscale xfix
set offsets graph 0.04, graph 0.04, graph 0.05, graph 0.05

# --- S3: memory held by the queue ------------------------------------------------
eval set_output('queue')
set title "A fast producer and a slow consumer: memory held by a bounded and an unbounded queue\n{/*0.8 ".machine."}"
set logscale y 2
set format y '%.0b %BB'
set ylabel 'bytes (log scale)'
set key inside left top
plot block('unbounded') < 0 ? 1/0 : datafile index block('unbounded') \
         using 7:9 with linespoints lt 2 lw 2 title 'unbounded: peak bytes queued (counting allocator)', \
     block('unbounded') < 0 ? 1/0 : datafile index block('unbounded') \
         using 7:($15 > 0 ? $15 : NaN) with linespoints lt 2 dt 2 title 'unbounded: peak RSS above baseline', \
     block('bounded') < 0 ? 1/0 : datafile index block('bounded') \
         using 7:9 with linespoints lt 5 lw 2 title 'bounded ring (1024 slots): peak bytes queued', \
     block('bounded') < 0 ? 1/0 : datafile index block('bounded') \
         using 7:($15 > 0 ? $15 : NaN) with linespoints lt 5 dt 2 title 'bounded ring: peak RSS above baseline'

# --- S3 and S4: throughput -----------------------------------------------------------
eval set_output('queue_throughput')
set title "Messages per second (S3: one slow consumer; S4: heavier work, pool or a thread each)\n{/*0.8 ".machine."}"
set logscale y 10
set format y '%.0s %c'
set ylabel 'messages per second (median; bars: min to max)'
set key inside right top
# workers/<k> (S6, registered last) all run one number of messages: its
# own plot below.
plot for [i = 1:words(variants) - (block('workers') >= 0)] datafile index (i - 1) \
     using 7:(1e9 / $3):(1e9 / $5):(1e9 / $4) with yerrorlines lt i title word(variants, i) noenhanced

# --- S4: memory and threads ------------------------------------------------------------
eval set_output('queue_workers')
set title "Worker pool against a thread per message: peak resident memory and live threads\n{/*0.8 ".machine."}"
set logscale y 2
set format y '%.0b %BB'
# Bars from the smallest to the largest repetition: the spread the
# report's "within noise" for memory rests on.  The two series sit a
# little apart on x so that their bars do not hide each other.
set ylabel 'peak RSS above a run that does nothing (median; bars: min to max)'
set y2label 'worker threads alive at once (dashed)'
set logscale y2 2
set y2range [1:*]
set y2tics
set format y2 '%g'
set key inside left top
plot block('pool') < 0 ? 1/0 : datafile index block('pool') \
         using ($7 * 0.97):($15 > 0 ? $15 : NaN):($18 > 0 ? $18 : $15):19 with yerrorlines lt 3 lw 2 title 'pool: peak RSS', \
     block('thread_per_item') < 0 ? 1/0 : datafile index block('thread_per_item') \
         using ($7 * 1.03):($15 > 0 ? $15 : NaN):($18 > 0 ? $18 : $15):19 with yerrorlines lt 4 lw 2 title 'thread per item: peak RSS', \
     block('pool') < 0 ? 1/0 : datafile index block('pool') \
         using 7:11 axes x1y2 with linespoints lt 3 dt 2 title 'pool: threads', \
     block('thread_per_item') < 0 ? 1/0 : datafile index block('thread_per_item') \
         using 7:11 axes x1y2 with linespoints lt 4 dt 2 title 'thread per item: threads'

# --- S6: speedup against the number of workers -----------------------------------
if (block('workers') >= 0) {
reset
load 'common.gp'
eval set_output('queue_speedup')
stats datafile index block('workers') every ::0::0 using 3 nooutput
one = STATS_min
stats datafile index block('workers') using 17 nooutput
cpus = STATS_max
stats datafile index block('workers') using 2 nooutput
kmax = STATS_max
set title sprintf("The pool's work by 1 to %d workers on %d CPUs: speedup over one worker\n{/*0.8 %s}", int(kmax), int(cpus), machine)
set logscale x 2
set xrange [0.8:kmax * 1.25]
set xlabel 'workers in the pool (log scale)'
set ylabel 'speedup over one worker (wall clock; bars: min to max)'
set yrange [0:cpus * 1.4]
set key inside left top
set arrow from cpus, graph 0 to cpus, graph 1 nohead dt 3 lc rgb '#999999'
plot datafile index block('workers') using 2:(one / $3):(one / $5):(one / $4) \
         with yerrorlines lt 3 lw 2 title 'measured (median)', \
     datafile index block('workers') using 2:($2 < cpus ? $2 : cpus) \
         with lines lt 1 dt 2 title 'ideal: one core per worker, up to the CPUs'
}
