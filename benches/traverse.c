/*
 * traverse.c - what a layout costs when a loop reads every record once.
 *
 * Claims L1, L3, L4, L5 (docs/claims.md): sum the score of active users
 * (the article's User: int64 id, bool active, double score) stored as an
 * array of structs, an array of pointers (in order and scattered), a
 * linked list (in order and scattered), a struct of arrays, and a model of
 * a Python list of objects.  See src/traverse/layout.h for each layout.
 *
 * Files:  benches/traverse.c, src/traverse/ (tests/test_layout.c, test_user.c,
 *         test_latency_model.c, test_traverse_built.c), plots/traverse.gp,
 *         src/report/rules/traverse.c, docs/experiments/traverse.md,
 *         docs/lessons/traverse.md, make demo-traverse.  The real CPython
 *         beside the model (L4's crosscheck, and L7, which the same rule
 *         file judges): tools/crosscheck.py, mk/crosscheck.mk,
 *         plots/crosscheck.gp, src/report/crosscheck.c, model_rows.c,
 *         model_table.c (tests/test_report_model_rows.c,
 *         test_report_model_table.c), docs/lessons/traverse-slots.md,
 *         make demo-traverse-slots.  Predicted against measured (make
 *         layout): tools/explain_traverse.c, src/report/model_compare.c
 *         (tests/test_explain.c).
 * Run:    make bench BENCH=traverse         (or build/bin/traverse --help)
 * Cases:  traverse/<layout>/<elements>, the same element counts for every
 *         layout, laid out from 4 KiB of array-of-structs data upwards: two
 *         sizes per doubling, four near each measured cache level, one per
 *         doubling past twice the last, up to where the layout with the
 *         most bytes per record (boxed) holds --max-ws: 32 times the last
 *         measured level (64 MiB .. 512 MiB), or 512 MiB when none was
 *         measured; the array of structs then holds a quarter of it.
 *         From twice the last measured level also traverse/aos_read_sum/<elements>
 *         and traverse/soa_read_sum/<elements>: a plain sequential sum over
 *         the bytes the layout's loop reads (traverse/span_sum.h), for the
 *         report's "At memory's pace?" (report/kernel_limit.h).  After the
 *         common counts, aos and soa each once more with its sum, where its
 *         pass reads as many bytes as the calibration's read bandwidth was
 *         measured over, if --max-ws allows (count_past_the_common).
 * Order:  size by size: all layouts of one size, then the next size, so
 *         the layouts a claim compares run seconds apart.  A layout and its
 *         sum run side by side, one repetition of each in turn.
 * Timed:  one full traversal per iteration; setup (generating the records,
 *         allocating, shuffling) is outside the timed loop and done once per
 *         case, then reused by its repetitions.  The repetitions are not
 *         interleaved with other cases' (cli.h): a layout built anew for
 *         each would land on a heap aged by every case before it, and a
 *         list "in allocation order" would drift out of address order
 *         (at 170 nodes, 1.6 ns per element in its first repetition of a
 *         run, 3.2 in its last).
 * Output: Google Benchmark JSON; per case the counters
 *           elements             records summed per iteration
 *           ws_bytes             bytes malloc holds for the layout, chunk
 *                                headers and rounding included (mallinfo2);
 *                                asked_bytes where that is unavailable
 *           asked_bytes          bytes the layout asked for (counting allocator)
 *           bytes_per_elem       asked_bytes / elements
 *           heap_bytes_per_elem  what malloc really holds per record, chunk
 *                                headers and rounding included (mallinfo2)
 *           allocs_per_elem      blocks allocated per record
 *           read_bytes_per_elem  bytes one pass reads per record (the fields
 *                                summed, or the whole layout)
 *           read_bw_fraction     bytes one pass reads per second, over the
 *                                run's measured sequential read bandwidth
 *                                (machine.json); absent without a profile
 *         and items_per_second, from which time per element is
 *         1e9 / items_per_second ns (plots and reports show that).  The
 *         <layout>_read_sum cases carry elements, ws_bytes (their
 *         layout's) and read_bytes_per_elem (the bytes they sum) only.
 * Check:  every traversal must equal the reference sum of the generated
 *         records; a mismatch fails the case and the program exits 1.
 * Alone:  --child=LAYOUT/ELEMENTS/PASSES builds one case with the default
 *         seed and traverses it PASSES times (0: setup only), without the
 *         library's calibration; make cachegrind subtracts the setup-only
 *         run from a run with passes, so only the kernel is counted.
 */
#include "harness/cli.h"
#include "harness/register.h"
#include "harness/fail_case.h"
#include "traverse/built.h"
#include "traverse/layout.h"
#include "traverse/span_sum.h"
#include "harness/machine.h"
#include "shim/bench.h"
#include "harness/sizes.h"

#include <stdio.h>
#include <stdlib.h>


