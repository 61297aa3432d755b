/* test_knee.c - the bend of a rising-then-level curve: exact on clean
 * shapes, steady under one noisy point, and bad input refused. */
#include "knee.h"

#include <criterion/criterion.h>
#include <math.h>

static const double strides[] = {4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192};
#define N (sizeof strides / sizeof strides[0])

/* Time per read rising with the stride up to 'bend', level after it. */
static void model(double bend, double level, double *y)
{
    for (size_t i = 0; i < N; i++)
        y[i] = strides[i] < bend ? level * strides[i] / bend : level;
}

Test(knee, a_proportional_rise_bends_at_the_fraction_of_its_corner)
{
    double y[N];
    model(64, 8, y);
    knee_fit fit;
    cr_assert(knee_find(strides, y, N, 0.9, &fit));
    cr_assert_float_eq(fit.level, 8, 1e-12);
    /* 0.9 of the level is reached between 32 (4) and 64 (8), at
     * 32 * 2^((7.2 - 4) / 4) on the log-interpolated axis. */
    cr_assert_float_eq(fit.x, 32 * exp2(0.8), 1e-9);
    cr_assert(knee_find(strides, y, N, 1.0, &fit));
    cr_assert_float_eq(fit.x, 64, 1e-9, "fraction 1: the corner itself");
}

Test(knee, the_bend_follows_the_corner)
{
    double y[N];
    knee_fit fit;
    model(128, 7, y);
    cr_assert(knee_find(strides, y, N, 1.0, &fit));
    cr_assert_float_eq(fit.x, 128, 1e-9);
    model(16, 7, y);
    cr_assert(knee_find(strides, y, N, 1.0, &fit));
    cr_assert_float_eq(fit.x, 16, 1e-9);
}

Test(knee, one_noisy_point_before_the_corner_is_not_a_bend)
{
    double y[N];
    model(128, 8, y);
    y[2] = 9;   /* a spike at 16 B, then back down */
    knee_fit fit;
    cr_assert(knee_find(strides, y, N, 0.9, &fit));
    cr_assert_gt(fit.x, 64);
    cr_assert_lt(fit.x, 128);
}

Test(knee, flat_and_never_level_curves_give_the_ends)
{
    double flat[N], rising[N];
    for (size_t i = 0; i < N; i++) {
        flat[i] = 5;
        rising[i] = strides[i];
    }
    knee_fit fit;
    cr_assert(knee_find(strides, flat, N, 0.9, &fit));
    cr_assert_eq(fit.x, strides[0]);
    cr_assert(knee_find(strides, rising, N, 0.9, &fit));
    cr_assert_geq(fit.x, 256, "the level is the upper half's median");
}

Test(knee, bad_input_is_refused_and_out_untouched)
{
    double y[N];
    model(64, 8, y);
    knee_fit fit = {.x = -1};
    cr_assert_not(knee_find(strides, y, 2, 0.9, &fit), "too few points");
    cr_assert_not(knee_find(strides, y, N, 0, &fit));
    cr_assert_not(knee_find(strides, y, N, 1.5, &fit));
    cr_assert_not(knee_find(NULL, y, N, 0.9, &fit));
    cr_assert_not(knee_find(strides, y, N, 0.9, NULL));
    double unsorted[] = {4, 16, 8, 32}, pos[] = {1, 2, 3, 4};
    cr_assert_not(knee_find(unsorted, pos, 4, 0.9, &fit));
    double zero[] = {1, 0, 3, 4}, nan_y[] = {1, NAN, 3, 4};
    cr_assert_not(knee_find(pos, zero, 4, 0.9, &fit));
    cr_assert_not(knee_find(pos, nan_y, 4, 0.9, &fit));
    cr_assert_eq(fit.x, -1);
}
