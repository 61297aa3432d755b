/*
 * stride.c - what one read costs: by stride over a huge buffer, and by
 * working set when each load depends on the one before.
 *
 * Claim L6 (docs/claims.md): the CPU moves memory a cache line at a time,
 * so the neighbours of a value come almost free.  Also the latency of
 * each cache level and of DRAM, which docs/experiments/stride.md uses to explain the
 * other experiments, and the cache sizes this machine behaves as if it
 * had (on a virtual machine they can differ from what it reports).
 *
 * Files:  benches/stride.c, src/stride/ (tests/test_strided.c, test_chase.c,
 *         test_knee.c, test_latency_levels.c, test_stride_curves.c,
 *         test_stride_setup.c, test_curve_points.c),
 *         plots/stride.gp, src/report/rules/stride.c,
 *         docs/experiments/stride.md, docs/lessons/stride.md,
 *         docs/lessons/stride-latency.md, make demo-stride,
 *         make demo-stride-latency.
 * Run:    make bench BENCH=stride           (or build/bin/stride --help)
 * Cases:  stride/read/<S>        read one 4-byte value every S bytes of a
 *                                buffer of --max-ws bytes (1 GiB; 256 MiB
 *                                with --quick) on base (4 KiB) pages; S = 4 B
 *                                .. 64 KiB, two strides per doubling (4 B ..
 *                                16 KiB, one per doubling, with --quick)
 *         stride/read_huge/<S>   the same on 2 MiB pages (transparent huge
 *                                pages, asked for with madvise), one stride
 *                                per doubling
 *         stride/chase/<W>       pointer chase through one random cycle
 *                                (Sattolo, fixed seed) over the cache lines
 *                                of a W-byte buffer on base pages; W = 4 KiB
 *                                .. --max-ws: two sizes per doubling, four
 *                                near each reported cache size, one per
 *                                doubling past twice the last cache (one
 *                                per doubling throughout with --quick)
 *         stride/chase_huge/<W>  the same on 2 MiB pages
 *         stride/levels/<max-ws> no timing: the cache levels found in the
 *                                chase curve and the bend of the read curve
 *                                (src/stride/curves.h), as counters; runs
 *                                last
 * Timed:  read: one pass over the buffer per iteration; chase: 4096
 *         dependent loads per iteration, continuing where the last
 *         iteration stopped, 0.02 s per repetition (0.005 s with --quick)
 *         whatever --benchmark_min_time says.  Buffers are built and
 *         filled before the timed loop, once per case, and kept across its
 *         repetitions; both page kinds of one working set share its cycle.
 * Output: Google Benchmark JSON.  items_per_second counts reads (or
 *         loads): 1e9 / items_per_second is ns per access.  Counters (a
 *         counter that would be 0 is left out: Google Benchmark writes the
 *         spread of an all-zero counter as NaN, which strict JSON readers
 *         refuse; read absent as 0):
 *           read:   stride_bytes, ws_bytes, reads (per pass), huge_fraction
 *                   (share of the buffer the kernel backed with huge pages,
 *                   from /proc/self/smaps), bytes_per_second (4 useful
 *                   bytes a read), line_bytes_per_second (min(S, unit)
 *                   bytes a read: the traffic in whole transfers, where
 *                   the unit is the run's measured transfer unit, e.g.
 *                   128 B where the hardware fetches lines in pairs, or
 *                   the reported line without a measured profile)
 *           chase:  ws_bytes, lines, huge_fraction, cycle_checked (1 when
 *                   the cycle was walked to prove it is one cycle: up to
 *                   2^20 lines)
 *           levels: levels (how many were found), l<k>_bytes (effective
 *                   capacity) and l<k>_ns (latency) for k = 1 .. levels,
 *                   mem_ns (past the last level), levels_page_bytes (the
 *                   page size of the curve the levels come from: huge
 *                   pages when the kernel gave them), mem_ns_base_pages
 *                   and mem_ns_huge_pages (the chase at the largest working
 *                   set), bend_line_bytes (the first stride from which the
 *                   read curve stops rising, src/stride/knee.h), read_ns_below_page
 *                   and read_ns_past_page (medians of the read curve from
 *                   the bend to half a page, and from twice the page
 *                   size), line_bytes and page_bytes (as the system
 *                   reports them), transfer_bytes (the unit
 *                   line_bytes_per_second counts in).  Times in this case come from the
 *                   fastest run of each size (this program's own clock;
 *                   other load only adds time).
 *         The JSON context has thp_enabled and thp_defrag (as every
 *         program's): the transparent huge page mode in effect.  The
 *         levels are printed on stderr at the end.
 * Check:  every read pass must return the sum the fill rule predicts; the
 *         chase order must be one cycle through every line (walked up to
 *         2^20 lines; Sattolo's algorithm guarantees it, tests/test_rng.c
 *         checks that), and every walk must end on a line of the buffer.
 *         A failure marks the case and the program exits 1.
 */
