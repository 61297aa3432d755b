/* test_profile_measure.c - the calibration's bookkeeping: lost-CPU
 * judgement, repeat counts, every failure path (its read kernel:
 * test_read_sum.c).
 * No timing is checked: only that figures exist and are positive. */
#include "harness/profile_measure.h"

#include "alloc/counting.h"
#include "alloc/pages.h"

#include <criterion/criterion.h>
#include <math.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

Test(profile_measure, a_repeat_lost_the_cpu_only_beyond_the_slack)
{
    cr_assert_not(profile_lost_cpu(1e-3, 1e-3));
    cr_assert_not(profile_lost_cpu(1e-3, 0.99e-3));      /* 1%: clocks differ */
    cr_assert_not(profile_lost_cpu(100e-6, 85e-6));      /* 15 us: below 20 us */
    cr_assert(profile_lost_cpu(1e-3, 0.5e-3));           /* half of it elsewhere */
    cr_assert(profile_lost_cpu(10e-3, 9.5e-3));          /* 5% and 500 us */
}

static int calls;
static void count_call(void *ctx)
{
    (void)ctx;
    calls++;
}

Test(profile_measure, the_timer_runs_each_repeat_and_counts_it)
{
    profile_repeats r = {.repeats = 5};
    calls = 0;
    double s = profile_time(count_call, NULL, &r);
    cr_assert(s >= 0 && isfinite(s));
    /* A repeat may be redone, at most as many times as there are repeats. */
    cr_assert(calls >= 5 && calls <= 10, "%d", calls);
    cr_assert_eq(r.done, (size_t)calls);
    cr_assert_eq(r.done - r.redone, 5);
}

/* A scripted host check: the times it returns, one per call. */
static const double *script;
static size_t script_len, script_at;

static double scripted_check(void)
{
    cr_assert_lt(script_at, script_len, "the gate checked more often than scripted");
    return script[script_at++];
}

static void run_script(profile_repeats *r, const double *times, size_t n)
{
    script = times;
    script_len = n;
    script_at = 0;
    profile_host_gate(r);
}

Test(profile_measure, the_host_gate_waits_while_the_check_is_slow)
{
    profile_repeats r = {.repeats = 1, .check = scripted_check, .wait_left_s = 1};
    const double first[] = {100};
    run_script(&r, first, 1);
    cr_assert_eq(r.fastest_ns, 100);
    cr_assert_eq(r.waits, 0);
    /* 1.14x passes; 1.15x waits, twice, then a fast check lets it go. */
    const double near[] = {114};
    run_script(&r, near, 1);
    cr_assert_eq(r.waits, 0);
    const double slow[] = {115, 150, 101};
    run_script(&r, slow, 3);
    cr_assert_eq(script_at, 3);
    cr_assert_eq(r.waits, 2);
    cr_assert_eq(r.gave_up, 0);
    cr_assert_float_eq(r.wait_left_s, 1 - 2 * PROFILE_HOST_NAP_S, 1e-12);
    /* A faster check than any before becomes the reference: then 95 is
     * 1.19x it and waits, where it passed against 100. */
    const double faster[] = {80};
    run_script(&r, faster, 1);
    cr_assert_eq(r.fastest_ns, 80);
    const double after[] = {95, 85};
    run_script(&r, after, 2);
    cr_assert_eq(script_at, 2);
    cr_assert_eq(r.waits, 3);
}

Test(profile_measure, the_host_gate_gives_up_when_its_time_is_spent)
{
    profile_repeats r = {.repeats = 1, .check = scripted_check,
                         .wait_left_s = 2.5 * PROFILE_HOST_NAP_S};
    const double times[] = {100, 200, 200, 200};
    run_script(&r, times, 1);
    run_script(&r, times + 1, 3);
    cr_assert_eq(r.waits, 2, "two naps fit in the budget");
    cr_assert_eq(r.gave_up, 1);
    cr_assert_eq(script_at, 3);
}

