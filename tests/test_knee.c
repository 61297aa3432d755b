/* test_knee.c - where a rising curve stops rising: exact on clean shapes,
 * steady under one noisy point, not fooled by a later step, and bad
 * input refused. */
#include "stride/knee.h"

#include <criterion/criterion.h>
#include <math.h>

static const double strides[] = {4, 8, 16, 32, 64, 128, 256, 512, 1024, 2048, 4096, 8192};
#define N (sizeof strides / sizeof strides[0])

/* Time per read rising with the stride up to 'corner', level after it. */
static void model(double corner, double level, double *y)
{
    for (size_t i = 0; i < N; i++)
        y[i] = strides[i] < corner ? level * strides[i] / corner : level;
}

Test(knee, a_proportional_rise_bends_at_its_corner)
{
    double y[N];
    knee_fit fit;
    model(64, 8, y);
    cr_assert(knee_find(strides, y, N, KNEE_DEFAULT_SLOPE, &fit));
    cr_assert(fit.found);
    cr_assert_eq(fit.x, 64);
    cr_assert_eq(fit.index, 4);
    model(128, 7, y);
    cr_assert(knee_find(strides, y, N, KNEE_DEFAULT_SLOPE, &fit));
    cr_assert_eq(fit.x, 128);
}

Test(knee, a_slower_rise_still_counts_as_rising)
{
    double y[N];
    /* Slope 0.7 up to 128: twice the stride, 1.6 times the time. */
    for (size_t i = 0; i < N; i++)
        y[i] = strides[i] <= 128 ? pow(strides[i], 0.7) : pow(128, 0.7);
    knee_fit fit;
    cr_assert(knee_find(strides, y, N, KNEE_DEFAULT_SLOPE, &fit));
    cr_assert_eq(fit.x, 128);
}

Test(knee, one_flat_step_before_the_corner_is_not_a_bend)
{
    double y[N];
    model(256, 8, y);
    y[3] = y[2];   /* 16 -> 32 flat once, then rising again */
    knee_fit fit;
    cr_assert(knee_find(strides, y, N, KNEE_DEFAULT_SLOPE, &fit));
    cr_assert_eq(fit.x, 256);
}

Test(knee, a_later_step_does_not_move_the_first_bend)
{
    double y[N];
    model(128, 8, y);
    for (size_t i = 0; i < N; i++)
        if (strides[i] >= 4096)
            y[i] = 20;   /* the page-size step */
    knee_fit fit;
    cr_assert(knee_find(strides, y, N, KNEE_DEFAULT_SLOPE, &fit));
    cr_assert_eq(fit.x, 128);
}

Test(knee, flat_and_always_rising_curves_give_the_ends)
{
    double flat[N], rising[N];
    for (size_t i = 0; i < N; i++) {
        flat[i] = 5;
        rising[i] = strides[i];
    }
    knee_fit fit;
    cr_assert(knee_find(strides, flat, N, KNEE_DEFAULT_SLOPE, &fit));
    cr_assert(fit.found);
    cr_assert_eq(fit.x, strides[0]);
    cr_assert(knee_find(strides, rising, N, KNEE_DEFAULT_SLOPE, &fit));
    cr_assert_not(fit.found);
    cr_assert_eq(fit.x, strides[N - 1]);
}

Test(knee, a_flat_last_step_is_enough_at_the_end)
{
    double x[] = {4, 8, 16}, y[] = {1, 2, 2};
    knee_fit fit;
    cr_assert(knee_find(x, y, 3, KNEE_DEFAULT_SLOPE, &fit));
    cr_assert(fit.found);
    cr_assert_eq(fit.x, 8);
}

Test(knee, bad_input_is_refused_and_out_untouched)
{
    double y[N];
    model(64, 8, y);
    knee_fit fit = {.x = -1};
    cr_assert_not(knee_find(strides, y, 1, KNEE_DEFAULT_SLOPE, &fit), "too few points");
    cr_assert_not(knee_find(strides, y, N, 0, &fit));
    cr_assert_not(knee_find(strides, y, N, INFINITY, &fit));
    cr_assert_not(knee_find(NULL, y, N, KNEE_DEFAULT_SLOPE, &fit));
    cr_assert_not(knee_find(strides, y, N, KNEE_DEFAULT_SLOPE, NULL));
    double unsorted[] = {4, 16, 8, 32}, pos[] = {1, 2, 3, 4};
    cr_assert_not(knee_find(unsorted, pos, 4, KNEE_DEFAULT_SLOPE, &fit));
    double zero[] = {1, 0, 3, 4}, nan_y[] = {1, NAN, 3, 4};
    cr_assert_not(knee_find(pos, zero, 4, KNEE_DEFAULT_SLOPE, &fit));
    cr_assert_not(knee_find(pos, nan_y, 4, KNEE_DEFAULT_SLOPE, &fit));
    cr_assert_eq(fit.x, -1);
}
