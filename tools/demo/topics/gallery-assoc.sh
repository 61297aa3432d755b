# gallery-assoc.sh - demo-gallery-assoc: a chase down a column of 16 rows
# whose starts are a power of two bytes apart, against the same pitch
# plus one cache line (claim X3).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="associativity: a column of 16 rows 4096 B apart against 4160 B apart"
DEMO_QUESTION="A loop walks down one column of a row-major matrix: 16 loads, one per row,
over and over. Only 16 cache lines are ever touched (1 KiB), far less than
any cache. Does it matter how far apart the rows are: 3 KiB, 4 KiB, 4 KiB
plus one line (4160 B), 5 KiB, 8 KiB?"
DEMO_PREDICT="ns per load at each pitch. Which pitches cost more, and by how much?"
# The column is 16 lines, whatever --max-ws says: a small one keeps the
# program's other buffers (never built here) out of its memory check.
DEMO_FLAGS=(--max-ws=1M)
# Pitches either side of 4096 and 8192 and the padded ones: the full
# sweep (32 pitches) is in make bench BENCH=gallery and its plot.
DEMO_FILTER='^gallery/assoc/(3072|4096|4160|5120|8192|8256|12288)(/|$)'
DEMO_SIZES=0
DEMO_QUICK_SIZES=0
DEMO_ARGNAME=pitch
DEMO_ARGKIND=bytes
DEMO_ITEM=load
DEMO_LOGY=0
DEMO_XLABEL="pitch: bytes from one row to the next"
DEMO_PLOTS="gallery_assoc"