Test(profile_measure, without_a_check_there_is_no_gate)
{
    profile_repeats r = {.repeats = 2};
    calls = 0;
    cr_assert(isfinite(profile_time(count_call, NULL, &r)));
    cr_assert_eq(r.waits, 0);
    cr_assert_eq(r.fastest_ns, 0);
}

Test(profile_measure, the_timer_refuses_bad_arguments)
{
    profile_repeats zero = {.repeats = 0}, many = {.repeats = 1000}, one = {.repeats = 1};
    cr_assert(isnan(profile_time(count_call, NULL, &zero)));
    cr_assert(isnan(profile_time(count_call, NULL, &many)));
    cr_assert(isnan(profile_time(NULL, NULL, &one)));
    cr_assert(isnan(profile_time(count_call, NULL, NULL)));
}

/* A small, quick calibration: 1 MiB, one repeat of 0.1 ms. */
static profile_measure_params small(void)
{
    profile_measure_params p = profile_measure_defaults();
    p.max_ws = (size_t)1 << 20;
    p.repeats = 1;
    p.repeat_s = 1e-4;
    return p;
}

Test(profile_measure, a_small_calibration_fills_every_figure, .timeout = 60)
{
    profile_measure_params p = small();
    profile_measured m;
    char err[128] = "";
    cr_assert(profile_measure(&p, &m, err, sizeof err), "%s", err);
    /* 4 KiB .. 1 MiB, three per doubling: 8 doublings, 25 sizes. */
    cr_assert_eq(m.npoints, 25);
    cr_assert_eq(m.curve_bytes[0], 4096);
    cr_assert_eq(m.curve_bytes[m.npoints - 1], 1 << 20);
    for (size_t i = 0; i < m.npoints; i++)
        cr_assert(m.curve_ns[i] > 0 && isfinite(m.curve_ns[i]));
    cr_assert_eq(m.nstrides, 9, "8 B .. 2 KiB");
    cr_assert_eq(m.stride_bytes[0], 8);
    cr_assert_eq(m.stride_bytes[8], 2048);
    cr_assert_eq(m.region_bytes, 1 << 20, "the region is at most the buffer");
    cr_assert_eq(m.nregions, 1, "1 MiB only");
    cr_assert(m.read_bytes_per_s > 0 && m.fault_us > 0);
    cr_assert(m.line_bytes >= 8 && m.line_bytes <= 2048);
    cr_assert_eq(m.page_bytes, (size_t)sysconf(_SC_PAGESIZE));
    cr_assert_geq(m.repeats.done, 25 + 9 + 1 + 1 + m.boundary_remeasured,
                  "each point around a level's end was timed again");
    cr_assert(m.seconds > 0);
}

Test(profile_measure, bad_parameters_are_refused_with_a_reason)
{
    profile_measured m;
    char err[128];
    profile_measure_params p = small();
    p.max_ws = 4096;
    cr_assert_not(profile_measure(&p, &m, err, sizeof err));
    cr_assert(strstr(err, "at least 1 MiB"), "%s", err);
    p = small();
    p.repeats = 0;
    cr_assert_not(profile_measure(&p, &m, err, sizeof err));
    cr_assert(strstr(err, "repeats"), "%s", err);
    p = small();
    p.repeat_s = NAN;
    cr_assert_not(profile_measure(&p, &m, err, sizeof err));
    p = small();
    p.heap = NULL;
    cr_assert_not(profile_measure(&p, &m, err, sizeof err));
    cr_assert_not(profile_measure(NULL, &m, err, sizeof err));
}

