/* test_report_run.c - reading a run directory: cases, repetitions,
 * context, and clear errors for what cannot be read. */
#include "report/run.h"

#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FIXTURES "tests/fixtures/report/"

static report_run run;
static char err[1024];

static void load(const char *dir)
{
    err[0] = '\0';
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
}

static void unload(void)
{
    report_run_free(&run);
}

TestSuite(report_run, .fini = unload);

Test(report_run, indexes_repetitions_by_case_name_without_suffixes)
{
    load(FIXTURES "holds");
    cr_assert(report_run_has_bench(&run, "traverse"));
    cr_assert(report_run_has_bench(&run, "crosscheck"));
    cr_assert_not(report_run_has_bench(&run, "growth"));
    summary s;
    cr_assert_eq(report_run_summary(&run, "traverse/aos/128", "ns_per_item", &s), SAMPLE_OK);
    cr_assert_eq(s.n, 3, "three repetitions; the aggregate records are ignored");
    cr_assert_float_eq(s.median, 1.0, 1e-9);
    cr_assert_float_eq(s.min, 0.98, 1e-9);
    cr_assert_float_eq(s.max, 1.02, 1e-9);
    cr_assert_eq(report_run_summary(&run, "traverse/aos/128", "ws_bytes", &s), SAMPLE_OK);
    cr_assert_float_eq(s.median, 24 * 128, 0, "not the aggregate's absurd 1.0");
    cr_assert_eq(report_run_summary(&run, "traverse/aos/128/real_time", "ns_per_item", &s),
                 SAMPLE_MISSING, "names are stored without Google Benchmark's suffixes");
}

Test(report_run, missing_failed_and_counterless_cases)
{
    load(FIXTURES "missing");
    summary s;
    cr_assert_eq(report_run_summary(&run, "traverse/boxed/128", "ns_per_item", &s),
                 SAMPLE_MISSING);
    cr_assert_eq(report_run_summary(&run, "traverse/aop_scattered/4096", "ns_per_item", &s),
                 SAMPLE_FAILED);
    cr_assert_str_eq(report_run_case_error(&run, "traverse/aop_scattered/4096"),
                     "checksum mismatch: sum 1.00, expected 2.00");
    cr_assert_null(report_run_case_error(&run, "traverse/aos/4096"));
    cr_assert_eq(report_run_summary(&run, "traverse/aos/4096", "no_such_counter", &s),
                 SAMPLE_NO_METRIC);
}

Test(report_run, args_of_a_variant_ascend)
{
    load(FIXTURES "holds");
    double args[16];
    size_t n = report_run_args(&run, "traverse/soa", args, 16);
    cr_assert_eq(n, 8);
    cr_assert_float_eq(args[0], 128, 0);
    cr_assert_float_eq(args[7], 8388608, 0);
    for (size_t i = 1; i < n; i++)
        cr_assert_gt(args[i], args[i - 1]);
    cr_assert_eq(report_run_args(&run, "traverse/so", args, 16), 0, "a whole part only");
    cr_assert_eq(report_run_args(&run, "traverse/soa", args, 2), 8, "count beyond cap");
}

Test(report_run, case_names_of_a_family_at_an_arg)
{
    static const struct {
        size_t cap;
        const char *family;
        double arg;
        const char *want;   /* "": the name does not fit */
    } cases[] = {
        {24, "stream/slurp", 1048576, "stream/slurp/1048576"},
        {24, "stream/reader", 123456789, "stream/reader/123456789"}, /* exactly full */
        /* The argument cut short, "traverse/aos/17" would name another case. */
        {16, "traverse/aos", 170, ""},
        {16, "gallery/mountain/s1", 1, ""},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char name[24];
        bool fits = report_case_name_at(name, cases[i].cap, cases[i].arg, "%s",
                                        cases[i].family);
        cr_assert_eq(fits, cases[i].want[0] != '\0', "%s", cases[i].family);
        cr_assert_str_eq(name, cases[i].want);
    }
    char name[24];
    cr_assert(report_case_name_at(name, sizeof name, 64, "gc/pause_%s", "stw"));
    cr_assert_str_eq(name, "gc/pause_stw/64");
}

Test(report_run, context_strings_numbers_and_caches)
{
    load(FIXTURES "holds");
    cr_assert_str_eq(report_run_context(&run, "traverse", "mode"), "quick");
    cr_assert_str_eq(report_run_context(&run, NULL, "cpu_model"), "Fixture CPU");
    cr_assert_str_eq(report_run_context(&run, "crosscheck", "python"), "CPython 3.11.7");
    cr_assert_null(report_run_context(&run, "traverse", "python"));
    cr_assert_null(report_run_context(&run, "growth", "mode"));
    cr_assert_float_eq(report_run_context_number(&run, NULL, "num_cpus"), 2, 0);
    cr_assert(isnan(report_run_context_number(&run, NULL, "no_such_key")));
    report_caches c = report_run_caches(&run, "traverse");
    cr_assert_float_eq(c.l1d, 32768, 0, "the data cache, not the instruction one");
    cr_assert_float_eq(c.l2, 1048576, 0);
    cr_assert_float_eq(c.l3, 33554432, 0);
    cr_assert_str_eq(report_run_bench_name(&run, 0), "crosscheck", "files by name");
    cr_assert_null(report_run_bench_name(&run, 2));
}