static const bench_program traverse_program = {
    .name = "traverse",
    .purpose = "Sums the score of active users over seven layouts of the same records (array of structs, array of pointers in order and scattered, linked list in order and scattered, struct of arrays, Python-like boxed objects), at working sets from 4 KiB past the last-level cache.  Reports time per element and bytes per element.  Claims L1, L3, L4, L5.",
    /* At most 512 MiB: 16 times a 32 MiB L3, as the AMD guests we measure
     * on have.  A run whose calibration measured this guest's L3 at
     * 17.7 MiB took the boxed layout to 566 MiB and traverse to 168 s,
     * against 113-129 s at 131-179 MiB (2026-12-06); 1 GiB would take the
     * full run past its 12 minutes.  What is lost: the scattered list still slowed past the
     * L3 (166 ns a record at 35 MiB, 236 at 141, 363 at 282 in that run:
     * TLB misses, which gallery's X6 measures on its own). */
    .max_ws = {.full = (size_t)512 << 20, .quick = (size_t)64 << 20},
    .child_main = traverse_child_run,
    /* The boxed layout holds about four times the bytes of the array of
     * structs, so the array reaches eight times the last measured cache. */
    .llc_multiple = 32,
};

/* What a case's cookie (bench_def.user) carries.  'built' is the
 * structure of the case that is running, one for all cases (main owns
 * it): kept across a case's repetitions so that a large case is built
 * once, not once per repetition, and rebuilt when the next case starts. */
typedef struct traverse_params {
    const layout_kind *kind;
    uint64_t seed;
    traverse_built *built;
    size_t held_per_record; /* measured_bytes_per_record, once per kind */
} traverse_params;

/* What every traverse case records of its size: the working set (as its
 * label too), the records, and items per iteration, so that time per
 * element is 1e9 / items_per_second.  Returns the working set. */
static size_t set_size_counters(bench_state *s, const traverse_built *built, size_t n)
{
    const alloc_stats *st = &built->counter.stats;
    /* The working set is what malloc holds (headers, rounding: a 32-byte
     * list node takes 48), which is what the caches hold; the bytes asked
     * for where malloc's figures are unavailable, or read below them (a
     * chunk freed elsewhere during the build makes the difference small). */
    size_t ws = built->heap_bytes >= st->live_bytes ? built->heap_bytes : st->live_bytes;
    char label[32];
    bench_set_label(s, size_format(ws, label, sizeof label));
    bench_set_items_processed(s, bench_iterations(s) * (int64_t)n);
    bench_set_counter(s, "elements", (double)n, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "ws_bytes", (double)ws, BENCH_COUNTER_PLAIN);
    return ws;
}

/* Small layouts are traversed several times per call into the library,
 * so the call's few nanoseconds stay far below 1% of the timed work. */
static int64_t passes_per_call(size_t n)
{
    return n >= 4096 ? 1 : (int64_t)((4096 + n - 1) / n);
}

/* The case's layout at its size, built unless it is already (the case
 * before it, or its own earlier repetition, may have left it); NULL after
 * failing the case when memory ran out. */
static traverse_built *built_for(bench_state *s, const traverse_params *p)
{
    if (traverse_built_ensure(p->built, p->kind, (size_t)bench_arg(s, 0), p->seed))
        return p->built;
    bench_fail_case(s, "out of memory while building the layout");
    return NULL;
}

static void traverse_case(bench_state *s, const void *user)
{
    const traverse_params *p = user;
    const layout_kind *kind = p->kind;
    size_t n = (size_t)bench_arg(s, 0);
    traverse_built *built = built_for(s, p);
    if (!built)
        return;
    int64_t batch = passes_per_call(n);
    double sum = 0;
    while (bench_keep_running(s, batch)) {
        for (int64_t b = 0; b < batch; b++) {
            sum = layout_sum(&built->l);
            /* Keeps every traversal: without it the compiler may compute
             * the sum once, or not at all, since nothing reads it. */
            bench_do_not_optimize(&sum);
        }
    }
    if (sum != built->expected || !built->cold_pass_sum_ok) {
        bench_fail_casef(s, "checksum mismatch: sum %.2f, expected %.2f", sum,
                         built->expected);
        return;
    }
    size_t ws = set_size_counters(s, built, n);
    const alloc_stats *st = &built->counter.stats;
    bench_set_counter(s, "asked_bytes", (double)st->live_bytes, BENCH_COUNTER_PLAIN);
    /* The untimed first pass after the build, shown beside the timed ones
     * so a cold first touch stays visible without deciding any figure. */
    bench_set_counter(s, "cold_pass_ns_per_elem", built->cold_pass_seconds * 1e9 / (double)n,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "cold_pass_faults", (double)built->cold_pass_faults, BENCH_COUNTER_PLAIN);
    /* Effective bandwidth as a fraction of what this machine reads
     * sequentially (the run's calibration): the bytes one pass reads, per
     * second, over read_bytes_per_second.  Near 1 past the last cache means
     * the kernel runs at memory's limit, not at its own. */
    double moved = kind->shape->bytes_read_per_record
                       ? (double)(kind->shape->bytes_read_per_record * n)
                       : (double)ws;
    bench_set_counter(s, "read_bytes_per_elem", moved / (double)n, BENCH_COUNTER_PLAIN);
    double read_bw = bench_cli_profile()->read_bytes_per_s;
    if (read_bw > 0)
        bench_set_counter(s, "read_bw_fraction", moved / read_bw,
                          BENCH_COUNTER_INVARIANT_RATE);
    bench_set_counter(s, "bytes_per_elem", (double)st->live_bytes / (double)n,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "allocs_per_elem", (double)st->live_blocks / (double)n,
                      BENCH_COUNTER_PLAIN);
    if (built->heap_bytes)
        bench_set_counter(s, "heap_bytes_per_elem",
                          (double)built->heap_bytes / (double)n, BENCH_COUNTER_PLAIN);
}