/* Every allocation fails in turn: a message, nothing left held. */
Test(profile_measure, every_failed_allocation_is_reported_and_nothing_leaks, .timeout = 120)
{
    counting_allocator buffer, heap, fresh;
    for (uint64_t k = 1;; k++) {
        counting_init(&buffer, alloc_pages(PAGES_HUGE));
        counting_init(&heap, alloc_libc());
        counting_init(&fresh, alloc_pages(PAGES_SMALL));
        /* Fail the k-th request over the three, in the order they come:
         * buffer, order, then the fresh pages. */
        uint64_t at = k;
        if (at <= 1)
            counting_fail_at(&buffer, at);
        else if (at <= 2)
            counting_fail_at(&heap, at - 1);
        else
            counting_fail_at(&fresh, at - 2);
        profile_measure_params p = small();
        p.buffer = &buffer.base;
        p.heap = &heap.base;
        p.fresh = &fresh.base;
        profile_measured m;
        char err[128] = "";
        bool ok = profile_measure(&p, &m, err, sizeof err);
        cr_assert_eq(buffer.stats.live_bytes + heap.stats.live_bytes + fresh.stats.live_bytes, 0,
                     "k = %" PRIu64, k);
        if (ok)
            break;
        cr_assert(strstr(err, "out of memory"), "k = %" PRIu64 ": %s", k, err);
        cr_assert_lt(k, 40, "never succeeds");
    }
}

Test(profile_measure, fault_cost_refuses_a_region_below_a_page)
{
    profile_measure_params p = small();
    profile_repeats r = {.repeats = 1};
    cr_assert(isnan(profile_fault_us(&p, 1, &r)));
    r.repeats = 0;
    cr_assert(isnan(profile_fault_us(&p, 1 << 20, &r)));
}

/* A curve 3 points an octave from 4 KiB to 256 MiB: 'steps' (bytes, ns)
 * pairs, each latency holding up to its size; past the last, 'tail'. */
static void synthetic_curve(profile_measured *m, const double (*steps)[2], size_t nsteps,
                            double tail)
{
    memset(m, 0, sizeof *m);
    for (double b = 4096; b <= 268435456.0 && m->npoints < PROFILE_MAX_POINTS; b *= 1.26) {
        double ns = tail;
        for (size_t s = nsteps; s-- > 0;)
            if (b <= steps[s][0])
                ns = steps[s][1];
        m->curve_bytes[m->npoints] = b;
        m->curve_ns[m->npoints++] = ns;
    }
}

Test(profile_measure, a_step_under_the_least_is_part_of_the_level_below)
{
    /* The split L3 of a shared host cache: 5 MiB at 14.7 ns, then up to
     * 12 MiB at 27.6 ns (1.9x), then memory at 168 ns. */
    static const double split[][2] = {{32768, 1.0}, {786432, 3.6}, {5242880, 14.7},
                                      {12582912, 27.6}};
    profile_measured m;
    synthetic_curve(&m, split, 4, 168);
    levels_fit plateaus;
    static const levels_params calibrate = LEVELS_CALIBRATE;
    cr_assert(levels_find(m.curve_bytes, m.curve_ns, m.npoints, &calibrate, &plateaus));
    cr_assert_eq(plateaus.count, 4, "the plateaus alone: L3 in two parts, then memory");
    profile_levels_from_curve(&m);
    cr_assert(m.have_levels);
    cr_assert_eq(m.levels.count, 3, "L1, L2 and one L3: %zu levels", m.levels.count);
    cr_assert_eq(m.levels_merged, 1);
    cr_assert_eq(m.levels.bytes[2], plateaus.bytes[3], "L3 reaches the upper part's capacity");
    cr_assert_eq(m.levels.bytes[1], plateaus.bytes[1]);
    cr_assert(m.levels.ns[2] >= 14.7 && m.levels.ns[2] <= 27.6, "%.1f", m.levels.ns[2]);
    cr_assert_eq(m.levels.ns[3], 168, "memory stays memory");
    cr_assert_eq(m.beyond_ns, 0);

    /* A real fourth level, 2.7x slower than L3, stays one. */
    static const double four[][2] = {{32768, 1.0}, {786432, 3.6}, {5242880, 14.7},
                                     {33554432, 40}};
    synthetic_curve(&m, four, 4, 168);
    profile_levels_from_curve(&m);
    cr_assert_eq(m.levels.count, 4);
    cr_assert_eq(m.levels_merged, 0);

    /* Three clear levels and page walks past 64 MiB: nothing merged, the
     * walks set apart, and a second call starts afresh. */
    synthetic_curve(&m, split, 3, 168);
    for (size_t i = 0; i < m.npoints; i++)
        if (m.curve_bytes[i] > 67108864)
            m.curve_ns[i] = 300;
    m.levels_merged = 7;
    profile_levels_from_curve(&m);
    cr_assert_eq(m.levels.count, 3);
    cr_assert_eq(m.levels_merged, 0);
    cr_assert_eq(m.levels.ns[3], 168);
    cr_assert_gt(m.beyond_ns, 168, "the page walks stay apart");
}

