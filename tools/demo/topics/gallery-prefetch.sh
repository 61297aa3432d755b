# gallery-prefetch.sh - demo-gallery-prefetch: a chase over the same lines
# past the caches in sequential order, at a fixed stride, and at random;
# then the TLB: at random within pages, across pages, on huge pages
# (claims X5 and X6).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_BENCH=gallery
DEMO_SUMMARY="the prefetcher and the TLB: one chase, same lines, different orders"
DEMO_QUESTION="A pointer chase visits every line of 64 MiB once, each load waiting for the
one before. Only the order changes: line after line, every 8th line, or at
random (also: at random but finishing each 4 KiB page first, and at random
on 2 MiB pages). What does a load cost in each order?"
DEMO_PREDICT="ns per line for sequential, stride and random. Which orders cost alike?"
DEMO_FLAGS=(--quick --max-ws=64M)
DEMO_QUICK_FLAGS=(--quick --max-ws=1M)
DEMO_SIZES=1
DEMO_FILTER='^gallery/(prefetch|tlb)/'
DEMO_METRIC=ns
DEMO_TABLE=sweep
DEMO_ARGNAME=bytes
DEMO_ARGKIND=bytes
DEMO_ITEM=load
DEMO_XLABEL="working set"
DEMO_YLABEL="ns per load"
DEMO_PLOTS="gallery_prefetch gallery_tlb"
