/*
 * growth.c - what growing an array by appends costs, and what a small view
 * of a big array keeps alive.
 *
 * Claims G1, G2, G3 (docs/claims.md; G4 is a test, tests/test_slice.c, and
 * the demo tools/slice_demo.c).  See docs/experiments/growth.md for how to read it.
 *
 * Files:  benches/growth.c, src/growth/ (tests/test_growable.c,
 *         test_growth_policy.c, test_slice.c, test_growth_cases.c),
 *         plots/growth.gp,
 *         src/report/rules/growth.c, docs/experiments/growth.md,
 *         docs/lessons/growth.md, make demo-growth.
 * Run:    make bench BENCH=growth           (or build/bin/growth --help)
 * Order:  the append cases size by size (every case of one N, then the
 *         next N), so the cases a claim compares run seconds apart.
 * Cases:
 *   growth/<type>/<policy>[/<method>]/<N>   N single appends to an empty
 *       array: type u64 (8-byte values) or user (the article's 24-byte
 *       User record); policy prealloc (reserve N first, then append), x2,
 *       x1.5, plus_k (+4096 elements), go, cpython (src/growth/policy.h);
 *       method realloc or copy (allocate, memcpy, free), none for prealloc.
 *       N: 1, 3, 10, 30, ... 3M, 10M, 100M while the final array fits in
 *       --max-ws (half of it for the copy method, which holds the old and
 *       the new block at once): with the default 256 MiB, u64 to 10M
 *       (copy to 10M), user to 10M (copy to 3M), all far past any cache
 *       (100M more cost a minute of page faults and showed nothing new);
 *       plus_k stops at 300K because its copying grows as N squared.
 *       --quick: decades only, --max-ws 64 MiB (u64, user and copy to 1M).
 *   growth/capacity/<policy>/<N>   the policy alone, for 8-byte elements,
 *       at every N where the capacity changes (and each decade): the
 *       staircase.  No memory is allocated; nothing worth timing.
 *   growth/views/<keep_view|keep_copy>/<M>   M buffers of 1 MiB, each
 *       filled, then either a 10-element view of it is kept (the buffer
 *       stays) or the 10 elements are copied and the buffer freed.
 *       M: 16, 64, 256 while M MiB fits in a quarter of --max-ws.
 * Timed:  per iteration, one whole build: make the array, (reserve,) N
 *         appends, free it; the free is timed too, since growing frees
 *         blocks along the way.  views: M buffers made, kept, released.
 *         Checking the contents is done once per case, with the clock
 *         stopped.
 * Output: Google Benchmark JSON; ns per append (or per buffer) is
 *         1e9 / items_per_second.  Counters, per build (exact unless said):
 *           elements        N
 *           capacity        elements of room after the N appends
 *           reallocs        growths of an existing block
 *           moves           reallocations that changed the address (mean
 *                           over builds: realloc decides, not the policy)
 *           bytes_copied    copy: bytes memcpy'd while growing
 *           bytes_relocated realloc: bytes in blocks realloc moved (mean)
 *           large_moves     realloc: moves of blocks of 128 KiB or more
 *                           (mean): mapped blocks, which glibc moves with
 *                           mremap, remapping pages instead of copying
 *           bytes_remapped  realloc: the bytes those moves carried (mean);
 *                           bytes_relocated - bytes_remapped is the most
 *                           realloc can have copied
 *           plan_reallocs, plan_bytes_held   the policy's prediction
 *                           (growth_plan_appends): reallocations, and the
 *                           bytes held at them, which copying every
 *                           element copies (claim G1 compares)
 *           peak_bytes      most bytes held at once (counting allocator; a
 *                           moved block counts twice while it moves; mean)
 *           slack_bytes     (capacity - N) * element size at the end
 *           faults          minor page faults per build (getrusage)
 *           rss_over_baseline  u64 only, at the largest N of the copy
 *                           cases (10M by default): peak resident bytes
 *                           of a child process doing one build, minus a
 *                           child doing nothing (case_rss.h)
 *         capacity family: capacity, reallocs, bytes_copied, peak_bytes,
 *         slack_bytes as the policy predicts them.  views: live_bytes
 *         (counting allocator, after keeping) and rss_over_baseline (child).
 * Check:  contents read back after a build; the kept views must hold what
 *         was written.  A mismatch or out of memory fails the case and the
 *         program exits 1.  The growth counts are outcomes: recorded beside
 *         the policy's prediction and judged by the report
 *         (src/report/rules/growth.c), never a failed case.
 */
