# growth.gp - claims G1, G2, G3: the capacity staircase of each growth policy,
# reallocations and bytes copied against N, ns per append against N, and the
# memory a small view keeps alive.  Reads data/growth.tsv and
# data/growth_largest.tsv (scripts/plot.sh): columns variant arg ns_med
# ns_min ns_max reps, then the counters below in this order (7 ... 18).
# counters: elements,capacity,reallocs,moves,bytes_copied,bytes_relocated,peak_bytes,slack_bytes,faults,rss_over_baseline,live_bytes,buffers

load 'common.gp'

# Blocks (variants) whose name starts with 'prefix' and ends with 'suffix',
# as a list of block numbers for "plot for [k = 1:words(list)]".
blocks(prefix, suffix) = sum_blocks(prefix, suffix, 1, '')
sum_blocks(prefix, suffix, i, acc) = i > words(variants) ? acc : \
    sum_blocks(prefix, suffix, i + 1, \
        (strstrt(word(variants, i), prefix) == 1 && \
         (strlen(suffix) == 0 || \
          strstrt(word(variants, i), suffix) == strlen(word(variants, i)) - strlen(suffix) + 1)) \
        ? acc . sprintf(' %d', i) : acc)
block(list, k) = word(list, k) + 0 - 1
# The policy part of a variant name: u64/x2/copy -> x2, capacity/go -> go.
after_slash(v) = v[strstrt(v, '/') + 1:]
before_slash(v) = strstrt(v, '/') ? v[1:strstrt(v, '/') - 1] : v
policy_of(v) = before_slash(after_slash(v))

# A colour per policy, the same in every plot.
policy_lt(p) = p eq 'prealloc' ? 1 : p eq 'x2' ? 2 : p eq 'x1.5' ? 3 : \
               p eq 'plus_k' ? 4 : p eq 'go' ? 5 : 6

# Powers of ten as 10^k (1e+k in a terminal, which has no superscripts).
pow10 = term eq 'dumb' ? '1e%L' : '10^{%L}'
set logscale x 10
set format x pow10
set xlabel 'N: elements appended (log scale)'

# --- 1. the staircase --------------------------------------------------------
# The bench lists every N where a policy's capacity changes, so 'steps' draws
# the real staircase; prealloc's capacity is N itself (a line), and plus_k's
# steps are listed only for its first 32 growths (4096 elements apart).
caps = blocks('capacity/', '')
stairs = blocks('capacity/x', '') . blocks('capacity/plus_k', '') . \
         blocks('capacity/go', '') . blocks('capacity/cpython', '')
exact = blocks('capacity/prealloc', '')
plus_k_last = 32 * 4096 + 1
staircase = "plot for [k = 1:words(exact)] datafile index block(exact, k) using 2:8 \
        with lines lt 1 lw 1.5 title 'prealloc (capacity = N)', \
     for [k = 1:words(stairs)] datafile index block(stairs, k) \
        using 2:(policy_of(word(variants, block(stairs, k) + 1)) eq 'plus_k' && $2 > plus_k_last ? NaN : $8) \
        with steps lt policy_lt(policy_of(word(variants, block(stairs, k) + 1))) lw 1.5 \
        title policy_of(word(variants, block(stairs, k) + 1)) . \
              (policy_of(word(variants, block(stairs, k) + 1)) eq 'plus_k' ? ' (first 32 steps)' : '') noenhanced"

eval set_output('growth_staircase')
set multiplot layout 1, 2 title "Capacity after N appends from empty, 8-byte elements (policy arithmetic; steps at every growth)\n{/*0.8 ".machine."}"
set logscale y 10
set format y pow10
set ylabel 'capacity (elements, log scale)'
set key inside left top box opaque
eval staircase
unset logscale
set format x '%g'; set format y '%g'
set xlabel 'N: elements appended'
set ylabel 'capacity (elements)'
set xrange [0:1100]; set yrange [0:1500]
set title 'the first thousand appends' noenhanced
eval staircase
unset multiplot
unset title; set xrange [*:*]; set yrange [*:*]

# --- 2. reallocations and bytes copied against N -------------------------------
set logscale x 10; set format x pow10
set xlabel 'N: elements appended (log scale)'
eval set_output('growth_copies')
measured = blocks('u64/', '/copy')
set multiplot layout 1, 2 title "What growing costs, 8-byte elements: lines from the policy's arithmetic, points measured (copy method)\n{/*0.8 ".machine."}"
set logscale y 10; set format y pow10
set ylabel 'reallocations (log scale)'
set key inside left top box opaque
# Steps where every growth is listed; plus_k's growths past its 32nd are
# not, so its points (each decade) are joined by lines.
geometric = blocks('capacity/x', '') . blocks('capacity/go', '') . blocks('capacity/cpython', '')
additive = blocks('capacity/plus_k', '')
plot for [k = 1:words(geometric)] datafile index block(geometric, k) using 2:($9 > 0 ? $9 : NaN) with steps \
         lt policy_lt(policy_of(word(variants, block(geometric, k) + 1))) lw 1.5 \
         title policy_of(word(variants, block(geometric, k) + 1)) noenhanced, \
     for [k = 1:words(additive)] datafile index block(additive, k) using 2:($9 > 0 ? $9 : NaN) with lines \
         lt policy_lt('plus_k') lw 1.5 title 'plus_k' noenhanced, \
     for [k = 1:words(measured)] datafile index block(measured, k) using 2:($9 > 0 ? $9 : NaN) \
         with points lt policy_lt(policy_of(word(variants, block(measured, k) + 1))) notitle
