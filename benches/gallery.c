/*
 * gallery.c - the classic cache gallery, each as a claim with a verdict:
 * the memory mountain, memory-level parallelism, associativity, false
 * sharing, the prefetcher, TLB reach and the cost of writes.
 *
 * Claims X1-X7 (docs/claims.md); after CS:APP's memory mountain, Igor
 * Ostrovsky's "Gallery of processor cache effects" and Drepper's "What
 * every programmer should know about memory".  One program: its cases
 * share buffers of hundreds of MiB, built once (a first touch of a page
 * costs about 10 us on some guests), and one filter picks a family.
 *
 * Run:    make bench BENCH=gallery            (or build/bin/gallery --help)
 * Files:  benches/gallery.c, src/gallery/ (tests/test_gallery.c),
 *         plots/gallery.gp, src/report/rules/gallery.c
 *         (tests/test_gallery_rules.c), docs/experiments/gallery.md,
 *         docs/lessons/gallery-{mountain,mlp,assoc,falseshare,prefetch,
 *         tlb,writes}.md and make demo-gallery-<the same seven>.
 * Sizes:  the cache levels of the run's measured machine profile
 *         (MEMLAYOUT_PROFILE, machine.json; src/gallery/levels.h); only
 *         without a measured level, the reported sizes or stated
 *         fallbacks, said on stderr.  In the JSON context as gallery_l<k>
 *         and gallery_levels_source.  P, the "past the caches" size, is
 *         the largest working set, in whole pages: --max-ws, 256 MiB
 *         without it, 64 MiB with --quick, whatever the last level
 *         measured (src/gallery/levels.h says why); under 32 times the
 *         last level (GALLERY_PAST_MULTIPLE) the program says so.
 * Line:   the measured transfer unit of the profile (line_bytes, as the
 *         stride bench counts it; src/gallery/line.h), else the reported
 *         line; in the context as gallery_line beside
 *         gallery_line_reported, and on stderr when they differ.  Chases
 *         have one node per line, and "lines" below are these.
 * Cases (GB/s counts the bytes the program asked for; ns per ... is
 *        1e9 / items_per_second):
 *   gallery/mountain/s<k>/<W>   X1: read one 4-byte element every k (1,
 *                               2, 3, 4, 6, 8, 12, 16, 32, 64; 1, 2, 4, 8,
 *                               16, 32, 64 with --quick) of the first W bytes of a
 *                               buffer, W =
 *                               16 KiB .. the largest working set (above):
 *                               one size per doubling, four per
 *                               doubling within a factor two of each level
 *                               (not with --quick).  Items: reads.
 *   gallery/mlp/<k>             X2: k = 1 .. 16 independent chases through
 *                               one random cycle over P bytes (huge pages
 *                               asked for), advanced in turn.  Items: loads.
 *   gallery/assoc/<pitch>       X3: a chase down a column of 16 rows whose
 *                               starts are 'pitch' bytes apart, pitch 1 KiB
 *                               .. 16 KiB in steps of 512 B (1 KiB with
 *                               --quick), plus 4160 and
 *                               8256 (a power of two plus a line).  Items:
 *                               loads.
 *   gallery/falseshare/<where>/<n>  X4: two threads each add 1 to its own
 *                               counter n times a round; the counters on
 *                               one_line (8 B apart), next_line (64 B),
 *                               two_lines (128 B) or local (each thread's
 *                               stack).  Items: increments of one thread.
 *   gallery/prefetch/<order>/<P> X5: a chase over every line of P bytes
 *                               (huge pages asked for) in sequential
 *                               order, a stride of 8 lines, or at random.
 *                               Items: lines.
 *   gallery/tlb/<walk>/<P>      X6: a chase at random within each 4 KiB
 *                               page before the next page (within_base), at
 *                               random over all lines (across_base), and
 *                               both on huge pages (within_huge,
 *                               across_huge): on huge pages the buffer
 *                               needs few TLB entries, so within_huge shows
 *                               what staying in a 4 KiB page gains besides
 *                               the TLB.
 *                               Items: loads.
 *   gallery/writes/<kind>/<P>   X7: a pass over P bytes (huge pages asked
 *                               for, as the chases: on base pages the
 *                               passes ran up to 25x slower at times on the
 *                               project's guest): read (sum), write (plain
 *                               stores), rmw (load, xor, store) and stream
 *                               (non-temporal SSE2 stores).  Items: lines;
 *                               bytes: P a pass.
 * Timed:  only the kernel; buffers, orders and threads are set up before
 *         the timed loop and kept for the whole program, so the cases'
 *         repetitions run interleaved (cli.h).  Seeds: --seed.
 * Counters: ws_bytes and per_iteration (items per timed iteration: with
 *         cpu_time, the CPU time per item of one repetition) on every
 *         case; mountain: stride_bytes, stride_elems,
 *         level (1 .. n for the n cache levels, n + 1 = past them all,
 *         by the sizes above: only for a size at least twice the level
 *         below and at most half its own), line_bytes, l<k>_bytes for
 *         each level k; mlp: chains;
 *         assoc: pitch_bytes, rows; falseshare: gap_bytes (0: local),
 *         threads; prefetch: stride_bytes; chases on requested huge pages:
 *         huge_fraction (what the kernel gave); writes: huge_fraction,
 *         traffic_bytes (what a pass moves to and from memory under
 *         write-allocate: 2P for write and rmw, P for read and stream;
 *         gallery/writes.h), faults_per_pass (minor page faults in the
 *         timed loop: none expected, the buffer is filled before it),
 *         nt_stores (1 when the stream kernel really streams).  A counter that would be 0 is
 *         left out (strict JSON readers refuse Google Benchmark's NaN).
 * Check:  mountain and read sums against the fill rule; chases end on a
 *         line of their buffer, and the column chase where it started;
 *         falseshare counters reach exactly rounds x n; write passes leave
 *         words[i] = i.  A failure marks the case and the program exits 1.
 */