#include "alloc/counting.h"
#include "harness/cli.h"
#include "harness/register.h"
#include "harness/fail_case.h"
#include "growth/append_case.h"
#include "growth/child.h"
#include "growth/growable.h"
#include "growth/slice.h"
#include "growth/views.h"
#include "harness/faults.h"
#include "shim/bench.h"

#include <stdio.h>
#include <stdlib.h>

static const bench_program growth_program = {
    .name = "growth",
    .purpose = "Appends N 8-byte values or N User records to an empty array under six growth policies (prealloc, x2, x1.5, plus_k, go, cpython), growing by realloc or by allocate-copy-free.  N runs 1, 3, 10, ... 10M, 100M while the final array fits in --max-ws (an eighth of it when growing by copy; plus_k stops at 300K).  Reports ns per append, reallocations, bytes copied, peak bytes, slack, page faults and, at one N, peak resident memory; the capacity staircase of each policy; and what a 10-element view of each of 16 to 256 buffers of 1 MiB keeps alive against a copy.  Claims G1, G2, G3 (G4: make slice-demo).  glibc's mmap threshold is fixed at 128 KiB (mallopt).  No random data: --seed changes nothing.",
    /* A quick run stops at 1M values (8 MiB, far past the caches and the
     * mmap threshold): 10M took 4-5 s of its 90 s in page faults and
     * changed no quick verdict. */
    .max_ws = {.full = (size_t)256 << 20, .quick = (size_t)64 << 20},
    .min_time_s = {.full = 0.005, .quick = 0.002},
    .child_main = growth_child_run,
    /* glibc starts with this mmap threshold, then raises it each time a
     * mapped block is freed, so which buffers are mmap-backed (and grown
     * by mremap) would depend on the cases run before.  Fixing it
     * (mallopt turns the adjustment off) makes every case see the same
     * allocator. */
    .malloc = {.mmap = GROWTH_MMAP_THRESHOLD},
};

/* plus_k copies about N^2 / (2K) elements: 1M already costs seconds. */
#define PLUS_K_MAX_N 300000

/* --- append cases ---------------------------------------------------------- */

static void fail_case(bench_state *s, const char *what, const append_case *c, size_t n)
{
    bench_fail_casef(s, "%s (%s, N = %zu)", what, c->name, n);
}

/* The case checked last, so that its repetitions are checked only once. */
static const void *checked_case;
static size_t checked_n;

/* The largest N of the u64 cases, and the N at which their resident
 * memory is measured in a child. */
static size_t largest_u64_n, rss_u64_n;