set ylabel 'bytes copied while growing (log scale)'
set logscale y 2; set ytics 1, 1024; set format y '%.0b %BB'
plot for [k = 1:words(geometric)] datafile index block(geometric, k) using 2:($11 > 0 ? $11 : NaN) with steps \
         lt policy_lt(policy_of(word(variants, block(geometric, k) + 1))) lw 1.5 \
         title policy_of(word(variants, block(geometric, k) + 1)) noenhanced, \
     for [k = 1:words(additive)] datafile index block(additive, k) using 2:($11 > 0 ? $11 : NaN) with lines \
         lt policy_lt('plus_k') lw 1.5 title 'plus_k' noenhanced, \
     for [k = 1:words(measured)] datafile index block(measured, k) using 2:($11 > 0 ? $11 : NaN) \
         with points lt policy_lt(policy_of(word(variants, block(measured, k) + 1))) notitle, \
     x * 8 with lines dt 2 lc rgb '#888888' title 'N x 8 B (the data once)'
unset multiplot
set ytics autofreq

# --- 3. ns per append against N -------------------------------------------------
# Marks in elements of the type: the measured cache levels and glibc's mmap
# threshold, above which a block is its own mapping and realloc can mremap.
marks(esize) = sprintf("unset arrow; unset label; \
    if (l2 > 0) { set arrow from %g, graph 0 to %g, graph 1 nohead dt 2 lc rgb '#888888'; \
                  set label 'L2' at %g, graph 1 offset 0.3,-0.8 tc rgb '#666666' }; \
    if (l3 > 0) { set arrow from %g, graph 0 to %g, graph 1 nohead dt 2 lc rgb '#888888'; \
                  set label 'L3' at %g, graph 1 offset 0.3,-0.8 tc rgb '#666666' }; \
    set arrow from %g, graph 0 to %g, graph 1 nohead dt 3 lc rgb '#D55E00'; \
    set label 'mmap threshold' at %g, graph 1 offset 0.3,-1.8 tc rgb '#D55E00'", \
    l2 / esize, l2 / esize, l2 / esize, l3 / esize, l3 / esize, l3 / esize, \
    131072.0 / esize, 131072.0 / esize, 131072.0 / esize)

time_panel(type, method) = sprintf("\
    pre = blocks('%s/prealloc', ''); grown = blocks('%s/', '/%s'); \
    set title '%s, grown by %s' noenhanced; \
    plot for [k = 1:words(pre)] datafile index block(pre, k) using 2:3:4:5 with yerrorlines \
             lt 1 lw 2 title 'prealloc' noenhanced, \
         for [k = 1:words(grown)] datafile index block(grown, k) using 2:3:4:5 with yerrorlines \
             lt policy_lt(policy_of(word(variants, block(grown, k) + 1))) \
             title policy_of(word(variants, block(grown, k) + 1)) noenhanced", \
    type, type, method, type, method)

do for [t in "u64 user"] {
    esize = t eq 'u64' ? 8 : 24
    eval set_output(t eq 'u64' ? 'growth_time' : 'growth_time_user')
    set multiplot layout 1, 2 title sprintf("N appends to an empty array, %s (%d-byte elements): time per append, median; bars min to max\n{/*0.8 %s}", t, esize, machine)
    set logscale y 2; set format y '%g'
    set ylabel 'ns per append (log scale)'
    set key below horizontal box opaque samplen 2
    set bmargin 7
    eval marks(esize)
    eval time_panel(t, 'realloc')
    eval time_panel(t, 'copy')
    unset multiplot
    unset title
    set bmargin
}
unset arrow; unset label

# --- 4. what is kept alive --------------------------------------------------------
eval set_output('growth_views')
# A linear axis, so that bar heights compare: on a log axis a ratio of
# thousands looked like two.  Each bar carries its value, since the copy's
# bar is too short to see, which is the point.
unset logscale
set format x '% g'; set format y '%g'
bytes_h(b) = b >= 1048576 ? sprintf('%.1f MiB', b / 1048576.0) : \
             b >= 1024 ? sprintf('%.1f KiB', b / 1024.0) : sprintf('%.0f B', b)