/* The sequential sum over the bytes the layout's kernel reads
 * (traverse/span_sum.h): "<layout>_read_sum", run side by side with the
 * layout from twice the last measured level, where L5's report
 * section asks whether the layout reads memory as fast as memory can be
 * read.  Same built layout, so no rebuild between the two. */
static void span_sum_case(bench_state *s, const void *user)
{
    size_t n = (size_t)bench_arg(s, 0);
    traverse_built *built = built_for(s, user);
    if (!built)
        return;
    int64_t batch = passes_per_call(n);
    uint64_t sum = 0;
    while (bench_keep_running(s, batch)) {
        for (int64_t b = 0; b < batch; b++) {
            sum = layout_span_sum(&built->l);
            bench_do_not_optimize(&sum);
        }
    }
    set_size_counters(s, built, n);
    bench_set_counter(s, "read_bytes_per_elem",
                      (double)layout_span_bytes(&built->l) / (double)n, BENCH_COUNTER_PLAIN);
}

/* Element counts: the cache sweep (sizes.h) laid out in bytes of
 * array-of-structs data (24 bytes a record); the other layouts hold the
 * same records in more (or, for soa, fewer) bytes and report their own
 * ws_bytes. */
static size_t element_counts(const bench_options *o, size_t top, int64_t *counts,
                             size_t cap)
{
    size_t ws[128];
    size_t count = size_cache_sweep(top, o->quick, bench_cli_profile(), 64, ws, 128);
    size_t out = 0;
    for (size_t i = 0; i < count && out < cap; i++) {
        int64_t n = (int64_t)(ws[i] / sizeof(struct user));
        if (out == 0 || n > counts[out - 1])
            counts[out++] = n;
    }
    return out;
}

/* The index of the first count whose array of structs holds twice the
 * last cache level the calibration measured or more, where the sweep
 * goes one size per doubling; ncounts when none was measured (the
 * report's section needs measured levels) or no count is that large.
 * Not from the level itself: the sums' timed passes at the sizes near it
 * took 2.8-3.4 s of a full run of 11-12 minutes (1.4 s from twice it;
 * each repetition's ramp and host check come on top), and past a level
 * measured small those sizes sit in the cache it under-counts (60-90% of
 * the sum there: the loop's limit, not memory's). */
static size_t first_size_past_last_level(const int64_t *counts, size_t ncounts)
{
    const machine_profile *p = bench_cli_profile();
    if (!p->measured || p->nlevels == 0)
        return ncounts;
    size_t last = p->level[p->nlevels - 1].bytes;
    for (size_t i = 0; i < ncounts; i++)
        if ((size_t)counts[i] * sizeof(struct user) >= 2 * last)
            return i;
    return ncounts;
}

/* Bytes one pass of p's kind reads per record: the fields its loop sums,
 * or all it holds (as the read_bytes_per_elem counter says). */
static size_t pass_bytes_per_record(const traverse_params *p)
{
    size_t fields = p->kind->shape->bytes_read_per_record;
    return fields ? fields : p->held_per_record;
}

/*
 * The count past the common ones at which a contiguous layout runs once
 * more, with its sum, for "At memory's pace?"; 0 when none is needed or
 * none fits.  Its pass then reads as many bytes as the calibration's read
 * bandwidth was measured over (the curve's last region: 128 MiB, or four
 * times the last level if that is more), as far as --max-ws lets the
 * layout grow, and only when that is a quarter or more past the largest
 * common count.
 *
 * At the common counts the largest pass follows the measured L3 (--max-ws
 * is 32 times it) and the bytes a record: on the EPYC guest, whose L3
 * holds 32 MiB but measured 8.4-20.2 MiB (2026-12-06), the struct of
 * arrays read 48-50 MiB a pass at most and the array of structs 67-128
 * MiB, and sums over passes of 48-67 MiB still read 42-46 GB/s, against
 * 30-35 at 128-190 MiB: the table set the loops against a cache there.  The
 * claims compare layouts at counts every layout ran, so no claim judges
 * this one.
 */
