# gallery-tlb.sh - demo-gallery-tlb: a random chase over every line past
# the caches, finishing each 4 KiB page first, across all pages, and
# across 2 MiB huge pages (claim X6).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="TLB reach: a random walk within pages, across pages, on huge pages"
DEMO_QUESTION="A pointer chase visits every 64-byte line of 64 MiB in a random order,
each load a cache miss. Three orders: at random within one 4 KiB page before
the next page, at random across all pages, and the same random order on
2 MiB pages. Every load misses the caches in all three. Do they cost alike?"
DEMO_PREDICT="ns per load for each walk. What does crossing pages add, and what do huge pages take away?"
DEMO_SIZES=1
DEMO_FILTER='^gallery/tlb/'
DEMO_ARGNAME=bytes
DEMO_ARGKIND=bytes
DEMO_ITEM=load
DEMO_XLABEL="working set"
DEMO_PLOTS="gallery_tlb"