# The rows of the views cases, filtered by gnuplot itself (no shell, so no
# file name in a command).  Columns: variant, buffers (arg), peak resident
# bytes, live heap bytes (2, 16, 17 of the TSV).
set table $views separator tab
plot largestfile using (strcol(1)):2:16:17 with table if (strstrt(strcol(1), 'views') == 1)
unset table
stats $views using 2 nooutput
views_rows = STATS_records
stats $views using 2 every ::0::0 nooutput
views_m = sprintf('%.0f', STATS_max)
set title "Keeping the first 10 elements of each of ".views_m." buffers of 1 MiB: a view vs a copy\n{/*0.8 ".machine."}"
set xlabel ''
set ylabel 'MiB'
set style fill solid 0.85 border -1
set boxwidth 0.35
set xrange [-0.6:views_rows - 0.4]
set yrange [0:*]
set offsets 0, 0, graph 0.1, 0
set ytics autofreq
set xtics nomirror noenhanced
set key below box opaque
set bmargin 6
plot $views using 0:(0):xtic(1) with points pointsize 0 notitle, \
     '' using ($0 - 0.18):($4 / 1048576) with boxes \
         title 'live heap bytes (counting allocator)' lc rgb '#0072B2', \
     '' using ($0 + 0.18):($3 / 1048576) with boxes \
         title 'peak resident bytes of a child doing just this (less a child doing nothing)' lc rgb '#E69F00', \
     '' using ($0 - 0.18):($4 / 1048576):(bytes_h($4)) with labels offset 0, 0.8 notitle, \
     '' using ($0 + 0.18):($3 / 1048576):(valid(3) ? bytes_h($3) : '') with labels offset 0, 0.8 notitle
set xrange [*:*]
set offsets 0, 0, 0, 0

set bmargin

# --- 5. the realloc explanation: counted bytes against resident bytes ----------------
eval set_output('growth_rss')
# The u64 rows that measured resident memory; columns: variant, N, peak
# bytes held, elements, peak resident bytes (2, 13, 7, 16 of the TSV).
set table $rss_rows separator tab
plot datafile using (strcol(1)):2:13:7:16 with table if (strstrt(strcol(1), 'u64/') == 1 && valid(16))
unset table
stats $rss_rows using 2 every ::0::0 nooutput
rss_n = sprintf('%.0f', STATS_max)
set title "N = ".rss_n." appends of 8-byte values: bytes held (counted) against memory the kernel gave (resident)\n{/*0.8 ".machine."}"
set xlabel ''
unset logscale; set yrange [0:*]; set ytics autofreq; set mytics default; set format y "%g"
set ylabel 'MiB'
set xtics rotate by -30 nomirror noenhanced
plot $rss_rows using ($3 / 1048576):xtic(1) title 'peak bytes held (counting allocator; a moved block counts twice)' lc rgb '#0072B2', \
     '' using ($5 / 1048576) title 'peak resident bytes (child process doing one build, kernel VmHWM)' lc rgb '#E69F00', \
     '' using ($4 * 8 / 1048576) title 'the N elements themselves' lc rgb '#999999'

# --- lecture version: bytes copied per byte appended, by policy ---------------
if (lecture) {
    reset
    load 'common.gp'
    @lecture_term
    eval set_output('growth_lecture')
    position(w, i) = i > words(variants) ? 0 : (word(variants, i) eq w ? i : position(w, i + 1))
    set title 'Appending one at a time: what growing copies, by policy (8-byte elements)'
    set logscale x 10
    set format x '10^{%L}'
    set xlabel 'N: elements appended (log scale)'
    set yrange [0:*]
    set ylabel 'bytes copied per byte appended'
    set offsets 0, 0, graph 0.05, 0
    eval lecture_pick('x2_c', largestfile, 'u64/x2/copy', 11)
    eval lecture_pick('x2_n', largestfile, 'u64/x2/copy', 2)
    eval lecture_pick('k_c', largestfile, 'u64/plus_k/copy', 11)
    eval lecture_pick('k_n', largestfile, 'u64/plus_k/copy', 2)
    if (x2_c == x2_c && k_c == k_c && x2_n > 0 && k_n > 0) {
        eval lecture_note_at(sprintf('x2: %.2f B copied a byte at N = %s, +K: %.1f B at %s', \
            x2_c / (8 * x2_n), count_short(x2_n), k_c / (8 * k_n), count_short(k_n)), '#009E73', 0.04, 0.45, 'left')
    }
    shown = ''
    do for [v in 'u64/x2/copy u64/x1.5/copy u64/plus_k/copy'] { if (position(v, 1) > 0) { shown = shown.' '.v } }
    if (strlen(shown) > 0) {
        plot for [v in shown] datafile index (position(v, 1) - 1) using 2:($2 > 0 ? $11 / (8 * $2) : NaN) \
             with linespoints lw 3 pt 7 ps 1 \
             lt (v eq 'u64/x2/copy' ? 2 : v eq 'u64/x1.5/copy' ? 3 : 4) \
             title (v eq 'u64/x2/copy' ? 'x2: double the capacity' : \
                    v eq 'u64/x1.5/copy' ? 'x1.5: grow by half' : '+K: add a fixed 4096 elements')
    }
}
