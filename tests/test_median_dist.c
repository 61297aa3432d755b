/* test_median_dist.c - the exact bootstrap distribution of a median and
 * the quantiles of a ratio of two, against answers computed by hand. */
#include "stats/median_dist.h"

#include <criterion/criterion.h>
#include <math.h>

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

/* n = 3, m = 2: the median is the smallest sample when at least 2 of 3
 * draws are it: 3 (1/3)^2 (2/3) + (1/3)^3 = 7/27; the largest likewise;
 * the middle one the rest, 13/27. */
Test(median_dist, three_samples_by_hand)
{
    double p[3];
    cr_assert(median_dist_odd(3, p));
    cr_assert_float_eq(p[0], 7.0 / 27, 1e-15);
    cr_assert_float_eq(p[1], 13.0 / 27, 1e-15);
    cr_assert_float_eq(p[2], 7.0 / 27, 1e-15);
}

/* n = 5, m = 3: P(median <= x(1)) = P(Bin(5, 1/5) >= 3) = 181/3125,
 * P(median <= x(2)) = P(Bin(5, 2/5) >= 3) = 992/3125, and by symmetry the
 * rest: 181, 811, 1141, 811, 181 out of 3125. */
Test(median_dist, five_samples_by_hand)
{
    double p[5];
    const double want[5] = {181, 811, 1141, 811, 181};
    cr_assert(median_dist_odd(5, p));
    for (size_t i = 0; i < 5; i++)
        cr_assert_float_eq(p[i], want[i] / 3125, 1e-15, "rank %zu", i + 1);
}

Test(median_dist, one_sample_is_certain_and_every_size_sums_to_one)
{
    double p[MEDIAN_DIST_MAX];
    cr_assert(median_dist_odd(1, p));
    cr_assert_eq(p[0], 1);
    for (size_t n = 1; n <= MEDIAN_DIST_MAX; n += 2) {
        cr_assert(median_dist_odd(n, p));
        double sum = 0;
        for (size_t i = 0; i < n; i++) {
            cr_assert(p[i] > 0, "n %zu rank %zu", n, i + 1);
            cr_assert_float_eq(p[i], p[n - 1 - i], 1e-12, "symmetric, n %zu", n);
            sum += p[i];
        }
        cr_assert_float_eq(sum, 1, 1e-12, "n %zu", n);
    }
}

Test(median_dist, even_zero_or_too_many_samples_are_refused)
{
    double p[2] = {42, 42};
    cr_assert_not(median_dist_odd(0, p));
    cr_assert_not(median_dist_odd(2, p));
    cr_assert_not(median_dist_odd(MEDIAN_DIST_MAX + 2, p));
    cr_assert_eq(p[0], 42);
}

/*
 * a = {1, 2, 4}, b = {1, 3, 9}: nine ratios, each with probability
 * (7 or 13) x (7 or 13) / 729.  In order: 1/9 (49), 2/9 (91), 1/3 (91),
 * 4/9 (49), 2/3 (169), 1 (49), 4/3 (91), 2 (91), 4 (49); cumulative 49,
 * 140, 231, 280, 449, 498, 589, 680, 729.  2.5% of 729 is 18.2 and 97.5%
 * is 710.8: the 95% interval runs from the smallest to the largest ratio
 * (49/729 = 6.7% at each end).  10% (72.9) and 90% (656.1) fall on 2/9
 * and 2; 50% (364.5) on 2/3.
 */
Test(median_dist, ratio_of_three_and_three_by_hand)
{
    double a[] = {4, 1, 2}, b[] = {9, 1, 3}, lo, hi;
    cr_assert(median_dist_ratio_quantiles(a, 3, b, 3, 0.025, 0.975, &lo, &hi));
    cr_assert_float_eq(lo, 1.0 / 9, 1e-15);
    cr_assert_float_eq(hi, 4, 1e-15);
    cr_assert(median_dist_ratio_quantiles(a, 3, b, 3, 0.1, 0.9, &lo, &hi));
    cr_assert_float_eq(lo, 2.0 / 9, 1e-15);
    cr_assert_float_eq(hi, 2, 1e-15);
    cr_assert(median_dist_ratio_quantiles(a, 3, b, 3, 0.5, 0.5, &lo, &hi));
    cr_assert_float_eq(lo, 2.0 / 3, 1e-15);
    cr_assert_float_eq(hi, 2.0 / 3, 1e-15);
    cr_assert_eq(a[0], 4, "the samples are not reordered");
}

