# lines.gp - ns per line, allocations per line and peak bytes when every
# line becomes a fresh string (copy) or stays a view into the reader's
# buffer (view), for each line-length distribution (A5); and, for lines
# kept until the pass ends, what the kept views and copies read then and
# what a copy costs (A6, plot lines_keep).
# Reads data/lines.tsv (scripts/plot.sh): one block per variant
# "copy/<dist>" or "view/<dist>", in that alternating order, then
# "keep_copy/<dist>" and "keep_view/<dist>" likewise, one row per text
# size; columns variant arg ns_med ns_min ns_max reps, then the counters
# below in this order.
# counters: lines,allocs_per_line,peak_bytes,avg_line_bytes,kept_intact,kept_later_text,bytes_per_line

load 'common.gp'

# Bars in pairs: copy at 3p, view at 3p + 1, for distribution p = 0, 1, ...
xpos(i) = 3 * int((i - 1) / 2) + (i - 1) % 2
dist(v) = v[strstrt(v, '/') + 1:]
is_copy(i) = strstrt(word(variants, i), 'copy/') == 1
# The A5 variants come first; A6's keep_* pairs follow them.
a5(v) = strstrt(v, 'copy/') == 1 || strstrt(v, 'view/') == 1
a5_count(i) = i > words(variants) ? 0 : a5(word(variants, i)) + a5_count(i + 1)
npairs = a5_count(1) / 2
nkeep = (words(variants) - 2 * npairs) / 2

stats datafile index 0 using 2 nooutput
nrows = STATS_records
big_row = nrows - 1
small_text = STATS_min
big_text = STATS_max
size_name(b) = b >= 1048576 ? sprintf('%.0f MiB', b / 1048576) : sprintf('%.0f KiB', b / 1024)

set style fill solid 0.85 border -1
set boxwidth 0.9
set xrange [-1:3 * npairs - 1]
set xtics () nomirror
do for [p = 1:npairs] {
    set xtics add (dist(word(variants, 2 * p)) 3 * (p - 1) + 0.5)
}
set key off
set grid noxtics

eval set_output('lines')
set multiplot layout 2,2 title "Splitting a text into lines: a fresh heap string per line, or a view\n{/*0.8 ".machine."}"

# ns per line at the small and at the large text, with copy/view above
# each pair.
set logscale y 10
set ylabel 'ns per line'
set autoscale yfix
set offsets 0, 0, graph 0.45, graph 0.3
do for [k = 1:2] {
    row = k == 1 ? 0 : big_row
    set title sprintf('ns per line, %s of text (median, min-max; label: copy/view)', \
                      size_name(k == 1 ? small_text : big_text))
    unset label
    do for [p = 1:npairs] {
        stats datafile index (2 * p - 2) every ::row::row using 3 nooutput
        c = STATS_max
        stats datafile index (2 * p - 1) every ::row::row using 3 nooutput
        v = STATS_max
        set label sprintf('%.2fx', c / v) at 3 * (p - 1) + 0.5, (c > v ? c : v) * 2.2 center font ',10'
    }
    plot for [i = 1:2 * npairs] datafile index (i - 1) every ::row::row \
             using (xpos(i)):3 with boxes lc (is_copy(i) ? 2 : 3) notitle, \
         for [i = 1:2 * npairs] datafile index (i - 1) every ::row::row \
             using (xpos(i)):3:4:5 with yerrorbars lc rgb '#333333' pt 7 ps 0.3 notitle
}
unset label

set title sprintf('allocations per line, %s of text (exact; log scale)', size_name(big_text))
set ylabel 'allocations per line'
set autoscale y
set yrange [1e-8:10]
set offsets 0, 0, 0, 0
set format y '10^{%L}'
plot for [i = 1:2 * npairs] datafile index (i - 1) every ::big_row::big_row \
     using (xpos(i)):8 with boxes lc (is_copy(i) ? 2 : 3) notitle

set title sprintf('peak bytes held, %s of text (exact)', size_name(big_text))
set ylabel 'bytes (log scale)'
set logscale y 2
set yrange [16384:4194304]
set ytics 4
set format y '%.0b %BB'
set key inside left top box opaque
plot for [i = 1:2 * npairs] datafile index (i - 1) every ::big_row::big_row \
         using (xpos(i)):9 with boxes lc (is_copy(i) ? 2 : 3) notitle, \
     NaN with boxes lc 2 title 'copy: a new string per line', \
     NaN with boxes lc 3 title 'view: the line in the reused buffer'
unset multiplot

# --- A6: lines kept until the pass ends --------------------------------------
if (nkeep > 0) {
base = 2 * npairs
stats datafile index base using 2 nooutput
keep_small = STATS_min
keep_big = STATS_max
keep_rows = STATS_records
reset
load 'common.gp'
size_name(b) = b >= 1048576 ? sprintf('%.0f MiB', b / 1048576) : sprintf('%.0f KiB', b / 1024)
eval set_output('lines_keep')
set multiplot layout 1,2 title "Every line kept until the pass ends: the reader's view (its buffer is reused) or a copy\n{/*0.8 ".machine."}"
set style fill solid 0.85 border -1
set boxwidth 0.9
set key off
set grid noxtics
set bmargin 4
# Groups of two bars (copies, views) per distribution and text size.
gx(p, r) = 5 * (p - 1) + 2.5 * r
set xrange [-1:5 * nkeep - 1]
set xtics () nomirror font ',9'
do for [p = 1:nkeep] {
    d = word(variants, base + 2 * p)
    d = d[strstrt(d, '/') + 1:]
    set xtics add (sprintf("%s\n%s", d, size_name(keep_small)) gx(p, 0) + 0.5)
    set xtics add (sprintf("%s\n%s", d, size_name(keep_big)) gx(p, 1) + 0.5)
}
set title 'kept lines that still read their own line when the pass ends (exact)'
set ylabel '% of the lines kept'
set yrange [0:115]
set key inside right top box opaque
plot for [p = 1:nkeep] for [r = 0:keep_rows - 1] datafile index (base + 2 * p - 2) every ::r::r \
         using (gx(p, r)):(100 * $11 / $7) with boxes lc 2 notitle, \
     for [p = 1:nkeep] for [r = 0:keep_rows - 1] datafile index (base + 2 * p - 1) every ::r::r \
         using (gx(p, r) + 1):(100 * $11 / $7) with boxes lc 3 notitle, \
     NaN with boxes lc 2 title 'copies', \
     NaN with boxes lc 3 title 'views (the rest read later text)'
set title sprintf('what keeping costs, %s of text: ns per line (median)', size_name(keep_big))
set ylabel 'ns per line (log scale)'
set logscale y 10
set autoscale y
set xrange [-1:3 * nkeep - 1]
set xtics () nomirror font ',10'
do for [p = 1:nkeep] {
    d = word(variants, base + 2 * p)
    set xtics add (d[strstrt(d, '/') + 1:] 3 * (p - 1) + 0.5)
}
set key inside left top box opaque
plot for [p = 1:nkeep] datafile index (base + 2 * p - 2) every ::(keep_rows - 1)::(keep_rows - 1) \
         using (3 * (p - 1)):3 with boxes lc 2 notitle, \
     for [p = 1:nkeep] datafile index (base + 2 * p - 1) every ::(keep_rows - 1)::(keep_rows - 1) \
         using (3 * (p - 1) + 1):3 with boxes lc 3 notitle, \
     NaN with boxes lc 2 title 'a copy per line', \
     NaN with boxes lc 3 title 'the view (wrong)'
unset multiplot
}
