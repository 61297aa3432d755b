/* test_case_rss.c - a case's peak RSS is measured once per spec and
 * remembered, from where its case began; where a child cannot say that,
 * against a baseline child measured once; a failing child is reported.  Uses
 * tests/helpers/child_probe.c, whose path make test puts in CHILD_PROBE. */
#include "harness/case_rss.h"

#include <criterion/criterion.h>
#include <stdlib.h>

static const char *probe(void)
{
    const char *path = getenv("CHILD_PROBE");
    cr_assert_not_null(path, "run through make test, which sets CHILD_PROBE");
    return path;
}

Test(case_rss, measures_once_per_spec_from_where_the_case_began)
{
    case_rss a = case_rss_measure_program(probe(), "touch:32");
    cr_assert_eq(a.status, 0);
    cr_assert_eq(case_rss_children_started(), 1, "the case's child, no baseline child");
    cr_assert(a.from_start);
    cr_assert_gt(a.baseline, 0);
    cr_assert_geq(a.peak, a.baseline + ((size_t)30 << 20), "peak %zu, baseline %zu",
                  a.peak, a.baseline);
    case_rss again = case_rss_measure_program(probe(), "touch:32");
    cr_assert_eq(case_rss_children_started(), 1, "a repetition starts no child");
    cr_assert_eq(again.peak, a.peak);
    case_rss b = case_rss_measure_program(probe(), "touch:1");
    cr_assert_eq(case_rss_children_started(), 2, "a new spec: one child");
    cr_assert_lt(b.peak, a.peak);
}

Test(case_rss, without_a_start_a_baseline_child_is_measured_once)
{
    cr_assert_eq(setenv("MEMLAYOUT_RSS_BASELINE_CHILD", "1", 1), 0);
    case_rss a = case_rss_measure_each_program(probe(), "touch:32");
    case_rss b = case_rss_measure_each_program(probe(), "touch:32");
    unsetenv("MEMLAYOUT_RSS_BASELINE_CHILD");
    cr_assert_eq(a.status, 0);
    cr_assert_eq(b.status, 0);
    cr_assert_eq(case_rss_children_started(), 3, "the case, the baseline, the case");
    cr_assert_gt(a.baseline, 0);
    cr_assert_eq(b.baseline, a.baseline, "the baseline is not measured again");
    cr_assert_geq(a.peak, a.baseline + ((size_t)30 << 20));
    cr_assert(!a.from_start);
    cr_assert(!b.from_start);
}

Test(case_rss, a_failing_child_is_reported_and_remembered)
{
    case_rss r = case_rss_measure_program(probe(), "exit:3");
    cr_assert_eq(r.status, 3);
    unsigned before = case_rss_children_started();
    r = case_rss_measure_program(probe(), "exit:3");
    cr_assert_eq(r.status, 3);
    cr_assert_eq(case_rss_children_started(), before);
    r = case_rss_measure_program("/nonexistent/program", "x");
    cr_assert_eq(r.status, 127, "a failed baseline or case is never a good figure");
}

Test(case_rss, measure_each_starts_a_child_per_call)
{
    /* 32 MiB, as above: under valgrind (make memcheck) a child's start
     * itself moves by megabytes. */
    case_rss a = case_rss_measure_each_program(probe(), "touch:32");
    cr_assert_eq(a.status, 0);
    cr_assert_eq(case_rss_children_started(), 1);
    cr_assert_geq(a.peak, a.baseline + ((size_t)30 << 20));
    case_rss b = case_rss_measure_each_program(probe(), "touch:32");
    cr_assert_eq(b.status, 0);
    cr_assert_eq(case_rss_children_started(), 2, "a repetition starts its own child");
    cr_assert_geq(b.peak, b.baseline + ((size_t)30 << 20));
    /* Not remembered for the memoizing call either: it starts its own. */
    case_rss c = case_rss_measure_program(probe(), "touch:32");
    cr_assert_eq(c.status, 0);
    cr_assert_eq(case_rss_children_started(), 3);
}

Test(case_rss, measure_each_reports_a_failing_child_every_time)
{
    cr_assert_eq(case_rss_measure_each_program(probe(), "exit:4").status, 4);
    cr_assert_eq(case_rss_measure_each_program(probe(), "exit:4").status, 4);
    cr_assert_eq(case_rss_children_started(), 2, "a failed case needs no baseline");
}

Test(case_rss, over_baseline_is_the_difference_or_0)
{
    case_rss good = {.status = 0, .peak = 5000, .baseline = 3000};
    cr_assert_eq(case_rss_over_baseline(&good), 2000);
    case_rss equal = {.status = 0, .peak = 3000, .baseline = 3000};
    cr_assert_eq(case_rss_over_baseline(&equal), 0);
    case_rss below = {.status = 0, .peak = 2000, .baseline = 3000};
    cr_assert_eq(case_rss_over_baseline(&below), 0, "never wraps around");
    case_rss failed = {.status = 127, .peak = 5000, .baseline = 3000};
    cr_assert_eq(case_rss_over_baseline(&failed), 0);
}

Test(case_rss, over_baseline_of_a_measured_child)
{
    case_rss a = case_rss_measure_program(probe(), "touch:32");
    cr_assert_eq(a.status, 0);
    cr_assert_geq(case_rss_over_baseline(&a), (size_t)30 << 20);
    case_rss f = case_rss_measure_program(probe(), "exit:4");
    cr_assert_eq(case_rss_over_baseline(&f), 0);
}