#include "alloc/pages.h"
#include "gallery/column.h"
#include "gallery/falseshare.h"
#include "gallery/levels.h"
#include "gallery/line.h"
#include "gallery/mlp.h"
#include "gallery/orders.h"
#include "gallery/writes.h"
#include "harness/cli.h"
#include "harness/cpu_pin.h"
#include "harness/fail_case.h"
#include "harness/faults.h"
#include "harness/machine.h"
#include "harness/positive_counter.h"
#include "harness/register.h"
#include "harness/rng.h"
#include "harness/sizes.h"
#include "shim/bench.h"
#include "stride/buffer.h"
#include "stride/chase.h"
#include "stride/strided.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const bench_program gallery_program = {
    .name = "gallery",
    .purpose = "The classic cache gallery on this machine: the memory mountain (read bandwidth by stride and working set), memory-level parallelism, cache associativity, false sharing between two threads, the prefetcher, TLB reach on base and huge pages, and the cost of plain, read-modify-write and streaming stores.  Claims X1-X7.",
    /* The mountain ends where the walks past the caches run: 256 MiB
     * (MAX_WS=1G for the classic 1 GiB), not a multiple of a measured
     * last level, which on a guest sharing its L3 moves from run to run
     * (src/gallery/levels.h). */
    .max_ws = {.full = (size_t)256 << 20, .quick = (size_t)64 << 20},
    .min_time_s = {.full = 0.02, .quick = 0.005},
    .interleave = true,
    /* Each of X2 and X4-X7 compares cases of one size. */
    .replicate = "^gallery/(mlp|falseshare|prefetch|tlb|writes)/",
};

/* The mountain has ~330 cases: a shorter repetition each keeps it within
 * half a minute; its kernels are plain loops whose passes repeat exactly. */
#define MOUNTAIN_MIN_TIME 0.004
#define MOUNTAIN_QUICK_MIN_TIME 0.002

/* The column chase has 33 pitches; a call is 4096 loads of 16 lines that
 * stay in L1 or L2 (5 to 20 us), so 5 ms holds hundreds of calls, and the
 * rule looks for a 1.5x difference: a quarter of the program's 20 ms. */
#define ASSOC_MIN_TIME 0.005

/* Loads per timed iteration of every chase: the call into the library per
 * iteration is then far below 1% of the time, even in L1. */
