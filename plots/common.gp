# common.gp - shared look of every plot: terminal, colours, cache markers.
#
# Expects from the caller (plots/draw.gp): term ('png', 'svg' or 'dumb'),
# l1, l2, l3 (measured cache levels in bytes, 0 when unknown), optionally
# r1, r2, r3 (reported sizes, 0 when none) and outdir (default: the
# current directory).

if (term eq 'png') {
    set terminal pngcairo size 1100,680 enhanced font 'DejaVu Sans,11' linewidth 1.5
    ext = '.png'
} else {
    if (term eq 'svg') {
        set terminal svg size 1100,680 enhanced dynamic mouse standalone font 'DejaVu Sans,11' linewidth 1.5
        ext = '.svg'
    } else {
        set terminal dumb size 110,34 ansi256
        ext = ''
    }
}

# Callers write: eval set_output('name'), with a constant name.  The
# command names the file through out_path(), an expression, so outdir (a
# path, possibly with quotes) is never part of the evaluated text.
if (!exists('outdir')) { outdir = '.' }
out_path(name) = outdir . '/' . name . ext
set_output(name) = (term eq 'dumb') ? 'set output' : "set output out_path('" . name . "')"

# Okabe-Ito colours: distinguishable with the common colour blindnesses.
set linetype 1 lc rgb '#000000' pt 7  ps 0.7
set linetype 2 lc rgb '#E69F00' pt 5  ps 0.7
set linetype 3 lc rgb '#56B4E9' pt 9  ps 0.8
set linetype 4 lc rgb '#009E73' pt 11 ps 0.8
set linetype 5 lc rgb '#0072B2' pt 13 ps 0.8
set linetype 6 lc rgb '#D55E00' pt 3  ps 0.8
set linetype 7 lc rgb '#CC79A7' pt 15 ps 0.8
set linetype 8 lc rgb '#999999' pt 1  ps 0.8
set linetype cycle 8

set grid xtics ytics mxtics lc rgb '#dddddd'
set key outside right top box opaque samplen 2
set datafile separator '\t'
set datafile missing 'NaN'

# Byte axes: powers of two labelled 4 KiB, 1 MiB, 1 GiB.
# Tics are placed by hand at exact powers of four: gnuplot's %b/%B
# format writes "kiB" and can land a hair under a power of two ("1023 kiB").
bytes_axis_x = "set logscale x 2; set format x '%g'; set xtics (); \
    do for [k = 10:40:2] { set xtics add (sprintf('%.0f %s', 2.0**(k % 10), \
        k < 20 ? 'KiB' : k < 30 ? 'MiB' : k < 40 ? 'GiB' : 'TiB') 2.0**k) }"

size_label(b) = b >= 1048576 ? sprintf('%.0f MiB', b / 1048576.0) : sprintf('%.0f KiB', b / 1024.0)

if (!exists('r1')) { r1 = 0; r2 = 0; r3 = 0 }

# Dashed vertical lines at the cache levels this run measured (calibrate's
# pointer chase, machine.json), labelled with their size at the top: the
# sizes the sweeps and the report's levels use.  What the system reports
# is drawn faint beside them (dotted, labelled at the bottom): on a
# virtual machine it may be the host's cache, or absent.
cache_marks = "\
    unset arrow; unset label; \
    if (l1 > 0) { set arrow from l1, graph 0 to l1, graph 1 nohead dt 2 lc rgb '#555555'; \
                  set label 'L1 '.size_label(l1) at l1, graph 1 right offset -0.3,-0.8 tc rgb '#333333' }; \
    if (l2 > 0) { set arrow from l2, graph 0 to l2, graph 1 nohead dt 2 lc rgb '#555555'; \
                  set label 'L2 '.size_label(l2) at l2, graph 1 right offset -0.3,-0.8 tc rgb '#333333' }; \
    if (l3 > 0) { set arrow from l3, graph 0 to l3, graph 1 nohead dt 2 lc rgb '#555555'; \
                  set label 'L3 '.size_label(l3) at l3, graph 1 right offset -0.3,-0.8 tc rgb '#333333' }; \
    if (r1 > 0) { set arrow from r1, graph 0 to r1, graph 1 nohead dt 3 lc rgb '#cccccc'; \
                  set label 'reported L1d '.size_label(r1) at r1, graph 0 right offset -0.3,0.8 tc rgb '#aaaaaa' font ',8' }; \
    if (r2 > 0) { set arrow from r2, graph 0 to r2, graph 1 nohead dt 3 lc rgb '#cccccc'; \
                  set label 'reported L2 '.size_label(r2) at r2, graph 0 right offset -0.3,0.8 tc rgb '#aaaaaa' font ',8' }; \
    if (r3 > 0) { set arrow from r3, graph 0 to r3, graph 1 nohead dt 3 lc rgb '#cccccc'; \
                  set label 'reported L3 '.size_label(r3) at r3, graph 0 right offset -0.3,0.8 tc rgb '#aaaaaa' font ',8' }"

