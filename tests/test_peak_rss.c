/* test_peak_rss.c - a child case's peak resident memory is its own, and a
 * child that fails or cannot start is reported.  Uses the helper program
 * tests/helpers/child_probe.c, whose path make test puts in CHILD_PROBE. */
#include "harness/peak_rss.h"
#include "shim/bench.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static const char *probe(void)
{
    const char *path = getenv("CHILD_PROBE");
    cr_assert_not_null(path, "run through make test, which sets CHILD_PROBE");
    return path;
}

Test(peak_rss, self_grows_by_what_this_process_touches)
{
    size_t before = peak_rss_self();
    size_t bytes = (size_t)64 << 20;
    char *p = malloc(bytes);
    cr_assert_not_null(p);
    memset(p, 1, bytes);
    bench_do_not_optimize(p); /* keeps the compiler from dropping the buffer */
    size_t after = peak_rss_self();
    free(p);
    cr_assert_gt(before, 0);
    cr_assert_geq(after, before + bytes - ((size_t)1 << 20),
                  "before %zu, after %zu", before, after);
}

Test(peak_rss, a_child_reports_its_own_peak_not_its_parents)
{
    /* Hold 128 MiB here first: a child must not inherit it in its figure. */
    size_t held = (size_t)128 << 20;
    char *parent = malloc(held);
    cr_assert_not_null(parent);
    memset(parent, 1, held);
    bench_do_not_optimize(parent);

    size_t base, small, large;
    int status = -1;
    cr_assert_eq(peak_rss_of_program(probe(), "baseline", &base, &status), 0);
    cr_assert_eq(status, 0);
    cr_assert_eq(peak_rss_of_program(probe(), "touch:1", &small, NULL), 0);
    cr_assert_eq(peak_rss_of_program(probe(), "touch:64", &large, NULL), 0);
    free(parent);

    cr_assert_gt(base, 0);
    cr_assert_lt(base, held, "baseline %zu includes the parent's memory", base);
    cr_assert_geq(large, small + ((size_t)60 << 20), "small %zu, large %zu", small, large);
    cr_assert_lt(large, base + ((size_t)100 << 20), "large %zu, baseline %zu", large, base);
}

Test(peak_rss, reports_a_failing_or_killed_child)
{
    size_t peak = 1;
    int status;
    cr_assert_eq(peak_rss_of_program(probe(), "exit:3", &peak, &status), -1);
    cr_assert_eq(status, 3);
    cr_assert_eq(peak, 0);
    cr_assert_eq(peak_rss_of_program(probe(), "crash", &peak, &status), -1);
    cr_assert_eq(status, 128 + 9);
}

Test(peak_rss, reports_a_program_that_cannot_start)
{
    size_t peak = 1;
    int status;
    cr_assert_eq(peak_rss_of_program("/nonexistent/program", "x", &peak, &status), -1);
    cr_assert_eq(status, 127);
    cr_assert_eq(peak, 0);
}

Test(peak_rss, a_program_that_does_not_report_is_an_error)
{
    size_t peak;
    int status;
    /* /bin/true exits 0 but never writes its peak. */
    cr_assert_eq(peak_rss_of_program("/bin/true", "x", &peak, &status), -1);
    cr_assert_eq(status, 127);
}

Test(peak_rss, refuses_a_spec_too_long_for_its_buffer)
{
    char spec[400];
    memset(spec, 'x', sizeof spec - 1);
    spec[sizeof spec - 1] = '\0';
    size_t peak;
    int status;
    cr_assert_eq(peak_rss_of_child(spec, &peak, &status), -1);
    cr_assert_eq(status, 127);
}