#define CHASE_STEPS 4096

#define COLUMN_ROWS 16
#define FALSESHARE_INCREMENTS ((uint64_t)1 << 20)
#define PREFETCH_STRIDE_LINES 8
#define WRITES_KEY UINT64_C(0x5a5a5a5a5a5a5a5a)

/* A buffer of whole pages of one kind, held for the whole program: the
 * stride experiment's buffer (its data NULL until built), with where its
 * chase stopped. */
typedef struct region {
    stride_buffer buf;
    pages_kind kind;
    void *at;
} region;

enum { R_MOUNTAIN, R_WRITES, R_RANDOM_HUGE, R_SEQ_HUGE, R_STRIDE_HUGE,
       R_RANDOM_BASE, R_WITHIN_BASE, R_WITHIN_HUGE, R_COUNT };

/* What every case reads: the options and the shared buffers. */
typedef struct gallery {
    bench_options opt;
    gallery_levels levels;
    gallery_line line_info;   /* the line below, where it came from, the reported one */
    size_t line, past;        /* line: the measured transfer unit (gallery/line.h) */
    region r[R_COUNT];
    size_t mlp_first[16];   /* 16 evenly spaced lines of R_RANDOM_HUGE's cycle */
    bool chases_built;
} gallery;

/* A case's cookie: the gallery and which variant of its family. */
typedef struct cookie {
    gallery *g;
    int region;             /* chases: which buffer */
    size_t param;           /* stride, chains, gap, ...: the family's */
    void *heads[16];        /* mlp: where each chain stopped */
    bool started;
} cookie;

static bool region_alloc(region *r, pages_kind kind, size_t bytes)
{
    bool fresh;
    r->kind = kind;
    return stride_buffer_hold(&r->buf, kind, bytes, &fresh);
}

/* --- X1: the memory mountain ---------------------------------------------- */

static bool mountain_ready(gallery *g)
{
    region *r = &g->r[R_MOUNTAIN];
    if (r->buf.data)
        return true;
    if (!region_alloc(r, PAGES_SMALL, g->opt.max_ws))
        return false;
    strided_fill(r->buf.data, r->buf.bytes / sizeof(uint32_t));
    return true;
}

static void mountain_case(bench_state *s, const void *user)
{
    const cookie *c = user;
    gallery *g = c->g;
    size_t ws = (size_t)bench_arg(s, 0), step = c->param;
    size_t words = ws / sizeof(uint32_t);
    if (!mountain_ready(g)) {
        bench_fail_case(s, "out of memory for the mountain's buffer");
        return;
    }
    const uint32_t *data = g->r[R_MOUNTAIN].buf.data;
    /* One untimed pass first, so a working set that fits a cache is
     * measured from that cache (as CS:APP's mountain warms it).  Past
     * twice the last level nothing stays warm anyway. */
    uint64_t sum = 0;
    if (ws <= 2 * gallery_last_level(&g->levels))
        sum = strided_sum(data, words, step);
    bench_do_not_optimize(&sum);
    while (bench_keep_running(s, 1)) {
        sum = strided_sum(data, words, step);
        bench_do_not_optimize(&sum);   /* keeps every pass */
    }
    if (sum != strided_expected(words, step)) {
        bench_fail_casef(s, "sum %" PRIu64 ", expected %" PRIu64, sum,
                         strided_expected(words, step));
        return;
    }
    int64_t reads = bench_iterations(s) * (int64_t)strided_reads(words, step);
    bench_set_items_processed(s, reads);
    bench_set_bytes_processed(s, reads * (int64_t)sizeof(uint32_t));
    bench_set_counter(s, "ws_bytes", (double)ws, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "per_iteration", (double)strided_reads(words, step),
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "stride_elems", (double)step, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "stride_bytes", (double)(step * sizeof(uint32_t)),
                      BENCH_COUNTER_PLAIN);
    bench_set_counter_if_positive(s, "level", gallery_level_inside(&g->levels, ws));
    bench_set_counter(s, "line_bytes", (double)g->line, BENCH_COUNTER_PLAIN);
    for (size_t k = 0; k < g->levels.n; k++) {
        static const char *const names[GALLERY_MAX_LEVELS] = {"l1_bytes", "l2_bytes",
                                                              "l3_bytes", "l4_bytes"};
        bench_set_counter(s, names[k], (double)g->levels.bytes[k], BENCH_COUNTER_PLAIN);
    }
}

