/*
 * stride.c - what one read costs: by stride over a huge buffer, and by
 * working set when each load depends on the one before.
 *
 * Claim L6 (docs/claims.md): the CPU moves memory a cache line at a time,
 * so the neighbours of a value come almost free.  Also the latency of
 * each cache level and of DRAM, which docs/access.md uses to explain the
 * other experiments, and the cache sizes this machine behaves as if it
 * had (on a virtual machine they can differ from what it reports).
 *
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
 *                                chase curve (src/stride/latency_levels.h) and the
 *                                bend of the read curve (src/stride/knee.h), as
 *                                counters; runs last
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
 *                   bytes a read), line_bytes_per_second (min(S, line)
 *                   bytes a read: the traffic in whole lines)
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
 *                   reports them).  Times in this case come from the
 *                   fastest run of each size (this program's own clock;
 *                   other load only adds time).
 *         The JSON context also has thp_enabled and thp_defrag: the
 *         transparent huge page mode in effect.  The levels are printed
 *         on stderr at the end.
 * Check:  every read pass must return the sum the fill rule predicts; the
 *         chase order must be one cycle through every line (walked up to
 *         2^20 lines; Sattolo's algorithm guarantees it, tests/test_rng.c
 *         checks that), and every walk must end on a line of the buffer.
 *         A failure marks the case and the program exits 1.
 */
#include "alloc/counting.h"
#include "alloc/pages.h"
#include "stride/chase.h"
#include "harness/cli.h"
#include "stride/knee.h"
#include "stride/latency_levels.h"
#include "harness/machine.h"
#include "harness/rng.h"
#include "shim/bench.h"
#include "harness/sizes.h"
#include "stride/strided.h"
#include "harness/thp.h"
#include "harness/timing.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const bench_program stride_program = {
    .name = "stride",
    .purpose =
        "Reads one 4-byte value every S bytes of a buffer far larger than the\n"
        "caches (S = 4 B .. 64 KiB), and chases pointers through one random cycle\n"
        "over working sets from 4 KiB to --max-ws, on base and on huge pages.\n"
        "Reports ns per access, bandwidth, the latency of each cache level and\n"
        "DRAM, and the cache boundaries found in the latency curve.  Claim L6.",
    .default_max_ws = (size_t)1 << 30,
    .quick_max_ws = (size_t)256 << 20,
    .min_time_s = 0.05,
    .quick_min_time_s = 0.01,
};

/* Loads per chase iteration: long enough that the call into the library
 * per iteration is far below 1% of the time, even in L1. */
#define CHASE_STEPS 4096

/* Seconds per repetition of a chase case, whatever --benchmark_min_time
 * says: every load is the same dependent load, so 0.02 s (200 000 loads
 * even from DRAM) gives a steady figure, and 130 cases stay affordable. */
#define CHASE_MIN_TIME 0.02
#define CHASE_QUICK_MIN_TIME 0.005

static const bench_options *options;
static size_t line_bytes;

/* The buffer of the running case, kept across its repetitions. */
typedef struct buffer {
    counting_allocator counter;
    allocator *pages;     /* NULL while nothing is held */
    void *data;
    size_t bytes;
    double huge_fraction;
} buffer;

static void buffer_release(buffer *b)
{
    if (b->pages)
        alloc_free(&b->counter.base, b->data, b->bytes);
    b->pages = NULL;
    b->data = NULL;
}

/* Holds 'bytes' of pages of this kind; false when out of memory.  'fresh'
 * says the memory is new (the caller must fill it). */
static bool buffer_hold(buffer *b, pages_kind kind, size_t bytes, bool *fresh)
{
    allocator *pages = alloc_pages(kind);
    *fresh = false;
    if (b->pages == pages && b->bytes == bytes)
        return true;
    buffer_release(b);
    counting_init(&b->counter, pages);
    b->data = alloc_bytes(&b->counter.base, bytes, 64);
    if (!b->data)
        return false;
    b->pages = pages;
    b->bytes = bytes;
    *fresh = true;
    return true;
}

