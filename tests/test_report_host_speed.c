/* test_report_host_speed.c - which cases ran while the host was slow:
 * each case's host check against machine.json's, counted exactly, with
 * the warning's share at its boundary and the runs that cannot tell; and
 * whether a run's calibration should be measured again (recalibration.h). */
#include "report/host_speed.h"
#include "report/recalibration.h"

#include "test_dir.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char dir[] = "/tmp/report_host_speed_XXXXXX";

static void setup(void)
{
    test_dir_make(dir);
}

static void teardown(void)
{
    test_dir_remove(dir);
}

TestSuite(report_host_speed, .init = setup, .fini = teardown);

static void put_machine(const char *host_check)
{
    char body[512];
    snprintf(body, sizeof body,
             "{\"format\": \"memlayout-machine-profile-1\", \"measured\": {\"levels\": "
             "[{\"name\": \"L1\", \"bytes\": 32768, \"ns\": 1.2}], \"memory_ns\": 90, "
             "\"line_bytes\": 64%s}}",
             host_check);
    test_dir_put(dir, "machine.json", body);
}

/* A results file of one bench: case <bench>/x/<k> for k < ncases, each with
 * one repetition per check value in checks (NULL: no counter). */
static void put_bench(const char *bench, size_t ncases, const double *checks, size_t nchecks)
{
    char name[64];
    snprintf(name, sizeof name, "%s.json", bench);
    size_t cap = 512 + ncases * nchecks * 200;
    char *body = malloc(cap);
    cr_assert_not_null(body);
    size_t used = (size_t)snprintf(body, cap, "{\"context\": {}, \"benchmarks\": [");
    for (size_t c = 0; c < ncases; c++)
        for (size_t k = 0; k < nchecks; k++) {
            used += (size_t)snprintf(body + used, cap - used,
                                     "%s{\"name\": \"%s/x/%zu\", \"run_name\": \"%s/x/%zu\", "
                                     "\"run_type\": \"iteration\", \"real_time\": 5, "
                                     "\"cpu_time\": 5, \"time_unit\": \"ns\"",
                                     c || k ? ", " : "", bench, c, bench, c);
            if (!isnan(checks[k]))
                used += (size_t)snprintf(body + used, cap - used, ", \"host_check_ns\": %g",
                                         checks[k]);
            used += (size_t)snprintf(body + used, cap - used, "}");
        }
    snprintf(body + used, cap - used, "]}");
    test_dir_put(dir, name, body);
    free(body);
}

static void summarize(host_speed_summary *hs)
{
    report_run run;
    char err[256];
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    report_host_speed(&run, hs);
    report_run_free(&run);
}

Test(report_host_speed, slowed_repetitions_are_counted_per_program)
{
    put_machine(", \"host_check_ns\": 20000");
    /* 1.25x exactly is slowed; just under is not; the worst is kept. */
    const double a[] = {20000, 24999, 25000, 40000, 19000};
    put_bench("a", 2, a, 5);
    const double b[] = {20100, 20200};
    put_bench("b", 3, b, 2);
    host_speed_summary hs;
    summarize(&hs);
    cr_assert(hs.known);
    cr_assert_float_eq(hs.calibration_ns, 20000, 1e-9);
    cr_assert_eq(hs.nprograms, 2);
    cr_assert_str_eq(hs.programs[0].name, "a");
    cr_assert_eq(hs.programs[0].runs, 10);
    cr_assert_eq(hs.programs[0].slowed, 4);
    cr_assert_float_eq(hs.programs[0].worst, 2.0, 1e-12);
    cr_assert_str_eq(hs.programs[1].name, "b");
    cr_assert_eq(hs.programs[1].runs, 6);
    cr_assert_eq(hs.programs[1].slowed, 0);
    cr_assert_eq(hs.runs, 16);
    cr_assert_eq(hs.slowed, 4);
    cr_assert(host_speed_program_slowed(&hs.programs[0]));
    cr_assert_not(host_speed_program_slowed(&hs.programs[1]));

    text t = TEXT_INIT;
    cr_assert_eq(host_speed_slowed_programs(&hs, &t), 1);
    cr_assert_str_eq(text_str(&t), "a 4 of 10 (up to 2.00x)");
    text_clear(&t);
    host_speed_sentence(&hs, &t);
    cr_assert_str_eq(text_str(&t), "20.0 us (the calibration's); 1.25x slower or more in 4 "
                                   "of 16 case runs: a 4 of 10 (up to 2.00x); 4 left out of "
                                   "the figures");
    cr_assert_eq(hs.dropped, 4, "each case of a keeps its three fast repetitions");
    cr_assert_eq(hs.kept_slowed, 0);
    text_free(&t);
}

Test(report_host_speed, the_warning_starts_at_five_percent_of_a_program)
{
    put_machine(", \"host_check_ns\": 1000");
    double checks[20];
    for (size_t i = 0; i < 20; i++)
        checks[i] = 1000;
    checks[7] = 1300;  /* 1 of 20: 5%, warned */
    put_bench("a", 1, checks, 20);
    const double twenty_one[] = {1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000,
                                 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1300};
    put_bench("b", 1, twenty_one, 21); /* 1 of 21: under 5%, not warned */
    host_speed_summary hs;
    summarize(&hs);
    cr_assert_eq(hs.programs[0].slowed, 1);
    cr_assert(host_speed_program_slowed(&hs.programs[0]));
    cr_assert_eq(hs.programs[1].slowed, 1);
    cr_assert_not(host_speed_program_slowed(&hs.programs[1]));
}