/* --- the chases: X2, X5, X6 -------------------------------------------------- */

/* Links region r along next[] and notes what pages it got. */
static bool chase_region(gallery *g, int which, pages_kind kind, const size_t *next,
                         size_t lines)
{
    region *r = &g->r[which];
    if (!region_alloc(r, kind, lines * g->line))
        return false;
    chase_link(r->buf.data, g->line, next, lines);
    stride_buffer_note_pages(&r->buf);
    r->at = r->buf.data;
    return true;
}

/* Builds every chase buffer at once, at the first chase case: the random
 * cycle is drawn once and linked on both page kinds. */
static bool chases_ready(gallery *g)
{
    if (g->chases_built)
        return true;
    size_t lines = g->past / g->line, per_page = machine_page_size() / g->line;
    size_t *order = malloc(lines * sizeof *order), *next = malloc(lines * sizeof *next);
    bool ok = order && next && per_page > 0;
    rng r = rng_seeded(g->opt.seed);
    if (ok) {
        rng_single_cycle(&r, next, lines);
        ok = mlp_spread(next, lines, 16, g->mlp_first) &&
             chase_region(g, R_RANDOM_HUGE, PAGES_HUGE, next, lines) &&
             chase_region(g, R_RANDOM_BASE, PAGES_SMALL, next, lines);
    }
    if (ok && orders_strided(order, lines, 1)) {
        orders_to_cycle(order, next, lines);
        ok = chase_region(g, R_SEQ_HUGE, PAGES_HUGE, next, lines);
    }
    if (ok && orders_strided(order, lines, PREFETCH_STRIDE_LINES)) {
        orders_to_cycle(order, next, lines);
        ok = chase_region(g, R_STRIDE_HUGE, PAGES_HUGE, next, lines);
    }
    if (ok && orders_page_local(&r, order, lines, per_page)) {
        orders_to_cycle(order, next, lines);
        ok = chase_region(g, R_WITHIN_BASE, PAGES_SMALL, next, lines) &&
             chase_region(g, R_WITHIN_HUGE, PAGES_HUGE, next, lines);
    }
    free(order);
    free(next);
    g->chases_built = ok;
    return ok;
}

/* True when p is a line of region r. */
static bool on_a_line(const gallery *g, const region *r, const void *p)
{
    uintptr_t offset = (uintptr_t)p - (uintptr_t)r->buf.data;   /* wraps if p < data */
    return offset < r->buf.bytes && offset % g->line == 0;
}

static void chase_counters(bench_state *s, const region *r, int64_t loads)
{
    bench_set_items_processed(s, loads);
    bench_set_counter(s, "per_iteration", CHASE_STEPS, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "ws_bytes", (double)r->buf.bytes, BENCH_COUNTER_PLAIN);
    if (r->kind == PAGES_HUGE)
        bench_set_counter_if_positive(s, "huge_fraction", r->buf.huge_fraction);
}

/* prefetch/ and tlb/: one chase, continuing where the last call stopped. */
static void chase_case(bench_state *s, const void *user)
{
    const cookie *c = user;
    gallery *g = c->g;
    if (!chases_ready(g)) {
        bench_fail_case(s, "out of memory for the chases");
        return;
    }
    region *r = &g->r[c->region];
    void *p = r->at;
    while (bench_keep_running(s, 1)) {
        p = chase_walk(p, CHASE_STEPS);
        bench_do_not_optimize(p);
    }
    r->at = p;
    if (!on_a_line(g, r, p)) {
        bench_fail_case(s, "the chase left its buffer");
        return;
    }
    chase_counters(s, r, bench_iterations(s) * CHASE_STEPS);
    bench_set_counter_if_positive(s, "stride_bytes", (double)(c->param * g->line));
}