# --- lecture versions ----------------------------------------------------------
# <name>_lecture.png/.svg, beside a research plot: a figure to project.
# One point per plot, two or three series, no error bars, large type, the
# measured levels labelled where the curve bends, and the deciding figure
# written on the plot, computed from the data by the script that draws it.
# Not drawn in the terminal (PLOT_TERM=dumb): the research plot is there.
lecture = term ne 'dumb'
lecture_term = "\
    if (term eq 'png') { set terminal pngcairo size 1280,800 enhanced font 'DejaVu Sans,20' linewidth 2.5 }; \
    if (term eq 'svg') { set terminal svg size 1280,800 enhanced dynamic standalone font 'DejaVu Sans,20' linewidth 2.5 }; \
    set key at graph 0.02, graph 0.88 left top Left reverse nobox noopaque samplen 2 noenhanced; \
    set grid xtics ytics nomxtics nomytics lc rgb '#dddddd'; \
    unset arrow; unset label; unset title"

# A size as short text: 43.6 KiB, 843 KiB, 8.5 MiB, 1 GiB.
three_digits(v) = v >= 100 ? sprintf('%.0f', v) : sprintf('%.3g', v)
size_short(b) = b >= 2.0**30 ? three_digits(b / 2.0**30).' GiB' : \
                b >= 2.0**20 ? three_digits(b / 2.0**20).' MiB' : \
                b >= 1024 ? three_digits(b / 1024.0).' KiB' : sprintf('%.0f B', b)

# A time in ns as short text: 0.9 ns, 22 µs, 35 ms.
time_short(ns) = ns >= 1e6 ? sprintf('%.3g ms', ns / 1e6) : ns >= 1e3 ? sprintf('%.3g µs', ns / 1e3) : \
                 ns >= 10 ? sprintf('%.0f ns', ns) : sprintf('%.2g ns', ns)

# A time axis in ns, labelled in ns, µs, ms and s at powers of ten.
lecture_time_y = "set logscale y 10; set ytics (); \
    do for [k = -1:9] { set ytics add (sprintf('%g %s', 10.0**(k % 3 < 0 ? k % 3 + 3 : k % 3), \
        k < 0 ? 'ps' : k < 3 ? 'ns' : k < 6 ? 'µs' : k < 9 ? 'ms' : 's') 10.0**k) }"

# Byte axes with few, large labels: every 16th power of two, 1 KiB to
# 1 TiB (1 GiB among them).  The x range reaches a little past the data:
# a tic at the very end of an autoscaled log axis (the 1 GiB of a sweep
# that ends there) is otherwise dropped.
lecture_bytes_x = "set offsets graph 0.01, graph 0.03, 0, 0; \
    set logscale x 2; set format x '%g'; set xtics (); \
    do for [k = 10:40:4] { set xtics add (sprintf('%.0f %s', 2.0**(k % 10), \
        k < 20 ? 'KiB' : k < 30 ? 'MiB' : k < 40 ? 'GiB' : 'TiB') 2.0**k) }"
lecture_bytes_y = "set logscale y 2; set format y '%g'; set ytics (); \
    do for [k = 10:40:4] { set ytics add (sprintf('%.0f %s', 2.0**(k % 10), \
        k < 20 ? 'KiB' : k < 30 ? 'MiB' : k < 40 ? 'GiB' : 'TiB') 2.0**k) }"

# The measured levels as labelled vertical lines (sizes in bytes; the
# text is made of numbers only, so eval never sees a file's text).
lecture_level(x, name) = sprintf("set arrow from %g, graph 0 to %g, graph 1 nohead dt 2 lw 1.5 lc rgb '#555555'; \
    set label '%s %s' at %g, graph 1 right offset -0.4,-1 front tc rgb '#333333'", \
    x, x, name, size_short(x), x)
lecture_levels = "\
    if (l1 > 0) { eval lecture_level(l1, 'L1') }; \
    if (l2 > 0) { eval lecture_level(l2, 'L2') }; \
    if (l3 > 0) { eval lecture_level(l3, 'L3') }"

# The deciding figure, bottom right (or wherever 'at' says), in the
# colour of the series it is about.
lecture_note_font = ',22'
lecture_note_at(text, colour, x, y, just) = sprintf("set label 100 '%s' at graph %g, graph %g %s front font '%s' tc rgb '%s' noenhanced", \
    text, x, y, just, lecture_note_font, colour)
lecture_note(text, colour) = lecture_note_at(text, colour, 0.98, 0.06, 'right')
# A count as short text: 300 k, 10 M.
count_short(n) = n >= 1e6 ? sprintf('%.3g M', n / 1e6) : n >= 1e4 ? sprintf('%.3g k', n / 1e3) : sprintf('%.0f', n)

# Reads one column of one variant's row in a table file into a variable
# (NaN when the variant is absent): eval lecture_pick('x', 'file', 'aos', 3).
# Variable, file and variant are constants of the plot script; the file's
# text is compared as data.
lecture_pick(var, file, name, col) = sprintf("%s = NaN; \
    stats '%s' using (strcol(1) eq '%s' ? (%s = column(%d), 0) : 0) nooutput", var, file, name, var, col)
