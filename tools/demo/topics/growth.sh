# growth.sh - demo-growth: appending past capacity, under each growth
# policy; reallocations and bytes copied are exact counts (claims G1, G2).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="reallocations and bytes copied by N appends, per growth policy"
DEMO_QUESTION="Appending one value at a time to a growable array: when the array is full it
moves to a bigger block and copies what it holds. How much copying does that
add up to, and what does reserving the final size up front save?"
DEMO_PREDICT="for N appends with doubling (x2), how many reallocations, and how many bytes
copied per byte appended? More or less with x1.5? And with prealloc?"
DEMO_QUICK_FLAGS=(--quick --max-ws=64K)
DEMO_SIZES=7               # the decades 1 .. 1M
# 8-byte values, grown by allocate-copy-free (so every byte copied is
# counted) and preallocated.
DEMO_FILTER='^growth/u64/(prealloc|[^/]+/copy)/'
# Bytes copied against N, per policy: the counter whose name says copied.
DEMO_METRIC=copied
DEMO_TABLE=largest
DEMO_ITEM=append
# Fresh blocks fault in page by page: the time per append at large N is
# mostly that, and the calibrated cost of a fault says how much, per
# build (lib.jq fault_note).
DEMO_FAULTS=1
DEMO_ITERATION=build
DEMO_COLUMNS='realloc|copied|peak|slack|faults'
DEMO_XLABEL="N appends (log scale)"
DEMO_YLABEL="bytes copied"
DEMO_PLOTS="growth_copies growth_staircase growth_time"