static int64_t count_past_the_common(const traverse_params *params, int64_t largest,
                                     size_t max_ws)
{
    const machine_profile *p = bench_cli_profile();
    if (!p->measured || p->nbw == 0)
        return 0;
    double reach = p->bw[p->nbw - 1].bytes / (double)pass_bytes_per_record(params);
    double fits = (double)max_ws / (double)params->held_per_record;
    double n = reach < fits ? reach : fits;
    return n >= 1.25 * (double)largest ? (int64_t)n : 0;
}

/* Registers traverse/<kind> and traverse/<kind>_read_sum at n elements:
 * side by side, one repetition of each in turn, past the last measured
 * level where a kind's bytes are runs; the layout alone otherwise. */
static int register_size(traverse_params *params, const int64_t *n, bool beside_its_sum,
                         int rounds)
{
    char names[2][BENCH_FAMILY_NAME_MAX + 1];
    snprintf(names[0], sizeof names[0], "traverse/%s", params->kind->name);
    snprintf(names[1], sizeof names[1], "traverse/%s_read_sum", params->kind->name);
    bench_def pair[2] = {
        {.name = names[0], .run = traverse_case, .user = params, .args = n, .nargs = 1},
        {.name = names[1], .run = span_sum_case, .user = params, .args = n, .nargs = 1},
    };
    return beside_its_sum && layout_has_spans(params->kind)
               ? bench_register_side_by_side(pair, 2, rounds)
               : bench_register_named(pair[0], "%s", names[0]);
}

int main(int argc, char **argv)
{
    bench_options o = bench_cli_start(&traverse_program, argc, argv);

    /* Every layout runs the same element counts, so layouts compare at
     * equal N at every size.  The layout with the most bytes per record
     * (boxed) sets the largest N: its working set reaches --max-ws, and
     * the others stay below (the array of structs at a quarter of it). */
    traverse_built built = {0};
    traverse_params *params = calloc(layout_kind_count, sizeof *params);
    if (!params)
        return 2;
    size_t most_per_record = 0;
    for (size_t k = 0; k < layout_kind_count; k++) {
        size_t per_record = measured_bytes_per_record(&layout_kinds[k], o.seed);
        params[k] = (traverse_params){.kind = &layout_kinds[k], .seed = o.seed,
                                      .built = &built, .held_per_record = per_record};
        if (per_record == 0) {
            fprintf(stderr, "traverse: cannot build %s at all (out of memory)\n",
                    layout_kinds[k].name);
            free(params);
            return 2;
        }
        if (per_record > most_per_record)
            most_per_record = per_record;
    }
    size_t top = o.max_ws / most_per_record * sizeof(struct user);
    if (top < 4096)
        top = 4096;
    int64_t counts[128];
    size_t ncounts = element_counts(&o, top, counts, 128);
    /* While the largest case is built: its structure (at most --max-ws),
     * malloc's overhead on it (a quarter at most, boxed), the source
     * records and the shuffle order (a third of --max-ws at most). */
    bench_cli_require_memory(o.max_ws / 12 * 19,
                             "the largest case, while it is built,");

    /* Size by size, every layout of one size before the next size: the
     * layouts a claim compares run seconds apart, not minutes, so a phase
     * in which the host runs this guest slower (invisible from inside:
     * docs/claims.md, "How stable the verdicts are") slows both sides of a
     * ratio instead of one.  From twice the last measured level a contiguous
     * layout runs side by side with the sum over its bytes, repetition by
     * repetition. */
    size_t past = first_size_past_last_level(counts, ncounts);
    int rounds = bench_cli_repetitions();
    for (size_t i = 0; i < ncounts; i++)
        for (size_t k = 0; k < layout_kind_count; k++)
            if (register_size(&params[k], &counts[i], i >= past, rounds) != 0)
                return 2;
    for (size_t k = 0; k < layout_kind_count && past < ncounts; k++) {
        if (!layout_has_spans(&layout_kinds[k]))
            continue;
        int64_t further = count_past_the_common(&params[k], counts[ncounts - 1], o.max_ws);
        if (further == 0)
            continue;
        /* While it is built: the layout and its source records. */
        bench_cli_require_memory((size_t)further *
                                     (params[k].held_per_record + sizeof(struct user)),
                                 "a contiguous layout past the common sizes, while it is built,");
        if (register_size(&params[k], &further, true, rounds) != 0)
            return 2;
    }
    int status = bench_cli_finish();
    traverse_built_release(&built);
    free(params);
    return status;
}
