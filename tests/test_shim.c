/* test_shim.c - the C shim registers and runs benchmarks, and Google
 * Benchmark's JSON has the expected case names and counters. */
#include "shim/bench.h"

#include "harness/host_speed.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int calls;

static void sum_case(bench_state *s, const void *user)
{
    const int *scale = user;
    int64_t n = bench_arg(s, 0);
    calls++;
    int64_t total = 0;
    while (bench_keep_running(s, 4)) {
        for (int b = 0; b < 4; b++) {
            for (int64_t i = 0; i < n; i++)
                total += i * *scale;
            bench_do_not_optimize(&total);
        }
    }
    cr_assert_eq(bench_iterations(s) % 4, 0, "iterations come in whole batches");
    bench_set_items_processed(s, bench_iterations(s) * n);
    bench_set_counter(s, "elements", (double)n, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "per_iter", 3.0 * (double)bench_iterations(s),
                      BENCH_COUNTER_PER_ITERATION);
    bench_set_label(s, "hello");
}

static void failing_case(bench_state *s, const void *user)
{
    (void)user;
    bench_skip_with_error(s, "checksum mismatch");
}

/* Runs the registered cases with a JSON file as output; returns it parsed. */
static json_t *run_to_json(void)
{
    char path[] = "/tmp/test_shim_XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    char out[64], *argv[8];
    snprintf(out, sizeof out, "--benchmark_out=%s", path);
    int argc = 0;
    argv[argc++] = "test_shim";
    argv[argc++] = out;
    argv[argc++] = "--benchmark_out_format=json";
    argv[argc++] = "--benchmark_min_time=0.001";
    argv[argc++] = "--benchmark_repetitions=2";
    argv[argc] = NULL;
    bench_initialize(&argc, argv, NULL);
    cr_assert_eq(argc, 1, "the library consumed its own flags");
    bench_add_context("suite_test", "yes");
    bench_run();
    bench_shutdown();
    json_error_t err;
    json_t *root = json_load_file(path, 0, &err);
    cr_assert_not_null(root, "%s: %s", path, err.text);
    unlink(path);
    return root;
}

static json_t *find_run(json_t *root, const char *run_name, int repetition)
{
    size_t i;
    json_t *b;
    json_array_foreach(json_object_get(root, "benchmarks"), i, b) {
        const char *name = json_string_value(json_object_get(b, "run_name"));
        const char *type = json_string_value(json_object_get(b, "run_type"));
        json_t *rep = json_object_get(b, "repetition_index");
        if (name && strcmp(name, run_name) == 0 && strcmp(type, "iteration") == 0 &&
            json_integer_value(rep) == repetition)
            return b;
    }
    return NULL;
}

Test(shim, registered_cases_run_and_report_names_and_counters)
{
    static const int64_t args[] = {10, 1000};
    static const int scale = 3;
    bench_def def = {.name = "demo/sum", .run = sum_case, .user = &scale,
                     .args = args, .nargs = 2};
    cr_assert_eq(bench_register(&def), 0);
    json_t *root = run_to_json();

    json_t *ctx = json_object_get(root, "context");
    cr_assert_str_eq(json_string_value(json_object_get(ctx, "suite_test")), "yes");
    cr_assert_not_null(json_object_get(ctx, "caches"));

    for (int rep = 0; rep < 2; rep++) {
        json_t *small = find_run(root, "demo/sum/10/real_time", rep);
        json_t *large = find_run(root, "demo/sum/1000/real_time", rep);
        cr_assert_not_null(small, "demo/sum/10 repetition %d", rep);
        cr_assert_not_null(large, "demo/sum/1000 repetition %d", rep);
        cr_assert_eq(json_real_value(json_object_get(large, "elements")), 1000.0);
        cr_assert_eq(json_real_value(json_object_get(large, "per_iter")), 3.0,
                     "per-iteration counters divide by iterations");
        cr_assert_str_eq(json_string_value(json_object_get(large, "label")), "hello");
        cr_assert_gt(json_real_value(json_object_get(large, "items_per_second")), 0.0);
        cr_assert_eq(json_integer_value(json_object_get(large, "iterations")) % 4, 0);
    }
    cr_assert_geq(calls, 4, "two sizes, two repetitions each");
    json_decref(root);
}

