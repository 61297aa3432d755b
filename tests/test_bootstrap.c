/* test_bootstrap.c - ratio of medians and its bootstrap interval on fixed
 * samples whose answers are known without resampling. */
#include "stats/bootstrap.h"
#include "stats/median_dist.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdlib.h>

#define LEN(a) (sizeof(a) / sizeof((a)[0]))

Test(bootstrap, median_odd_even_and_input_untouched)
{
    double odd[] = {3, 1, 2}, even[] = {4, 1, 3, 2};
    cr_assert_eq(stats_median(odd, 3), 2);
    cr_assert_eq(stats_median(even, 4), 2.5);
    cr_assert_eq(odd[0], 3);
    cr_assert_eq(even[0], 4);
    cr_assert(isnan(stats_median(odd, 0)));
}

/* Constant samples: every resample has the same medians, so the interval
 * is the ratio itself. */
Test(bootstrap, median_in_place_sorts_its_values)
{
    double a[] = {5, 1, 3};
    cr_assert_float_eq(stats_median_in_place(a, 3), 3, 1e-12);
    cr_assert(a[0] == 1 && a[1] == 3 && a[2] == 5, "sorted on the way");
    double b[] = {4, 1, 3, 2};
    cr_assert_float_eq(stats_median_in_place(b, 4), 2.5, 1e-12);
    double c[] = {7};
    cr_assert_float_eq(stats_median_in_place(c, 1), 7, 1e-12);
    cr_assert(isnan(stats_median_in_place(c, 0)));
    stats_sort(NULL, 0);   /* nothing to sort: no call into qsort with NULL */
}

Test(bootstrap, constant_samples_give_a_point_interval)
{
    double a[] = {2, 2, 2}, b[] = {1, 1, 1, 1, 1};
    ratio_ci r;
    cr_assert(stats_ratio_ci95(a, LEN(a), b, LEN(b), &r));
    cr_assert_eq(r.ratio, 2);
    cr_assert_eq(r.lo, 2);
    cr_assert_eq(r.hi, 2);
    cr_assert_not(r.within_noise);
    double one[] = {3}, other[] = {2};
    cr_assert(stats_ratio_ci95(one, 1, other, 1, &r));
    cr_assert_eq(r.ratio, 1.5);
    cr_assert_eq(r.lo, 1.5);
    cr_assert_eq(r.hi, 1.5);
}

/* The same samples on both sides: ratio 1, and resampling each side on
 * its own spreads the ratio both ways around 1. */
Test(bootstrap, identical_samples_are_within_noise)
{
    double a[] = {1, 2, 3, 4, 5};
    ratio_ci r;
    cr_assert(stats_ratio_ci95(a, LEN(a), a, LEN(a), &r));
    cr_assert_eq(r.ratio, 1);
    cr_assert(r.lo < 1 && r.hi > 1);
    cr_assert(r.within_noise);
}

/* Every resampled median of a lies in [10, 14] and of b in [5, 7], so the
 * interval lies in [10/7, 14/5] and excludes 1; the ratio is 12/6. */
Test(bootstrap, separated_samples_are_a_real_difference)
{
    double a[] = {10, 11, 12, 13, 14}, b[] = {5, 5.5, 6, 6.5, 7};
    ratio_ci r;
    cr_assert(stats_ratio_ci95(a, LEN(a), b, LEN(b), &r));
    cr_assert_eq(r.ratio, 2);
    cr_assert(r.lo >= 10.0 / 7 && r.lo <= 2);
    cr_assert(r.hi <= 14.0 / 5 && r.hi >= 2);
    cr_assert_not(r.within_noise);
    cr_assert_eq(r.level, 0.95);
}

Test(bootstrap, a_wider_level_gives_a_wider_interval)
{
    double a[] = {10, 11, 12, 13, 14}, b[] = {5, 5.5, 6, 6.5, 7};
    ratio_ci r50, r99;
    cr_assert(stats_ratio_ci(a, 5, b, 5, 0.5, 2000, 1, &r50));
    cr_assert(stats_ratio_ci(a, 5, b, 5, 0.99, 2000, 1, &r99));
    cr_assert(r99.lo <= r50.lo && r99.hi >= r50.hi);
}

