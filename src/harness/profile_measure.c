/* profile_measure.c - cache levels, transfer unit, bandwidth and fault cost, measured. */
#include "profile_measure.h"

#include "alloc/pages.h"
#include "harness/cpu_pin.h"
#include "harness/host_speed.h"
#include "harness/machine.h"
#include "harness/read_sum.h"
#include "harness/rng.h"
#include "harness/sizes.h"
#include "harness/thp.h"
#include "harness/timing.h"
#include "stats/bootstrap.h"
#include "stride/chase.h"
#include "stride/knee.h"
#include "stride/strided.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Most repeats per figure: the timer keeps its samples on the stack. */
#define MAX_REPEATS 32

/* --- the timer ------------------------------------------------------------ */

bool profile_lost_cpu(double wall, double cpu)
{
    /* The two clocks are read a few hundred ns apart and tick
     * differently: a small slack keeps every repeat from looking lost. */
    return wall - cpu > 0.03 * wall && wall - cpu > 20e-6;
}

void profile_host_gate(profile_repeats *r)
{
    if (!r->check)
        return;
    for (;;) {
        double ns = r->check();
        if (ns > 0 && (r->fastest_ns <= 0 || ns < r->fastest_ns))
            r->fastest_ns = ns;
        if (!(ns >= PROFILE_HOST_GATE * r->fastest_ns))
            return;
        if (r->wait_left_s < PROFILE_HOST_NAP_S) {
            r->gave_up++;
            return;
        }
        nanosleep(&(struct timespec){.tv_nsec = (long)(PROFILE_HOST_NAP_S * 1e9)}, NULL);
        r->wait_left_s -= PROFILE_HOST_NAP_S;
        r->waits++;
    }
}

double profile_time(void (*run)(void *ctx), void *ctx, profile_repeats *r)
{
    if (!run || !r || r->repeats < 1 || r->repeats > MAX_REPEATS)
        return NAN;
    double kept[MAX_REPEATS];
    size_t nkept = 0;
    int spare = r->repeats;
    while (nkept < (size_t)r->repeats) {
        profile_host_gate(r);
        double c0 = timing_thread_cpu_now(), t0 = timing_now();
        run(ctx);
        double t1 = timing_now(), c1 = timing_thread_cpu_now();
        r->done++;
        if (profile_lost_cpu(t1 - t0, c1 - c0) && spare > 0) {
            spare--;
            r->redone++;
            continue;
        }
        kept[nkept++] = t1 - t0;
    }
    return stats_median_in_place(kept, nkept);
}

/* --- spikes ----------------------------------------------------------------- */

/* A point more than 30% slower than both neighbours: no cache or memory
 * effect makes one size slower than a larger one, so another program
 * disturbed all its repeats (it shares the caches and memory, which
 * profile_time cannot see).  Such points are measured again, at most
 * SPIKE_ROUNDS times, keeping the faster median. */
#define SPIKE_ROUNDS 2

static bool is_spike(const double *ns, size_t i)
{
    return ns[i] > 1.3 * ns[i - 1] && ns[i] > 1.3 * ns[i + 1];
}

/* --- the latency curve ------------------------------------------------------ */

typedef struct walk {
    void *at;
    size_t steps;
} walk;

static void walk_run(void *ctx)
{
    walk *w = ctx;
    w->at = chase_walk(w->at, w->steps);
}

/* Loads per repeat: about repeat_s of them at the latency a short probe
 * shows, within [1024, 2^24]. */
static size_t steps_for(walk *w, double repeat_s)
{
    const size_t probe = 2048;
    double t0 = timing_now();
    w->at = chase_walk(w->at, probe);
    double ns = (timing_now() - t0) * 1e9 / probe;
    double steps = ns > 0 ? repeat_s * 1e9 / ns : 1 << 24;
    return steps < 1024 ? 1024 : steps > (1 << 24) ? (size_t)1 << 24 : (size_t)steps;
}

