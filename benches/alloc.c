/*
 * alloc.c - what a strategy for many small objects costs: malloc and free
 * per object, reference counting, a bump arena, a free-list pool.
 *
 * Claims A3 (many small allocations cost more than few large ones), A1
 * (counting frees a whole tree the moment its root goes) and A2 (counting
 * never frees a cycle; an arena does, with its one release).  See
 * docs/experiments/alloc.md.
 *
 * Files:  benches/alloc.c, src/alloc/ (tests/test_alloc.c, test_arena.c,
 *         test_pool.c, test_refcount.c, test_objtree.c, test_locked.c,
 *         test_alloc_pages.c, test_alloc_strategy.c), plots/alloc.gp,
 *         src/report/rules/alloc.c,
 *         docs/experiments/alloc.md, docs/lessons/alloc-arena.md,
 *         docs/lessons/alloc-refcount.md, make demo-alloc-arena,
 *         make demo-alloc-refcount.
 * Run:    make bench BENCH=alloc           (or build/bin/alloc --help)
 *         make bench BENCH=alloc ALLOC=jemalloc   (or mimalloc): the same
 *         with that malloc preloaded; the JSON context says which.
 *         make alloc-compare: glibc, jemalloc and mimalloc side by side.
 * Cases:  alloc/<strategy>/<objects>: a balanced binary tree of <objects>
 *         nodes (24 bytes; 40 with a refcount header), built one
 *         allocation per node in preorder, walked (sum of values), torn
 *         down.  <objects> from 1024 in steps of 4 to 4M, and
 *         --max-ws / 32 (32M by default: a node as malloc holds it is 32
 *         bytes).  Strategies:
 *           malloc       malloc per node, free per node (children first)
 *           refcount     counted nodes on malloc; teardown = release the root
 *           arena        bump arena (64 KiB blocks); teardown = arena_release
 *           arena_reset  one arena kept for the whole case; teardown =
 *                        arena_reset, so later builds reuse its blocks
 *           pool         fixed-size pool (4096 slots a slab); teardown =
 *                        free per node to the pool, then pool_release
 *         alloc/cycle_refcount/<n> and alloc/cycle_arena/<n>: a ring of n
 *         counted links (2: a pair) made and dropped; with the arena, the
 *         arena is released too.
 * Timed:  one build + walk + teardown per iteration (the case's time per
 *         object is of the whole cycle); each phase is also timed with
 *         CLOCK_MONOTONIC, four clock reads per iteration.  Each call
 *         first runs one untimed cycle, so the timed ones are in the
 *         steady state (pages faulted in; glibc's thresholds are pinned,
 *         src/harness/malloc_thresholds.h).
 * Output: Google Benchmark JSON; counters per tree case:
 *           objects              nodes per tree
 *           build_ns, walk_ns, teardown_ns   ns per object of each phase
 *           malloc_calls         calls that reached malloc in one cycle
 *           malloc_calls_per_obj
 *           peak_bytes           most bytes held from malloc at once (the
 *                                bytes asked for: malloc's own headers
 *                                and rounding are not in it)
 *           peak_bytes_per_obj
 *           rss_over_baseline    peak resident memory of one cycle run
 *                                alone in a fresh process, less that of a
 *                                process that runs nothing
 *           rss_per_obj
 *         refcount only (A1): live_after_drop (objects still allocated
 *         right after the root's release; the claim says 0) and
 *         freed_by_drop (objects that release freed; the claim: all).  Cycle cases (A2): objects,
 *         leaked_objects and leaked_bytes (still allocated after the last
 *         reference is gone, and for the arena after its release).
 *         Counts are exact: from a counting allocator, in one untimed
 *         cycle (for arena_reset, a second one: the steady state).
 * Check:  every walk must return n(n-1)/2, and no teardown but the
 *         counted one may leave a block live; a mismatch or out of memory
 *         fails the case, exit 1.  What a counted tree or a ring leaves
 *         allocated is the claim's outcome: recorded, judged by the report
 *         (src/report/rules/alloc.c), never a failed case.
 */
#include "alloc/arena.h"
#include "alloc/counting.h"
#include "alloc/figures.h"
#include "alloc/strategy.h"
#include "harness/cli.h"
#include "harness/register.h"
#include "harness/fail_case.h"
#include "alloc/rcring.h"
#include "shim/bench.h"
#include "harness/sizes.h"
#include "harness/timing.h"

#include <limits.h>
#include <stdio.h>

