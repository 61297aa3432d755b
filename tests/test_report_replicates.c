/* test_report_replicates.c - cases measured again by later processes of a
 * run (<run>/replicates/<bench>.<pass>.json): read as the repetitions of
 * process <pass>, and a comparison judged over the processes. */
#include "report/run.h"
#include "report/significance.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[] = "/tmp/report_replicates_XXXXXX";
static report_run run;

static void make_dir(void)
{
    cr_assert_not_null(mkdtemp(dir));
    char sub[512];
    snprintf(sub, sizeof sub, "%s/replicates", dir);
    cr_assert_eq(mkdir(sub, 0755), 0);
}

static void remove_all(void)
{
    report_run_free(&run);
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(report_replicates, .init = make_dir, .fini = remove_all);

/* Writes dir/file: a Google Benchmark result whose cases x/costly/1 and
 * x/cheap/1 took the given real times, three repetitions each (NULL: the
 * case is not in the file), each with host check check_ns (0: none). */
static void write_checked(const char *file, const double *costly, const double *cheap,
                          double check_ns)
{
    char path[600];
    snprintf(path, sizeof path, "%s/%s", dir, file);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "%s", path);
    fprintf(f, "{\"context\": {}, \"benchmarks\": [");
    const char *sep = "";
    for (int which = 0; which < 2; which++) {
        const double *t = which == 0 ? costly : cheap;
        for (int r = 0; t && r < 3; r++) {
            fprintf(f, "%s{\"name\": \"x/%s/1/real_time\", \"run_name\": \"x/%s/1/real_time\", "
                       "\"run_type\": \"iteration\", \"real_time\": %g, \"time_unit\": \"ns\"",
                    sep, which == 0 ? "costly" : "cheap", which == 0 ? "costly" : "cheap", t[r]);
            if (check_ns > 0)
                fprintf(f, ", \"host_check_ns\": %g", check_ns);
            fprintf(f, "}");
            sep = ", ";
        }
    }
    fprintf(f, "]}\n");
    fclose(f);
}

static void write_result(const char *file, const double *costly, const double *cheap)
{
    write_checked(file, costly, cheap, 0);
}

static void load_run(void)
{
    char err[1024] = "";
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
}

/* Three repetitions around t, 1% apart. */
#define AROUND(t) ((const double[]){0.99 * (t), (t), 1.01 * (t)})

Test(report_replicates, each_pass_is_a_process_of_the_same_cases)
{
    write_result("x.json", AROUND(110), AROUND(100));
    write_result("replicates/x.1.json", AROUND(220), AROUND(200));
    write_result("replicates/x.2.json", AROUND(330), AROUND(300));
    load_run();
    cr_assert_eq(run.nfiles, 1, "a replicate is no bench of its own");
    cr_assert_not(report_run_has_bench(&run, "x.1"));
    unsigned ids[REPORT_MAX_PROCESSES];
    cr_assert_eq(report_run_processes(&run, "x/costly/1", ids, REPORT_MAX_PROCESSES), 3);
    cr_assert(ids[0] == 0 && ids[1] == 1 && ids[2] == 2);
    double v[16];
    size_t n = 0;
    cr_assert_eq(report_run_process_samples(&run, "x/costly/1", "real_time", 1, v, 16, &n),
                 SAMPLE_OK);
    cr_assert_eq(n, 3);
    cr_assert_float_eq(v[1], 220, 1e-9, "pass 1's own repetitions");
    cr_assert_eq(report_run_process_samples(&run, "x/costly/1", "real_time", 5, v, 16, &n),
                 SAMPLE_MISSING, "no process 5");
    cr_assert_eq(report_run_samples(&run, "x/costly/1", "real_time", v, 16, &n), SAMPLE_OK);
    cr_assert_eq(n, 9, "every other reader pools the processes");
    cr_assert_eq(report_run_processes(&run, "x/none/1", ids, REPORT_MAX_PROCESSES), 0);
}

Test(report_replicates, a_run_without_replicates_has_one_process)
{
    write_result("x.json", AROUND(110), AROUND(100));
    load_run();
    unsigned ids[REPORT_MAX_PROCESSES];
    cr_assert_eq(report_run_processes(&run, "x/cheap/1", ids, REPORT_MAX_PROCESSES), 1);
    cr_assert_eq(ids[0], 0);
}

Test(report_replicates, names_without_a_pass_are_not_read)
{
    write_result("x.json", AROUND(110), AROUND(100));
    write_result("replicates/x.json", AROUND(220), AROUND(200));
    write_result("replicates/x.0.json", AROUND(220), AROUND(200));
    write_result("replicates/x.a.json", AROUND(220), AROUND(200));
    write_result("replicates/x.1000.json", AROUND(220), AROUND(200));
    load_run();
    unsigned ids[REPORT_MAX_PROCESSES];
    cr_assert_eq(report_run_processes(&run, "x/costly/1", ids, REPORT_MAX_PROCESSES), 1);
    cr_assert_eq(run.nreplicas, 0);
}