/* ns per dependent load over the first 'bytes' of buf, on a fresh cycle. */
static double chase_ns(const profile_measure_params *p, char *buf, size_t *next,
                       size_t bytes, rng *r, profile_repeats *reps)
{
    size_t lines = bytes / PROFILE_CHASE_SPACING;
    rng_single_cycle(r, next, lines);
    chase_link(buf, PROFILE_CHASE_SPACING, next, lines);
    /* One lap (at most 2^17 loads) brings the set into the caches that
     * can hold it; past them, the first loads miss like all the others. */
    walk w = {.at = chase_walk(buf, lines < ((size_t)1 << 17) ? lines : (size_t)1 << 17)};
    w.steps = steps_for(&w, p->repeat_s);
    double s = profile_time(walk_run, &w, reps);
    /* The walk must end on a block of the buffer: else a link was wrong. */
    size_t offset = (size_t)((char *)w.at - buf);
    if ((char *)w.at < buf || offset >= bytes || offset % PROFILE_CHASE_SPACING)
        return NAN;
    return s * 1e9 / (double)w.steps;
}

/* The first plateau at PROFILE_MEMORY_NS or slower is memory; steps past
 * it (address translation on a virtual machine) are recorded apart. */
static void cut_at_memory(profile_measured *m)
{
    levels_fit *f = &m->levels;
    size_t k = 0;
    while (k < f->count && f->ns[k] < PROFILE_MEMORY_NS)
        k++;
    if (k == f->count)
        return;
    m->beyond_bytes = f->bytes[k];
    m->beyond_ns = f->ns[f->count];
    f->count = k;
}

/* Merges each cache level less than PROFILE_LEVEL_MIN_STEP times slower
 * than the one below into it: the merged level reaches the upper one's
 * capacity, at the median latency of every point from the lower plateau's
 * first to the upper's last. */
static void merge_close_levels(profile_measured *m)
{
    levels_fit *f = &m->levels;
    size_t k = 1;
    while (k < f->count) {
        if (f->ns[k] >= PROFILE_LEVEL_MIN_STEP * f->ns[k - 1]) {
            k++;
            continue;
        }
        double pts[PROFILE_MAX_POINTS];
        size_t n = 0;
        for (size_t i = f->first[k - 1]; i <= f->last[k] && n < PROFILE_MAX_POINTS; i++)
            pts[n++] = m->curve_ns[i];
        f->ns[k - 1] = stats_median_in_place(pts, n);
        f->bytes[k - 1] = f->bytes[k];
        f->last[k - 1] = f->last[k];
        for (size_t j = k; j < f->count; j++) {
            f->bytes[j] = j + 1 < f->count ? f->bytes[j + 1] : 0;
            f->ns[j] = f->ns[j + 1];
            f->first[j] = f->first[j + 1];
            f->last[j] = f->last[j + 1];
        }
        f->count--;
        m->levels_merged++;
    }
}

/* Point i of the curve timed once more on a fresh cycle, keeping the
 * faster median: interference only ever slows a chase.  False when the
 * chase left its buffer. */
static bool time_point_again(const profile_measure_params *p, char *buf, size_t *next,
                             profile_measured *m, size_t i, rng *r)
{
    double ns = chase_ns(p, buf, next, (size_t)m->curve_bytes[i], r, &m->repeats);
    if (!isfinite(ns))
        return false;
    m->curve_ns[i] = fmin(m->curve_ns[i], ns);
    return true;
}

static bool latency_curve(const profile_measure_params *p, char *buf, size_t *next,
                          profile_measured *m)
{
    size_t sizes[PROFILE_MAX_POINTS];
    size_t n = size_sweep(4096, p->max_ws, 3, NULL, 0, 0, PROFILE_CHASE_SPACING, sizes,
                          PROFILE_MAX_POINTS);
    rng r = rng_seeded(p->seed);
    m->npoints = 0;
    for (size_t i = 0; i < n; i++) {
        double ns = chase_ns(p, buf, next, sizes[i], &r, &m->repeats);
        if (!isfinite(ns))
            return false;
        m->curve_bytes[m->npoints] = (double)sizes[i];
        m->curve_ns[m->npoints++] = ns;
    }
    for (int round = 0; round < SPIKE_ROUNDS; round++)
        for (size_t i = 1; i + 1 < m->npoints; i++)
            if (is_spike(m->curve_ns, i)) {
                if (!time_point_again(p, buf, next, m, i, &r))
                    return false;
                m->remeasured++;
            }
    profile_levels_from_curve(m);
    return true;
}

