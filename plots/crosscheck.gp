# crosscheck.gp - the real CPython beside the boxed model (L4) and
# __slots__ against dict-backed instances (L7): bytes per object from
# tracemalloc and ns per element of the loop, against the list's length.
# Reads data/crosscheck.tsv (scripts/plot.sh), written from
# <run>/crosscheck.json (tools/crosscheck.py): one block per kind
# (int_list, float_list, object_list, dict_object_list), one row per
# length; columns variant arg ns_med ns_min ns_max reps, then the counters
# below in this order.  ns_* are CPU ns per element, as the report's L7 (flatten.jq).
# counters: elements,bytes_per_elem,ws_bytes

load 'common.gp'

position(w, i) = i > words(variants) ? 0 : (word(variants, i) eq w ? i : position(w, i + 1))
block(w) = position(w, 1) - 1

eval set_output('crosscheck')
set multiplot layout 1,2 title "CPython lists of records: \\_\\_slots\\_\\_ against dict-backed instances\n{/*0.8 ".machine."}"
set logscale x 2
set format x '%.0s%c'
set xlabel 'objects in the list (log scale)'
set key inside right top box opaque
set offsets graph 0.02, graph 0.02, graph 0.1, graph 0.05

set title 'bytes per object (tracemalloc: what building the list allocates)'
set ylabel 'bytes per object'
set yrange [0:*]
plot block('object_list') < 0 ? 1/0 : datafile index block('object_list') \
         using 2:($8 > 0 ? $8 : NaN) with linespoints lt 3 lw 2 title '__slots__' noenhanced, \
     block('dict_object_list') < 0 ? 1/0 : datafile index block('dict_object_list') \
         using 2:($8 > 0 ? $8 : NaN) with linespoints lt 2 lw 2 title 'dict-backed'

set title 'the loop summing the score of active users'
set ylabel 'ns per object (CPU time; median, bars: min to max)'
set autoscale y
set yrange [0:*]
plot block('object_list') < 0 ? 1/0 : datafile index block('object_list') \
         using 2:3:4:5 with yerrorlines lt 3 lw 2 title '__slots__' noenhanced, \
     block('dict_object_list') < 0 ? 1/0 : datafile index block('dict_object_list') \
         using 2:3:4:5 with yerrorlines lt 2 lw 2 title 'dict-backed'
unset multiplot