static void append_case_run(bench_state *s, const void *user)
{
    const append_case *c = user;
    size_t n = (size_t)bench_arg(s, 0);
    bool check = !(checked_case == c && checked_n == n);

    /* Resident memory at the largest size, in a fresh process, once
     * (case_rss remembers the figure for the repetitions). */
    size_t rss_bytes = 0;
    if (c->kind == &element_kinds[ELEMENT_U64] && n == rss_u64_n) {
        char spec[96];
        snprintf(spec, sizeof spec, "append:%s:%zu", c->name, n);
        rss_bytes = growth_child_rss(spec);
    }

    counting_allocator counter;
    counting_init(&counter, alloc_libc());
    /* Small builds run several per call into the library, so that call's
     * few nanoseconds stay far below the build's time. */
    int64_t batch = n >= 4096 ? 1 : (int64_t)((4096 + n - 1) / n);
    uint64_t moves = 0, relocated = 0, large_moves = 0, remapped = 0, peak = 0, builds = 0;
    growable g = {0};
    growable_stats stats = {0};
    size_t capacity = 0;
    uint64_t faults_before = minor_faults();

    while (bench_keep_running(s, batch)) {
        for (int64_t b = 0; b < batch; b++) {
            counting_reset_stats(&counter);
            if (!append_case_build(c, &counter.base, n, &g)) {
                growable_release(&g);
                fail_case(s, "out of memory while appending", c, n);
                return;
            }
            /* The stores into the array must happen: nothing reads them. */
            bench_do_not_optimize(g.data);
            if (check) {
                bench_pause_timing(s);
                check = false;
                bool ok = c->kind->check(&g, n);
                bench_resume_timing(s);
                if (!ok) {
                    growable_release(&g);
                    fail_case(s, "the array does not hold the values appended", c, n);
                    return;
                }
                checked_case = c;
                checked_n = n;
            }
            moves += g.stats.moves;
            relocated += g.stats.bytes_relocated;
            large_moves += g.stats.large_moves;
            remapped += g.stats.bytes_remapped;
            peak += counter.stats.peak_live_bytes;
            builds++;
            stats = g.stats;
            capacity = g.cap;
            growable_release(&g);
        }
    }
    uint64_t faults = minor_faults() - faults_before;

    /* The policy's prediction, recorded beside the build's own counts for
     * the report to compare (G1): never a reason to fail the case. */
    growth_plan plan;
    if (!growth_plan_appends(c->policy, c->kind->size, n, c->reserve, &plan)) {
        fail_case(s, "the policy's plan does not fit in memory", c, n);
        return;
    }
    double per_build = builds ? 1.0 / (double)builds : 0;
    size_t e = c->kind->size;
    bench_set_items_processed(s, bench_iterations(s) * (int64_t)n);
    bench_set_counter(s, "elements", (double)n, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "capacity", (double)capacity, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "reallocs", (double)stats.reallocations, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "moves", (double)moves * per_build, BENCH_COUNTER_PLAIN);
    if (c->method == GROW_COPY || c->reserve)
        bench_set_counter(s, "bytes_copied", (double)stats.bytes_copied, BENCH_COUNTER_PLAIN);
    else
        bench_set_counter(s, "bytes_relocated", (double)relocated * per_build,
                          BENCH_COUNTER_PLAIN);
    if (c->method == GROW_REALLOC && !c->reserve) {
        bench_set_counter(s, "large_moves", (double)large_moves * per_build,
                          BENCH_COUNTER_PLAIN);
        bench_set_counter(s, "bytes_remapped", (double)remapped * per_build,
                          BENCH_COUNTER_PLAIN);
    }
    bench_set_counter(s, "plan_reallocs", (double)plan.reallocations, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "plan_bytes_held", (double)plan.bytes_copied, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "peak_bytes", (double)peak * per_build, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "slack_bytes", (double)((capacity - n) * e), BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "faults", (double)faults * per_build, BENCH_COUNTER_PLAIN);
    if (rss_bytes)
        bench_set_counter(s, "rss_over_baseline", (double)rss_bytes,
                          BENCH_COUNTER_PLAIN);
}

/* --- the policy alone: the staircase ------------------------------------------ */

static void capacity_case_run(bench_state *s, const void *user)
{
    const growth_policy *p = user;
    size_t n = (size_t)bench_arg(s, 0);
    bool reserve = p == &growth_policies[GROWTH_PREALLOC];
    growth_plan plan = {0};
    bool ok = true;
    /* The timed body is the policy's arithmetic only: cheap, and not the
     * point; the counters are. */
    while (bench_keep_running(s, 1)) {
        ok = growth_plan_appends(p, sizeof(uint64_t), n, reserve, &plan);
        bench_do_not_optimize(&plan);
    }
    if (!ok) {
        bench_fail_case(s, "capacity does not fit in memory");
        return;
    }
    bench_set_counter(s, "elements", (double)n, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "capacity", (double)plan.capacity, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "reallocs", (double)plan.reallocations, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "bytes_copied", (double)plan.bytes_copied, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "peak_bytes", (double)plan.peak_bytes, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "slack_bytes", (double)((plan.capacity - n) * sizeof(uint64_t)),
                      BENCH_COUNTER_PLAIN);
}

/* --- views: what a small view keeps alive (G3) ------------------------------ */

static void views_case_run(bench_state *s, const void *user)
{
    const view_case *v = user;
    size_t m = (size_t)bench_arg(s, 0);

    char spec[64];
    snprintf(spec, sizeof spec, "views:%s:%zu", v->name, m);
    size_t rss_bytes = growth_child_rss(spec);   /* measured once, remembered */

    counting_allocator counter;
    counting_init(&counter, alloc_libc());
    slice_i64 *kept = calloc(m, sizeof *kept);
    if (!kept) {
        bench_fail_case(s, "out of memory for the kept slices");
        return;
    }
    size_t live = 0;
    bool checked = false;
    while (bench_keep_running(s, 1)) {
        if (!keep_views(v, &counter.base, kept, m)) {
            free(kept);
            bench_fail_case(s, "out of memory while keeping views");
            return;
        }
        if (!checked) {
            bench_pause_timing(s);
            checked = true;
            live = counter.stats.live_bytes;
            bool ok = views_hold_their_values(kept, m);
            bench_resume_timing(s);
            if (!ok) {
                release_views(kept, m, &counter.base);
                free(kept);
                bench_fail_case(s, "a kept view does not hold its values");
                return;
            }
        }
        release_views(kept, m, &counter.base);
    }
    free(kept);
    bench_set_items_processed(s, bench_iterations(s) * (int64_t)m);
    bench_set_counter(s, "buffers", (double)m, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "live_bytes", (double)live, BENCH_COUNTER_PLAIN);
    if (rss_bytes)
        bench_set_counter(s, "rss_over_baseline", (double)rss_bytes,
                          BENCH_COUNTER_PLAIN);
}