/* mlp/<k>: k chains from evenly spaced lines of the random cycle. */
static void mlp_case(bench_state *s, const void *user)
{
    cookie *c = (cookie *)user;   /* this program's own: the heads move */
    gallery *g = c->g;
    size_t k = c->param;
    if (!chases_ready(g)) {
        bench_fail_case(s, "out of memory for the chases");
        return;
    }
    region *r = &g->r[R_RANDOM_HUGE];
    if (!c->started)
        for (size_t j = 0; j < k; j++)
            c->heads[j] = (char *)r->buf.data + g->mlp_first[j * (16 / k)] * g->line;
    c->started = true;
    while (bench_keep_running(s, 1)) {
        void *p = mlp_walk(c->heads, k, CHASE_STEPS / k);
        bench_do_not_optimize(p);
    }
    for (size_t j = 0; j < k; j++)
        if (!on_a_line(g, r, c->heads[j])) {
            bench_fail_case(s, "a chain left its buffer");
            return;
        }
    chase_counters(s, r, bench_iterations(s) * CHASE_STEPS);
    bench_set_counter(s, "chains", (double)k, BENCH_COUNTER_PLAIN);
}

/* --- X3: associativity ----------------------------------------------------------- */

static void assoc_case(bench_state *s, const void *user)
{
    (void)user;
    size_t pitch = (size_t)bench_arg(s, 0), bytes = column_bytes(pitch, COLUMN_ROWS);
    /* Page-aligned, so the rows fall in the L1 sets the pitch implies
     * (an L1 set is chosen by bits inside the 4 KiB page). */
    size_t rounded = (bytes + 4095) / 4096 * 4096;
    char *m = aligned_alloc(4096, rounded);
    if (!m || !column_link(m, pitch, COLUMN_ROWS)) {
        free(m);
        bench_fail_case(s, m ? "pitch is not a multiple of a pointer" : "out of memory");
        return;
    }
    void *p = m;
    while (bench_keep_running(s, 1)) {
        p = chase_walk(p, CHASE_STEPS);
        bench_do_not_optimize(p);
    }
    /* CHASE_STEPS is a whole number of trips down the column. */
    bool home = p == (void *)m;
    free(m);
    if (!home) {
        bench_fail_case(s, "the column chase did not come back to its first row");
        return;
    }
    bench_set_items_processed(s, bench_iterations(s) * CHASE_STEPS);
    bench_set_counter(s, "per_iteration", CHASE_STEPS, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "ws_bytes", (double)(COLUMN_ROWS * 64), BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "pitch_bytes", (double)pitch, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "rows", COLUMN_ROWS, BENCH_COUNTER_PLAIN);
}

/* --- X4: false sharing ------------------------------------------------------------ */

static void falseshare_case(bench_state *s, const void *user)
{
    const cookie *c = user;
    uint64_t n = (uint64_t)bench_arg(s, 0);
    falseshare_team t;
    /* Both threads may run anywhere, as the case is about two cores. */
    cpu_pin_release();
    if (!falseshare_start(&t, c->param, n)) {
        bench_fail_case(s, "cannot start the second thread");
        return;
    }
    while (bench_keep_running(s, 1))
        falseshare_round(&t);
    uint64_t want = (uint64_t)bench_iterations(s) * n;
    uint64_t got0 = falseshare_total(&t, 0), got1 = falseshare_total(&t, 1);
    falseshare_stop(&t);
    if (got0 != want || got1 != want) {
        bench_fail_casef(s, "counters %" PRIu64 " and %" PRIu64 ", expected %" PRIu64,
                         got0, got1, want);
        return;
    }
    bench_set_items_processed(s, (int64_t)want);
    bench_set_counter(s, "per_iteration", (double)n, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "ws_bytes", c->param ? (double)(c->param + 8) : 16,
                      BENCH_COUNTER_PLAIN);
    bench_set_counter_if_positive(s, "gap_bytes", (double)c->param);
    bench_set_counter(s, "threads", 2, BENCH_COUNTER_PLAIN);
}

/* --- X7: write costs --------------------------------------------------------------- */

