# gallery-falseshare.sh - demo-gallery-falseshare: two threads each
# incrementing its own counter, the counters on one cache line, one or two
# lines apart, or on each thread's stack (claim X4).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="false sharing: two threads, two counters, one line or apart"
DEMO_QUESTION="Two threads each add 1 to their own counter a million times. Nothing is
shared: no thread reads the other's counter. Does it matter whether the two
counters sit 8 bytes apart, 64, 128, or on each thread's own stack?"
DEMO_PREDICT="ns per increment for each placement. Which ones are alike?"
DEMO_FLAGS=(--quick)
DEMO_QUICK_FLAGS=(--quick)
DEMO_SIZES=1
DEMO_FILTER='^gallery/falseshare/'
DEMO_ARGNAME=increments
DEMO_ITEM=increment
DEMO_LOGY=0
DEMO_XLABEL="increments per thread per round"
DEMO_YLABEL="ns per increment (wall clock)"
DEMO_PLOTS="gallery_falseshare"