/* --- sizes and registration ---------------------------------------------- */

/*
 * The N of one append case: 1, 3, 10, 30, ... 3M, 10M, then 100M (decades
 * only with --quick), as long as the final array (N elements) fits in
 * --max-ws, or in an eighth of it for the copy method, which touches and
 * copies several times more memory; plus_k stops at PLUS_K_MAX_N.  With
 * the default 1 GiB: u64 to 100M (copy to 10M), user to 10M (copy to 3M).
 */
static size_t append_sizes(const append_case *c, const bench_options *o,
                           int64_t *out, size_t cap)
{
    static const int64_t full[] = {1, 3, 10, 30, 100, 300, 1000, 3000, 10000, 30000,
                                   100000, 300000, 1000000, 3000000, 10000000,
                                   100000000};
    size_t limit = c->method == GROW_COPY && !c->reserve ? o->max_ws / 2 : o->max_ws;
    size_t count = 0;
    for (size_t i = 0; i < sizeof full / sizeof full[0] && count < cap; i++) {
        size_t n = (size_t)full[i];
        if (o->quick && n % 3 == 0) /* 3, 30, ...: powers of ten never are */
            continue;
        if (n > limit / c->kind->size)
            break;
        if (c->policy == &growth_policies[GROWTH_PLUS_K] && n > PLUS_K_MAX_N)
            break;
        out[count++] = (int64_t)n;
    }
    return count;
}

/* Every N at which the policy grows (the append past a full array), up to
 * max, and every decade; plus_k only for its first 32 steps. */
static size_t staircase_sizes(const growth_policy *p, size_t max, int64_t *out, size_t cap)
{
    size_t count = 0;
    if (p != &growth_policies[GROWTH_PREALLOC]) {
        size_t c = 0;
        for (int steps = 0; c < max && count < cap; steps++) {
            if (p == &growth_policies[GROWTH_PLUS_K] && steps == 32)
                break;
            out[count++] = (int64_t)c + 1;
            c = growth_next_capacity(p, c, c, c + 1, sizeof(uint64_t));
        }
    }
    for (size_t decade = 1; decade <= max && count < cap; decade *= 10)
        out[count++] = (int64_t)decade;
    /* Sorted and unique: the plot joins points in this order. */
    for (size_t i = 1; i < count; i++)
        for (size_t j = i; j > 0 && out[j - 1] > out[j]; j--) {
            int64_t t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
        }
    size_t unique = 0;
    for (size_t i = 0; i < count; i++)
        if (unique == 0 || out[unique - 1] != out[i])
            out[unique++] = out[i];
    return unique;
}

static int64_t case_sizes[APPEND_CASE_COUNT][32];
static int64_t stair_sizes[GROWTH_POLICY_COUNT][256];
static int64_t view_sizes[4];

/* Claim G4, recorded as exact counters so the claims report can read it:
 * the article's two snippets, a := []int{1,2,3}; b := a; b[0] = 99 (the
 * header is copied, the elements shared) and the same with [3]int (the
 * elements copied).  The timed loop only repeats the two copies; what the
 * case is for is the pair of counters, 1 where a sees b's write. */
typedef struct i64x3 {
    int64_t v[3];
} i64x3;