/* The hidden run of 2026-12-06 06:37: L1 read 1.1-1.2 ns up to 26 KiB,
 * 1.38 ns at 32 KiB and 2.87 ns at 40 KiB beside another thread, where
 * the other runs read 1.3 ns up to 41 KiB; L2 4.0 ns. */
Test(profile_measure, the_points_that_end_a_level_are_timed_again)
{
    static const double quiet[][2] = {{45000, 1.15}, {600000, 4.0}, {6000000, 16}};
    profile_measured m;
    synthetic_curve(&m, quiet, 3, 180);
    size_t at40 = 0;
    while (m.curve_bytes[at40] < 40000)
        at40++;
    m.curve_ns[at40 - 1] = 1.38;
    m.curve_ns[at40] = 2.87;
    profile_levels_from_curve(&m);
    cr_assert(m.have_levels);
    cr_assert_lt(m.levels.bytes[0], 40000, "the disturbed pass: L1 %.0f B", m.levels.bytes[0]);

    size_t idx[PROFILE_MAX_POINTS];
    size_t n = profile_boundary_points(&m, idx, PROFILE_MAX_POINTS);
    cr_assert_eq(m.levels.count, 3);
    cr_assert_geq(n, 2 * 2, "two points or more at the ends of L1 and L2: %zu", n);
    bool has_disturbed = false;
    for (size_t j = 0; j < n; j++) {
        cr_assert(j == 0 || idx[j] > idx[j - 1], "ascending, each once");
        cr_assert_lt(idx[j], m.npoints);
        has_disturbed |= idx[j] == at40;
    }
    cr_assert(has_disturbed, "the 40 KiB point is one of them");
    /* The last level, shared with other programs, is left as it was. */
    cr_assert_lt(m.curve_bytes[idx[n - 1]], m.levels.bytes[1] * 2, "nothing near L3's end");
    /* Each other level's end lies between two of the points timed again. */
    for (size_t k = 0; k + 1 < m.levels.count; k++) {
        bool below = false, above = false;
        for (size_t j = 0; j < n; j++) {
            below |= m.curve_bytes[idx[j]] <= m.levels.bytes[k];
            above |= m.curve_bytes[idx[j]] >= m.levels.bytes[k];
        }
        cr_assert(below && above, "L%zu's end (%.0f B) is not covered", k + 1,
                  m.levels.bytes[k]);
    }

    /* Timed again while the thread is away: the faster time counts. */
    m.curve_ns[at40 - 1] = fmin(m.curve_ns[at40 - 1], 1.16);
    m.curve_ns[at40] = fmin(m.curve_ns[at40], 1.15);
    profile_levels_from_curve(&m);
    cr_assert_geq(m.levels.bytes[0], m.curve_bytes[at40], "L1 back to %.0f B",
                  m.levels.bytes[0]);

    cr_assert_eq(profile_boundary_points(&m, idx, 2), 2, "at most cap");
    cr_assert_eq(profile_boundary_points(NULL, idx, 2), 0);
    m.levels.count = 1;
    cr_assert_eq(profile_boundary_points(&m, idx, PROFILE_MAX_POINTS), 0, "one level: the last");
    m.have_levels = false;
    cr_assert_eq(profile_boundary_points(&m, idx, PROFILE_MAX_POINTS), 0, "no levels, no ends");
}
