/* test_report_significance.c - two cases compared by the bootstrap
 * interval of their medians' ratio: the four outcomes on intervals with
 * known answers, and compare_cases on fixture runs (with the ranges as a
 * fallback when the samples cannot be resampled). */
#include "report/significance.h"

#include "report_judge.h"

#include <criterion/criterion.h>

static ratio_ci ci(double ratio, double lo, double hi)
{
    return (ratio_ci){.ratio = ratio, .lo = lo, .hi = hi, .level = 0.95,
                      .within_noise = lo <= 1 && 1 <= hi};
}

Test(report_significance, the_interval_decides)
{
    ratio_ci c = ci(2.0, 1.4, 4.2);
    cr_assert_eq(ratio_ci_status(&c, 1.10), COMPARE_HOLDS);
    c = ci(1.05, 0.44, 2.1);
    cr_assert_eq(ratio_ci_status(&c, 1.10), COMPARE_NOISE);
    c = ci(1.05, 1.02, 1.08);
    cr_assert_eq(ratio_ci_status(&c, 1.10), COMPARE_SMALL, "real, but below 1.10");
    c = ci(0.8, 0.7, 0.9);
    cr_assert_eq(ratio_ci_status(&c, 1.10), COMPARE_AGAINST);
    c = ci(1.2, 1.0, 1.4);
    cr_assert_eq(ratio_ci_status(&c, 1.10), COMPARE_NOISE, "an interval touching 1 is noise");
}

/* A median on the threshold is noise whichever side it falls, however
 * narrow its interval: the band is relative, 3% either side. */
Test(report_significance, a_ratio_on_the_threshold_is_noise)
{
    static const struct {
        double ratio, lo, hi, threshold;
        compare_status want;
        const char *why;
    } cases[] = {
        {1.10, 1.09, 1.11, 1.10, COMPARE_NOISE, "exactly on it"},
        {1.13, 1.12, 1.14, 1.10, COMPARE_NOISE, "2.7% above"},
        {1.08, 1.079, 1.081, 1.10, COMPARE_NOISE, "1.8% below, interval wholly under"},
        {1.14, 1.13, 1.15, 1.10, COMPARE_HOLDS, "3.6% above"},
        {1.06, 1.05, 1.07, 1.10, COMPARE_SMALL, "3.8% below"},
        {2.0, 1.9, 2.1, 2.0, COMPARE_NOISE, "the band scales with the threshold"},
        {2.07, 2.0, 2.1, 2.0, COMPARE_HOLDS, "3.5% above 2x"},
        {0.9, 0.85, 0.95, 1.10, COMPARE_AGAINST, "reversed stays reversed"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        ratio_ci c = ci(cases[i].ratio, cases[i].lo, cases[i].hi);
        cr_assert_eq(ratio_ci_status(&c, cases[i].threshold), cases[i].want, "%s",
                     cases[i].why);
    }
}

/* The threshold, not 1 alone, decides: the two X1 outcomes in L1 of two
 * runs (2x threshold) are the same answer, and a median just short of the
 * threshold with the interval across it cannot be told. */
Test(report_significance, an_interval_wholly_under_the_threshold_is_too_small)
{
    ratio_ci c = ci(1.1, 0.998, 1.22);
    cr_assert_eq(ratio_ci_status(&c, 2.0), COMPARE_SMALL, "contains 1, under 2x");
    c = ci(1.14, 1.12, 1.28);
    cr_assert_eq(ratio_ci_status(&c, 2.0), COMPARE_SMALL);
    c = ci(1.02, 0.97, 1.08);
    cr_assert_eq(ratio_ci_status(&c, 1.10), COMPARE_SMALL, "no difference is not 1.10x");
    c = ci(1.05, 1.02, 1.11);
    cr_assert_eq(ratio_ci_status(&c, 1.10), COMPARE_NOISE, "across the threshold");
    c = ci(1.05, 0.95, 1.10);
    cr_assert_eq(ratio_ci_status(&c, 1.10), COMPARE_NOISE, "reaching the threshold");
    c = ci(0.98, 0.9, 0.999);
    cr_assert_eq(ratio_ci_status(&c, 1.10), COMPARE_AGAINST);
}

/* A comparison as a claim's part: only the interval above the threshold
 * holds; too small and reversed are both real differences against the
 * claim; an unknown status is not read as holding. */
Test(report_significance, a_comparison_as_a_part_verdict)
{
    cr_assert_eq(compare_verdict_kind(COMPARE_HOLDS), VERDICT_HOLDS);
    cr_assert_eq(compare_verdict_kind(COMPARE_NOISE), VERDICT_WITHIN_NOISE);
    cr_assert_eq(compare_verdict_kind(COMPARE_SMALL), VERDICT_DOES_NOT_HOLD);
    cr_assert_eq(compare_verdict_kind(COMPARE_AGAINST), VERDICT_DOES_NOT_HOLD);
    cr_assert_eq(compare_verdict_kind((compare_status)99), VERDICT_DOES_NOT_HOLD);
}

Test(report_significance, compare_cases_on_fixture_runs)
{
    report_run run;
    char err[512];
    cr_assert(report_run_load(&run, FIXTURES "mem_rss_spread", err, sizeof err), "%s", err);
    case_comparison c;
    cr_assert_eq(compare_cases(&run, "queue/thread_per_item/10000", "queue/pool/10000",
                               "rss_over_baseline", 1.10, &c), SAMPLE_OK);
    cr_assert(c.has_ci);
    cr_assert_eq(c.status, COMPARE_HOLDS);
    cr_assert_float_eq(c.ci.ratio, 2.0, 1e-9, "448 KiB against 224 KiB");
    cr_assert_float_eq(c.costly.min, 360 * 1024.0, 1e-9, "the range is kept beside it");

    cr_assert_eq(compare_cases(&run, "queue/thread_per_item/1000", "queue/pool/1000",
                               "rss_over_baseline", 1.10, &c), SAMPLE_OK);
    cr_assert_eq(c.status, COMPARE_NOISE);

    cr_assert_eq(compare_cases(&run, "queue/nothing/1", "queue/pool/1000",
                               "rss_over_baseline", 1.10, &c), SAMPLE_MISSING);
    report_run_free(&run);
}

/* A counter of 0 cannot be resampled as a ratio: the ranges decide. */
Test(report_significance, unusable_samples_fall_back_to_the_ranges)
{
    report_run run;
    char err[512];
    cr_assert(report_run_load(&run, FIXTURES "mem_holds", err, sizeof err), "%s", err);
    case_comparison c;
    cr_assert_eq(compare_cases(&run, "queue/unbounded/1000", "queue/bounded/1000",
                               "producer_waits", 1.10, &c), SAMPLE_OK);
    cr_assert_not(c.has_ci, "every producer_waits is 0");
    cr_assert_eq(c.status, summary_compare(c.costly, c.cheap, 1.10));
    report_run_free(&run);
}
