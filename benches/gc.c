/*
 * gc.c - what a tracing garbage collector costs, measured with a real one:
 * the Boehm-Demers-Weiser conservative mark-sweep collector (libgc-dev).
 *
 * Claims C1 (allocating more gives the collector more work), C2 (object
 * graphs cost it more than flat arrays), C3 (references kept alive keep
 * memory and work), C4 (pauses grow with the live heap; incremental or
 * parallel marking changes them) and C5 (A2's second half: the collector
 * frees the rings reference counting leaks).  See docs/experiments/gc.md.
 *
 * Files:  benches/gc.c, src/gc/ (tests/test_gc.c), plots/gc.gp,
 *         src/report/rules/gc.c (tests/test_gc_rules.c),
 *         docs/experiments/gc.md, docs/lessons/gc.md, make demo-gc.
 * Run:    make bench BENCH=gc           (or build/bin/gc --help)
 * Cases:  gc/temp/<items>, gc/reuse/<items>      (C1) one pass over <items>
 *             items of 256 bytes each, a new buffer per item or one reused;
 *             items 10K, 100K, 1M (--quick: 10K, 100K)
 *         gc/graph|pointers|atomic/<values>       (C2) one full collection
 *             with <values> values live as a linked list of objects, an
 *             array of pointers to boxed values, or one pointer-free
 *             array; values 1K to 4M by 4 (--quick: to 256K)
 *         gc/keep|drop/<steps>                    (C3) <steps> results of
 *             1 KiB stored in a cache that keeps all or the last 16;
 *             steps 1K, 10K, 100K (--quick: 1K, 10K)
 *         gc/pause_stw|pause_incremental|pause_parallel/<live>   (C4) a
 *             fresh process keeping <live> objects while allocating 4x as
 *             many in steps of 16, its collector stop-the-world with one
 *             marker, incremental, or with two parallel markers; live 16K
 *             to 256K in steps of sqrt(2) (--quick: 8K, 32K)
 *         gc/rings/<links>                        (C5) one ring of counted
 *             links made under the collector and dropped: 2, 1000, 1M
 *             (--quick: 2, 1000)
 * Order:  C2, C3 and C4 side by side: for each size one repetition of
 *         every compared case, in turn (harness/register.h), so a slow
 *         stretch of the host weighs on both sides of a ratio.
 * Timed:  C1 one pass; C2, C3 and C4 a fresh process per repetition
 *         (--child=values:..., cache:..., pause:...; src/gc/fresh.h says
 *         why), whose figures are its own: C2 and C3 the median of at
 *         least 5 full collections (20 ms), C4 its whole run; C5 untimed.
 * Output: Google Benchmark JSON; counters (medians over repetitions in
 *         the report):
 *           collections, gc_ms (world stopped, from the collector's
 *           events), mark_ms, heap_bytes, live_bytes (in use after a full
 *           collection), ws_bytes (= live_bytes: what the collector
 *           traces; for C2, live_bytes - live_before_bytes: the values'
 *           own), and per family: allocations (C1, per pass); objects,
 *           mark_ns_per_value, live_before_bytes (what was live before
 *           the values were built) (C2: per timed collection, the median
 *           of them); held, run_ms, collect_ms (the median stop of a full
 *           collection with the cache alive; collections and gc_ms are
 *           the run's own) (C3); step_p50_us, step_p99_us, step_max_us,
 *           longest_stop_ms, median_stop_ms, total_ms (C4); objects,
 *           counted_live, reclaimed_objects (C5).
 * Check:  C1's two variants must return the same checksum, C2's values
 *         and C3's held results must sum as built after collecting, C4's
 *         child must run and print its figures; a mismatch, an
 *         out-of-memory or a failed child fails the case, exit 1.  No
 *         case fails because a claim did not hold: the rules judge.
 */
#include "gc/churn.h"
#include "gc/collector.h"
#include "gc/fresh.h"
#include "gc/pause.h"
#include "gc/rings.h"
#include "gc/values.h"
#include "harness/cli.h"
#include "harness/fail_case.h"
#include "harness/register.h"
#include "harness/sizes.h"
#include "shim/bench.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ITEM_BYTES 256
#define RESULT_BYTES 1024

/* --child=SPEC: C4's pauses, or C2's and C3's fresh measurements. */
static int gc_child(const char *spec)
{
    if (strncmp(spec, "pause:", 6) == 0)
        return gc_pause_child_main(spec);
    return gc_fresh_child_main(spec, RESULT_BYTES);
}

