/* test_latency_levels.c - cache levels from latency curves: clean steps,
 * gradual steps, noise, fewer levels than asked, bad input. */
#include "stride/latency_levels.h"

#include <criterion/criterion.h>
#include <math.h>

/* Working sets 4 KiB .. 1 GiB, four per doubling. */
#define MAXN 160
static double sizes[MAXN];
static size_t nsizes;

static void make_sizes(void)
{
    nsizes = 0;
    for (double s = 4096; s <= 1073741824.0 * 1.0001; s *= exp2(0.25))
        sizes[nsizes++] = s;
}

/*
 * A machine with caches cap[0..k) of latencies lat[0..k] (lat[k] is
 * memory), each keeping a share min(1, cap/ws) of a random working set
 * (random replacement): latency is the mix of the levels that hold it.
 */
static double model(double ws, const double *cap, const double *lat, size_t k)
{
    double t = 0, left = 1;
    for (size_t i = 0; i < k; i++) {
        double hit = ws <= cap[i] ? 1 : cap[i] / ws;
        double here = hit - (1 - left);   /* share first found at level i */
        if (here > 0) {
            t += here * lat[i];
            left -= here;
        }
    }
    return t + left * lat[k];
}

static const levels_params defaults = LEVELS_DEFAULTS;

TestSuite(levels, .init = make_sizes);

Test(levels, sharp_steps_are_found_at_the_capacities)
{
    double y[MAXN];
    /* Sharp (LRU-like) steps: every level holds the set or none of it. */
    const double cap[] = {32768, 1048576, 33554432}, lat[] = {1, 4, 15, 100};
    for (size_t i = 0; i < nsizes; i++) {
        size_t l = 0;
        while (l < 3 && sizes[i] > cap[l])
            l++;
        y[i] = lat[l];
    }
    levels_fit fit;
    cr_assert(levels_find(sizes, y, nsizes, &defaults, &fit));
    cr_assert_eq(fit.count, 3);
    for (size_t l = 0; l < 3; l++) {
        cr_assert_float_eq(fit.ns[l], lat[l], 1e-9, "level %zu", l);
        /* Between the capacity and the next measured size. */
        cr_assert_geq(fit.bytes[l], cap[l], "level %zu", l);
        cr_assert_leq(fit.bytes[l], cap[l] * exp2(0.25), "level %zu", l);
    }
    cr_assert_float_eq(fit.ns[3], 100, 1e-9);
}

Test(levels, gradual_steps_land_just_past_the_capacities)
{
    double y[MAXN];
    const double cap[] = {49152, 1048576, 16777216}, lat[] = {1.2, 4.5, 20, 120};
    for (size_t i = 0; i < nsizes; i++)
        y[i] = model(sizes[i], cap, lat, 3);
    levels_fit fit;
    cr_assert(levels_find(sizes, y, nsizes, &defaults, &fit));
    cr_assert_eq(fit.count, 3);
    for (size_t l = 0; l < 3; l++) {
        /* rise 0.25 with random replacement: about cap / 0.75. */
        cr_assert_geq(fit.bytes[l], cap[l], "level %zu: %g", l, fit.bytes[l]);
        cr_assert_leq(fit.bytes[l], cap[l] * 1.5, "level %zu: %g", l, fit.bytes[l]);
        cr_assert_float_eq(fit.ns[l], lat[l], lat[l] * 0.2, "level %zu", l);
    }
}

Test(levels, noise_of_ten_percent_moves_nothing_much)
{
    double y[MAXN];
    const double cap[] = {32768, 1048576, 16777216}, lat[] = {1, 4, 15, 100};
    unsigned x = 12345;
    for (size_t i = 0; i < nsizes; i++) {
        x = x * 1103515245u + 12345u;   /* a fixed, repeatable wobble */
        double wobble = 1 + 0.1 * ((double)(x >> 16 & 0x7fff) / 32767.0 - 0.5);
        y[i] = model(sizes[i], cap, lat, 3) * wobble;
    }
    levels_fit fit;
    cr_assert(levels_find(sizes, y, nsizes, &defaults, &fit));
    cr_assert_eq(fit.count, 3);
    for (size_t l = 0; l < 3; l++) {
        cr_assert_geq(fit.bytes[l], cap[l] * 0.8, "level %zu: %g", l, fit.bytes[l]);
        cr_assert_leq(fit.bytes[l], cap[l] * 1.6, "level %zu: %g", l, fit.bytes[l]);
    }
}

Test(levels, a_level_that_does_not_show_is_merged_away)
{
    double y[MAXN];
    /* Two real caches; asking for three must not invent one. */
    const double cap[] = {32768, 4194304}, lat[] = {1, 10, 100};
    for (size_t i = 0; i < nsizes; i++)
        y[i] = model(sizes[i], cap, lat, 2);
    levels_fit fit;
    cr_assert(levels_find(sizes, y, nsizes, &defaults, &fit));
    cr_assert_eq(fit.count, 2, "found %zu levels", fit.count);
    cr_assert_geq(fit.bytes[0], cap[0]);
    cr_assert_leq(fit.bytes[0], cap[0] * 1.5);
    cr_assert_geq(fit.bytes[1], cap[1]);
    cr_assert_leq(fit.bytes[1], cap[1] * 1.5);
    cr_assert_float_eq(fit.ns[2], 100, 10);
}

Test(levels, a_flat_curve_is_all_memory)
{
    double y[MAXN];
    for (size_t i = 0; i < nsizes; i++)
        y[i] = 3;
    levels_fit fit;
    cr_assert(levels_find(sizes, y, nsizes, &defaults, &fit));
    cr_assert_eq(fit.count, 0);
    cr_assert_float_eq(fit.ns[0], 3, 1e-12);
}

