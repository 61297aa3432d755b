# stride.gp - what one read costs: by stride (stride.png, stride_bandwidth.png)
# and by working set in a pointer chase (stride_latency.png), with the
# sizes the system reports (grey) beside the ones measured (orange).
# Reads data/stride.tsv (scripts/plot.sh): columns variant arg ns_med
# ns_min ns_max reps, then the counters below in this order.  The
# "levels" block holds one row: the levels and the bend found by the
# bench program (docs/experiments/stride.md).
# counters: ws_bytes,huge_fraction,bytes_per_second,line_bytes_per_second,l1_bytes,l2_bytes,l3_bytes,l1_ns,l2_ns,l3_ns,mem_ns,bend_line_bytes,line_bytes,page_bytes,levels,transfer_bytes

load 'common.gp'

# Block number (1-based) of a variant; 0 when it did not run.
block(name) = sum [i = 1:words(variants)] (word(variants, i) eq name ? i : 0)

# One value of the summary row (column c); 0 when there is none.
summary_value(c) = 0
have_summary = block('levels') > 0
if (have_summary) {
    array S[15]
    stats datafile index (block('levels') - 1) using \
        (S[1] = column(11), S[2] = column(12), S[3] = column(13), \
         S[4] = column(14), S[5] = column(15), S[6] = column(16), \
         S[7] = column(17), S[8] = column(18), S[9] = column(19), \
         S[10] = column(20), S[11] = column(21), S[12] = column(22), 0) nooutput
    summary_value(c) = S[c - 10]
}
m_bytes(k) = summary_value(10 + k)           # k = 1, 2, 3: measured capacity
m_ns(k) = summary_value(13 + k)              # latency of level k
line = summary_value(19) > 0 ? summary_value(19) : 64
page = summary_value(20) > 0 ? summary_value(20) : 4096
bend = summary_value(18)
found = summary_value(21)
# The unit line_bytes_per_second counts in (the measured transfer unit);
# runs from before it was recorded counted in reported lines.
transfer = summary_value(22) > 0 ? summary_value(22) : line

measured = '#D55E00'

# Tics at powers of four, labelled exactly: gnuplot's own tic values can
# land a hair under a power of two and print as "1023 kiB".
unit(e) = e < 10 ? 'B' : e < 20 ? 'KiB' : e < 30 ? 'MiB' : 'GiB'
pow2_tics(lo, hi) = sprintf("set xtics (%s)", \
    join_tics(lo, hi))
join_tics(lo, hi) = lo > hi ? "" : sprintf("'%d %s' %.0f%s", 2**(lo % 10), unit(lo), 2.0**lo, \
    lo + 2 > hi ? "" : ", ".join_tics(lo + 2, hi))

# The variants that ran, as lists for 'plot for'.
reads = ''
chases = ''
do for [v in 'read read_huge'] { if (block(v) > 0) { reads = reads.' '.v } }
do for [v in 'chase chase_huge'] { if (block(v) > 0) { chases = chases.' '.v } }
landmark(x, text, colour, row) = sprintf( \
    "set arrow from %g, graph 0 to %g, graph 1 nohead dt %d lw 1.5 lc rgb '%s'; \
     set label '%s' at %g, graph 1 offset 0.3,%g tc rgb '%s' noenhanced", \
    x, x, colour eq measured ? 1 : 2, colour, text, x, -0.8 - 1.1 * row, colour)

# --- ns per read against stride -------------------------------------------
eval set_output('stride')
set title "Reading one 4-byte value every S bytes of a large buffer\n{/*0.8 ".machine."}"
set logscale x 2
eval pow2_tics(2, 16)
set xlabel 'stride S (log scale)'
set logscale y 2
set format y '%g'
set ylabel 'ns per read (median; bars: min to max over repetitions)'
set offsets 0, 0, graph 0.04, graph 0.04
unset arrow; unset label
eval landmark(line, sprintf('line %d B (reported)', line), '#888888', 0)
eval landmark(page, sprintf('page %d B (reported)', page), '#888888', 0)
if (bend > 0) { eval landmark(bend, sprintf('bend %.0f B (measured)', bend), measured, 1) }
if (strlen(reads) > 0) {
    plot for [v in reads] datafile index (block(v) - 1) using 2:3:4:5 with yerrorlines \
         lt (v eq 'read' ? 1 : 3) title (v eq 'read' ? 'base pages (4 KiB)' : 'huge pages (2 MiB)')
}

