# alloc-refcount.sh - demo-alloc-refcount: a refcounted tree freed the moment its root
# is dropped, and a cycle that counting alone never frees (claims A1, A2).
# The counts are exact; the cases come from the alloc experiment
# (benches/alloc.c): the refcounted tree and the rings.
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="a refcounted tree freed at once, a refcounted cycle leaked: exact counts"
DEMO_QUESTION="With reference counting, an object is freed when its last reference goes.
Drop the root of a tree: what is left? Drop your reference to a ring of
objects that point to each other: what is left?"
DEMO_PREDICT="objects and bytes still live after the tree's root is released, and after
the ring is released. Which one does a tracing collector treat differently?"
DEMO_FLAGS=(--quick --max-ws=1M)
DEMO_QUICK_FLAGS=(--quick --max-ws=32K)
DEMO_SIZES=0              # every case the flags list: few, small
DEMO_QUICK_SIZES=0
DEMO_FILTER='^alloc/(refcount|cycle_refcount|cycle_arena)/'
# The tree: objects its release freed; the rings: objects left leaked.
DEMO_METRIC='freed_by_drop|leaked_objects'
DEMO_TABLE=largest
DEMO_ITEM=object
DEMO_COLUMNS='objects|freed|live|leak'
DEMO_XLABEL="N objects (log scale)"
DEMO_YLABEL="objects freed (tree) or leaked (rings)"
DEMO_PLOTS="alloc_cycles"