Test(report_run, malformed_json_names_the_file_and_the_place)
{
    cr_assert_not(report_run_load(&run, FIXTURES "malformed", err, sizeof err));
    cr_assert(strstr(err, FIXTURES "malformed/traverse.json:4:"), "%s", err);
    cr_assert(strstr(err, "malformed JSON"), "%s", err);
    cr_assert_eq(run.nfiles, 0, "nothing kept");
}

Test(report_run, json_that_is_not_a_result_is_refused)
{
    cr_assert_not(report_run_load(&run, FIXTURES "not_bench", err, sizeof err));
    cr_assert(strstr(err, "not_bench/traverse.json: not a Google Benchmark result"), "%s", err);
}

Test(report_run, a_missing_directory_is_an_error)
{
    cr_assert_not(report_run_load(&run, FIXTURES "no_such_run", err, sizeof err));
    cr_assert(strstr(err, "no_such_run: cannot read the run directory"), "%s", err);
}

Test(report_run, an_empty_directory_is_an_empty_run)
{
    char dir[] = "/tmp/report_empty_XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    load(dir);
    cr_assert_eq(run.nfiles, 0);
    cr_assert_eq(run.ncases, 0);
    rmdir(dir);
}

/* Writes text to dir/name. */
static void write_file(const char *dir, const char *name, const char *content)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f, "%s", path);
    fputs(content, f);
    fclose(f);
}

Test(report_run, context_of_each_file_strings_and_array_items)
{
    char dir[] = "/tmp/report_load_XXXXXX", path[512];
    cr_assert_not_null(mkdtemp(dir));
    write_file(dir, "a.json", "{\"context\": {\"load_avg_at_start\": \"3.50 1.00 0.50\", "
                              "\"load_avg\": [9.0, 1.0, 1.0]}, \"benchmarks\": []}");
    write_file(dir, "b.json", "{\"context\": {\"load_avg\": [0.25, 1.0, 1.0]}, "
                              "\"benchmarks\": []}");
    write_file(dir, "c.json", "{\"context\": {}, \"benchmarks\": []}");
    load(dir);
    cr_assert_str_eq(report_run_context(&run, "a", "load_avg_at_start"), "3.50 1.00 0.50");
    cr_assert_float_eq(report_run_context_item(&run, "a", "load_avg", 0), 9.0, 1e-12,
                       "each file's own context");
    cr_assert_float_eq(report_run_context_item(&run, "b", "load_avg", 0), 0.25, 1e-12);
    cr_assert(isnan(report_run_context_item(&run, "b", "load_avg", 3)), "past the array");
    cr_assert_null(report_run_context(&run, "b", "load_avg"), "an array is no string");
    cr_assert_null(report_run_context(&run, "c", "load_avg_at_start"));
    cr_assert(isnan(report_run_context_item(&run, "c", "load_avg", 0)));
    cr_assert(isnan(report_run_context_item(&run, "absent", "load_avg", 0)), "no such bench");
    for (const char *const *n = (const char *const[]){"a", "b", "c", NULL}; *n; n++) {
        snprintf(path, sizeof path, "%s/%s.json", dir, *n);
        remove(path);
    }
    rmdir(dir);
}

Test(report_run, cpu_time_per_element_rescales_wall_clock_rates)
{
    load(FIXTURES "busy");
    summary wall, cpu;
    cr_assert_eq(report_run_summary(&run, "traverse/aos/128", "ns_per_item", &wall), SAMPLE_OK);
    cr_assert_eq(report_run_summary(&run, "traverse/aos/128", "cpu_ns_per_item", &cpu),
                 SAMPLE_OK);
    cr_assert_float_eq(wall.median, 6.0, 1e-9, "waited for a CPU: 6x in wall time");
    cr_assert_float_eq(cpu.median, 1.0, 1e-9);
    cr_assert_eq(report_run_summary(&run, "traverse/soa/128", "cpu_ns_per_item", &cpu),
                 SAMPLE_OK);
    cr_assert_float_eq(cpu.median, 0.5, 1e-9);
}