/* The write buffer, on huge pages like the chases of X5 and X6: on base
 * pages a pass also walks the page table once per 4 KiB, and on the
 * project's guest such passes ran 3 to 25 times slower whenever a
 * huge-page buffer had been walked just before (the chases, interleaved
 * with them), which decided the figures more than the stores did. */
static bool writes_ready(gallery *g)
{
    region *r = &g->r[R_WRITES];
    if (r->buf.data)
        return true;
    if (!region_alloc(r, PAGES_HUGE, g->past))
        return false;
    writes_fill(r->buf.data, r->buf.bytes / sizeof(uint64_t));   /* every page touched now */
    stride_buffer_note_pages(&r->buf);
    return true;
}

static void writes_case(bench_state *s, const void *user)
{
    const cookie *c = user;
    gallery *g = c->g;
    writes_kind kind = (writes_kind)c->param;
    if (!writes_ready(g)) {
        bench_fail_case(s, "out of memory for the write buffer");
        return;
    }
    region *r = &g->r[R_WRITES];
    uint64_t *w = r->buf.data, sum = 0;
    size_t n = r->buf.bytes / sizeof(uint64_t);
    /* The buffer was filled when it was made: a fault in the timed loop
     * would be the kernel taking a page back, and is counted. */
    uint64_t faults = minor_faults();
    while (bench_keep_running(s, 1)) {
        sum = writes_pass(kind, w, n, WRITES_KEY);
        bench_do_not_optimize(&sum);
        bench_clobber_memory();   /* the stores happen, every pass */
    }
    faults = minor_faults() - faults;
    if (kind == WRITES_RMW && bench_iterations(s) % 2)
        writes_rmw(w, n, WRITES_KEY);   /* untimed: back to words[i] = i */
    size_t wrong = writes_first_wrong(w, n);
    if ((kind == WRITES_READ && sum != writes_expected_sum(n)) || wrong != n) {
        bench_fail_casef(s, "the buffer is wrong at word %zu (sum %" PRIu64 ")", wrong, sum);
        return;
    }
    int64_t passes = bench_iterations(s);
    bench_set_items_processed(s, passes * (int64_t)(r->buf.bytes / g->line));
    bench_set_counter(s, "per_iteration", (double)(r->buf.bytes / g->line), BENCH_COUNTER_PLAIN);
    bench_set_bytes_processed(s, passes * (int64_t)r->buf.bytes);
    bench_set_counter(s, "ws_bytes", (double)r->buf.bytes, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "traffic_bytes", (double)writes_memory_bytes(kind, n, g->line),
                      BENCH_COUNTER_PLAIN);
    bench_set_counter_if_positive(s, "huge_fraction", r->buf.huge_fraction);
    bench_set_counter_if_positive(s, "faults_per_pass", passes > 0 ? (double)faults / (double)passes : 0);
    if (kind == WRITES_STREAM)
        bench_set_counter_if_positive(s, "nt_stores", writes_streaming());
}

/* --- sizes and registration ------------------------------------------------------- */

/* A case's definition; its name is given to bench_register_named(). */
static bench_def def_of(bench_fn run, const cookie *c, const int64_t *args, size_t nargs,
                        double min_time)
{
    return (bench_def){.run = run, .user = c, .args = args, .nargs = nargs,
                       .min_time = min_time};
}

/* The mountain's working sets: 16 KiB .. max_ws, one per doubling, and
 * four per doubling within a factor two of each level (not with quick). */
static size_t mountain_sizes(const gallery *g, int64_t *out, size_t cap)
{
    size_t lo = g->opt.max_ws < ((size_t)16 << 10) ? g->opt.max_ws : (size_t)16 << 10;
    size_t ws[128];
    size_t n = size_sweep(lo, g->opt.max_ws, 1, g->levels.bytes, g->levels.n,
                          g->opt.quick ? 0 : 4, g->line, ws, 128);
    for (size_t i = 0; i < n && i < cap; i++)
        out[i] = (int64_t)ws[i];
    return n < cap ? n : cap;
}

static char *context_bytes(size_t bytes, const char *source, char *buf, size_t size)
{
    char h[32];
    snprintf(buf, size, "%s (%s)", size_format(bytes, h, sizeof h), source);
    return buf;
}

