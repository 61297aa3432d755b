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