/* Asked after the buffer is filled: huge pages are given at the first
 * touch, so the figure is known only then. */
static void buffer_note_pages(buffer *b)
{
    long long huge = thp_huge_bytes(b->data, b->bytes);
    b->huge_fraction = huge < 0 ? 0 : (double)huge / (double)b->bytes;
}

static void fail_case(bench_state *s, const char *message)
{
    bench_skip_with_error(s, message);
    bench_cli_fail();
}

/* Sets a counter only when it is above 0.  Google Benchmark writes the
 * coefficient of variation of a counter whose mean is 0 as NaN, which is
 * not JSON: strict readers (jansson) then refuse the whole file.  So a
 * flag or figure that is 0 is left out, and readers take absent as 0. */
static void set_counter_if_positive(bench_state *s, const char *name, double value)
{
    if (value > 0)
        bench_set_counter(s, name, value, BENCH_COUNTER_PLAIN);
}

/* --- stride/read ------------------------------------------------------- */

static buffer read_buf;

typedef struct stride_result {
    size_t stride;
    double best_ns;       /* fastest ns per read over every run; 0 = not run */
} stride_result;

static stride_result strides[64];
static size_t nstrides;

static void read_case(bench_state *s, const void *user)
{
    pages_kind kind = *(const pages_kind *)user;
    size_t stride = (size_t)bench_arg(s, 0);
    size_t words = options->max_ws / sizeof(uint32_t), step = stride / sizeof(uint32_t);
    bool fresh;
    if (!buffer_hold(&read_buf, kind, options->max_ws, &fresh)) {
        fail_case(s, "out of memory for the read buffer");
        return;
    }
    if (fresh) {
        strided_fill(read_buf.data, words);
        buffer_note_pages(&read_buf);
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
        char msg[128];
        snprintf(msg, sizeof msg, "sum %" PRIu64 ", expected %" PRIu64, sum, expected);
        fail_case(s, msg);
        return;
    }
    int64_t reads = (int64_t)strided_reads(words, step);
    int64_t total = bench_iterations(s) * reads;
    size_t moved = stride < line_bytes ? stride : line_bytes;
    bench_set_items_processed(s, total);
    bench_set_bytes_processed(s, total * (int64_t)sizeof(uint32_t));
    bench_set_counter(s, "line_bytes_per_second", (double)total * (double)moved,
                      BENCH_COUNTER_RATE);
    bench_set_counter(s, "stride_bytes", (double)stride, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "ws_bytes", (double)read_buf.counter.stats.live_bytes,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "reads", (double)reads, BENCH_COUNTER_PLAIN);
    set_counter_if_positive(s, "huge_fraction", read_buf.huge_fraction);
    if (kind == PAGES_SMALL)
        for (size_t i = 0; i < nstrides; i++)
            if (strides[i].stride == stride) {
                double ns = elapsed * 1e9 / (double)total;
                if (strides[i].best_ns == 0 || ns < strides[i].best_ns)
                    strides[i].best_ns = ns;
            }
}

/* --- stride/chase ------------------------------------------------------ */

/* The cycle of the current working set, shared by its two page kinds. */
static struct cycle {
    counting_allocator counter;
    size_t *next;
    size_t lines;
    bool checked;         /* walked once to prove it is one cycle */
    bool single;          /* ...and it was (assumed when not checked) */
} cycle;

/* Largest cycle walked to check it: a walk of next[] costs one random
 * read per line, seconds for a 1 GiB ring; Sattolo's algorithm gives one
 * cycle by construction, and tests/test_rng.c checks it does. */
#define CYCLE_CHECK_MAX_LINES ((size_t)1 << 20)

static buffer chase_buf;

typedef struct chase_result {
    size_t ws;
    double best_ns[2];    /* per pages_kind; 0 = not run */
    double huge_fraction;
} chase_result;

static chase_result chases[160];
static size_t nchases;

static void cycle_release(void)
{
    if (cycle.next)
        alloc_free(&cycle.counter.base, cycle.next, cycle.lines * sizeof *cycle.next);
    cycle.next = NULL;
}