Test(report_host_speed, a_quiet_run_says_every_case_was_within)
{
    put_machine(", \"host_check_ns\": 20000");
    const double a[] = {20000, 20500};
    put_bench("a", 1, a, 2);
    host_speed_summary hs;
    summarize(&hs);
    text t = TEXT_INIT;
    cr_assert_eq(host_speed_slowed_programs(&hs, &t), 0);
    cr_assert_str_eq(text_str(&t), "");
    host_speed_sentence(&hs, &t);
    cr_assert_str_eq(text_str(&t),
                     "20.0 us (the calibration's); every case within 1.25x of it (2 case "
                     "runs)");
    text_free(&t);
}

Test(report_host_speed, without_a_calibration_the_cases_median_is_the_reference)
{
    const double a[] = {20000, 21000, 30000};
    put_bench("a", 1, a, 3);
    host_speed_summary hs;
    summarize(&hs); /* no machine.json */
    cr_assert(hs.known);
    cr_assert(isnan(hs.calibration_ns));
    cr_assert_float_eq(hs.reference_ns, 21000, 1e-9);
    cr_assert_eq(hs.slowed, 1, "30000 is 1.43x the median");
}

Test(report_host_speed, a_slowed_calibration_is_said_and_not_used)
{
    put_machine(", \"host_check_ns\": 30000");
    const double a[] = {20000, 20000, 30000};
    put_bench("a", 2, a, 3);
    host_speed_summary hs;
    summarize(&hs);
    cr_assert_float_eq(hs.reference_ns, 20000, 1e-9, "the cases' median, not calibration's");
    cr_assert(hs.calibration_slowed);
    cr_assert_eq(hs.slowed, 2);
    text t = TEXT_INIT;
    host_speed_sentence(&hs, &t);
    cr_assert_str_eq(text_str(&t), "20.0 us (the cases' median), calibration 30.0 us "
                                   "(calibration slowed: its measured levels may be off); "
                                   "1.25x slower or more in 2 of 6 case runs: a 2 of 6 (up to "
                                   "1.50x); 2 left out of the figures");
    text_free(&t);
}

Test(report_host_speed, a_calibration_that_ran_beside_another_thread_is_said)
{
    /* Its fastest check is the cases' speed, but 90 repeats ran slowed. */
    put_machine(", \"host_check_ns\": 19757, \"host_gate_gave_up\": 90");
    const double a[] = {19500, 19600};
    put_bench("a", 1, a, 2);
    host_speed_summary hs;
    summarize(&hs);
    cr_assert(hs.calibration_slowed);
    cr_assert_eq(hs.calibration_gave_up, 90);

    put_machine(", \"host_check_ns\": 19757, \"host_gate_gave_up\": 0");
    summarize(&hs);
    cr_assert_not(hs.calibration_slowed, "it waited and never had to give up");
    cr_assert_eq(hs.calibration_gave_up, 0);
}

/* One case, "a/x/0", whose repetitions carry the metric v and the checks. */
static void put_case(const double *v, const double *checks, size_t n)
{
    char body[4096];
    size_t used = (size_t)snprintf(body, sizeof body, "{\"context\": {}, \"benchmarks\": [");
    for (size_t k = 0; k < n; k++)
        used += (size_t)snprintf(body + used, sizeof body - used,
                                 "%s{\"name\": \"a/x/0\", \"run_name\": \"a/x/0\", "
                                 "\"run_type\": \"iteration\", \"real_time\": 5, "
                                 "\"time_unit\": \"ns\", \"v\": %g, \"host_check_ns\": %g}",
                                 k ? ", " : "", v[k], checks[k]);
    snprintf(body + used, sizeof body - used, "]}");
    test_dir_put(dir, "a.json", body);
}

static summary summary_of_v(size_t *nsamples)
{
    report_run run;
    char err[256];
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    summary s;
    cr_assert_eq(report_run_summary(&run, "a/x/0", "v", &s), SAMPLE_OK);
    double samples[8], checks[8];
    cr_assert_eq(report_run_samples(&run, "a/x/0", "v", samples, 8, nsamples), SAMPLE_OK);
    size_t nchecks;
    cr_assert_eq(report_run_samples(&run, "a/x/0", "host_check_ns", checks, 8, &nchecks),
                 SAMPLE_OK);
    cr_assert_eq(nchecks, 5, "the checks themselves are read whole");
    report_run_free(&run);
    return s;
}