#include "alloc/pages.h"
#include "stride/chase.h"
#include "harness/cli.h"
#include "harness/register.h"
#include "harness/fail_case.h"
#include "stride/curves.h"
#include "harness/machine.h"
#include "harness/positive_counter.h"
#include "shim/bench.h"
#include "harness/sizes.h"
#include "stride/buffer.h"
#include "stride/cycle.h"
#include "stride/strided.h"
#include "stride/summary_print.h"
#include "harness/timing.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const bench_program stride_program = {
    .name = "stride",
    .purpose = "Reads one 4-byte value every S bytes of a buffer far larger than the caches (S = 4 B .. 64 KiB), and chases pointers through one random cycle over working sets from 4 KiB to --max-ws, on base and on huge pages.  Reports ns per access, bandwidth, the latency of each cache level and DRAM, and the cache boundaries found in the latency curve.  Claim L6.",
    .max_ws = {.full = (size_t)1 << 30, .quick = (size_t)256 << 20},
};

/* Loads per chase iteration: long enough that the call into the library
 * per iteration is far below 1% of the time, even in L1. */
#define CHASE_STEPS 4096

/* Seconds per repetition of a chase case, whatever --benchmark_min_time
 * says: every load is the same dependent load, so 0.02 s (200 000 loads
 * even from DRAM) gives a steady figure, and 130 cases stay affordable. */
#define CHASE_MIN_TIME 0.02
#define CHASE_QUICK_MIN_TIME 0.005

static size_t line_bytes;
/* What one miss brings in: the run's measured transfer unit (a machine
 * may fetch lines in pairs), else the reported line. */
static size_t transfer_bytes;

/* What a case's cookie (bench_def.user) carries. */
typedef struct stride_params {
    pages_kind kind;
    size_t max_ws;        /* the read buffer's bytes */
    uint64_t seed;        /* draws the chase's cycle */
} stride_params;

/* --- stride/read ------------------------------------------------------- */

/* The buffers of the running cases, kept across their repetitions, and
 * the cycle of the current working set, shared by its two page kinds. */
static stride_buffer read_buf, chase_buf;
static chase_cycle cycle;

/* The read curve: fastest ns per read of each stride over every run. */
static stride_read_point strides[64];
static size_t nstrides;

static void read_case(bench_state *s, const void *user)
{
    const stride_params *p = user;
    pages_kind kind = p->kind;
    size_t stride = (size_t)bench_arg(s, 0);
    size_t words = p->max_ws / sizeof(uint32_t), step = stride / sizeof(uint32_t);
    bool fresh;
    if (!stride_buffer_hold(&read_buf, kind, p->max_ws, &fresh)) {
        bench_fail_case(s, "out of memory for the read buffer");
        return;
    }
    if (fresh) {
        strided_fill(read_buf.data, words);
        stride_buffer_note_pages(&read_buf);
    }
    uint64_t sum = 0;
    double t0 = timing_now();
    while (bench_keep_running(s, 1)) {
        sum = strided_sum(read_buf.data, words, step);
        /* Keeps every pass: nothing else reads the sum. */
        bench_do_not_optimize(&sum);
    }
    double elapsed = timing_now() - t0;
    uint64_t expected = strided_expected(words, step);
    if (sum != expected) {
        bench_fail_casef(s, "sum %" PRIu64 ", expected %" PRIu64, sum, expected);
        return;
    }
    int64_t reads = (int64_t)strided_reads(words, step);
    int64_t total = bench_iterations(s) * reads;
    size_t moved = stride < transfer_bytes ? stride : transfer_bytes;
    bench_set_items_processed(s, total);
    bench_set_bytes_processed(s, total * (int64_t)sizeof(uint32_t));
    bench_set_counter(s, "line_bytes_per_second", (double)total * (double)moved,
                      BENCH_COUNTER_RATE);
    bench_set_counter(s, "stride_bytes", (double)stride, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "ws_bytes", (double)read_buf.counter.stats.live_bytes,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "reads", (double)reads, BENCH_COUNTER_PLAIN);
    bench_set_counter_if_positive(s, "huge_fraction", read_buf.huge_fraction);
    if (kind == PAGES_SMALL)
        for (size_t i = 0; i < nstrides; i++)
            if (strides[i].stride == stride) {
                double ns = elapsed * 1e9 / (double)total;
                if (strides[i].best_ns == 0 || ns < strides[i].best_ns)
                    strides[i].best_ns = ns;
            }
}