/* Says where the level sizes came from, in the context; without a
 * measured level also on stderr, since the fallback places the sweep by
 * sizes nobody measured. */
static void state_levels(const gallery_levels *l, const machine_profile *profile)
{
    const char *text = "measured (machine_profile)";
    if (!l->measured) {
        text = profile->measured ? "fallback: reported sizes (the machine profile "
                                   "measured no cache level)"
                                 : "fallback: reported sizes (no machine profile: "
                                   "machine_profile says why)";
        char h[3][32];
        fprintf(stderr, "gallery: no measured cache level (%s); placing sizes by "
                "L1 %s (%s), L2 %s (%s), L3 %s (%s)\n",
                profile->measured ? "the profile found none" : "no machine profile",
                size_format(l->bytes[0], h[0], sizeof h[0]), l->source[0],
                size_format(l->bytes[1], h[1], sizeof h[1]), l->source[1],
                size_format(l->bytes[2], h[2], sizeof h[2]), l->source[2]);
    }
    bench_add_context("gallery_levels_source", text);
}

/* The line in the context, the reported one beside it, and on stderr when
 * the two differ: chases are spaced and items counted by the first. */
static void state_line(const gallery_line *l)
{
    char buf[64], h[2][32];
    bench_add_context("gallery_line", context_bytes(l->bytes, l->source, buf, sizeof buf));
    bench_add_context("gallery_line_reported",
                      l->reported ? size_format(l->reported, h[0], sizeof h[0]) : "none");
    if (l->reported != l->bytes)
        fprintf(stderr, "gallery: line %s (%s); the system reports %s\n",
                size_format(l->bytes, h[0], sizeof h[0]), l->source,
                l->reported ? size_format(l->reported, h[1], sizeof h[1]) : "none");
}