/*
 * a = {10..14}, b = {5, 5.5, 6, 6.5, 7}: the smallest ratios are 10/7
 * (181 x 181 / 3125^2 = 0.34%), 10/6.5 (181 x 811: 1.50%), 11/7 (811 x
 * 181: 1.50%), so 2.5% is first reached at 11/7; by the same count from
 * the top, 97.5% at 14/5.5 = 28/11.
 */
Test(median_dist, ratio_of_five_and_five_by_hand)
{
    double a[] = {10, 11, 12, 13, 14}, b[] = {5, 5.5, 6, 6.5, 7}, lo, hi;
    cr_assert(median_dist_ratio_quantiles(a, 5, b, 5, 0.025, 0.975, &lo, &hi));
    cr_assert_float_eq(lo, 11.0 / 7, 1e-15);
    cr_assert_float_eq(hi, 28.0 / 11, 1e-15);
}

/* Sizes may differ; equal values keep one share per rank and so act as
 * one value with their summed probability. */
Test(median_dist, unequal_sizes_and_ties)
{
    double a[] = {3, 1, 2}, b[] = {4, 6, 5, 8, 7}, lo, hi;
    cr_assert(median_dist_ratio_quantiles(a, 3, b, 5, 0.025, 0.975, &lo, &hi));
    cr_assert_float_eq(lo, 1.0 / 7, 1e-15, "min(a) / second largest b");
    cr_assert_float_eq(hi, 3.0 / 5, 1e-15, "max(a) / second smallest b");
    double same[] = {2, 2, 2, 2, 2}, one[] = {4};
    cr_assert(median_dist_ratio_quantiles(same, 5, one, 1, 0.025, 0.975, &lo, &hi));
    cr_assert_eq(lo, 0.5);
    cr_assert_eq(hi, 0.5);
}

Test(median_dist, unusable_arguments_leave_the_quantiles_untouched)
{
    double good[] = {1, 2, 3}, even[] = {1, 2}, nan_in[] = {1, NAN, 3},
           zero[] = {0, 1, 2}, inf_in[] = {1, INFINITY, 2}, lo = 42, hi = 42;
    double many[MEDIAN_DIST_MAX + 2];
    for (size_t i = 0; i < LEN(many); i++)
        many[i] = 1 + (double)i;
    cr_assert_not(median_dist_ratio_quantiles(good, 3, even, 2, 0.025, 0.975, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(even, 2, good, 3, 0.025, 0.975, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(good, 0, good, 3, 0.025, 0.975, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(many, LEN(many), good, 3, 0.025, 0.975, &lo,
                                              &hi));
    cr_assert_not(median_dist_ratio_quantiles(NULL, 3, good, 3, 0.025, 0.975, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(good, 3, NULL, 3, 0.025, 0.975, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(nan_in, 3, good, 3, 0.025, 0.975, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(good, 3, zero, 3, 0.025, 0.975, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(inf_in, 3, good, 3, 0.025, 0.975, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(good, 3, good, 3, 0, 0.975, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(good, 3, good, 3, 0.025, 1, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(good, 3, good, 3, 0.9, 0.1, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(good, 3, good, 3, NAN, 0.5, &lo, &hi));
    cr_assert_not(median_dist_ratio_quantiles(good, 3, good, 3, 0.025, 0.975, NULL, &hi));
    cr_assert_not(median_dist_ratio_quantiles(good, 3, good, 3, 0.025, 0.975, &lo, NULL));
    cr_assert_eq(lo, 42);
    cr_assert_eq(hi, 42);
}

/* The largest size still fits: 31 x 31 ratios on the stack. */
Test(median_dist, largest_size)
{
    double x[MEDIAN_DIST_MAX], lo, hi;
    for (size_t i = 0; i < MEDIAN_DIST_MAX; i++)
        x[i] = 1 + (double)i;
    cr_assert(median_dist_ratio_quantiles(x, MEDIAN_DIST_MAX, x, MEDIAN_DIST_MAX, 0.025,
                                          0.975, &lo, &hi));
    cr_assert(lo < 1 && hi > 1);
    cr_assert_float_eq(lo * hi, 1, 1e-12, "the same samples: symmetric around 1");
}