/* --- stride/chase ------------------------------------------------------ */

/* The chase curve: fastest ns per load of each working set and page kind. */
static stride_chase_point chases[160];
static size_t nchases;

static void chase_case(bench_state *s, const void *user)
{
    const stride_params *params = user;
    pages_kind kind = params->kind;
    size_t ws = (size_t)bench_arg(s, 0), lines = ws / line_bytes;
    bool fresh;
    stride_buffer_release(&read_buf);        /* the read cases are over */
    if (chase_buf.data && chase_buf.bytes != lines * line_bytes)
        stride_buffer_release(&chase_buf);   /* before the next cycle: less at once */
    if (!chase_cycle_hold(&cycle, lines, params->seed) || !stride_buffer_hold(&chase_buf, kind, lines * line_bytes, &fresh)) {
        bench_fail_case(s, "out of memory for the chase");
        return;
    }
    if (!cycle.single) {
        bench_fail_case(s, "the chase order is not one cycle through every line");
        return;
    }
    if (fresh) {
        chase_link(chase_buf.data, line_bytes, cycle.next, lines);
        stride_buffer_note_pages(&chase_buf);
    }
    /* Continues from where the last call stopped, so every repetition
     * walks new parts of a large cycle. */
    static void *at;
    char *base = chase_buf.data;
    if (fresh || !at)
        at = base;
    void *p = at;
    double t0 = timing_now();
    while (bench_keep_running(s, 1)) {
        p = chase_walk(p, CHASE_STEPS);
        bench_do_not_optimize(p);
    }
    double elapsed = timing_now() - t0;
    at = p;
    uintptr_t offset = (uintptr_t)p - (uintptr_t)base;   /* wraps if p < base */
    if (offset >= lines * line_bytes || offset % line_bytes) {
        bench_fail_case(s, "the chase left the buffer");
        return;
    }
    int64_t loads = bench_iterations(s) * CHASE_STEPS;
    bench_set_items_processed(s, loads);
    bench_set_counter(s, "ws_bytes", (double)chase_buf.counter.stats.live_bytes,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "lines", (double)lines, BENCH_COUNTER_PLAIN);
    bench_set_counter_if_positive(s, "cycle_checked", cycle.checked);
    bench_set_counter_if_positive(s, "huge_fraction", chase_buf.huge_fraction);
    for (size_t i = 0; i < nchases; i++)
        if (chases[i].ws == ws && loads > 0) {
            double ns = elapsed * 1e9 / (double)loads;
            double *best = &chases[i].best_ns[kind];
            if (*best == 0 || ns < *best)
                *best = ns;
            if (kind == PAGES_HUGE)
                chases[i].huge_fraction = chase_buf.huge_fraction;
        }
}

/* --- stride/levels ----------------------------------------------------- */

/* The figures of both curves (src/stride/curves.h) as counters. */
static void levels_case(bench_state *s, const void *user)
{
    (void)user;
    while (bench_keep_running(s, 1))
        bench_clobber_memory();
    size_t page = machine_page_size();
    stride_summary sum;
    if (!stride_summarize(strides, nstrides, chases, nchases,
                          stride_levels_wanted(bench_cli_profile()), page, &sum)) {
        /* Not a failure of the program: a filter left out the cases. */
        bench_skip_with_error(s, "too few read and chase cases ran to summarize");
        return;
    }
    char name[32];
    if (sum.have_levels) {
        const levels_fit *fit = &sum.levels;
        bench_set_counter_if_positive(s, "levels", (double)fit->count);
        for (size_t k = 0; k < fit->count; k++) {
            snprintf(name, sizeof name, "l%zu_bytes", k + 1);
            bench_set_counter_if_positive(s, name, fit->bytes[k]);
            snprintf(name, sizeof name, "l%zu_ns", k + 1);
            bench_set_counter_if_positive(s, name, fit->ns[k]);
        }
        bench_set_counter_if_positive(s, "mem_ns", fit->ns[fit->count]);
        bench_set_counter_if_positive(s, "levels_page_bytes",
                                sum.levels_pages == PAGES_HUGE ? (double)PAGES_HUGE_SIZE
                                                               : (double)page);
        bench_set_counter_if_positive(s, "mem_ns_base_pages", sum.mem_ns_base_pages);
        bench_set_counter_if_positive(s, "mem_ns_huge_pages", sum.mem_ns_huge_pages);
    }
    if (sum.have_bend) {
        bench_set_counter_if_positive(s, "bend_line_bytes", sum.bend.x);
        bench_set_counter_if_positive(s, "read_ns_below_page", sum.read_ns_below_page);
        bench_set_counter_if_positive(s, "read_ns_past_page", sum.read_ns_past_page);
    }
    bench_set_counter_if_positive(s, "line_bytes", (double)line_bytes);
    bench_set_counter_if_positive(s, "page_bytes", (double)page);
    bench_set_counter_if_positive(s, "transfer_bytes", (double)transfer_bytes);
    static bool printed;
    if (!printed && sum.have_levels) {
        printed = true;
        stride_print_summary(stderr, &sum, machine_cache_sizes(), line_bytes, page);
    }
}

