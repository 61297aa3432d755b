/* test_run_conditions.c - the run-condition readers always give a printable
 * string; the load check counts other programs' CPU time, not ours. */
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

/* /proc/stat and /proc/self/stat as a 2-CPU kernel writes them. */
#define STAT(user, system, idle, steal) \
    "cpu  " #user " 0 " #system " " #idle " 5 0 2 " #steal " 0 0\n" \
    "cpu0 1 0 1 1 0 0 0 0 0 0\ncpu1 1 0 1 1 0 0 0 0 0 0\nintr 123 4 5\nctxt 99\n"
#define SELF(utime, stime, cutime, cstime) \
    "4242 (my (odd) prog) R 1 4242 4242 0 -1 4194304 500 0 0 0 " \
    #utime " " #stime " " #cutime " " #cstime " 20 0 1 0 100 1000 200\n"

Test(run_conditions, a_sample_parses_busy_total_own_and_cpus)
{
    run_cpu_sample s;
    cr_assert(run_conditions_parse_sample(STAT(1000, 500, 3000, 10), SELF(300, 100, 50, 25), &s));
    cr_assert(s.ok);
    cr_assert_eq(s.total, 1000 + 500 + 3000 + 5 + 2 + 10);
    cr_assert_eq(s.busy, 1000 + 500 + 2 + 10, "idle and iowait are not busy");
    cr_assert_eq(s.own, 300 + 100 + 50 + 25, "children waited for count as ours");
    cr_assert_eq(s.cpus, 2);
}

Test(run_conditions, malformed_proc_text_is_refused)
{
    run_cpu_sample s;
    cr_assert_not(run_conditions_parse_sample("intr 1 2\n", SELF(1, 1, 0, 0), &s));
    cr_assert_not(s.ok);
    cr_assert_not(run_conditions_parse_sample("cpu  1 2\n", SELF(1, 1, 0, 0), &s));
    cr_assert_not(run_conditions_parse_sample(STAT(1, 1, 1, 0), "4242 (x) R 1 2 3", &s));
    cr_assert_not(run_conditions_parse_sample(STAT(1, 1, 1, 0), "no parenthesis", &s));
    cr_assert_not(run_conditions_parse_sample(STAT(1, 1, 1, 0), NULL, &s));
    /* No cpuN lines: the CPU count is unknown. */
    cr_assert_not(run_conditions_parse_sample("cpu  1 0 1 1 0 0 0 0 0 0\n", SELF(1, 1, 0, 0), &s));
}

Test(run_conditions, our_own_time_is_not_others_time)
{
    /* 10 s on 2 CPUs at 100 ticks/s: 2000 ticks.  We ran one CPU flat out
     * (1000 ticks, some of it in a child), nothing else ran. */
    run_cpu_sample a, b;
    run_conditions_parse_sample(STAT(1000, 500, 3000, 0), SELF(300, 100, 0, 0), &a);
    run_conditions_parse_sample(STAT(1900, 600, 4000, 0), SELF(1000, 150, 200, 50), &b);
    run_others o = run_conditions_others(&a, &b, 100);
    cr_assert(o.known);
    cr_assert_float_eq(o.share, 0.0, 1e-12);
    cr_assert_float_eq(o.seconds, 10.0, 1e-9);
    cr_assert_not(run_conditions_busy(&o), "a quiet machine gets no warning");
    char buf[128];
    cr_assert_str_eq(run_conditions_others_text(&o, buf, sizeof buf),
                     "others 0% of 2 CPUs (0.00 CPU) over 10.0 s");
}

Test(run_conditions, others_and_host_steal_count_against_the_run)
{
    run_cpu_sample a, b;
    run_conditions_parse_sample(STAT(1000, 500, 3000, 0), SELF(300, 100, 0, 0), &a);
    /* +1000 ticks ours, +600 others' user time, +100 stolen by the host, +300 idle. */
    run_conditions_parse_sample(STAT(2600, 500, 3300, 100), SELF(1300, 100, 0, 0), &b);
    run_others o = run_conditions_others(&a, &b, 100);
    cr_assert_float_eq(o.share, 700.0 / 2000.0, 1e-12);
    cr_assert_float_eq(o.cpus, 0.7, 1e-12);
    cr_assert(run_conditions_busy(&o));
}

Test(run_conditions, the_threshold_and_the_edges)
{
    run_others o = {.known = true, .share = RUN_OTHERS_WARN_SHARE - 0.001, .ncpus = 2};
    cr_assert_not(run_conditions_busy(&o));
    o.share = RUN_OTHERS_WARN_SHARE;
    cr_assert(run_conditions_busy(&o));
    o.known = false;
    cr_assert_not(run_conditions_busy(&o), "unknown is no warning");
    char buf[64];
    cr_assert_str_eq(run_conditions_others_text(&o, buf, sizeof buf), "unreadable");
    /* Our ticks above the busy total (counted apart): clamped to 0. */
    run_cpu_sample a = {.ok = true, .busy = 100, .total = 200, .own = 0, .cpus = 2};
    run_cpu_sample b = {.ok = true, .busy = 150, .total = 300, .own = 60, .cpus = 2};
    run_others c = run_conditions_others(&a, &b, 100);
    cr_assert_float_eq(c.share, 0, 1e-12);
    /* A counter that went back, or an unread sample: unknown. */
    b.total = 100;
    cr_assert_not(run_conditions_others(&a, &b, 100).known);
    b = a;
    b.ok = false;
    cr_assert_not(run_conditions_others(&a, &b, 100).known);
}

Test(run_conditions, this_machine_can_be_sampled)
{
    run_cpu_sample s = run_conditions_sample();
    cr_assert(s.ok);
    cr_assert_geq(s.cpus, 1);
    cr_assert_geq(s.total, s.busy);
    char buf[128];
    cr_assert(strncmp(run_conditions_others_since(&s, buf, sizeof buf), "others ", 7) == 0, "%s", buf);
}

Test(run_conditions, writes_one_programs_record_for_the_run)
{
    char path[] = "/tmp/test_run_conditions.XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    run_others o = {.known = true, .share = 0.03, .cpus = 0.06, .ncpus = 2, .seconds = 180.2};
    cr_assert(run_conditions_write(path, "traverse", &o));
    char text[256] = {0};
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    cr_assert_str_eq(text, "{\"name\": \"traverse\", \"others_cpu_share\": 0.03, \"seconds\": 180.2}");
    o.known = false;
    cr_assert(run_conditions_write(path, "a \"quoted\" name", &o));
    f = fopen(path, "r");
    n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    text[n] = '\0';
    cr_assert_str_eq(text, "{\"name\": \"a \\\"quoted\\\" name\", \"others_cpu_share\": null, "
                           "\"seconds\": 0.0}", "%s", text);
    remove(path);
}

Test(run_conditions, write_fails_plainly_where_it_cannot_write)
{
    run_others o = {.known = true, .share = 0.5, .ncpus = 2, .seconds = 1};
    cr_assert_not(run_conditions_write("/nonexistent-dir/conditions.json", "x", &o));
    cr_assert_not(run_conditions_write("/tmp/unused-conditions.json", NULL, &o),
                  "no name: nothing written");
}