Test(report_run, median_at_a_size_or_nan_for_what_the_run_lacks)
{
    load(FIXTURES "missing");
    cr_assert_float_eq(report_run_median_at(&run, "traverse/aos", 128, "ns_per_item"), 1.0,
                       1e-9, "the median of the case traverse/aos/128");
    cr_assert_float_eq(report_run_median_at(&run, "traverse/aos", 128, "ws_bytes"), 24 * 128,
                       0, "a counter too");
    cr_assert(isnan(report_run_median_at(&run, "traverse/boxed", 128, "ns_per_item")),
              "a case the run does not have");
    cr_assert(isnan(report_run_median_at(&run, "traverse/aop_scattered", 4096,
                                         "ns_per_item")), "a case that failed");
    cr_assert(isnan(report_run_median_at(&run, "traverse/aos", 4096, "no_such_counter")),
              "a metric the case does not have");
    cr_assert(isnan(report_run_median_at(&run, "traverse/aos", 129, "ns_per_item")),
              "a size the run did not measure");
}

Test(report_run, samples_are_each_repetition_of_the_same_metric)
{
    load(FIXTURES "busy");
    double v[8];
    size_t n = 0;
    cr_assert_eq(report_run_samples(&run, "traverse/aos/128", "cpu_ns_per_item", v, 8, &n),
                 SAMPLE_OK);
    cr_assert_eq(n, 3, "three repetitions, not the aggregates");
    cr_assert_float_eq(v[0], 0.98, 1e-9, "CPU time, as report_run_summary reads it");
    cr_assert_float_eq(v[1], 1.00, 1e-9);
    cr_assert_float_eq(v[2], 1.02, 1e-9);
    cr_assert_eq(report_run_samples(&run, "traverse/aos/128", "ns_per_item", v, 8, &n),
                 SAMPLE_OK);
    cr_assert_float_eq(v[1], 6.0, 1e-9, "wall clock: waited for a CPU");
    cr_assert_eq(report_run_samples(&run, "traverse/aos/128", "ws_bytes", v, 8, &n),
                 SAMPLE_OK);
    for (size_t i = 0; i < n; i++)
        cr_assert_float_eq(v[i], 24 * 128, 0, "a counter of every repetition");
    summary s;
    report_run_summary(&run, "traverse/soa/128", "cpu_ns_per_item", &s);
    cr_assert_eq(report_run_samples(&run, "traverse/soa/128", "cpu_ns_per_item", v, 8, &n),
                 SAMPLE_OK);
    cr_assert_float_eq(v[1], s.median, 1e-12, "the values the summary is made of");
    cr_assert_float_eq(v[0], s.min, 1e-12);
    cr_assert_float_eq(v[2], s.max, 1e-12);
}

Test(report_run, samples_beyond_cap_are_counted_not_written)
{
    load(FIXTURES "holds");
    double v[3] = {-1, -1, -1};
    size_t n = 0;
    cr_assert_eq(report_run_samples(&run, "traverse/list_scattered/128", "cpu_ns_per_item",
                                    v, 2, &n), SAMPLE_OK);
    cr_assert_eq(n, 3, "every repetition is counted");
    cr_assert_float_eq(v[0], 4.9, 1e-9);
    cr_assert_float_eq(v[1], 5.0, 1e-9);
    cr_assert_float_eq(v[2], -1, 0, "nothing written past cap");
}

Test(report_run, samples_of_missing_failed_and_counterless_cases)
{
    load(FIXTURES "missing");
    double v[8] = {-1};
    size_t n = 99;
    cr_assert_eq(report_run_samples(&run, "traverse/boxed/128", "cpu_ns_per_item", v, 8, &n),
                 SAMPLE_MISSING);
    cr_assert_eq(report_run_samples(&run, "traverse/aop_scattered/4096", "cpu_ns_per_item",
                                    v, 8, &n), SAMPLE_FAILED, "one failed repetition fails it");
    cr_assert_eq(report_run_samples(&run, "traverse/aos/4096", "no_such_counter", v, 8, &n),
                 SAMPLE_NO_METRIC);
    cr_assert_eq(n, 99, "count untouched unless SAMPLE_OK");
    cr_assert_float_eq(v[0], -1, 0, "values untouched unless SAMPLE_OK");
}

Test(report_run, machine_and_conditions_json_are_no_bench)
{
    /* run-benches.sh writes both into every run beside the results. */
    char dir[] = "/tmp/report_machine_XXXXXX";
    cr_assert_not_null(mkdtemp(dir));
    write_file(dir, "machine.json", "{\"format\": \"memlayout-machine-profile-1\"}");
    write_file(dir, "conditions.json", "{\"programs\": []}");
    load(dir);
    cr_assert_eq(run.nfiles, 0);
    char path[512];
    snprintf(path, sizeof path, "%s/machine.json", dir);
    remove(path);
    snprintf(path, sizeof path, "%s/conditions.json", dir);
    remove(path);
    rmdir(dir);
}