/* --- sizes and registration -------------------------------------------- */

/* Strides 4 B .. 64 KiB (16 KiB with --quick): powers of two and, when
 * 'halves', 1.5 times each as well (two per doubling). */
static size_t stride_list(bool quick, bool halves, int64_t *out, size_t cap)
{
    size_t largest = quick ? (size_t)16 << 10 : (size_t)64 << 10, n = 0;
    for (size_t s = 4; s <= largest && n + 2 <= cap; s *= 2) {
        out[n++] = (int64_t)s;
        if (halves && s >= 8 && s < largest)
            out[n++] = (int64_t)(s * 3 / 2);
    }
    return n;
}

/* Working sets for the chase, in whole lines: the cache sweep (sizes.h)
 * up to --max-ws.  Past the last cache the curve is DRAM latency plus the
 * TLB, changing slowly, while each point costs a second to set up. */
static size_t chase_sizes(const bench_options *o, int64_t *out, size_t cap)
{
    size_t ws[160];
    size_t count = size_cache_sweep(o->max_ws, o->quick, bench_cli_profile(),
                                    line_bytes, ws, 160);
    size_t n = 0;
    for (size_t i = 0; i < count && n < cap; i++)
        out[n++] = (int64_t)ws[i];
    return n;
}

int main(int argc, char **argv)
{
    bench_options o = bench_cli_start(&stride_program, argc, argv);
    line_bytes = machine_line_size();
    const machine_profile *measured = bench_cli_profile();
    transfer_bytes = measured->measured && measured->line_bytes ? measured->line_bytes : line_bytes;

    /* The largest moment: the chase's largest buffer and its cycle (one
     * size_t per line), or the read buffer, rounded up to huge pages. */
    size_t need = o.max_ws + o.max_ws / line_bytes * sizeof(size_t) + PAGES_HUGE_SIZE;
    bench_cli_require_memory(need, "the largest chase and its cycle");

    static stride_params small, huge;
    small = (stride_params){.kind = PAGES_SMALL, .max_ws = o.max_ws, .seed = o.seed};
    huge = (stride_params){.kind = PAGES_HUGE, .max_ws = o.max_ws, .seed = o.seed};
    int64_t stride_args[64], huge_stride_args[64], chase_args[160];
    nstrides = stride_list(o.quick, !o.quick, stride_args, 64);
    size_t nhuge_strides = stride_list(o.quick, false, huge_stride_args, 64);
    for (size_t i = 0; i < nstrides; i++)
        strides[i] = (stride_read_point){.stride = (size_t)stride_args[i]};
    nchases = chase_sizes(&o, chase_args, 160);
    for (size_t i = 0; i < nchases; i++)
        chases[i] = (stride_chase_point){.ws = (size_t)chase_args[i]};

    if (bench_register_named((bench_def){.run = read_case, .user = &small,
                                         .args = stride_args, .nargs = nstrides},
                             "stride/read") != 0 ||
        bench_register_named((bench_def){.run = read_case, .user = &huge,
                                         .args = huge_stride_args, .nargs = nhuge_strides},
                             "stride/read_huge") != 0)
        return 2;
    /* Both page kinds of one working set run back to back, so they share
     * the cycle: drawing it is the slow part of the setup.  A chase needs
     * less time per repetition than a pass over 1 GiB: 0.02 s is 200 000
     * loads even from DRAM. */
    double chase_time = o.quick ? CHASE_QUICK_MIN_TIME : CHASE_MIN_TIME;
    for (size_t i = 0; i < nchases; i++) {
        bench_def chase = {.run = chase_case, .user = &small, .args = &chase_args[i],
                           .nargs = 1, .min_time = chase_time};
        if (bench_register_named(chase, "stride/chase") != 0)
            return 2;
        chase.user = &huge;
        if (bench_register_named(chase, "stride/chase_huge") != 0)
            return 2;
    }
    int64_t max_ws = (int64_t)o.max_ws;
    if (bench_register_named((bench_def){.run = levels_case, .args = &max_ws, .nargs = 1,
                                         .iterations = 1},
                             "stride/levels") != 0)
        return 2;

    int status = bench_cli_finish();
    stride_buffer_release(&read_buf);
    stride_buffer_release(&chase_buf);
    chase_cycle_release(&cycle);
    return status;
}
