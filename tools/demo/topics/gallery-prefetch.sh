# gallery-prefetch.sh - demo-gallery-prefetch: a chase over the same lines
# past the caches in sequential order, at a fixed stride, and at random
# (claim X5; the same chase across pages is demo-gallery-tlb, X6).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="the prefetcher: one chase, same lines, three orders"
DEMO_QUESTION="A pointer chase visits every line of 64 MiB once, each load waiting for the
one before. Only the order changes: line after line, every 8th line, or at
random. What does a load cost in each order?"
DEMO_PREDICT="ns per line for sequential, stride and random. Which orders cost alike?"
DEMO_SIZES=1
DEMO_FILTER='^gallery/prefetch/'
DEMO_ARGNAME=bytes
DEMO_ARGKIND=bytes
DEMO_ITEM=load
DEMO_XLABEL="working set"
DEMO_PLOTS="gallery_prefetch"