void profile_levels_from_curve(profile_measured *m)
{
    levels_params lp = LEVELS_CALIBRATE;
    m->beyond_bytes = m->beyond_ns = 0;
    m->levels_merged = 0;
    m->have_levels = levels_find(m->curve_bytes, m->curve_ns, m->npoints, &lp, &m->levels);
    if (m->have_levels) {
        cut_at_memory(m);
        merge_close_levels(m);
    }
}

size_t profile_boundary_points(const profile_measured *m, size_t *idx, size_t cap)
{
    if (!m || !idx || !m->have_levels)
        return 0;
    const levels_fit *f = &m->levels;
    size_t n = 0;
    for (size_t k = 0; k + 1 < f->count; k++)
        for (size_t i = f->last[k]; i <= f->first[k + 1] && i < m->npoints && n < cap; i++)
            if (n == 0 || i > idx[n - 1])
                idx[n++] = i;
    return n;
}

/* Three calibrations of 32 in quiet full runs (2026-12-05 and 06) found
 * L1 at 34-35 KiB against 42-44 KiB in the others, each while another
 * thread shared the core (the host gate waited): the point at 40 KiB read
 * 2.9-3.7 ns where the others read 1.3.  L2 read 437-678 KiB in six of
 * them, 700-900 KiB in most.  The gate checks before each repeat, and
 * such a thread can come back within one.  Timed again at the end of the
 * calibration, a second or more later, the points that decide where L1
 * and L2 end keep the faster of their two medians (as a spike does). */
static bool remeasure_boundaries(const profile_measure_params *p, char *buf, size_t *next,
                                 profile_measured *m)
{
    size_t idx[PROFILE_MAX_POINTS];
    size_t n = profile_boundary_points(m, idx, PROFILE_MAX_POINTS);
    m->first_had_levels = m->have_levels;
    m->first_levels = m->levels;
    /* Another seed than the first pass's: new cycles through the same sizes. */
    rng r = rng_seeded(p->seed + 1);
    for (size_t j = 0; j < n; j++) {
        if (!time_point_again(p, buf, next, m, idx[j], &r))
            return false;
        m->boundary_remeasured++;
    }
    if (n > 0)
        profile_levels_from_curve(m);
    return true;
}

/* --- the stride curve and the bandwidth ------------------------------------- */

typedef struct stride_pass {
    const uint32_t *words;
    size_t n, step;
    uint64_t sum;
} stride_pass;

static void stride_run(void *ctx)
{
    stride_pass *s = ctx;
    s->sum = strided_sum(s->words, s->n, s->step);
}

/* Past every measured level four times over, and at least
 * PROFILE_LINE_MIN_REGION: a cache the chase does not see (on a virtual
 * machine, where a TLB step can hide it) may still serve sequential
 * reads.  At most the buffer. */
static size_t region_for(const profile_measure_params *p, const profile_measured *m)
{
    size_t region = PROFILE_LINE_MIN_REGION;
    if (m->have_levels && m->levels.count > 0) {
        double last = m->levels.bytes[m->levels.count - 1] * 4;
        if (last > (double)region)
            region = last < (double)p->max_ws ? (size_t)last : p->max_ws;
    }
    region = region < p->max_ws ? region : p->max_ws;
    return region / PROFILE_CHASE_SPACING * PROFILE_CHASE_SPACING;
}

/* ns per read one every 'stride' bytes; 0 when the sum is wrong. */
static double stride_ns(const uint32_t *words, size_t n, size_t stride, profile_repeats *r)
{
    stride_pass s = {.words = words, .n = n, .step = stride / sizeof(uint32_t)};
    double sec = profile_time(stride_run, &s, r);
    if (s.sum != strided_expected(n, s.step))
        return 0;
    return sec * 1e9 / (double)strided_reads(n, s.step);
}