static void slice_semantics_run(bench_state *s, const void *user)
{
    (void)user;
    int64_t shared_seen = 0, array_seen = 0;
    while (bench_keep_running(s, 1)) {
        int64_t arr[3] = {1, 2, 3};
        slice_i64 a = slice_i64_of(arr, 3, 3);
        slice_i64 b = a;
        b.ptr[0] = 99;
        bench_clobber_memory();
        shared_seen = a.ptr[0] == 99;
        i64x3 x = {{1, 2, 3}};
        i64x3 y = x;
        y.v[0] = 99;
        bench_do_not_optimize(&y);
        array_seen = x.v[0] == 99;
    }
    bench_set_counter(s, "header_copy_shares", (double)shared_seen, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "array_copy_shares", (double)array_seen, BENCH_COUNTER_PLAIN);
}

static int register_cases(const bench_options *o)
{
    size_t nsizes[APPEND_CASE_COUNT];
    for (size_t k = 0; k < APPEND_CASE_COUNT; k++) {
        const append_case *c = &append_cases[k];
        nsizes[k] = append_sizes(c, o, case_sizes[k], 32);
        /* Resident memory is measured where every u64 case has a size:
         * the largest size of the copy cases. */
        if (c->kind == &element_kinds[ELEMENT_U64] && c->method == GROW_COPY && !c->reserve &&
            c->policy != &growth_policies[GROWTH_PLUS_K] && nsizes[k])
            rss_u64_n = (size_t)case_sizes[k][nsizes[k] - 1];
        if (c->kind == &element_kinds[ELEMENT_U64] && c->reserve && nsizes[k])
            largest_u64_n = (size_t)case_sizes[k][nsizes[k] - 1];
    }

    /* Size by size: every append case of one N, then the next N, so the
     * cases a claim compares at one size run seconds apart, not minutes
     * (a slow phase of the host then slows both sides of a ratio:
     * docs/measuring.md).  A case's sizes ascend, so repeatedly taking
     * the smallest next size of all cases keeps each case's own order. */
    size_t next[APPEND_CASE_COUNT] = {0};
    for (;;) {
        int64_t smallest = INT64_MAX;
        for (size_t k = 0; k < APPEND_CASE_COUNT; k++)
            if (next[k] < nsizes[k] && case_sizes[k][next[k]] < smallest)
                smallest = case_sizes[k][next[k]];
        if (smallest == INT64_MAX)
            break;
        for (size_t k = 0; k < APPEND_CASE_COUNT; k++) {
            if (next[k] >= nsizes[k] || case_sizes[k][next[k]] != smallest)
                continue;
            if (bench_register_named((bench_def){.run = append_case_run,
                                                 .user = &append_cases[k],
                                                 .args = &case_sizes[k][next[k]], .nargs = 1},
                                     "growth/%s", append_cases[k].name) != 0)
                return -1;
            next[k]++;
        }
    }

    for (size_t p = 0; p < GROWTH_POLICY_COUNT; p++) {
        size_t steps = staircase_sizes(&growth_policies[p], largest_u64_n, stair_sizes[p], 256);
        if (bench_register_named((bench_def){.run = capacity_case_run,
                                             .user = &growth_policies[p],
                                             .args = stair_sizes[p], .nargs = steps,
                                             .iterations = 1},
                                 "growth/capacity/%s", growth_policies[p].name) != 0)
            return -1;
    }

    /* Buffers of 1 MiB: as many as fit in a quarter of --max-ws (the
     * views case holds them all, and the child does it again). */
    size_t nviews = 0, max_buffers = (o->max_ws >> 20) / 4;
    static const size_t view_counts[] = {16, 64, 256};
    for (size_t i = 0; i < 3; i++)
        if (view_counts[i] <= max_buffers)
            view_sizes[nviews++] = (int64_t)view_counts[i];
    for (size_t i = 0; i < VIEW_CASE_COUNT && nviews; i++)
        if (bench_register_named((bench_def){.run = views_case_run, .user = &view_cases[i],
                                             .args = view_sizes, .nargs = nviews},
                                 "growth/views/%s", view_cases[i].name) != 0)
            return -1;

    static const int64_t three[] = {3};
    bench_def g4 = {
        .name = "growth/slice/semantics",
        .run = slice_semantics_run,
        .args = three,
        .nargs = 1,
        .iterations = 1000,
    };
    return bench_register(&g4) != 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
    bench_options o = bench_cli_start(&growth_program, argc, argv);
    append_cases_make();

    /* The worst case holds an old and a new block: with x2, 1 + 2 times
     * the largest array, and 2 times for the rounding of its capacity. */
    bench_cli_require_memory(4 * o.max_ws, "the largest growth case");
    if (register_cases(&o) != 0)
        return 2;
    return bench_cli_finish();
}