Test(report_host_speed, slowed_repetitions_leave_the_figures_while_two_remain)
{
    put_machine(", \"host_check_ns\": 20000");
    const double v[] = {1, 1, 5, 5, 5};
    const double two_fast[] = {20000, 20000, 40000, 40000, 40000};
    put_case(v, two_fast, 5);
    size_t n;
    summary s = summary_of_v(&n);
    cr_assert_eq(n, 2);
    cr_assert_float_eq(s.median, 1, 1e-12, "only the fast repetitions");
    cr_assert_float_eq(s.max, 1, 1e-12);

    const double one_fast[] = {20000, 40000, 40000, 40000, 40000};
    put_case(v, one_fast, 5);
    s = summary_of_v(&n);
    cr_assert_eq(n, 5, "one would be too few: the case keeps all");
    cr_assert_float_eq(s.median, 5, 1e-12);
    report_run run;
    char err[256];
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    cr_assert_eq(run.host_slowed_cases, 1);
    cr_assert_eq(run.host_dropped_reps, 0);
    report_run_free(&run);
}

Test(report_host_speed, without_checks_nothing_is_known_or_left_out)
{
    put_machine(", \"host_check_ns\": 20000");
    const double none[] = {NAN, NAN};
    put_bench("a", 2, none, 2); /* results from before the check */
    host_speed_summary hs;
    summarize(&hs);
    cr_assert_not(hs.known);
    cr_assert_eq(hs.nprograms, 0);
    cr_assert_eq(hs.dropped, 0);
    text t = TEXT_INIT;
    host_speed_sentence(&hs, &t);
    cr_assert_str_eq(text_str(&t), "not measured (no case carries host_check_ns)");
    text_free(&t);
}

Test(report_host_speed, a_calibration_measured_again_is_said_with_the_first)
{
    put_machine(", \"host_check_ns\": 19500}, \"first_calibration\": "
                "{\"host_check_ns\": 29000, \"host_gate_gave_up\": 3");
    const double a[] = {19400, 19600};
    put_bench("a", 1, a, 2);
    host_speed_summary hs;
    summarize(&hs);
    cr_assert_not(hs.calibration_slowed, "the new calibration ran unslowed");
    cr_assert(hs.recalibrated);
    cr_assert_float_eq(hs.first_calibration_ns, 29000, 1e-9);
    cr_assert_eq(hs.first_gave_up, 3);
    text t = TEXT_INIT;
    host_speed_sentence(&hs, &t);
    cr_assert(strstr(text_str(&t), "(calibrated again after the programs: the first "
                                   "calibration ran slowed, check 29.0 us, 3 repeats beside "
                                   "another thread; kept in machine.json as first_calibration)"),
              "%s", text_str(&t));
    text_free(&t);

    put_machine(", \"host_check_ns\": 19500");
    summarize(&hs);
    cr_assert_not(hs.recalibrated, "one calibration only");
}

Test(report_host_speed, the_calibration_slowed_rule_at_its_edges)
{
    cr_assert(host_speed_calibration_slowed(25000, 0, 20000), "1.25x exactly is slowed");
    cr_assert_not(host_speed_calibration_slowed(24999, 0, 20000));
    cr_assert(host_speed_calibration_slowed(19000, 1, 20000), "one repeat beside the thread");
    cr_assert_not(host_speed_calibration_slowed(NAN, 0, 20000), "no check, no repeats");
    cr_assert_not(host_speed_calibration_slowed(30000, 0, NAN), "no cases to compare with");
}

Test(report_host_speed, a_slowed_calibration_asks_to_be_measured_again)
{
    put_machine(", \"host_check_ns\": 30000");
    const double a[] = {20000, 20000, 21000};
    put_bench("a", 2, a, 3);
    recalibration r;
    char err[256];
    cr_assert(recalibration_read(dir, &r, err, sizeof err), "%s", err);
    cr_assert(r.slowed);
    cr_assert_float_eq(r.profile.host_check_ns, 30000, 1e-9);
    cr_assert_float_eq(r.reference_ns, 20000, 1e-9, "the cases' median");
    cr_assert(recalibration_may_replace(&r, 20500, 0));
    cr_assert_not(recalibration_may_replace(&r, 25000, 0), "slowed like the first");
    cr_assert_not(recalibration_may_replace(&r, 20000, 2), "repeats beside another thread");

    put_machine(", \"host_check_ns\": 20100");
    cr_assert(recalibration_read(dir, &r, err, sizeof err), "%s", err);
    cr_assert_not(r.slowed, "a calibration at the cases' speed stays");

    put_machine(", \"host_check_ns\": 19000, \"host_gate_gave_up\": 4");
    cr_assert(recalibration_read(dir, &r, err, sizeof err), "%s", err);
    cr_assert(r.slowed, "fast, but some repeats ran beside another thread");
}

Test(report_host_speed, a_run_without_a_profile_cannot_be_measured_again)
{
    const double a[] = {20000};
    put_bench("a", 1, a, 1);
    recalibration r;
    char err[256] = "";
    cr_assert_not(recalibration_read(dir, &r, err, sizeof err));
    cr_assert(strstr(err, "machine.json"), "%s", err);

    put_machine(", \"host_check_ns\": 30000");
    test_dir_put(dir, "b.json", "{not json");
    cr_assert_not(recalibration_read(dir, &r, err, sizeof err));
    cr_assert(strstr(err, "b.json"), "%s", err);
}
