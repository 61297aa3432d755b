# gallery-mountain.sh - demo-gallery-mountain: two slices of the memory
# mountain: read every element, and one element per cache line, as the
# working set grows from L1 to past the caches (claim X1).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="the memory mountain: ns per read, every element vs one per line, by working set"
DEMO_QUESTION="A loop reads 4-byte elements of a buffer, either every element or one per
64-byte line, over working sets from 16 KiB to 64 MiB. How does the time per
read change with the working set, and does the stride change the answer?"
DEMO_PREDICT="ns per read at 16 KiB and at 64 MiB, for both strides. Where are the steps?"
DEMO_SIZES=7
DEMO_FILTER='^gallery/mountain/s(1|16)/'
DEMO_ARGNAME=W
DEMO_ARGKIND=bytes
DEMO_ITEM=read
DEMO_XLABEL="working set (log scale)"
DEMO_PLOTS="gallery_mountain gallery_heatmap"
