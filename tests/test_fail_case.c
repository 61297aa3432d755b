/* test_fail_case.c - a failed case shows its message in the JSON and makes
 * bench_cli_finish() return 1; a run without failures returns 0. */
#include "harness/cli.h"
#include "harness/fail_case.h"
#include "shim/bench.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void fails_plain(bench_state *s, const void *user)
{
    (void)user;
    bench_fail_case(s, "checksum mismatch");
}

static void fails_formatted(bench_state *s, const void *user)
{
    (void)user;
    bench_fail_casef(s, "sum %d, expected %d (%s)", 41, 42, "x2");
}

static void fails_long(bench_state *s, const void *user)
{
    (void)user;
    char word[400];
    memset(word, 'a', sizeof word - 1);
    word[sizeof word - 1] = '\0';
    bench_fail_casef(s, "%s", word);
}

static void passes(bench_state *s, const void *user)
{
    (void)user;
    while (bench_keep_running(s, 1))
        bench_clobber_memory();
}

/* Registers 'run' as demo/case, runs it through bench_cli_finish with a
 * JSON file as output, and returns the exit status and the record. */
static int run_one(bench_fn run, json_t **root)
{
    bench_def def = {.name = "demo/case", .run = run};
    cr_assert_eq(bench_register(&def), 0);
    char path[] = "/tmp/test_fail_case_XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    close(fd);
    char out[64];
    snprintf(out, sizeof out, "--benchmark_out=%s", path);
    char *argv[] = {"test_fail_case", out, "--benchmark_out_format=json",
                    "--benchmark_min_time=0.001", NULL};
    int argc = 4;
    bench_initialize(&argc, argv, NULL);
    int status = bench_cli_finish();
    json_error_t err;
    *root = json_load_file(path, 0, &err);
    cr_assert_not_null(*root, "%s: %s", path, err.text);
    unlink(path);
    return status;
}

static const char *message_of(json_t *root)
{
    json_t *b = json_array_get(json_object_get(root, "benchmarks"), 0);
    cr_assert(json_is_true(json_object_get(b, "error_occurred")));
    return json_string_value(json_object_get(b, "error_message"));
}

Test(fail_case, marks_the_case_and_the_exit_status)
{
    json_t *root;
    cr_assert_eq(run_one(fails_plain, &root), 1);
    cr_assert_str_eq(message_of(root), "checksum mismatch");
    json_decref(root);
}

Test(fail_case, formats_its_message)
{
    json_t *root;
    cr_assert_eq(run_one(fails_formatted, &root), 1);
    cr_assert_str_eq(message_of(root), "sum 41, expected 42 (x2)");
    json_decref(root);
}

Test(fail_case, cuts_a_long_message_to_255_bytes)
{
    json_t *root;
    cr_assert_eq(run_one(fails_long, &root), 1);
    cr_assert_eq(strlen(message_of(root)), 255);
    json_decref(root);
}

Test(fail_case, a_run_without_failures_exits_0)
{
    json_t *root;
    cr_assert_eq(run_one(passes, &root), 0);
    json_t *b = json_array_get(json_object_get(root, "benchmarks"), 0);
    cr_assert_null(json_object_get(b, "error_occurred"));
    json_decref(root);
}