static int prologue_calls;

static void counting_prologue(bench_state *s)
{
    prologue_calls++;
    bench_set_counter(s, "from_prologue", 7.0, BENCH_COUNTER_PLAIN);
}

static void prologue_checking_case(bench_state *s, const void *user)
{
    (void)user;
    calls++;
    cr_assert_eq(prologue_calls, calls, "the prologue ran before call %d", calls);
    while (bench_keep_running(s, 1))
        bench_clobber_memory();
}

Test(shim, a_prologue_runs_before_every_call_into_a_case)
{
    bench_set_prologue(counting_prologue);
    bench_def def = {.name = "demo/prologue", .run = prologue_checking_case};
    cr_assert_eq(bench_register(&def), 0);
    json_t *root = run_to_json();
    cr_assert_geq(calls, 2, "two repetitions");
    cr_assert_eq(prologue_calls, calls);
    for (int rep = 0; rep < 2; rep++) {
        json_t *b = find_run(root, "demo/prologue/real_time", rep);
        cr_assert_not_null(b, "repetition %d", rep);
        cr_assert_eq(json_real_value(json_object_get(b, "from_prologue")), 7.0);
    }
    json_decref(root);
    bench_set_prologue(NULL);
}

Test(shim, the_host_speed_check_is_carried_by_every_case_that_ran)
{
    static const int64_t args[] = {10};
    static const int scale = 1;
    host_speed_install();
    bench_def sum = {.name = "demo/checked", .run = sum_case, .user = &scale,
                     .args = args, .nargs = 1};
    bench_def fails = {.name = "demo/fails", .run = failing_case};
    cr_assert_eq(bench_register(&sum), 0);
    cr_assert_eq(bench_register(&fails), 0);
    json_t *root = run_to_json();
    size_t i, seen = 0;
    json_t *b;
    json_array_foreach(json_object_get(root, "benchmarks"), i, b) {
        /* The library writes no counters for a case that failed. */
        if (strcmp(json_string_value(json_object_get(b, "run_type")), "iteration") != 0 ||
            json_is_true(json_object_get(b, "error_occurred")))
            continue;
        double ns = json_real_value(json_object_get(b, HOST_SPEED_COUNTER));
        cr_assert(ns > 0 && isfinite(ns), "%s: host_check_ns %g",
                  json_string_value(json_object_get(b, "name")), ns);
        seen++;
    }
    cr_assert_eq(seen, 2, "two repetitions of the case that ran");
    json_decref(root);
    bench_set_prologue(NULL);
}

Test(shim, a_failed_case_is_marked_in_the_json)
{
    bench_def def = {.name = "demo/fails", .run = failing_case};
    cr_assert_eq(bench_register(&def), 0);
    json_t *root = run_to_json();
    json_t *b = json_array_get(json_object_get(root, "benchmarks"), 0);
    cr_assert(json_is_true(json_object_get(b, "error_occurred")));
    cr_assert_str_eq(json_string_value(json_object_get(b, "error_message")),
                     "checksum mismatch");
    json_decref(root);
}

Test(shim, register_refuses_invalid_definitions)
{
    static const int64_t args[] = {1};
    bench_def none = {0};
    cr_assert_eq(bench_register(&none), -1);
    cr_assert_eq(bench_register(NULL), -1);
    bench_def no_fn = {.name = "x"};
    cr_assert_eq(bench_register(&no_fn), -1);
    bench_def both = {.name = "x", .run = failing_case, .args = args, .nargs = 1,
                      .range_lo = 1, .range_hi = 8, .range_mult = 2};
    cr_assert_eq(bench_register(&both), -1);
    bench_def bad_range = {.name = "x", .run = failing_case, .range_lo = 8,
                           .range_hi = 1, .range_mult = 2};
    cr_assert_eq(bench_register(&bad_range), -1);
    bench_def null_args = {.name = "x", .run = failing_case, .nargs = 3};
    cr_assert_eq(bench_register(&null_args), -1);
    bench_def time_and_iters = {.name = "x", .run = failing_case, .min_time = 0.1,
                                .iterations = 10};
    cr_assert_eq(bench_register(&time_and_iters), -1);
    bench_def negative_reps = {.name = "x", .run = failing_case, .repetitions = -1};
    cr_assert_eq(bench_register(&negative_reps), -1);
}

