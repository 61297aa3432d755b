/* test_report_compare.c - compare reads what the report reads: NaN from
 * Google Benchmark, case names without the library's option parts, names
 * of any length; and its command line and output failures. */
#include "report/run_compare.h"
#include "report/two_args.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[64];
static char path_a[128], path_b[128];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/report_compare_XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path_a, sizeof path_a, "%s/a.json", dir);
    snprintf(path_b, sizeof path_b, "%s/b.json", dir);
}

static void remove_dir(void)
{
    remove(path_a);
    remove(path_b);
    rmdir(dir);
}

TestSuite(report_compare, .init = make_dir, .fini = remove_dir);

static void write_text(const char *path, const char *content)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "%s", path);
    fputs(content, f);
    fclose(f);
}

/* A result with three repetitions of case 'name' at ns ns per item. */
static void write_case(const char *path, const char *name, double ns, const char *extra)
{
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "%s", path);
    fprintf(f, "{\"context\": {\"host_name\": \"vm\"}, \"benchmarks\": [");
    for (int r = 0; r < 3; r++)
        fprintf(f, "%s{\"name\": \"%s\", \"run_name\": \"%s\", \"run_type\": \"iteration\", "
                   "\"items_per_second\": %.17g, \"real_time\": 1, \"time_unit\": \"ns\"}",
                r ? ", " : "", name, name, 1e9 / (ns * (1 + 0.01 * r)));
    fprintf(f, "%s]}", extra);
    fclose(f);
}

/* Runs compare; its output (freed by the caller) and status. */
static char *run(int *status, char **err_text)
{
    char *out = NULL, *err = NULL;
    size_t olen = 0, elen = 0;
    FILE *o = open_memstream(&out, &olen), *e = open_memstream(&err, &elen);
    cr_assert(o && e);
    *status = run_compare_files(path_a, path_b, o, e);
    fclose(o);
    fclose(e);
    *err_text = err;
    return out;
}

Test(report_compare, reads_the_nan_google_benchmark_writes)
{
    /* The coefficient of variation of a counter that is 0 in every
     * repetition: Google Benchmark writes a bare NaN (make compare on a
     * run with escape in it failed on it). */
    const char *cv = ", {\"name\": \"x/a/1_cv\", \"run_name\": \"x/a/1\", \"run_type\": "
                     "\"aggregate\", \"aggregate_name\": \"cv\", \"bytes\": NaN, "
                     "\"other\": -Infinity}";
    write_case(path_a, "x/a/1/real_time", 10, cv);
    write_case(path_b, "x/a/1/real_time", 20, cv);
    int status;
    char *err, *out = run(&status, &err);
    cr_assert_eq(status, 0, "%s", err);
    cr_assert_not_null(strstr(out, "| x/a/1 | 10.1 | 20.2 | 2.000"), "%s", out);
    cr_assert_not_null(strstr(out, "1 cases compared: B faster in 0, slower in 1"), "%s", out);
    free(out);
    free(err);
}

Test(report_compare, matches_cases_whose_library_options_differ)
{
    /* The report's and the plots' rule: "min_time:0.020" and
     * "iterations:1" are how a case was run, not which case it is. */
    write_case(path_a, "stride/chase/4096/min_time:0.020/real_time", 1, "");
    write_case(path_b, "stride/chase/4096/real_time", 1, "");
    int status;
    char *err, *out = run(&status, &err);
    cr_assert_eq(status, 0, "%s", err);
    cr_assert_not_null(strstr(out, "| stride/chase/4096 | 1.01 | 1.01 |"), "%s", out);
    cr_assert_null(strstr(out, "only in"), "%s", out);
    free(out);
    free(err);
}

Test(report_compare, long_names_are_not_cut_and_merged)
{
    /* Two names equal in their first 200 characters: the old fixed
     * 160-byte names merged them into one case of six repetitions. */
    char long_a[260], long_b[260];
    memset(long_a, 'n', 200);
    snprintf(long_a + 200, sizeof long_a - 200, "/a");
    memcpy(long_b, long_a, 200);
    snprintf(long_b + 200, sizeof long_b - 200, "/b");
    char *two = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&two, &len);
    fprintf(f, "{\"benchmarks\": [");
    for (int r = 0; r < 3; r++)
        fprintf(f, "%s{\"run_name\": \"x/%s\", \"run_type\": \"iteration\", "
                   "\"items_per_second\": 1e9}, {\"run_name\": \"x/%s\", \"run_type\": "
                   "\"iteration\", \"items_per_second\": 5e8}",
                r ? ", " : "", long_a, long_b);
    fprintf(f, "]}");
    fclose(f);
    write_text(path_a, two);
    write_text(path_b, two);
    free(two);
    int status;
    char *err, *out = run(&status, &err);
    cr_assert_eq(status, 0, "%s", err);
    cr_assert_not_null(strstr(out, "2 cases compared"), "%s", out);
    cr_assert_not_null(strstr(out, "/a | 1 | 1 | 1.000"), "%s", out);
    cr_assert_not_null(strstr(out, "/b | 2 | 2 | 1.000"), "%s", out);
    free(out);
    free(err);
}

