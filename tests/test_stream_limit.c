/* test_stream_limit.c - S5's child under a memory limit: how an exit
 * status reads (completed, allocation failed, killed by a signal,
 * failed), the peak the child sends on descriptor 3, the limit itself,
 * and a child that cannot start.  Scripts stand in for the bench's child:
 * a memory limit under ASan would abort on its own shadow mappings. */
#include "stream/limit.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

static char script[64];

/* A shell script that runs 'body' whatever its arguments. */
static const char *make_script(const char *body)
{
    snprintf(script, sizeof script, "/tmp/test_stream_limit.XXXXXX");
    int fd = mkstemp(script);
    cr_assert_geq(fd, 0);
    FILE *f = fdopen(fd, "w");
    cr_assert_not_null(f);
    fprintf(f, "#!/bin/sh\n%s\n", body);
    fclose(f);
    cr_assert_eq(chmod(script, 0700), 0);
    return script;
}

static void remove_script(void)
{
    if (script[0])
        unlink(script);
}

TestSuite(stream_limit, .fini = remove_script);

Test(stream_limit, exit_statuses_read_as_how_the_child_ended)
{
    limit_outcome o = limit_outcome_of(0, 4096);
    cr_assert_eq(o.end, LIMIT_COMPLETED);
    cr_assert_eq(o.peak_rss, 4096);
    o = limit_outcome_of(STREAM_CHILD_NO_MEMORY, 0);
    cr_assert_eq(o.end, LIMIT_NO_MEMORY);
    o = limit_outcome_of(128 + 9, 0);
    cr_assert_eq(o.end, LIMIT_KILLED);
    cr_assert_eq(o.signal, 9);
    cr_assert_eq(limit_outcome_of(1, 0).end, LIMIT_FAILED, "a wrong total");
    cr_assert_eq(limit_outcome_of(2, 0).end, LIMIT_FAILED, "a bad spec");
    cr_assert_eq(limit_outcome_of(127, 0).end, LIMIT_FAILED, "could not start");
    cr_assert_eq(limit_outcome_of(128, 0).end, LIMIT_FAILED, "no signal 0");
    cr_assert_str_eq(limit_end_name(LIMIT_NO_MEMORY), "allocation failed");
    cr_assert_str_eq(limit_end_name(LIMIT_KILLED), "killed by a signal");
    cr_assert_str_eq(limit_end_name((limit_end)99), "unknown");
    cr_assert_str_eq(limit_end_name((limit_end)-1), "unknown");
}

Test(stream_limit, a_child_that_completes_sends_its_peak)
{
    limit_outcome o;
    cr_assert_eq(limit_run_child(make_script("echo 123456 >&3; exit 0"), 1 << 20,
                                 "slurp:1:2:0:/nowhere", &o), 0);
    cr_assert_eq(o.end, LIMIT_COMPLETED);
    cr_assert_eq(o.peak_rss, 123456);
}

Test(stream_limit, a_refused_allocation_is_not_a_failure)
{
    limit_outcome o;
    cr_assert_eq(limit_run_child(make_script("echo 99 >&3; exit 3"), 1 << 20, "x", &o), 0);
    cr_assert_eq(o.end, LIMIT_NO_MEMORY);
    cr_assert_eq(o.peak_rss, 99, "sent before it exited");
}

Test(stream_limit, a_killed_child_has_its_signal_and_no_peak)
{
    limit_outcome o;
    cr_assert_eq(limit_run_child(make_script("kill -9 $$"), 1 << 20, "x", &o), 0);
    cr_assert_eq(o.end, LIMIT_KILLED);
    cr_assert_eq(o.signal, 9);
    cr_assert_eq(o.peak_rss, 0);
}

Test(stream_limit, garbage_on_the_report_descriptor_is_no_peak)
{
    limit_outcome o;
    cr_assert_eq(limit_run_child(make_script("echo lots >&3; exit 0"), 1 << 20, "x", &o), 0);
    cr_assert_eq(o.end, LIMIT_COMPLETED);
    cr_assert_eq(o.peak_rss, 0);
}

Test(stream_limit, a_child_that_cannot_start_is_an_error)
{
    limit_outcome o;
    cr_assert_eq(limit_run_child("/nonexistent/program", 1 << 20, "x", &o), -1);
}

Test(stream_limit, a_spec_too_long_is_refused)
{
    char spec[600];
    memset(spec, 'a', sizeof spec - 1);
    spec[sizeof spec - 1] = '\0';
    limit_outcome o;
    cr_assert_eq(limit_run_child("/bin/true", 1, spec, &o), -1);
}

/* Criterion runs each test in its own process: the limit stays there. */
Test(stream_limit, the_limit_is_what_the_process_has_plus_the_budget)
{
    struct rlimit before;
    cr_assert_eq(getrlimit(RLIMIT_AS, &before), 0);
    cr_assert_eq(limit_apply((size_t)1 << 40), 0);
    struct rlimit after;
    cr_assert_eq(getrlimit(RLIMIT_AS, &after), 0);
    cr_assert_geq(after.rlim_cur, (rlim_t)1 << 40);
    cr_assert_eq(after.rlim_cur, after.rlim_max);
    errno = 0;
    cr_assert_eq(limit_apply(SIZE_MAX), -1, "a budget past the address space");
    cr_assert_eq(errno, EINVAL);
}