/* Even sizes are drawn: the same seed gives the same draws. */
Test(bootstrap, same_seed_same_interval)
{
    double a[] = {1.0, 1.3, 0.9, 1.1}, b[] = {1.05, 1.0, 0.95, 1.2};
    ratio_ci r1, r2;
    cr_assert_not(stats_ratio_ci_is_exact(4, 4));
    cr_assert(stats_ratio_ci(a, 4, b, 4, 0.95, 1000, 99, &r1));
    cr_assert(stats_ratio_ci(a, 4, b, 4, 0.95, 1000, 99, &r2));
    cr_assert_eq(r1.ratio, r2.ratio);
    cr_assert_eq(r1.lo, r2.lo);
    cr_assert_eq(r1.hi, r2.hi);
    cr_assert_eq(r1.within_noise, r2.within_noise);
}

Test(bootstrap, odd_sizes_up_to_the_limit_are_exact)
{
    cr_assert(stats_ratio_ci_is_exact(1, 1));
    cr_assert(stats_ratio_ci_is_exact(3, 5));
    cr_assert(stats_ratio_ci_is_exact(MEDIAN_DIST_MAX, MEDIAN_DIST_MAX));
    cr_assert_not(stats_ratio_ci_is_exact(4, 5));
    cr_assert_not(stats_ratio_ci_is_exact(5, 2));
    cr_assert_not(stats_ratio_ci_is_exact(MEDIAN_DIST_MAX + 2, 3));
    cr_assert_not(stats_ratio_ci_is_exact(0, 3));
}

/* Three repetitions each: every extreme median has probability 7/27 and
 * (7/27)^2 > 2.5%, so the 95% interval is [min(a) / max(b), max(a) /
 * min(b)] (test_median_dist.c), whatever the seed or resamples. */
Test(bootstrap, three_and_three_is_min_over_max_to_max_over_min)
{
    double a[] = {12, 10, 11}, b[] = {10, 9, 10.5};
    ratio_ci r, other;
    cr_assert(stats_ratio_ci95(a, 3, b, 3, &r));
    cr_assert_float_eq(r.ratio, 11.0 / 10, 1e-15);
    cr_assert_float_eq(r.lo, 10 / 10.5, 1e-15);
    cr_assert_float_eq(r.hi, 12.0 / 9, 1e-15);
    cr_assert(r.within_noise);
    cr_assert(stats_ratio_ci(a, 3, b, 3, 0.95, 100, 12345, &other));
    cr_assert_eq(other.lo, r.lo);
    cr_assert_eq(other.hi, r.hi);
}

/* Five and five: the interval test_median_dist.c counts by hand. */
Test(bootstrap, five_and_five_by_hand)
{
    double a[] = {10, 11, 12, 13, 14}, b[] = {5, 5.5, 6, 6.5, 7};
    ratio_ci r;
    cr_assert(stats_ratio_ci95(a, 5, b, 5, &r));
    cr_assert_float_eq(r.lo, 11.0 / 7, 1e-15);
    cr_assert_float_eq(r.hi, 28.0 / 11, 1e-15);
}

/* An even size on one side only: drawn, and still an interval around the
 * ratio that the draws' medians bound. */
Test(bootstrap, one_even_size_is_drawn)
{
    double a[] = {10, 11, 12, 13}, b[] = {5, 6, 7};
    ratio_ci r;
    cr_assert(stats_ratio_ci95(a, 4, b, 3, &r));
    cr_assert_float_eq(r.ratio, 11.5 / 6, 1e-15);
    cr_assert(r.lo >= 10.0 / 7 && r.lo <= r.ratio);
    cr_assert(r.hi <= 13.0 / 5 && r.hi >= r.ratio);
}

Test(bootstrap, unusable_arguments_leave_the_result_untouched)
{
    double good[] = {1, 2, 3}, nan_in[] = {1, NAN, 3}, neg[] = {1, -2, 3},
           zero[] = {0, 1, 2}, inf_in[] = {1, INFINITY, 2};
    ratio_ci r = {.ratio = 42};
    cr_assert_not(stats_ratio_ci95(good, 0, good, 3, &r));
    cr_assert_not(stats_ratio_ci95(good, 3, good, 0, &r));
    cr_assert_not(stats_ratio_ci95(NULL, 3, good, 3, &r));
    cr_assert_not(stats_ratio_ci95(nan_in, 3, good, 3, &r));
    cr_assert_not(stats_ratio_ci95(good, 3, neg, 3, &r));
    cr_assert_not(stats_ratio_ci95(zero, 3, good, 3, &r));
    cr_assert_not(stats_ratio_ci95(inf_in, 3, good, 3, &r));
    cr_assert_not(stats_ratio_ci(good, 3, good, 3, 0, 1000, 1, &r));
    cr_assert_not(stats_ratio_ci(good, 3, good, 3, 1, 1000, 1, &r));
    cr_assert_not(stats_ratio_ci(good, 3, good, 3, 0.95, 99, 1, &r));
    cr_assert_not(stats_ratio_ci95(good, 2000, good, 3, &r));
    cr_assert_not(stats_ratio_ci95(good, 3, good, 3, NULL));
    cr_assert_eq(r.ratio, 42);
}