static bool stride_curve(uint32_t *words, size_t n, profile_measured *m)
{
    m->nstrides = 0;
    for (size_t stride = 8; stride <= 2048 && m->nstrides < PROFILE_MAX_STRIDES; stride *= 2) {
        m->stride_bytes[m->nstrides] = (double)stride;
        if (!(m->stride_ns[m->nstrides++] = stride_ns(words, n, stride, &m->repeats)))
            return false;
    }
    for (int round = 0; round < SPIKE_ROUNDS; round++)
        for (size_t i = 1; i + 1 < m->nstrides; i++)
            if (is_spike(m->stride_ns, i)) {
                double ns = stride_ns(words, n, (size_t)m->stride_bytes[i], &m->repeats);
                if (!ns)
                    return false;
                m->stride_ns[i] = fmin(m->stride_ns[i], ns);
                m->remeasured++;
            }
    knee_fit bend;
    m->line_found = knee_find(m->stride_bytes, m->stride_ns, m->nstrides,
                              KNEE_DEFAULT_SLOPE, &bend) && bend.found;
    m->line_bytes = m->line_found ? (size_t)bend.x : PROFILE_CHASE_SPACING;
    return true;
}

typedef struct read_pass {
    const uint64_t *words;
    size_t n;
    volatile uint64_t sum; /* volatile: the sum is never used, the reads must happen */
} read_pass;

static void read_run(void *ctx)
{
    read_pass *r = ctx;
    r->sum = read_sum(r->words, r->n);
}

/* Read bandwidth over regions of 1 MiB, 2 MiB, .. the whole buffer; the
 * last is memory's (by default 128 MiB: past the L3 of most machines of
 * today, and what the chase reached). */
static void bandwidth_curve(const uint64_t *words, size_t bytes, profile_measured *m)
{
    m->nregions = 0;
    for (size_t region = (size_t)1 << 20; m->nregions < PROFILE_MAX_STRIDES; region *= 2) {
        if (region > bytes)
            region = bytes;
        read_pass r = {.words = words, .n = region / sizeof(uint64_t)};
        double rate = (double)region / profile_time(read_run, &r, &m->repeats);
        m->bw_region_bytes[m->nregions] = (double)region;
        m->bw_bytes_per_s[m->nregions++] = rate;
        m->read_bytes_per_s = rate;
        if (region == bytes)
            break;
    }
}

/* --- page faults -------------------------------------------------------------- */

typedef struct fault_pass {
    char **maps;          /* fresh mappings, one per repeat the timer may run */
    size_t count, next, bytes, page;
} fault_pass;

static void fault_run(void *ctx)
{
    fault_pass *f = ctx;
    if (f->next >= f->count)
        return;
    volatile char *m = f->maps[f->next++];
    for (size_t off = 0; off < f->bytes; off += f->page)
        m[off] = 1;
}

double profile_fault_us(const profile_measure_params *p, size_t bytes, profile_repeats *r)
{
    char *maps[2 * MAX_REPEATS];
    size_t page = machine_page_size();
    /* The timer runs at most twice the repeats: one mapping for each. */
    fault_pass f = {.maps = maps, .count = 2 * (size_t)r->repeats, .bytes = bytes, .page = page};
    if (r->repeats < 1 || r->repeats > MAX_REPEATS || bytes < page)
        return NAN;
    size_t held = 0;
    while (held < f.count && (maps[held] = alloc_bytes(p->fresh, bytes, 64)))
        held++;
    double us = NAN;
    if (held == f.count)
        us = profile_time(fault_run, &f, r) * 1e6 / (double)(bytes / page);
    while (held > 0)
        alloc_free(p->fresh, maps[--held], bytes);
    return us;
}

/* --- all of it ------------------------------------------------------------- */

profile_measure_params profile_measure_defaults(void)
{
    return (profile_measure_params){
        .max_ws = (size_t)128 << 20,
        .seed = 0x5eed0fc0ffee,
        .repeats = 5,
        .repeat_s = 1e-3,
        .buffer = alloc_pages(PAGES_HUGE),
        .heap = alloc_libc(),
        .fresh = alloc_pages(PAGES_SMALL),
        .host_gate = true,
    };
}

__attribute__((format(printf, 3, 4)))
static bool fail(char *err, size_t errsize, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errsize, fmt, ap);
    va_end(ap);
    return false;
}

/* The gate's check: on each CPU the program may use, then pinned to the
 * fastest (cpu_pin.h), so every repeat runs on the CPU the host serves
 * best at the time, as the cases do. */
static double check_on_fastest_cpu(void)
{
    int cpu;
    return cpu_pin_fastest(host_speed_check_ns, &cpu);
}

/* The host speed check's time now, the median of several runs: the figure
 * each case's own check is compared with (host_speed.h). */
#define HOST_CHECK_RUNS 9