Test(shim, a_familys_repetitions_override_the_flag)
{
    bench_def def = {.name = "demo/many", .run = sum_case, .user = &(int){1},
                     .args = (const int64_t[]){16}, .nargs = 1, .repetitions = 3};
    cr_assert_eq(bench_register(&def), 0);
    json_t *root = run_to_json();   /* --benchmark_repetitions=2 */
    const char *name = "demo/many/16/repeats:3/real_time";
    for (int rep = 0; rep < 3; rep++)
        cr_assert_not_null(find_run(root, name, rep), "%s, repetition %d", name, rep);
    cr_assert_null(find_run(root, name, 3));
    json_decref(root);
}

Test(shim, a_range_expands_to_its_multiples)
{
    bench_def def = {.name = "demo/range", .run = sum_case, .user = &(int){1},
                     .range_lo = 8, .range_hi = 64, .range_mult = 2, .iterations = 8};
    cr_assert_eq(bench_register(&def), 0);
    json_t *root = run_to_json();
    const char *names[] = {"demo/range/8/iterations:8/real_time",
                           "demo/range/16/iterations:8/real_time",
                           "demo/range/32/iterations:8/real_time",
                           "demo/range/64/iterations:8/real_time"};
    for (int i = 0; i < 4; i++) {
        json_t *b = find_run(root, names[i], 0);
        cr_assert_not_null(b, "%s", names[i]);
        cr_assert_eq(json_integer_value(json_object_get(b, "iterations")), 8);
    }
    json_decref(root);
}

/* Runs the registered cases with these library flags (NULL-terminated). */
static void run_with(const char *flag1, const char *flag2)
{
    char *argv[6];
    int argc = 0;
    argv[argc++] = "test_shim";
    argv[argc++] = "--benchmark_min_time=0.001";
    if (flag1)
        argv[argc++] = (char *)flag1;
    if (flag2)
        argv[argc++] = (char *)flag2;
    argv[argc] = NULL;
    bench_initialize(&argc, argv, NULL);
    bench_run();
    bench_shutdown();
}

/* A full disk: the library would exit 0 over a cut file; the shim exits 1. */
Test(shim, an_output_file_that_cannot_be_written_exits_1, .exit_code = 1)
{
    bench_def def = {.name = "demo/full", .run = sum_case, .user = &(int){1},
                     .args = (const int64_t[]){10}, .nargs = 1};
    cr_assert_eq(bench_register(&def), 0);
    run_with("--benchmark_out=/dev/full", NULL);
    cr_assert_fail("bench_run returned after a failed write");
}

/* The other --benchmark_out formats go through the checked stream too:
 * the file holds the case.  One run per process: the library cannot run
 * again after bench_shutdown(). */
static void check_format(const char *format)
{
    bench_def def = {.name = "demo/fmt", .run = sum_case, .user = &(int){1},
                     .args = (const int64_t[]){10}, .nargs = 1};
    cr_assert_eq(bench_register(&def), 0);
    char path[] = "/tmp/test_shim_fmt_XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    char out[64], fmt[64];
    snprintf(out, sizeof out, "--benchmark_out=%s", path);
    snprintf(fmt, sizeof fmt, "--benchmark_out_format=%s", format);
    run_with(out, fmt);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    char text[4096] = "";
    size_t got = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    unlink(path);
    cr_assert_gt(got, 0, "%s output is empty", format);
    cr_assert_not_null(strstr(text, "demo/fmt/10"), "%s output lacks the case", format);
}

Test(shim, a_csv_output_file_is_written)
{
    check_format("csv");
}

Test(shim, a_console_output_file_is_written)
{
    check_format("console");
}
