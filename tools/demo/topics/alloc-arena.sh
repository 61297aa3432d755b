# alloc-arena.sh - demo-alloc-arena: build, walk and tear down N small objects with
# malloc/free per object, refcounting, a bump arena and a pool (claim A3).
# shellcheck shell=bash disable=SC2034  # settings read by tools/demo/run.sh
DEMO_SUMMARY="build/walk/teardown of N small objects: malloc vs refcount vs arena vs pool"
DEMO_QUESTION="A program builds a tree of many small objects, walks it, and throws it away.
How much of its time goes to the allocator, and what does an arena (bump
allocation, one release at the end) change?"
DEMO_PREDICT="ns per object for malloc/free and for the arena, to build and to tear down.
Which phase does the arena change most?"
DEMO_QUICK_FLAGS=(--quick --max-ws=64K)
DEMO_SIZES=3
DEMO_FILTER='^alloc/(malloc|refcount|arena|arena_reset|pool)/'
DEMO_TABLE=largest
DEMO_ITEM=object
DEMO_COLUMNS='^(build_ns|walk_ns|teardown_ns|malloc_calls|peak_bytes)$'
DEMO_XLABEL="N objects (log scale)"
DEMO_PLOTS="alloc alloc_memory"