# --- bandwidth against stride ----------------------------------------------
eval set_output('stride_bandwidth')
set title "Bandwidth of a strided read (base pages)\n{/*0.8 ".machine."}"
set ylabel 'GB/s (median)'
set logscale y 10
unset offsets
set key inside bottom left
if (transfer != line) { eval landmark(transfer, sprintf('transfer %d B (measured)', transfer), measured, 2) }
r = block('read')
if (r > 0) {
    plot datafile index (r - 1) using 2:($10 / 1e9) with linespoints lt 5 \
             title sprintf('traffic: min(S, %d B) a read (the measured transfer unit)', transfer), \
         datafile index (r - 1) using 2:($9 / 1e9) with linespoints lt 2 \
             title 'values used: 4 bytes a read'
}

# --- pointer-chase latency against working set ------------------------------
eval set_output('stride_latency')
set key outside right top
set title "Latency of a dependent load (pointer chase through one random cycle)\n{/*0.8 ".machine."}"
@bytes_axis_x
eval pow2_tics(12, 40)
set xlabel 'working set (log scale)'
set logscale y 2
set ylabel 'ns per load (median; bars: min to max)'
# A little room past the last size, so its tic (1 GiB) is drawn.
set offsets 0, graph 0.02, graph 0.04, graph 0.04
@cache_marks
do for [k = 1:3] {
    if (found >= k && m_bytes(k) > 0) {
        eval landmark(m_bytes(k), sprintf('L%d measured: %.1f ns', k, m_ns(k)), measured, k)
    }
}
if (summary_value(17) > 0) {
    set label sprintf('memory (measured): %.0f ns', summary_value(17)) \
        at graph 0.98, graph 0.05 right tc rgb measured
}
# Sizes where the kernel did not back the huge-page buffer with huge pages
# (huge_fraction, from AnonHugePages in /proc/self/smaps, under 0.9 or
# absent: the bench leaves a 0 out): those points measured base pages.
not_huge(c) = (valid(c) && column(c) >= 0.9) ? 0 : 1
missed = 0
if (block('chase_huge') > 0) {
    stats datafile index (block('chase_huge') - 1) using (missed = missed + not_huge(8), 0) nooutput
}
if (block('chase_huge') > 0 && missed == 0) {
    set label 'huge pages obtained at every size (AnonHugePages)' at graph 0.98, graph 0.11 right tc rgb '#56B4E9'
}
chase_plot = "plot for [v in chases] datafile index (block(v) - 1) using 2:3:4:5 with yerrorlines \
         lt (v eq 'chase' ? 1 : 3) title (v eq 'chase' ? 'base pages (4 KiB)' : 'huge pages (2 MiB)')"
if (strlen(chases) > 0 && missed == 0) { @chase_plot }
if (strlen(chases) > 0 && missed > 0) {
    @chase_plot, datafile index (block('chase_huge') - 1) \
         using 2:(not_huge(8) ? $3 : NaN) with points pt 6 ps 3 lw 2 lc rgb measured \
         title sprintf('huge pages not obtained (%d sizes)', missed)
}

# --- lecture version: the price list of one load -----------------------------
if (lecture) {
    reset
    load 'common.gp'
    @lecture_term
    eval set_output('stride_latency_lecture')
    set title 'One load that waits for the one before: its cost by working set'
    @lecture_bytes_x
    set xlabel 'working set (log scale)'
    set logscale y 10
    set format y '%g'
    set ylabel 'ns per load (median)'
    @lecture_levels
    eval lecture_pick('mem_ns', largestfile, 'chase', 3)
    eval lecture_pick('mem_ws', largestfile, 'chase', 2)
    first_ns = NaN
    if (block('chase') > 0) {
        stats datafile index (block('chase') - 1) every ::0::0 using (first_ns = $3, 0) nooutput
    }
    if (mem_ns == mem_ns && first_ns == first_ns) {
        eval lecture_note(sprintf('a load: %.1f ns in L1, %.0f ns at %s (%.0fx)', \
            first_ns, mem_ns, size_short(mem_ws), mem_ns / first_ns), '#000000')
    }
    if (block('chase') > 0) {
        plot datafile index (block('chase') - 1) using 2:3 with linespoints lt 1 lw 3 pt 7 ps 1 \
             title 'base pages (4 KiB), one random cycle'
    }
}
