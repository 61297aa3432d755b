/* test_cli_run.c - what bench_cli_start and bench_cli_finish do around the
 * cases: the run's machine profile, listing without running, the
 * repetitions used, the cases a --replicate process runs, and the load
 * check written for the run script (and not when only listing). */
#include "harness/cli.h"
#include "shim/bench.h"

#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const bench_program prog = {
    .name = "runcheck",
    .purpose = "a program for these tests",
    .max_ws = {.full = 1 << 20, .quick = 1 << 16},
    .min_time_s = {.full = 0.01, .quick = 0.01},
};

/* bench_cli_start on "runcheck [ARG]" (each test is its own process). */
static void start_with(const char *arg)
{
    static char name[] = "runcheck";
    static char copy[256];
    snprintf(copy, sizeof copy, "%s", arg ? arg : "");
    char *argv[] = {name, copy, NULL};
    bench_cli_start(&prog, arg ? 2 : 1, argv);
}

/* A fresh path in /tmp that does not exist yet. */
static void temp_path(char *path, size_t size)
{
    snprintf(path, size, "/tmp/test_cli_run.%ld.json", (long)getpid());
    remove(path);
}

Test(cli_run, list_tests_is_seen_as_listing)
{
    start_with("--benchmark_list_tests");
    cr_assert(bench_cli_listing());
}

Test(cli_run, list_tests_true_is_listing)
{
    start_with("--benchmark_list_tests=true");
    cr_assert(bench_cli_listing());
}

Test(cli_run, list_tests_false_is_not_listing)
{
    start_with("--benchmark_list_tests=false");
    cr_assert_not(bench_cli_listing());
}

Test(cli_run, no_flag_is_not_listing)
{
    start_with(NULL);
    cr_assert_not(bench_cli_listing());
}

/* A program whose runcheck/again cases later processes measure again. */
static const bench_program replicating = {
    .name = "runcheck",
    .purpose = "a program with replicated cases",
    .max_ws = {.full = 1 << 20, .quick = 1 << 16},
    .min_time_s = {.full = 0.001, .quick = 0.001},
    .replicate = "^runcheck/again/",
};

static void count_runs(bench_state *s, const void *user)
{
    int *runs = (int *)user;
    (*runs)++;
    while (bench_keep_running(s, 1))
        bench_clobber_memory();
}

/* Registers runcheck/again/1 and runcheck/once/1, starts 'replicating'
 * with argv, runs, and returns how often each case's code was entered. */
static void replicate_run(int argc, char **argv, int *again, int *once)
{
    static const int64_t one[] = {1};
    *again = *once = 0;
    bench_cli_start(&replicating, argc, argv);
    bench_register(&(bench_def){.name = "runcheck/again", .run = count_runs, .user = again,
                                .args = one, .nargs = 1, .iterations = 1, .repetitions = 1});
    bench_register(&(bench_def){.name = "runcheck/once", .run = count_runs, .user = once,
                                .args = one, .nargs = 1, .iterations = 1, .repetitions = 1});
    bench_run();
}

Test(cli_run, replicate_runs_only_the_replicated_cases, .init = cr_redirect_stdout)
{
    static char name[] = "runcheck", flag[] = "--replicate";
    char *argv[] = {name, flag, NULL};
    int again, once;
    replicate_run(2, argv, &again, &once);
    cr_assert_gt(again, 0);
    cr_assert_eq(once, 0);
}

Test(cli_run, without_replicate_every_case_runs, .init = cr_redirect_stdout)
{
    static char name[] = "runcheck";
    char *argv[] = {name, NULL};
    int again, once;
    replicate_run(1, argv, &again, &once);
    cr_assert_gt(again, 0);
    cr_assert_gt(once, 0);
}

Test(cli_run, replicate_with_a_filter_is_refused, .exit_code = 2)
{
    static char name[] = "runcheck", flag[] = "--replicate", filter[] = "--benchmark_filter=x";
    char *argv[] = {name, flag, filter, NULL};
    int again, once;
    replicate_run(3, argv, &again, &once);
}

Test(cli_run, replicate_in_a_program_without_such_cases_is_refused, .exit_code = 2)
{
    start_with("--replicate");
}

Test(cli_run, repetitions_default_to_the_suites)
{
    start_with(NULL);
    cr_assert_eq(bench_cli_repetitions(), BENCH_DEFAULT_REPETITIONS);
}

Test(cli_run, repetitions_with_quick_are_the_quick_default)
{
    start_with("--quick");
    cr_assert_eq(bench_cli_repetitions(), BENCH_QUICK_REPETITIONS);
}

Test(cli_run, repetitions_given_are_the_ones_used)
{
    start_with("--benchmark_repetitions=7");
    cr_assert_eq(bench_cli_repetitions(), 7);
}

Test(cli_run, without_a_profile_the_fallback_says_why)
{
    unsetenv(PROFILE_ENV);
    start_with(NULL);
    const machine_profile *p = bench_cli_profile();
    cr_assert_not(p->measured);
    cr_assert(strstr(p->source, PROFILE_ENV " is not set"), "%s", p->source);
    cr_assert_eq(p->nlevels, 3);
}

Test(cli_run, an_unreadable_profile_falls_back_naming_the_file)
{
    setenv(PROFILE_ENV, "/nonexistent/machine.json", 1);
    start_with(NULL);
    const machine_profile *p = bench_cli_profile();
    cr_assert_not(p->measured);
    cr_assert(strstr(p->source, "/nonexistent/machine.json"), "%s", p->source);
}

Test(cli_run, finish_writes_the_load_check_for_the_run)
{
    char path[64];
    temp_path(path, sizeof path);
    setenv(BENCH_CONDITIONS_ENV, path, 1);
    start_with(NULL);
    cr_assert_eq(bench_cli_finish(), 0);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "no %s", path);
    char text[256] = {0};
    size_t n = fread(text, 1, sizeof text - 1, f);
    fclose(f);
    remove(path);
    text[n] = '\0';
    cr_assert(strncmp(text, "{\"name\": \"runcheck\", \"others_cpu_share\": ", 41) == 0, "%s", text);
    cr_assert(strstr(text, "\"seconds\": "), "%s", text);
}

Test(cli_run, listing_writes_no_load_check)
{
    char path[64];
    temp_path(path, sizeof path);
    setenv(BENCH_CONDITIONS_ENV, path, 1);
    start_with("--benchmark_list_tests=true");
    cr_assert_eq(bench_cli_finish(), 0);
    cr_assert_eq(access(path, F_OK), -1, "listing ran nothing: no record");
}