int main(int argc, char **argv)
{
    static gallery g;
    g.opt = bench_cli_start(&gallery_program, argc, argv);
    g.levels = gallery_levels_now(bench_cli_profile());
    g.line_info = gallery_line_pick(bench_cli_profile(), machine_line_size(),
                                    machine_page_size());
    g.line = g.line_info.bytes;
    g.past = gallery_past_bytes(&g.levels, g.opt.max_ws, machine_page_size());
    if (g.past < 64 * g.line) {
        fprintf(stderr, "gallery: --max-ws must be at least %zu bytes\n", 64 * g.line);
        return 2;
    }
    if (gallery_past_short(&g.levels, g.past)) {
        char p[32], last[32];
        fprintf(stderr, "gallery: the walks past the caches cover %s, under %d times the "
                "last level (%s): raise --max-ws for X5-X7\n",
                size_format(g.past, p, sizeof p), GALLERY_PAST_MULTIPLE,
                size_format(gallery_last_level(&g.levels), last, sizeof last));
    }
    char buf[64];
    for (size_t k = 0; k < g.levels.n; k++) {
        char key[32];
        snprintf(key, sizeof key, "gallery_l%zu", k + 1);
        bench_add_context(key, context_bytes(g.levels.bytes[k], g.levels.source[k],
                                             buf, sizeof buf));
    }
    state_levels(&g.levels, bench_cli_profile());
    state_line(&g.line_info);

    /* All at once at the end: the mountain, the write buffer, six chase
     * buffers (the six on huge pages rounded up to 2 MiB) and, while they
     * are built, the order and the cycle (a size_t per line each). */
    size_t need = g.opt.max_ws + 7 * g.past + 6 * PAGES_HUGE_SIZE +
                  2 * (g.past / g.line) * sizeof(size_t);
    bench_cli_require_memory(need, "the gallery's buffers");

    /* Within a line (16 elements of 64 B) the slope is dense; past it the
     * cost per read is flat, and 32 (two 64-byte lines, the adjacent-line
     * prefetcher's pair: the measured transfer unit of 128 B where the
     * hardware fetches lines in pairs) says so: a stride of 24 added 10% of
     * the gallery's time and nothing to the surface.  64 (256 B): the
     * calibration measured that unit in one full run of 2026-12-05, and X1
     * compares one read per measured unit, so without it X1 went
     * unmeasured. */
    static const size_t strides_full[] = {1, 2, 3, 4, 6, 8, 12, 16, 32, 64};
    static const size_t strides_quick[] = {1, 2, 4, 8, 16, 32, 64};
    const size_t *strides = g.opt.quick ? strides_quick : strides_full;
    size_t nstrides = g.opt.quick ? 7 : 10;
    static cookie mountain[10], mlp[5], prefetch[3], tlb[4], share[4], writes[WRITES_KINDS], assoc;
    static int64_t sizes[128], pitches[40];
    size_t nsizes = mountain_sizes(&g, sizes, 128);
    double mtime = g.opt.quick ? MOUNTAIN_QUICK_MIN_TIME : MOUNTAIN_MIN_TIME;
    int bad = 0;
    for (size_t i = 0; i < nstrides; i++) {
        mountain[i] = (cookie){.g = &g, .param = strides[i]};
        bad |= bench_register_named(def_of(mountain_case, &mountain[i], sizes, nsizes, mtime),
                                    "gallery/mountain/s%zu", strides[i]);
    }

    static const int64_t chains[] = {1, 2, 4, 8, 16};
    for (size_t i = 0; i < 5; i++) {
        mlp[i] = (cookie){.g = &g, .param = (size_t)chains[i]};
        bad |= bench_register_named(def_of(mlp_case, &mlp[i], &chains[i], 1, 0), "gallery/mlp");
    }

    /* Steps of 512 B (1 KiB with --quick): every multiple of 4096 is in. */
    size_t npitches = 0;
    for (int64_t p = 1024; p <= 16384; p += g.opt.quick ? 1024 : 512)
        pitches[npitches++] = p;
    pitches[npitches++] = 4096 + 64;
    pitches[npitches++] = 8192 + 64;
    assoc = (cookie){.g = &g};
    bad |= bench_register_named(def_of(assoc_case, &assoc, pitches, npitches, ASSOC_MIN_TIME),
                                "gallery/assoc");

    static const char *const places[] = {"one_line", "next_line", "two_lines", "local"};
    static const size_t gaps[] = {8, 64, 128, 0};
    static const int64_t increments = (int64_t)FALSESHARE_INCREMENTS;
    for (size_t i = 0; i < 4; i++) {
        share[i] = (cookie){.g = &g, .param = gaps[i]};
        bad |= bench_register_named(def_of(falseshare_case, &share[i], &increments, 1, 0),
                                    "gallery/falseshare/%s", places[i]);
    }

    static int64_t past;
    past = (int64_t)g.past;
    static const char *const orders[] = {"sequential", "stride", "random"};
    static const int order_regions[] = {R_SEQ_HUGE, R_STRIDE_HUGE, R_RANDOM_HUGE};
    for (size_t i = 0; i < 3; i++) {
        prefetch[i] = (cookie){.g = &g, .region = order_regions[i],
                               .param = i == 1 ? PREFETCH_STRIDE_LINES : 0};
        bad |= bench_register_named(def_of(chase_case, &prefetch[i], &past, 1, 0),
                                    "gallery/prefetch/%s", orders[i]);
    }
    static const char *const walks[] = {"within_base", "across_base", "across_huge",
                                        "within_huge"};
    static const int walk_regions[] = {R_WITHIN_BASE, R_RANDOM_BASE, R_RANDOM_HUGE,
                                       R_WITHIN_HUGE};
    for (size_t i = 0; i < 4; i++) {
        tlb[i] = (cookie){.g = &g, .region = walk_regions[i]};
        bad |= bench_register_named(def_of(chase_case, &tlb[i], &past, 1, 0),
                                    "gallery/tlb/%s", walks[i]);
    }
    for (writes_kind k = 0; k < WRITES_KINDS; k++) {
        writes[k] = (cookie){.g = &g, .param = k};
        bad |= bench_register_named(def_of(writes_case, &writes[k], &past, 1, 0),
                                    "gallery/writes/%s", writes_kind_name(k));
    }
    if (bad)
        return 2;

    int status = bench_cli_finish();
    for (int i = 0; i < R_COUNT; i++)
        stride_buffer_release(&g.r[i].buf);
    return status;
}
