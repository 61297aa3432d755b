/* test_fault_share.c - a case's faults times the run's calibrated cost,
 * against its time per iteration (report/fault_share.h), on the fixture
 * runs: the arithmetic, the wording at 0 faults and past 100%, and every
 * reason to show nothing (no cost, no counter, no case, a failed case,
 * no items). */
#include "report/fault_share.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define FIXTURES "tests/fixtures/report/"

static report_run run;

static void load(const char *dir)
{
    char err[512];
    report_run_free(&run);
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
}

static void cleanup(void)
{
    report_run_free(&run);
}

TestSuite(fault_share, .fini = cleanup);

Test(fault_share, the_cost_comes_from_the_runs_machine_json)
{
    load(FIXTURES "mem_s1_faults");
    cr_assert_float_eq(report_run_fault_us(&run), 0.25, 1e-12);
    load(FIXTURES "mem_s1_nocost");
    cr_assert(isnan(report_run_fault_us(&run)));
}

Test(fault_share, a_run_without_machine_json_has_no_cost)
{
    char dir[] = "/tmp/fault_share_XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    load(dir);
    cr_assert(isnan(report_run_fault_us(&run)));
    rmdir(dir);
}

Test(fault_share, faults_times_the_cost_against_the_time_per_pass)
{
    load(FIXTURES "mem_s1_faults");
    fault_share s;
    cr_assert(fault_share_of(&run, "stream/slurp/268435456", 268435456, 0.25, &s));
    cr_assert_float_eq(s.faults, 65536, 1e-9);
    cr_assert_float_eq(s.fault_ns, 65536 * 250.0, 1e-6);
    cr_assert_float_eq(s.time_ns, 268435456.0, 1e-3);   /* 1 ns per byte, the median */
    text t = TEXT_INIT;
    fault_share_text(&t, &s, "pass");
    cr_assert_str_eq(text_str(&t), "65536 faults x 0.25 us = 16.4 ms of the 268 ms per "
                                   "pass (6%)");
    text_free(&t);
}

Test(fault_share, no_share_without_a_cost_a_counter_a_case_or_items)
{
    fault_share s = {.faults = -1};
    load(FIXTURES "mem_s1_faults");
    cr_assert_not(fault_share_of(&run, "stream/slurp/268435456", 268435456, NAN, &s));
    cr_assert_not(fault_share_of(&run, "stream/slurp/268435456", 268435456, 0, &s));
    cr_assert_not(fault_share_of(&run, "stream/slurp/268435456", 268435456, INFINITY, &s));
    cr_assert_not(fault_share_of(&run, "stream/slurp/268435456", 0, 0.25, &s));
    cr_assert_not(fault_share_of(&run, "stream/slurp/3", 3, 0.25, &s), "no such case");
    /* The long-line cases have no faults counter in the fixture. */
    cr_assert_not(fault_share_of(&run, "stream/long_reader/16384", 16384, 0.25, &s));
    load(FIXTURES "mem_holds");   /* made before the counter */
    cr_assert_not(fault_share_of(&run, "stream/slurp/268435456", 268435456, 0.25, &s));
    load(FIXTURES "mem_missing");   /* slurp at 16 MiB failed its check */
    cr_assert_not(fault_share_of(&run, "stream/slurp/16777216", 16777216, 0.25, &s));
    cr_assert_float_eq(s.faults, -1, 0, "untouched");
}

Test(fault_share, zero_faults_and_faults_past_the_whole_time_read_plainly)
{
    text t = TEXT_INIT;
    fault_share none = {.faults = 0, .fault_us = 12.3, .fault_ns = 0, .time_ns = 5e6};
    fault_share_text(&t, &none, "pass");
    cr_assert_str_eq(text_str(&t), "0 faults per pass");
    text_clear(&t);
    /* Cheaper faults than the calibration's: more than all of the time. */
    fault_share over = {.faults = 2.5, .fault_us = 10, .fault_ns = 25e3, .time_ns = 20e3};
    fault_share_text(&t, &over, "build");
    cr_assert_str_eq(text_str(&t), "2.5 faults x 10 us = 25 us of the 20 us per build "
                                   "(more than all of it: these faults cost less than the "
                                   "calibrated one)");
    text_clear(&t);
    fault_share big = {.faults = 193000, .fault_us = 12.3, .fault_ns = 2.3739e9,
                       .time_ns = 3.39e9};
    fault_share_text(&t, &big, "build");
    cr_assert_str_eq(text_str(&t), "193000 faults x 12.3 us = 2.37 s of the 3.39 s per "
                                   "build (70%)");
    text_free(&t);
}