Test(bootstrap, format)
{
    char buf[64];
    ratio_ci r = {.ratio = 2, .lo = 1.5, .hi = 2.5, .level = 0.95};
    cr_assert_str_eq(stats_ratio_ci_format(&r, buf, sizeof buf), "2 [1.5, 2.5]");
    r = (ratio_ci){.ratio = 1.02, .lo = 0.97, .hi = 1.08, .within_noise = true};
    cr_assert_str_eq(stats_ratio_ci_format(&r, buf, sizeof buf),
                     "1.02 [0.97, 1.08] within noise");
    cr_assert_str_eq(stats_ratio_ci_format(&r, buf, 5), "1.02");
}

Test(bootstrap, median_of_sorted_values_any_count)
{
    cr_assert_float_eq(stats_median_sorted((double[]){7}, 1), 7, 0);
    cr_assert_float_eq(stats_median_sorted((double[]){1, 2, 10}, 3), 2, 0);
    cr_assert_float_eq(stats_median_sorted((double[]){1, 2, 4, 10}, 4), 3, 0,
                       "mean of the middle two");
    /* Beyond stats_median's 1024: the sorted form has no bound. */
    enum { N = 2001 };
    double *v = malloc(N * sizeof *v);
    cr_assert_not_null(v);
    for (size_t i = 0; i < N; i++)
        v[i] = (double)i;
    cr_assert_float_eq(stats_median_sorted(v, N), 1000, 0);
    cr_assert(isnan(stats_median(v, N)));
    free(v);
}

/* The group interval: sizes and repetitions both resampled. */
static const double ones[5] = {0.98, 0.99, 1.0, 1.01, 1.02};
static const double twos[5] = {1.96, 1.98, 2.0, 2.02, 2.04};
static const double halves[5] = {0.49, 0.495, 0.5, 0.505, 0.51};

Test(bootstrap, group_ratio_is_the_median_of_size_ratios)
{
    size_samples s[9];
    for (size_t i = 0; i < 9; i++)
        s[i] = (size_samples){twos, 5, ones, 5};
    s[2] = (size_samples){halves, 5, ones, 5};   /* one size reversed */
    ratio_ci ci;
    cr_assert(stats_group_ratio_ci95(s, 9, &ci));
    cr_assert_float_eq(ci.ratio, 2.0, 1e-9, "the median ignores one odd size");
    cr_assert_gt(ci.lo, 1.9, "one size of nine cannot pull the interval down");
    cr_assert_not(ci.within_noise);
}

Test(bootstrap, group_of_disagreeing_sizes_is_wide)
{
    size_samples s[4] = {{twos, 5, ones, 5}, {halves, 5, ones, 5},
                         {twos, 5, ones, 5}, {halves, 5, ones, 5}};
    ratio_ci ci;
    cr_assert(stats_group_ratio_ci95(s, 4, &ci));
    cr_assert(ci.within_noise, "[%g, %g]", ci.lo, ci.hi);
}

Test(bootstrap, group_same_seed_same_interval_and_bad_input)
{
    size_samples s[2] = {{twos, 5, ones, 5}, {twos, 3, ones, 4}};
    ratio_ci a, b, untouched = {.ratio = 42};
    cr_assert(stats_group_ratio_ci(s, 2, 0.9, 500, 7, &a));
    cr_assert(stats_group_ratio_ci(s, 2, 0.9, 500, 7, &b));
    cr_assert_float_eq(a.lo, b.lo, 0);
    cr_assert_float_eq(a.hi, b.hi, 0);
    cr_assert_not(stats_group_ratio_ci95(s, 0, &untouched));
    cr_assert_not(stats_group_ratio_ci95(NULL, 2, &untouched));
    cr_assert_not(stats_group_ratio_ci(s, 2, 1.0, 500, 7, &untouched));
    cr_assert_not(stats_group_ratio_ci(s, 2, 0.95, 10, 7, &untouched));
    const double zero[2] = {0, 1};
    size_samples bad = {zero, 2, ones, 5};
    cr_assert_not(stats_group_ratio_ci95(&bad, 1, &untouched));
    cr_assert_float_eq(untouched.ratio, 42, 0);
}