static const bench_program alloc_program = {
    .name = "alloc",
    .purpose = "Builds, walks and tears down a tree of N small objects with malloc/free per object, with reference counting, with a bump arena (released, or reset and reused) and with a free-list pool: ns per object for each phase, malloc calls, peak bytes and peak resident memory.  Also makes and drops rings of counted objects: leaked objects and bytes, exact.  N goes from 1024 to --max-ws / 32.  Claims A1, A2, A3.",
    /* 4M objects (128 MiB) are far past every cache: the curves are flat
     * from there, and 32M (1 GiB) cost a minute of a full run. */
    .max_ws = {.full = (size_t)128 << 20, .quick = (size_t)16 << 20},
    .child_main = alloc_child_run,
    .interleave = true,
    /* Mapped blocks from 128 KiB, and a freed heap top kept (up to 2 GiB)
     * rather than given back.  Otherwise whether a cycle faults its pages
     * in again depends on glibc's history (malloc_thresholds.h): the pool
     * ran at 20 ns per object in one full run and 5.5 in the next.  Kept,
     * every strategy builds on pages already resident after the first
     * cycle, so the times compare allocators, not page faults; the
     * first-touch cost is in rss_over_baseline's child instead. */
    .malloc = {.mmap = 128 * 1024, .trim = INT_MAX},
};

/* Bytes malloc holds for one plain node (24 asked, 32 with its header):
 * what turns --max-ws into the largest tree. */
#define NODE_HELD_BYTES 32
/* The most one case holds per node: a counted node (40 bytes, 48 in
 * malloc).  Only to refuse a size that cannot fit, never reported. */
#define WORST_BYTES_PER_NODE 48

/* --- the timed cases ----------------------------------------------------- */

static void tree_case(bench_state *b, const void *user)
{
    const strategy *st = user;
    size_t n = (size_t)bench_arg(b, 0);
    const figures *f = figures_for(NULL, st, n);
    if (!f) {
        bench_fail_case(b, "untimed check failed: out of memory, a wrong sum, or a "
                           "leak outside reference counting");
        return;
    }
    session s;
    session_start(&s, alloc_libc());
    /* One untimed cycle first, at every call: the timed cycles then run in
     * the steady state, on pages already faulted in and (arena_reset) in
     * blocks already taken.  Without it, whichever repetition first grew
     * the heap paid the page faults: an arena at 4 Mi objects took 103 ns
     * per object in one repetition and 8 to 12 in the other four. */
    if (!one_cycle(st, &s, n)) {
        session_finish(&s);
        bench_fail_case(b, "untimed warm-up cycle failed: out of memory or a wrong sum");
        return;
    }
    uint64_t expected = objtree_expected_sum(n);
    double t_build = 0, t_walk = 0, t_teardown = 0;   /* seconds */
    bool wrong_sum = false;
    while (bench_keep_running(b, 1)) {
        double t0 = timing_now();
        if (!st->build(&s, n)) {
            st->teardown(&s);
            bench_fail_case(b, "out of memory while building the tree");
            break;
        }
        double t1 = timing_now();
        uint64_t sum = st->walk(&s);
        /* Keeps the walk: nothing else reads its result. */
        bench_do_not_optimize(&sum);
        double t2 = timing_now();
        st->teardown(&s);
        double t3 = timing_now();
        wrong_sum |= sum != expected;
        t_build += t1 - t0;
        t_walk += t2 - t1;
        t_teardown += t3 - t2;
    }
    session_finish(&s);
    if (bench_error_occurred(b))
        return;
    if (wrong_sum) {
        bench_fail_case(b, "checksum mismatch: the walk did not see every node");
        return;
    }
    double objects = (double)bench_iterations(b) * (double)n;
    bench_set_items_processed(b, bench_iterations(b) * (int64_t)n);
    bench_set_counter(b, "objects", (double)n, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "build_ns", t_build * 1e9 / objects, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "walk_ns", t_walk * 1e9 / objects, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "teardown_ns", t_teardown * 1e9 / objects, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "malloc_calls", (double)f->malloc_calls, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "malloc_calls_per_obj", (double)f->malloc_calls / (double)n,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "peak_bytes", (double)f->peak_bytes, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "peak_bytes_per_obj", (double)f->peak_bytes / (double)n,
                      BENCH_COUNTER_PLAIN);
    if (f->rss_known) {
        bench_set_counter(b, "rss_over_baseline", (double)f->rss_bytes,
                          BENCH_COUNTER_PLAIN);
        bench_set_counter(b, "rss_per_obj", (double)f->rss_bytes / (double)n,
                          BENCH_COUNTER_PLAIN);
    }
    if (st->refcounted) {
        bench_set_counter(b, "live_after_drop", (double)f->live_after_drop,
                          BENCH_COUNTER_PLAIN);
        bench_set_counter(b, "freed_by_drop", (double)f->freed_by_drop,
                          BENCH_COUNTER_PLAIN);
    }
    char label[32];
    bench_set_label(b, size_format(f->peak_bytes, label, sizeof label));
}