/* The single cycle through 'lines' lines, drawn from the seed and checked
 * once; false when out of memory. */
static bool cycle_hold(size_t lines)
{
    if (cycle.next && cycle.lines == lines)
        return true;
    cycle_release();
    counting_init(&cycle.counter, alloc_libc());
    cycle.next = ALLOC_ARRAY(&cycle.counter.base, size_t, lines);
    if (!cycle.next)
        return false;
    cycle.lines = lines;
    rng r = rng_seeded(options->seed);
    rng_single_cycle(&r, cycle.next, lines);
    cycle.checked = lines <= CYCLE_CHECK_MAX_LINES;
    cycle.single = !cycle.checked || chase_is_single_cycle(cycle.next, lines);
    return true;
}

static void chase_case(bench_state *s, const void *user)
{
    pages_kind kind = *(const pages_kind *)user;
    size_t ws = (size_t)bench_arg(s, 0), lines = ws / line_bytes;
    bool fresh;
    buffer_release(&read_buf);        /* the read cases are over */
    if (chase_buf.data && chase_buf.bytes != lines * line_bytes)
        buffer_release(&chase_buf);   /* before the next cycle: less at once */
    if (!cycle_hold(lines) || !buffer_hold(&chase_buf, kind, lines * line_bytes, &fresh)) {
        fail_case(s, "out of memory for the chase");
        return;
    }
    if (!cycle.single) {
        fail_case(s, "the chase order is not one cycle through every line");
        return;
    }
    if (fresh) {
        chase_link(chase_buf.data, line_bytes, cycle.next, lines);
        buffer_note_pages(&chase_buf);
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
        fail_case(s, "the chase left the buffer");
        return;
    }
    int64_t loads = bench_iterations(s) * CHASE_STEPS;
    bench_set_items_processed(s, loads);
    bench_set_counter(s, "ws_bytes", (double)chase_buf.counter.stats.live_bytes,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "lines", (double)lines, BENCH_COUNTER_PLAIN);
    set_counter_if_positive(s, "cycle_checked", cycle.checked);
    set_counter_if_positive(s, "huge_fraction", chase_buf.huge_fraction);
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

/* How many cache levels the system reports (3 when it reports none). */
static size_t reported_levels(void)
{
    machine_caches c = machine_cache_sizes();
    size_t k = (c.l1d != 0) + (c.l2 != 0) + (c.l3 != 0);
    return k ? k : 3;
}

/* The huge-page curve when the kernel really gave huge pages for the
 * largest working set: it shows the caches without the TLB's steps. */
static pages_kind levels_source(void)
{
    for (size_t i = nchases; i-- > 0;)
        if (chases[i].best_ns[PAGES_HUGE] > 0)
            return chases[i].huge_fraction >= 0.9 ? PAGES_HUGE : PAGES_SMALL;
    return PAGES_SMALL;
}

static int compare_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

/* Median of the read times of strides in [lo, hi]; 0 when there are none. */
static double median_read_ns(size_t lo, size_t hi)
{
    double v[64];
    size_t n = 0;
    for (size_t i = 0; i < nstrides; i++)
        if (strides[i].best_ns > 0 && strides[i].stride >= lo && strides[i].stride <= hi)
            v[n++] = strides[i].best_ns;
    if (n == 0)
        return 0;
    qsort(v, n, sizeof *v, compare_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Cache levels from the chase curve; false when too few sizes ran. */
static bool find_levels(pages_kind kind, size_t wanted, levels_fit *fit)
{
    double bytes[160], ns[160];
    size_t n = 0;
    for (size_t i = 0; i < nchases; i++)
        if (chases[i].best_ns[kind] > 0) {
            bytes[n] = (double)chases[i].ws;
            ns[n++] = chases[i].best_ns[kind];
        }
    levels_params params = LEVELS_DEFAULTS;
    params.wanted = wanted;
    return levels_find(bytes, ns, n, &params, fit);
}

/* Where the read curve (base pages) stops rising; false when too few
 * strides ran. */
static bool find_bend(knee_fit *fit)
{
    double x[64], y[64];
    size_t n = 0;
    for (size_t i = 0; i < nstrides; i++)
        if (strides[i].best_ns > 0) {
            x[n] = (double)strides[i].stride;
            y[n++] = strides[i].best_ns;
        }
    return knee_find(x, y, n, KNEE_DEFAULT_SLOPE, fit) && fit->found;
}

static void print_summary(pages_kind kind, const levels_fit *fit, const knee_fit *bend)
{
    char sz[32], rep[32];
    machine_caches c = machine_cache_sizes();
    size_t reported[] = {c.l1d, c.l2, c.l3};
    fprintf(stderr, "stride: cache levels measured (pointer chase, %s pages):\n",
            kind == PAGES_HUGE ? "huge" : "base");
    for (size_t k = 0; k < fit->count; k++)
        fprintf(stderr, "  L%zu      %6.1f ns  up to %-10s (the system reports L%zu: %s)\n",
                k + 1, fit->ns[k], size_format((size_t)fit->bytes[k], sz, sizeof sz), k + 1,
                k < 3 && reported[k] ? size_format(reported[k], rep, sizeof rep) : "none");
    fprintf(stderr, "  memory  %6.1f ns\n", fit->ns[fit->count]);
    if (bend)
        fprintf(stderr, "stride: the read curve bends at a stride of %.0f B "
                "(reported line %zu B, page %zu B)\n",
                bend->x, line_bytes, machine_page_size());
}

static void levels_case(bench_state *s, const void *user)
{
    (void)user;
    while (bench_keep_running(s, 1))
        bench_clobber_memory();
    pages_kind kind = levels_source();
    size_t wanted = reported_levels();
    levels_fit fit;
    knee_fit bend;
    bool have_levels = find_levels(kind, wanted, &fit);
    bool have_bend = find_bend(&bend);
    if (!have_levels && !have_bend) {
        /* Not a failure of the program: a filter left out the cases. */
        bench_skip_with_error(s, "too few read and chase cases ran to summarize");
        return;
    }
    char name[32];
    if (have_levels) {
        set_counter_if_positive(s, "levels", (double)fit.count);
        for (size_t k = 0; k < fit.count; k++) {
            snprintf(name, sizeof name, "l%zu_bytes", k + 1);
            set_counter_if_positive(s, name, fit.bytes[k]);
            snprintf(name, sizeof name, "l%zu_ns", k + 1);
            set_counter_if_positive(s, name, fit.ns[k]);
        }
        set_counter_if_positive(s, "mem_ns", fit.ns[fit.count]);
        set_counter_if_positive(s, "levels_page_bytes",
                                kind == PAGES_HUGE ? (double)PAGES_HUGE_SIZE
                                                   : (double)machine_page_size());
        set_counter_if_positive(s, "mem_ns_base_pages", chases[nchases - 1].best_ns[PAGES_SMALL]);
        set_counter_if_positive(s, "mem_ns_huge_pages", chases[nchases - 1].best_ns[PAGES_HUGE]);
    }
    size_t page = machine_page_size();
    if (have_bend) {
        set_counter_if_positive(s, "bend_line_bytes", bend.x);
        set_counter_if_positive(s, "read_ns_below_page", median_read_ns((size_t)bend.x, page / 2));
        set_counter_if_positive(s, "read_ns_past_page", median_read_ns(page * 2, SIZE_MAX));
    }
    set_counter_if_positive(s, "line_bytes", (double)line_bytes);
    set_counter_if_positive(s, "page_bytes", (double)page);
    static bool printed;
    if (!printed && have_levels) {
        printed = true;
        print_summary(kind, &fit, have_bend ? &bend : NULL);
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

/* Working sets for the chase, in whole lines: two per doubling from 4 KiB
 * and four near each reported cache size up to twice the last cache, then
 * one per doubling (with --quick one per doubling throughout).  Past the
 * last cache the curve is DRAM latency plus the TLB, changing slowly,
 * while each point costs a second to set up.  A reported L3 above 128 MiB
 * is the host's, shared by every guest: no extra points around it. */
static size_t chase_sizes(const bench_options *o, int64_t *out, size_t cap)
{
    machine_caches c = machine_cache_sizes();
    size_t l3 = c.l3 <= ((size_t)128 << 20) ? c.l3 : 0;
    size_t marks[] = {c.l1d, c.l2, l3};
    size_t sparse_from = 2 * (l3 ? l3 : ((size_t)32 << 20));
    if (sparse_from > o->max_ws || o->quick)
        sparse_from = o->max_ws;
    size_t ws[160];
    size_t count = size_sweep(4096, sparse_from, o->quick ? 1 : 2, marks,
                              o->quick ? 0 : 3, 4, line_bytes, ws, 160);
    if (sparse_from < o->max_ws)
        count += size_sweep(sparse_from, o->max_ws, 1, NULL, 0, 0, line_bytes,
                            ws + count, 160 - count);
    size_t n = 0;
    for (size_t i = 0; i < count && n < cap; i++)
        if (n == 0 || (int64_t)ws[i] > out[n - 1])
            out[n++] = (int64_t)ws[i];
    return n;
}

static int register_one(const char *variant, bench_fn run, const void *user,
                        const int64_t *args, size_t nargs, double min_time,
                        int64_t iterations)
{
    char name[64];
    snprintf(name, sizeof name, "stride/%s", variant);
    bench_def def = {.name = name, .run = run, .user = user, .args = args,
                     .nargs = nargs, .min_time = min_time, .iterations = iterations};
    return bench_register(&def);
}

int main(int argc, char **argv)
{
    bench_options o = bench_cli_start(&stride_program, argc, argv);
    options = &o;
    line_bytes = machine_line_size();
    char mode[32];
    bench_add_context("thp_enabled", thp_mode("enabled", mode, sizeof mode));
    bench_add_context("thp_defrag", thp_mode("defrag", mode, sizeof mode));

    /* The largest moment: the chase's largest buffer and its cycle (one
     * size_t per line), or the read buffer, rounded up to huge pages. */
    size_t need = o.max_ws + o.max_ws / line_bytes * sizeof(size_t) + PAGES_HUGE_SIZE;
    bench_cli_require_memory(&stride_program, need, "the largest chase and its cycle");

    static const pages_kind small = PAGES_SMALL, huge = PAGES_HUGE;
    int64_t stride_args[64], huge_stride_args[64], chase_args[160];
    nstrides = stride_list(o.quick, !o.quick, stride_args, 64);
    size_t nhuge_strides = stride_list(o.quick, false, huge_stride_args, 64);
    for (size_t i = 0; i < nstrides; i++)
        strides[i] = (stride_result){.stride = (size_t)stride_args[i]};
    nchases = chase_sizes(&o, chase_args, 160);
    for (size_t i = 0; i < nchases; i++)
        chases[i] = (chase_result){.ws = (size_t)chase_args[i]};

    if (register_one("read", read_case, &small, stride_args, nstrides, 0, 0) ||
        register_one("read_huge", read_case, &huge, huge_stride_args, nhuge_strides, 0, 0))
        return 2;
    /* Both page kinds of one working set run back to back, so they share
     * the cycle: drawing it is the slow part of the setup.  A chase needs
     * less time per repetition than a pass over 1 GiB: 0.02 s is 200 000
     * loads even from DRAM. */
    double chase_time = o.quick ? CHASE_QUICK_MIN_TIME : CHASE_MIN_TIME;
    for (size_t i = 0; i < nchases; i++)
        if (register_one("chase", chase_case, &small, &chase_args[i], 1, chase_time, 0) ||
            register_one("chase_huge", chase_case, &huge, &chase_args[i], 1, chase_time, 0))
            return 2;
    int64_t max_ws = (int64_t)o.max_ws;
    if (register_one("levels", levels_case, NULL, &max_ws, 1, 0, 1))
        return 2;

    int status = bench_cli_finish();
    buffer_release(&read_buf);
    buffer_release(&chase_buf);
    cycle_release();
    return status;
}