Test(report_replicates, a_malformed_replicate_fails_the_load_naming_it)
{
    write_result("x.json", AROUND(110), AROUND(100));
    char path[600];
    snprintf(path, sizeof path, "%s/replicates/x.1.json", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("{\"benchmarks\": [", f);
    fclose(f);
    char err[1024] = "";
    cr_assert_not(report_run_load(&run, dir, err, sizeof err));
    cr_assert_not_null(strstr(err, "replicates/x.1.json"), "%s", err);
}

/* x/costly/1 against x/cheap/1 (100 ns in each process) with a 1.25x
 * threshold, the costly case taking c0, c1, c2 ns in processes 0-2. */
static case_comparison judge_three(double c0, double c1, double c2)
{
    write_result("x.json", AROUND(c0), AROUND(100));
    write_result("replicates/x.1.json", AROUND(c1), AROUND(100));
    write_result("replicates/x.2.json", AROUND(c2), AROUND(100));
    load_run();
    case_comparison c;
    cr_assert_eq(compare_cases(&run, "x/costly/1", "x/cheap/1", "real_time", 1.25, &c),
                 SAMPLE_OK);
    cr_assert(c.has_ci);
    cr_assert_eq(c.processes, 3);
    return c;
}

/* Each process alone says the ratio is 1.10, 1.20 or 1.60 for sure; over
 * the three the interval reaches the 1.25 threshold: within noise, where
 * the program's own process alone would read "below threshold". */
Test(report_replicates, processes_that_disagree_make_it_noise)
{
    case_comparison c = judge_three(110, 120, 160);
    cr_assert_float_eq(c.ci.ratio, 1.20, 1e-9, "the median of the processes' ratios");
    cr_assert_lt(c.ci.lo, 1.12);
    cr_assert_gt(c.ci.hi, 1.55);
    cr_assert_eq(c.status, COMPARE_NOISE);
}

Test(report_replicates, processes_that_agree_below_the_threshold_do_not_hold)
{
    case_comparison c = judge_three(110, 112, 114);
    cr_assert_lt(c.ci.hi, 1.25);
    cr_assert_eq(c.status, COMPARE_SMALL);
}

Test(report_replicates, processes_that_agree_above_the_threshold_hold)
{
    case_comparison c = judge_three(140, 145, 150);
    cr_assert_gt(c.ci.lo, 1.25);
    cr_assert_eq(c.status, COMPARE_HOLDS);
}

/* Only processes that measured both cases count: a replicate holding
 * one of the two leaves the comparison on the others. */
Test(report_replicates, a_process_missing_one_case_is_left_out)
{
    write_result("x.json", AROUND(110), AROUND(100));
    write_result("replicates/x.1.json", AROUND(300), NULL);
    write_result("replicates/x.2.json", AROUND(130), AROUND(100));
    load_run();
    case_comparison c;
    cr_assert_eq(compare_cases(&run, "x/costly/1", "x/cheap/1", "real_time", 1.25, &c),
                 SAMPLE_OK);
    cr_assert_eq(c.processes, 2);
    cr_assert_float_eq(c.ci.ratio, 1.20, 1e-9, "median of 1.10 and 1.30");
}

/* With one process in common its repetitions decide, the other
 * process's repetitions of the costly case not mixed in. */
Test(report_replicates, with_one_process_in_common_its_repetitions_decide)
{
    write_result("x.json", AROUND(110), AROUND(100));
    write_result("replicates/x.1.json", AROUND(300), NULL);
    load_run();
    case_comparison c;
    cr_assert_eq(compare_cases(&run, "x/costly/1", "x/cheap/1", "real_time", 1.25, &c),
                 SAMPLE_OK);
    cr_assert_eq(c.processes, 1);
    cr_assert(c.has_ci);
    cr_assert_float_eq(c.ci.ratio, 1.10, 1e-9, "process 0's ratio alone");
    cr_assert_eq(c.status, COMPARE_SMALL);
}

/* The host check's reference is the programs' own processes' (what
 * scripts/slow-limit.sh reads for the plots); a replicate run while the
 * host was slow is left out by it like any slowed repetition. */
Test(report_replicates, the_host_reference_is_the_programs_own)
{
    write_checked("x.json", AROUND(110), AROUND(100), 20000);
    write_checked("replicates/x.1.json", AROUND(160), AROUND(100), 60000);
    write_checked("replicates/x.2.json", AROUND(161), AROUND(100), 60000);
    load_run();
    cr_assert_float_eq(run.host_reference_ns, 20000, 1e-9);
    unsigned ids[REPORT_MAX_PROCESSES];
    cr_assert_eq(report_run_processes(&run, "x/costly/1", ids, REPORT_MAX_PROCESSES), 1,
                 "the slowed processes' repetitions are left out");
    cr_assert_eq(run.host_dropped_reps, 12);
}
