/* test_peak_rss.c - a child case's peak resident memory is its own, is
 * measured from where its case began, and a child that fails or cannot
 * start is reported.  Uses the helper program
 * tests/helpers/child_probe.c, whose path make test puts in CHILD_PROBE. */
#include "harness/peak_rss.h"
#include "shim/bench.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

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

    peak_rss_figure base, small, large;
    int status = -1;
    cr_assert_eq(peak_rss_of_program(probe(), "baseline", &base, &status), 0);
    cr_assert_eq(status, 0);
    cr_assert_eq(peak_rss_of_program(probe(), "touch:1", &small, NULL), 0);
    cr_assert_eq(peak_rss_of_program(probe(), "touch:64", &large, NULL), 0);
    free(parent);

    cr_assert_gt(base.peak, 0);
    cr_assert_eq(base.start, 0, "the baseline runs no case, so it has no start");
    cr_assert_lt(base.peak, held, "baseline %zu includes the parent's memory", base.peak);
    cr_assert_geq(large.peak, small.peak + ((size_t)60 << 20), "small %zu, large %zu",
                  small.peak, large.peak);
    cr_assert_lt(large.peak, base.peak + ((size_t)100 << 20), "large %zu, baseline %zu",
                 large.peak, base.peak);
    cr_assert_lt(large.start, held, "start %zu includes the parent's memory", large.start);
}

Test(peak_rss, a_child_measures_its_case_from_where_it_began)
{
    /* A fresh mapping of 16 MiB, touched page by page: the case grows by
     * that.  The kernel's resident-set counters are approximate (since
     * Linux 6.2 per-CPU counters, read without folding in each CPU's
     * last 32 or so pages), and under AddressSanitizer the runtime adds
     * its own pages: 1 MiB either way is more than both. */
    peak_rss_figure f;
    int status = -1;
    cr_assert_eq(peak_rss_of_program(probe(), "map_kib:16384", &f, &status), 0);
    cr_assert_eq(status, 0);
    cr_assert_gt(f.start, 0, "this kernel resets the high-water mark (Linux 4.0+)");
    size_t growth = f.peak - f.start, want = (size_t)16 << 20, slack = (size_t)1 << 20;
    cr_assert_geq(growth, want - slack, "peak %zu, start %zu", f.peak, f.start);
    cr_assert_leq(growth, want + slack, "peak %zu, start %zu", f.peak, f.start);
}

Test(peak_rss, the_earlier_method_reports_no_start)
{
    cr_assert_eq(setenv("MEMLAYOUT_RSS_BASELINE_CHILD", "1", 1), 0);
    peak_rss_figure f;
    int rc = peak_rss_of_program(probe(), "map_kib:64", &f, NULL);
    unsetenv("MEMLAYOUT_RSS_BASELINE_CHILD");
    cr_assert_eq(rc, 0);
    cr_assert_gt(f.peak, 0);
    cr_assert_eq(f.start, 0);
}

Test(peak_rss, reports_a_failing_or_killed_child)
{
    peak_rss_figure f = {1, 1};
    int status;
    cr_assert_eq(peak_rss_of_program(probe(), "exit:3", &f, &status), -1);
    cr_assert_eq(status, 3);
    cr_assert_eq(f.peak, 0);
    cr_assert_eq(f.start, 0);
    cr_assert_eq(peak_rss_of_program(probe(), "crash", &f, &status), -1);
    cr_assert_eq(status, 128 + 9);
}

Test(peak_rss, reports_a_program_that_cannot_start)
{
    peak_rss_figure f = {1, 1};
    int status;
    cr_assert_eq(peak_rss_of_program("/nonexistent/program", "x", &f, &status), -1);
    cr_assert_eq(status, 127);
    cr_assert_eq(f.peak, 0);
}

Test(peak_rss, a_program_that_does_not_report_is_an_error)
{
    peak_rss_figure f;
    int status;
    /* /bin/true exits 0 but never writes its peak. */
    cr_assert_eq(peak_rss_of_program("/bin/true", "x", &f, &status), -1);
    cr_assert_eq(status, 127);
}

Test(peak_rss, refuses_a_spec_too_long_for_its_buffer)
{
    char spec[400];
    memset(spec, 'x', sizeof spec - 1);
    spec[sizeof spec - 1] = '\0';
    peak_rss_figure f;
    int status;
    cr_assert_eq(peak_rss_of_child(spec, &f, &status), -1);
    cr_assert_eq(status, 127);
}

/* A stand-in child that writes 'report' where a child writes its figure. */
static void script_reporting(char *path, size_t size, const char *report)
{
    snprintf(path, size, "%s/peak_rss_script.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    FILE *f = fdopen(fd, "w");
    cr_assert_not_null(f);
    fprintf(f, "#!/bin/sh\nprintf '%s' >&3\n", report);
    cr_assert_eq(fclose(f), 0);
    cr_assert_eq(chmod(path, 0700), 0);
}

static int figure_of_report(const char *report, peak_rss_figure *f)
{
    char path[256];
    script_reporting(path, sizeof path, report);
    int status = -1;
    int rc = peak_rss_of_program(path, "x", f, &status);
    unlink(path);
    return rc == 0 ? 0 : status;
}

Test(peak_rss, reads_a_peak_with_or_without_its_start)
{
    peak_rss_figure f;
    cr_assert_eq(figure_of_report("8192 4096\\n", &f), 0);
    cr_assert_eq(f.peak, 8192);
    cr_assert_eq(f.start, 4096);
    /* A child built before the start was reported. */
    cr_assert_eq(figure_of_report("8192\\n", &f), 0);
    cr_assert_eq(f.peak, 8192);
    cr_assert_eq(f.start, 0);
}

Test(peak_rss, refuses_a_start_above_the_peak_or_a_garbled_report)
{
    peak_rss_figure f;
    cr_assert_eq(figure_of_report("4096 8192\\n", &f), 127);
    cr_assert_eq(f.peak, 0);
    cr_assert_eq(figure_of_report("4096 x\\n", &f), 127);
    cr_assert_eq(figure_of_report("4096 12", &f), 127, "no newline: cut short");
}