static const bench_program gc_program = {
    .name = "gc",
    .purpose = "Measures the Boehm collector: collections and time in the collector for a temporary per item against a reused buffer (C1); mark time and heap for N values as a list of objects, pointers to boxes, or one pointer-free array (C2); a cache that keeps every result against one that drops them (C3); pauses against the live heap, stop-the-world, incremental and parallel (C4, a fresh process each); and the rings reference counting leaks, reclaimed (C5, exact counts).",
    .max_ws = {.full = (size_t)1 << 30, .quick = (size_t)16 << 20},
    .child_main = gc_child,
};

/* What the collector did during a case's timed loop, per iteration. */
static void clock_counters(bench_state *b, const gc_clock *c)
{
    double it = (double)bench_iterations(b);
    bench_set_counter(b, "collections", (double)c->collections / it, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "gc_ms", (double)c->stopped_ns / 1e6 / it, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "mark_ms", (double)c->mark_ns / 1e6 / it, BENCH_COUNTER_PLAIN);
}

static void heap_counters(bench_state *b, size_t heap, size_t live, size_t ws)
{
    bench_set_counter(b, "heap_bytes", (double)heap, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "live_bytes", (double)live, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "ws_bytes", (double)ws, BENCH_COUNTER_PLAIN);
    char label[32];
    bench_set_label(b, size_format(live, label, sizeof label));
}

/* --- C1: a temporary per item against one reused buffer ------------------ */

static void churn_case(bench_state *b, const void *user)
{
    gc_churn kind = *(const gc_churn *)user;
    size_t items = (size_t)bench_arg(b, 0);
    uint64_t want = gc_churn_expected(items, ITEM_BYTES), sum = 0;
    size_t allocations = 0;
    bool wrong = false;
    /* Each case starts from a collected heap, not from the previous
     * case's garbage. */
    gc_clear_stack();
    gc_collect();
    gc_clock_reset();
    while (bench_keep_running(b, 1)) {
        allocations = gc_churn_run(kind, items, ITEM_BYTES, &sum);
        if (allocations == 0) {
            bench_fail_case(b, "out of memory in the collector's heap");
            return;
        }
        wrong |= sum != want;
    }
    gc_clock c = gc_clock_read();
    if (wrong) {
        bench_fail_case(b, "checksum mismatch: an item was computed wrongly");
        return;
    }
    bench_set_items_processed(b, bench_iterations(b) * (int64_t)items);
    bench_set_counter(b, "items", (double)items, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "allocations", (double)allocations, BENCH_COUNTER_PLAIN);
    clock_counters(b, &c);
    gc_collect();
    size_t live = gc_live_bytes();
    heap_counters(b, gc_heap_bytes(), live, live);
}

/* --- C2 and C3: one fresh process per repetition (src/gc/fresh.h: why) -- */

/* Runs the spec made of fmt in a child; false (the case failed) when it
 * did not measure or what it built did not sum as built after collecting. */
__attribute__((format(printf, 3, 4)))
static bool fresh_case(bench_state *b, gc_fresh_figures *f, const char *fmt, ...)
{
    char spec[64];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(spec, sizeof spec, fmt, ap);
    va_end(ap);
    int status = 0;
    while (bench_keep_running(b, 1))
        status = gc_fresh_in_child("/proc/self/exe", spec, f);
    if (status != 0)
        bench_fail_casef(b, "the %s child failed (exit status %d)", spec, status);
    else if (!f->intact)
        bench_fail_casef(b, "checksum mismatch: the collector reclaimed a live %s",
                         strncmp(spec, "cache", 5) == 0 ? "result" : "value");
    else
        bench_set_items_processed(b, (int64_t)f->n);
    return status == 0 && f->intact;
}

/* C2: full collections over n values in each layout. */
static void values_case(bench_state *b, const void *user)
{
    gc_layout layout = *(const gc_layout *)user;
    size_t n = (size_t)bench_arg(b, 0);
    gc_fresh_figures f;
    if (!fresh_case(b, &f, "values:%s:%zu", gc_layout_name(layout), n))
        return;
    bench_set_counter(b, "values", (double)n, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "objects", (double)f.objects, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "collections", (double)f.collections, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "gc_ms", (double)f.stopped_ns / 1e6, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "mark_ms", (double)f.mark_ns / 1e6, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "mark_ns_per_value", (double)f.mark_ns / (double)n,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "live_before_bytes", (double)f.live_before_bytes,
                      BENCH_COUNTER_PLAIN);
    /* The working set that places a size in a cache level is the values'
     * own bytes, not what the collector and the program held before. */
    size_t live = (size_t)f.live_bytes, before = (size_t)f.live_before_bytes;
    heap_counters(b, (size_t)f.heap_bytes, live, live > before ? live - before : live);
}

