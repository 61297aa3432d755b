/* test_report_nan.c - a run whose JSON has Google Benchmark's bare NaN and
 * Infinity (the CV of a counter that is 0 in every repetition) still loads;
 * those values read as absent, the same text inside a string stays. */
#include "report/run.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/report_nan_XXXXXX";

static void write_run(const char *json)
{
    cr_assert_not_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/escape.json", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs(json, f);
    fclose(f);
}

static void remove_run(void)
{
    char path[64];
    snprintf(path, sizeof path, "%s/escape.json", dir);
    unlink(path);
    rmdir(dir);
}

TestSuite(report_nan, .fini = remove_run);

Test(report_nan, bare_nan_and_infinity_read_as_absent)
{
    write_run(
        "{\"context\": {\"label\": \"NaN stays, \\\"Infinity\\\" too\"},\n"
        " \"benchmarks\": [\n"
        "  {\"name\": \"escape/value/24/real_time\", \"run_name\": \"escape/value/24/real_time\",\n"
        "   \"run_type\": \"iteration\", \"iterations\": 10, \"real_time\": 3.0,\n"
        "   \"items_per_second\": 1e8, \"allocs_per_call\": 0, \"odd\": -Infinity},\n"
        "  {\"name\": \"escape/value/24/real_time_cv\", \"run_name\": \"escape/value/24/real_time\",\n"
        "   \"run_type\": \"aggregate\", \"aggregate_name\": \"cv\",\n"
        "   \"allocs_per_call\": NaN, \"peak\": -NaN, \"other\": Infinity}\n"
        " ]}\n");
    report_run run;
    char err[512] = "";
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    summary s;
    cr_assert_eq(report_run_summary(&run, "escape/value/24", "allocs_per_call", &s), SAMPLE_OK);
    cr_assert_eq(s.median, 0);
    cr_assert_neq(report_run_summary(&run, "escape/value/24", "odd", &s), SAMPLE_OK);
    cr_assert_str_eq(report_run_context(&run, "escape", "label"), "NaN stays, \"Infinity\" too");
    report_run_free(&run);
}
