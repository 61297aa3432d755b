# gallery-writes.sh - demo-gallery-writes: passes over a buffer past the
# caches: a read, plain stores, read-modify-write, and non-temporal
# (streaming) stores (claim X7).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="write costs: read, write, read-modify-write and streaming stores"
DEMO_QUESTION="Four loops over the same 256 MiB, far past the caches: one sums it, one
stores to every word, one loads, changes and stores every word, and one
writes with streaming stores that bypass the cache. A cache holds whole
lines: what must it do before a plain store to a line it does not hold?"
DEMO_PREDICT="ns per line (and GB/s) of each pass. Is a write pass cheaper than a read pass, the same, or dearer?"
# 256 MiB: the buffer is --max-ws, past any last-level cache a 2-CPU
# machine is given; the chase buffers are never built for these cases.
DEMO_FLAGS=(--quick --max-ws=256M)
DEMO_SIZES=1
DEMO_FILTER='^gallery/writes/'
DEMO_TABLE=largest
DEMO_COLUMNS='MB_per_s|nt_stores'
DEMO_ARGNAME=bytes
DEMO_ARGKIND=bytes
DEMO_ITEM=line
DEMO_LOGY=0
DEMO_XLABEL="buffer"
DEMO_PLOTS="gallery_writes"