Test(levels, two_points_a_doubling_apart_make_a_plateau_one_does_not)
{
    double x[] = {1e3, 2e3, 1e4, 2e4, 1e5, 2e5, 1e6, 2e6};
    double y[] = {1, 1, 4, 4, 15, 15, 100, 100};
    levels_fit fit;
    cr_assert(levels_find(x, y, 8, &defaults, &fit));
    cr_assert_eq(fit.count, 3);
    cr_assert_eq(fit.first[2], 4);
    cr_assert_eq(fit.last[2], 5);
    double single[] = {1, 4, 15, 100};
    double apart[] = {1e3, 1e4, 1e5, 1e6};
    fit.count = 99;
    cr_assert_not(levels_find(apart, single, 4, &defaults, &fit), "no plateau at all");
    cr_assert_eq(fit.count, 99, "out untouched");
}

Test(levels, more_plateaus_than_wanted_merge_the_closest)
{
    double x[] = {1e3, 2e3, 1e4, 2e4, 1e5, 2e5, 1e6, 2e6};
    double y[] = {1, 1, 4, 4, 40, 40, 100, 100};
    levels_params p = defaults;
    p.wanted = 2;
    levels_fit fit;
    cr_assert(levels_find(x, y, 8, &p, &fit));
    cr_assert_eq(fit.count, 2);
    /* 40 -> 100 is the smallest step (2.5x): those two are one level. */
    cr_assert_float_eq(fit.ns[0], 1, 1e-12);
    cr_assert_float_eq(fit.ns[1], 4, 1e-12);
    cr_assert_float_eq(fit.ns[2], 70, 1e-12, "median of 40 40 100 100");
}

Test(levels, bad_input_is_refused_and_out_untouched)
{
    double x[] = {1, 2, 3, 4, 5}, y[] = {1, 1, 5, 5, 9};
    levels_fit fit = {.count = 99};
    levels_params p = defaults;
    cr_assert_not(levels_find(NULL, y, 5, &p, &fit));
    cr_assert_not(levels_find(x, y, 5, NULL, &fit));
    cr_assert_not(levels_find(x, y, 5, &p, NULL));
    p.wanted = 0;
    cr_assert_not(levels_find(x, y, 5, &p, &fit));
    p.wanted = LEVELS_MAX + 1;
    cr_assert_not(levels_find(x, y, 5, &p, &fit));
    p = defaults;
    p.rise = 1;
    cr_assert_not(levels_find(x, y, 5, &p, &fit));
    p = defaults;
    p.min_step = 1;
    cr_assert_not(levels_find(x, y, 5, &p, &fit));
    p = defaults;
    p.flat = 1;
    cr_assert_not(levels_find(x, y, 5, &p, &fit));
    p = defaults;
    p.min_span = INFINITY;
    cr_assert_not(levels_find(x, y, 5, &p, &fit));
    cr_assert_not(levels_find(x, y, 0, &defaults, &fit));
    double unsorted[] = {1, 3, 2, 4, 5}, neg[] = {1, 1, -5, 5, 9}, inf[] = {1, 1, INFINITY, 5, 9};
    cr_assert_not(levels_find(unsorted, y, 5, &defaults, &fit));
    cr_assert_not(levels_find(x, neg, 5, &defaults, &fit));
    cr_assert_not(levels_find(x, inf, 5, &defaults, &fit));
    cr_assert_eq(fit.count, 99);
}

/* A measured curve (a full run on the project's guest, 2026-12-04) whose
 * L3 plateau spans 2.5 to 4 MiB only: the calibration's parameters find
 * it, the stride experiment's (a doubling at least) merge it into L2. */
Test(levels, a_short_l3_plateau_is_a_level_for_the_calibration)
{
    static const double b[] = {4096, 5184, 6528, 8192, 10304, 12992, 16384, 20672, 25984,
        32768, 41280, 52032, 65536, 82560, 104000, 131072, 165120, 208064, 262144, 330304,
        416128, 524288, 660544, 832256, 1048576, 1321152, 1664512, 2097152, 2642240,
        3329024, 4194304, 5284480, 6658048, 8388608, 10568960, 13316096, 16777216,
        21137984, 26632192, 33554432, 42275904, 53264320, 67108864, 84551872, 106528704,
        134217728};
    static const double ns[] = {1.19, 1.19, 1.19, 1.21, 1.2, 1.19, 1.19, 1.19, 1.19, 1.2,
        1.22, 3.6, 4.21, 4.37, 4.41, 4.17, 4.17, 4.18, 4.2, 4.19, 4.38, 4.78, 5.15, 6.92,
        8.83, 11.48, 13.99, 16.01, 17.74, 21.38, 22.09, 109.29, 112.77, 110.38, 137.92,
        132.84, 139.74, 150.35, 155.12, 166.8, 170.21, 176.21, 187.78, 189.53, 198.4, 244.26};
    size_t n = sizeof b / sizeof b[0];
    cr_assert_eq(n, sizeof ns / sizeof ns[0]);
    levels_fit f;
    static const levels_params calibrate = LEVELS_CALIBRATE;
    cr_assert(levels_find(b, ns, n, &calibrate, &f));
    cr_assert_eq(f.count, 3, "L1, L2 and the short L3");
    cr_assert(f.bytes[1] > 600e3 && f.bytes[1] < 1100e3, "L2 %.0f", f.bytes[1]);
    cr_assert(f.bytes[2] > 4e6 && f.bytes[2] < 5.3e6, "L3 %.0f", f.bytes[2]);
    levels_params doubling = defaults;
    doubling.wanted = 4;
    cr_assert(levels_find(b, ns, n, &doubling, &f));
    cr_assert_eq(f.count, 2, "a doubling at least: the L3 plateau is too short");
}
