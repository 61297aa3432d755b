/* test_run_conditions.c - the run-condition readers always give a printable string. */
#include "harness/run_conditions.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

Test(run_conditions, a_missing_file_reads_as_unreadable)
{
    char buf[64];
    cr_assert_str_eq(run_conditions_first_line("/nonexistent/governor", buf, sizeof buf),
                     "unreadable");
}

Test(run_conditions, first_line_drops_the_newline_and_the_rest)
{
    char path[] = "/tmp/run_conditions_XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    const char text[] = "performance\nsecond line\n";
    cr_assert_eq(write(fd, text, sizeof text - 1), (ssize_t)(sizeof text - 1));
    close(fd);
    char buf[64];
    cr_assert_str_eq(run_conditions_first_line(path, buf, sizeof buf), "performance");
    /* A buffer shorter than the line keeps a terminated prefix. */
    char small[5];
    cr_assert_str_eq(run_conditions_first_line(path, small, sizeof small), "perf");
    unlink(path);
}

Test(run_conditions, an_empty_file_reads_as_unreadable)
{
    char path[] = "/tmp/run_conditions_XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    char buf[64];
    cr_assert_str_eq(run_conditions_first_line(path, buf, sizeof buf), "unreadable");
    unlink(path);
}

Test(run_conditions, load_average_is_three_numbers)
{
    char buf[64];
    double a, b, c;
    const char *s = run_conditions_loadavg(buf, sizeof buf);
    cr_assert(strcmp(s, "unreadable") == 0 || sscanf(s, "%lf %lf %lf", &a, &b, &c) == 3, "%s", s);
}

Test(run_conditions, cpu_model_and_governor_are_never_empty)
{
    char buf[128];
    cr_assert_gt(strlen(run_conditions_cpu_model(buf, sizeof buf)), 0);
    cr_assert_gt(strlen(run_conditions_governor(buf, sizeof buf)), 0);
}