/* C3: a cache that keeps every result against one that drops them. */
static void cache_case(bench_state *b, const void *user)
{
    bool keeps_all = user != NULL;
    size_t steps = (size_t)bench_arg(b, 0);
    gc_fresh_figures f;
    if (!fresh_case(b, &f, "cache:%s:%zu", keeps_all ? "keep" : "drop", steps))
        return;
    bench_set_counter(b, "steps", (double)steps, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "held", (double)f.objects, BENCH_COUNTER_PLAIN);
    /* The run's own collections, and a full collection with the cache
     * alive: the price of what it keeps, paid at every full collection. */
    bench_set_counter(b, "collections", (double)f.run_collections, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "gc_ms", (double)f.run_stopped_ns / 1e6, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "run_ms", (double)f.run_ns / 1e6, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "collect_ms", (double)f.stopped_ns / 1e6, BENCH_COUNTER_PLAIN);
    heap_counters(b, (size_t)f.heap_bytes, (size_t)f.live_bytes, (size_t)f.live_bytes);
}

/* --- C4: pauses against the live heap, one fresh process per mode -------- */

/* A C4 case's parameters: the collector's mode, and the run's seed, which
 * picks the slots the child replaces. */
typedef struct pause_cookie {
    gc_mode mode;
    uint64_t seed;
} pause_cookie;

static void pause_case(bench_state *b, const void *user)
{
    const pause_cookie *c = user;
    gc_mode mode = c->mode;
    size_t live = (size_t)bench_arg(b, 0);
    gc_pause_figures f;
    int status = 0;
    while (bench_keep_running(b, 1))
        status = gc_pause_in_child("/proc/self/exe", mode, live, c->seed, &f);
    if (status != 0) {
        bench_fail_casef(b, "the %s child failed (exit status %d)", gc_mode_name(mode), status);
        return;
    }
    bench_set_items_processed(b, (int64_t)(f.steps * GC_PAUSE_STEP_ALLOCS));
    bench_set_counter(b, "live", (double)f.live, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "step_p50_us", (double)f.step_p50_ns / 1e3, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "step_p99_us", (double)f.step_p99_ns / 1e3, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "step_max_us", (double)f.step_max_ns / 1e3, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "longest_stop_ms", (double)f.longest_stop_ns / 1e6,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "median_stop_ms", (double)f.median_stop_ns / 1e6,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "collections", (double)f.collections, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "gc_ms", (double)f.stopped_ns / 1e6, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "total_ms", (double)f.total_ns / 1e6, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "heap_bytes", (double)f.heap_bytes, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "live_bytes", (double)f.live_bytes, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "ws_bytes", (double)f.live_bytes, BENCH_COUNTER_PLAIN);
    char label[32];
    bench_set_label(b, size_format(f.live_bytes, label, sizeof label));
}

/* --- C5: the rings counting leaks, under the collector ------------------- */

static void rings_case(bench_state *b, const void *user)
{
    (void)user;
    size_t n = (size_t)bench_arg(b, 0);
    gc_ring_outcome o = {0};
    bool made = true;
    while (bench_keep_running(b, 1))
        made &= gc_ring_reclaim(n, &o);
    if (!made) {
        bench_fail_case(b, "out of memory while making the ring");
        return;
    }
    bench_set_items_processed(b, bench_iterations(b) * (int64_t)n);
    bench_set_counter(b, "objects", (double)o.objects, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "counted_live", (double)o.counted_live, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "reclaimed_objects", (double)o.reclaimed, BENCH_COUNTER_PLAIN);
    bench_set_counter(b, "collections", (double)o.collections, BENCH_COUNTER_PLAIN);
}

/* --- registration ---------------------------------------------------------- */

/* Values 1K, 4K, ... up to 4M (a list of 4M nodes is 64 MiB traced: past
 * every cache), and no more than --max-ws holds as list nodes. */
static size_t value_sizes(const bench_options *o, int64_t *out, size_t cap)
{
    size_t top = o->quick ? (size_t)256 << 10 : (size_t)4 << 20, count = 0;
    for (size_t n = 1024; n <= top && n * 16 <= o->max_ws && count < cap; n *= 4)
        out[count++] = (int64_t)n;
    return count;
}