/* A2: make a ring, drop it; 'user' non-NULL means inside an arena that is
 * then released.  What stays allocated is the outcome, recorded for the
 * rule to judge (never a failed case): counted up from the allocator's
 * live figures before the ring was made, with the clock stopped. */
static void cycle_case(bench_state *b, const void *user)
{
    bool in_arena = user != NULL;
    size_t n = (size_t)bench_arg(b, 0);
    counting_allocator sys;
    counting_init(&sys, alloc_libc());
    arena a;
    arena_init(&a, &sys.base, ARENA_DEFAULT_BLOCK);
    allocator *objects = in_arena ? &a.base : &sys.base;
    size_t leaked_objects = 0, leaked_bytes = 0;
    while (bench_keep_running(b, 1)) {
        size_t blocks0 = sys.stats.live_blocks, bytes0 = sys.stats.live_bytes;
        struct rc_link *any;
        if (!rc_ring_make(objects, n, &any)) {
            bench_fail_case(b, "out of memory while making the ring");
            break;
        }
        if (in_arena)
            arena_release(&a);
        bench_pause_timing(b);
        leaked_bytes = sys.stats.live_bytes - bytes0;
        /* Counted objects are one block each.  An arena's blocks hold
         * many objects: any byte left means its release did not happen,
         * so every object in it stayed. */
        leaked_objects = in_arena ? (leaked_bytes ? n : 0) : sys.stats.live_blocks - blocks0;
        /* Clean up only a ring that is whole: had counting freed part of
         * it, 'any' could point at freed memory.  A partly freed ring (a
         * counter-example) is left allocated: the next pass counts from
         * the new live figures, so it does not inflate them. */
        if (!in_arena && leaked_objects == n)
            rc_ring_break(&sys.base, any);
        bench_resume_timing(b);
    }
    arena_release(&a);
    if (bench_error_occurred(b))
        return;
    bench_set_items_processed(b, bench_iterations(b) * (int64_t)n);
    bench_set_counter(b, "objects", (double)n, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "leaked_objects", (double)leaked_objects, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "leaked_bytes", (double)leaked_bytes, BENCH_COUNTER_PLAIN);
}

/* --- sizes and registration ------------------------------------------------ */

/* 1024, 4096, ... up to 4M (past every cache: the curves are flat beyond),
 * then the largest the working set allows. */
static size_t tree_sizes(size_t max_ws, int64_t *out, size_t cap)
{
    size_t largest = max_ws / NODE_HELD_BYTES;
    size_t count = 0;
    for (size_t n = 1024; n <= ((size_t)4 << 20) && n < largest && count < cap; n *= 4)
        out[count++] = (int64_t)n;
    if (count < cap && largest >= 1024)
        out[count++] = (int64_t)largest;
    return count;
}

int main(int argc, char **argv)
{
    bench_options o = bench_cli_start(&alloc_program, argc, argv);

    int64_t sizes[32];
    size_t nsizes = tree_sizes(o.max_ws, sizes, 32);
    if (nsizes == 0) {
        fprintf(stderr, "alloc: --max-ws must allow at least 1024 objects (32K)\n");
        return 2;
    }
    bench_cli_require_memory((size_t)sizes[nsizes - 1] * WORST_BYTES_PER_NODE,
                             "the largest tree (counted nodes)");

    for (size_t i = 0; i < ALLOC_STRATEGY_COUNT; i++)
        if (bench_register_named((bench_def){.run = tree_case, .user = &alloc_strategies[i],
                                             .args = sizes, .nargs = nsizes},
                                 "alloc/%s", alloc_strategies[i].name) != 0)
            return 2;
    static const int64_t rings[] = {2, 1000, 1000000};
    size_t nrings = o.quick ? 2 : 3;
    static const char arena_tag = 1;
    bench_def cycles = {.run = cycle_case, .args = rings, .nargs = nrings};
    if (bench_register_named(cycles, "alloc/cycle_refcount") != 0)
        return 2;
    cycles.user = &arena_tag;
    if (bench_register_named(cycles, "alloc/cycle_arena") != 0)
        return 2;
    return bench_cli_finish();
}