static double host_check_median(void)
{
    int cpu;
    cpu_pin_fastest(host_speed_check_ns, &cpu);
    double ns[HOST_CHECK_RUNS];
    for (size_t i = 0; i < HOST_CHECK_RUNS; i++)
        ns[i] = host_speed_check_ns();
    return stats_median_in_place(ns, HOST_CHECK_RUNS);
}

/* Pages of fresh memory touched per fault repeat: 2 MiB, about 5 ms at
 * the 10 us a fault can cost on a virtual machine. */
#define FAULT_BYTES ((size_t)2 << 20)

bool profile_measure(const profile_measure_params *p, profile_measured *out,
                     char *err, size_t errsize)
{
    if (!p || !out || !p->buffer || !p->heap || !p->fresh)
        return fail(err, errsize, "missing parameters or allocators");
    if (p->max_ws < ((size_t)1 << 20))
        return fail(err, errsize, "the largest working set must be at least 1 MiB");
    if (p->repeats < 1 || p->repeats > MAX_REPEATS)
        return fail(err, errsize, "repeats must be 1 .. %d", MAX_REPEATS);
    if (!(p->repeat_s > 0) || !isfinite(p->repeat_s))
        return fail(err, errsize, "the length of a repeat must be above 0");
    double t0 = timing_now();
    /* Filled here, copied out only when everything worked. */
    profile_measured local = {0}, *m = &local;
    m->repeats.repeats = p->repeats;
    if (p->host_gate) {
        m->repeats.check = check_on_fastest_cpu;
        m->repeats.wait_left_s = PROFILE_HOST_WAIT_S;
    }
    size_t max_ws = p->max_ws / PROFILE_CHASE_SPACING * PROFILE_CHASE_SPACING;
    size_t lines = max_ws / PROFILE_CHASE_SPACING;
    char *buf = alloc_bytes(p->buffer, max_ws, PROFILE_CHASE_SPACING);
    size_t *next = buf ? ALLOC_ARRAY(p->heap, size_t, lines) : NULL;
    bool ok = buf && next;
    if (!ok)
        fail(err, errsize, "out of memory for a %zu-byte buffer and its cycle", max_ws);
    double t = timing_now();
    if (ok && !(ok = latency_curve(p, buf, next, m)))
        fail(err, errsize, "a pointer chase left its buffer: a wrong link");
    m->phase_s[0] = timing_now() - t;
    if (ok) {
        long long huge = thp_huge_bytes(buf, max_ws);
        m->huge_fraction = huge < 0 ? 0 : (double)huge / (double)max_ws;
        m->region_bytes = region_for(p, m);
        /* The whole buffer: the bandwidth passes read all of it. */
        strided_fill((uint32_t *)buf, max_ws / sizeof(uint32_t));
        t = timing_now();
        if (!(ok = stride_curve((uint32_t *)buf, m->region_bytes / sizeof(uint32_t), m)))
            fail(err, errsize, "a strided sum differs from the expected one");
        m->phase_s[1] = timing_now() - t;
    }
    if (ok) {
        t = timing_now();
        bandwidth_curve((const uint64_t *)buf, max_ws, m);
        m->phase_s[2] = timing_now() - t;
        m->page_bytes = machine_page_size();
        t = timing_now();
        m->fault_us = profile_fault_us(p, FAULT_BYTES, &m->repeats);
        m->phase_s[3] = timing_now() - t;
        if (!(ok = isfinite(m->fault_us)))
            fail(err, errsize, "out of memory for fresh pages");
    }
    if (ok) {
        /* Last, so that a thread that disturbed the first pass has had a
         * second or so to go; the chase relinks the buffer it needs. */
        t = timing_now();
        if (!(ok = remeasure_boundaries(p, buf, next, m)))
            fail(err, errsize, "a pointer chase left its buffer: a wrong link");
        m->phase_s[0] += timing_now() - t;
        m->host_check_ns = m->repeats.fastest_ns > 0 ? m->repeats.fastest_ns
                                                     : host_check_median();
    }
    if (next)
        alloc_free(p->heap, next, lines * sizeof *next);
    if (buf)
        alloc_free(p->buffer, buf, max_ws);
    m->seconds = timing_now() - t0;
    if (ok)
        *out = *m;
    return ok;
}