Test(report_compare, names_from_the_files_are_shown_as_text)
{
    write_case(path_a, "x/a|b<script>/1", 1, "");
    write_case(path_b, "x/a|b<script>/1", 1, "");
    int status;
    char *err, *out = run(&status, &err);
    cr_assert_eq(status, 0, "%s", err);
    cr_assert_not_null(strstr(out, "| x/a\\|b&lt;script&gt;/1 |"), "%s", out);
    cr_assert_null(strstr(out, "<script>"), "%s", out);
    free(out);
    free(err);
}

Test(report_compare, an_unreadable_file_fails_naming_it)
{
    write_case(path_a, "x/a/1", 1, "");
    write_text(path_b, "{\"benchmarks\": [");
    int status;
    char *err, *out = run(&status, &err);
    cr_assert_eq(status, 1);
    cr_assert_not_null(strstr(err, "b.json:1:"), "%s", err);
    cr_assert_not_null(strstr(err, "malformed JSON"), "%s", err);
    free(out);
    free(err);
}

Test(report_compare, a_fifo_is_refused_not_waited_on)
{
    write_case(path_a, "x/a/1", 1, "");
    cr_assert_eq(mkfifo(path_b, 0600), 0);
    int status;
    char *err, *out = run(&status, &err);
    cr_assert_eq(status, 1);
    cr_assert_not_null(strstr(err, "not a regular file"), "%s", err);
    free(out);
    free(err);
}

Test(report_compare, a_full_output_fails)
{
    write_case(path_a, "x/a/1", 1, "");
    write_case(path_b, "x/a/1", 1, "");
    FILE *full = fopen("/dev/full", "w");
    cr_assert_not_null(full);
    char *err = NULL;
    size_t elen = 0;
    FILE *e = open_memstream(&err, &elen);
    int status = run_compare_files(path_a, path_b, full, e);
    fclose(e);
    fclose(full);
    cr_assert_eq(status, 1, "a table that did not reach its output is a failure");
    cr_assert_not_null(strstr(err, "cannot write the table"), "%s", err);
    free(err);
}

static void usage(FILE *f)
{
    fputs("usage\n", f);
}

Test(report_compare, two_args_help_inputs_and_bad_usage)
{
    FILE *saved_out = stdout, *saved_err = stderr;
    stdout = fopen("/dev/null", "w");
    stderr = fopen("/dev/null", "w");
    int help = two_args_check(2, (char *[]){"t", "--help", NULL}, usage);
    int ok = two_args_check(3, (char *[]){"t", "a", "b", NULL}, usage);
    int one = two_args_check(2, (char *[]){"t", "a", NULL}, usage);
    int three = two_args_check(4, (char *[]){"t", "a", "b", "c", NULL}, usage);
    int option = two_args_check(3, (char *[]){"t", "a", "-x", NULL}, usage);
    fclose(stdout);
    fclose(stderr);
    stdout = saved_out;
    stderr = saved_err;
    cr_assert_eq(help, 0);
    cr_assert_eq(ok, -1);
    cr_assert_eq(one, 2);
    cr_assert_eq(three, 2);
    cr_assert_eq(option, 2);
}

/* What two_args_run handed to the work, and how often. */
static int work_calls;
static const char *work_a, *work_b;
static FILE *work_out, *work_err;

static int fake_work(const char *a, const char *b, FILE *out, FILE *err)
{
    work_calls++;
    work_a = a;
    work_b = b;
    work_out = out;
    work_err = err;
    return 7;
}

Test(report_compare, two_args_run_hands_the_inputs_to_the_work_only)
{
    FILE *saved_out = stdout, *saved_err = stderr;
    stdout = fopen("/dev/null", "w");
    stderr = fopen("/dev/null", "w");
    FILE *out = stdout, *err = stderr;
    int help = two_args_run(2, (char *[]){"t", "-h", NULL}, usage, fake_work);
    int bad = two_args_run(2, (char *[]){"t", "a", NULL}, usage, fake_work);
    int calls_before = work_calls;
    int ok = two_args_run(3, (char *[]){"t", "a", "b", NULL}, usage, fake_work);
    fclose(stdout);
    fclose(stderr);
    stdout = saved_out;
    stderr = saved_err;
    cr_assert_eq(help, 0);
    cr_assert_eq(bad, 2);
    cr_assert_eq(calls_before, 0, "no work for --help or bad usage");
    cr_assert_eq(ok, 7, "the work's status is main's");
    cr_assert_eq(work_calls, 1);
    cr_assert_str_eq(work_a, "a");
    cr_assert_str_eq(work_b, "b");
    cr_assert(work_out == out && work_err == err, "stdout and stderr");
}
