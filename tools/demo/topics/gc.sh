# gc.sh - demo-gc: under a real garbage collector (Boehm's), a temporary
# per item against one reused buffer: how often the collector runs, and
# what each item costs (claim C1; the gc experiment, benches/gc.c).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="a garbage collector: a temporary per item vs a reused buffer (collections, ns)"
DEMO_QUESTION="Two loops do the same work on N items of 256 bytes. One allocates a fresh
buffer for every item and drops it; the other reuses one buffer. Both run
under a garbage collector. How often does the collector run in each?"
DEMO_PREDICT="collections for 10K and 100K items in each loop, and how much slower per
item the temporaries are. Does the count grow with N?"
DEMO_FLAGS=(--quick)
DEMO_QUICK_FLAGS=(--quick --benchmark_min_time=0.001)
DEMO_SIZES=2
DEMO_QUICK_SIZES=1
DEMO_FILTER='^gc/(temp|reuse)/'
DEMO_METRIC='^collections$'
DEMO_LOGY=0
DEMO_YLABEL="collections per pass"
DEMO_XLABEL="N items (log scale)"
DEMO_PLOTS="gc_churn gc_pauses"