int main(int argc, char **argv)
{
    bench_options o = bench_cli_start(&gc_program, argc, argv);
    if (!gc_start(GC_MODE_STOP_WORLD)) {
        fputs("gc: the collector did not start\n", stderr);
        return 1;
    }
    bench_add_context("gc_library", "Boehm-Demers-Weiser libgc (libgc-dev)");
    bench_add_context("gc_children_layout", gc_fresh_fixed_layout()
                                                ? "fixed (no address randomization)"
                                                : "randomized (the kernel refused to fix it)");
    char version[32];
    bench_add_context("gc_version", gc_library_version(version, sizeof version));

    static const int64_t items_full[] = {10000, 100000, 1000000};
    static const int64_t steps_full[] = {1000, 10000, 100000};
    /* C4 judges its modes per measured level of the live heap: at 4x
     * apart a level held one or two sizes, and one size's repetitions
     * decided it.  Steps of sqrt(2) put two to five in each, for a round
     * of 1.7 s (0.7 s of it the largest heap) against 0.6 s before. */
    static const int64_t live_full[] = {16384,  23170,  32768,  46341, 65536,
                                        92682, 131072, 185364, 262144};
    static const int64_t live_quick[] = {8192, 32768};
    static const int64_t rings[] = {2, 1000, 1000000};
    size_t n3 = o.quick ? 2 : 3;
    int64_t values[16];
    size_t nvalues = value_sizes(&o, values, 16);
    if (nvalues == 0) {
        fputs("gc: --max-ws must allow at least 1024 list nodes (16K)\n", stderr);
        return 2;
    }
    bench_cli_require_memory((size_t)values[nvalues - 1] * 32,
                             "the largest list of values");

    static const gc_churn churns[] = {GC_CHURN_TEMP, GC_CHURN_REUSE};
    static const gc_layout layouts[] = {GC_LAYOUT_GRAPH, GC_LAYOUT_POINTERS, GC_LAYOUT_ATOMIC};
    static pause_cookie pauses[] = {
        {GC_MODE_STOP_WORLD, 0}, {GC_MODE_INCREMENTAL, 0}, {GC_MODE_PARALLEL, 0}};
    static const char keep_tag = 1;
    for (size_t i = 0; i < 2; i++)
        if (bench_register_named((bench_def){.run = churn_case, .user = &churns[i],
                                             .args = items_full, .nargs = n3},
                                 "gc/%s", gc_churn_name(churns[i])) != 0)
            return 2;
    /* C2, C3 and C4 compare fresh processes of one size: their
     * repetitions run side by side (register.h), so a slow stretch of the
     * host weighs on the compared cases alike. */
    int rounds = bench_cli_repetitions();
    bench_def caches[] = {
        {.name = "gc/keep", .run = cache_case, .user = &keep_tag, .args = steps_full,
         .nargs = n3, .iterations = 1},
        {.name = "gc/drop", .run = cache_case, .args = steps_full, .nargs = n3,
         .iterations = 1}};
    if (bench_register_side_by_side(caches, 2, rounds) != 0)
        return 2;
    _Static_assert(GC_LAYOUT_COUNT <= 3, "a name and a family for every layout");
    char names[3][32];
    bench_def families[3];
    for (size_t i = 0; i < GC_LAYOUT_COUNT; i++) {
        snprintf(names[i], sizeof names[i], "gc/%s", gc_layout_name(layouts[i]));
        families[i] = (bench_def){.name = names[i], .run = values_case, .user = &layouts[i],
                                  .args = values, .nargs = nvalues, .iterations = 1};
    }
    if (bench_register_side_by_side(families, GC_LAYOUT_COUNT, rounds) != 0)
        return 2;
    for (size_t i = 0; i < 3; i++) {
        pauses[i].seed = o.seed;
        snprintf(names[i], sizeof names[i], "gc/pause_%s", gc_mode_name(pauses[i].mode));
        families[i] = (bench_def){.name = names[i], .run = pause_case, .user = &pauses[i],
                                  .args = o.quick ? live_quick : live_full,
                                  .nargs = o.quick ? sizeof live_quick / sizeof *live_quick
                                                   : sizeof live_full / sizeof *live_full,
                                  .iterations = 1};
    }
    if (bench_register_side_by_side(families, 3, rounds) != 0)
        return 2;
    if (bench_register_named((bench_def){.run = rings_case, .args = rings, .nargs = n3,
                                         .iterations = 1},
                             "gc/rings") != 0)
        return 2;
    return bench_cli_finish();
}
