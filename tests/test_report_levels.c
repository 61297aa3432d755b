/* test_report_levels.c - where the report's levels come from: machine.json,
 * else the run's stride/levels case, else the fallback; reported sizes
 * shown beside, never deciding, and hidden by MEMLAYOUT_IGNORE_REPORTED. */
#include "report/levels.h"

#include "test_dir.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char dir[] = "/tmp/report_levels_XXXXXX";

static void put(const char *name, const char *body)
{
    test_dir_put(dir, name, body);
}

static void setup(void)
{
    test_dir_make(dir);
    unsetenv(PROFILE_IGNORE_ENV);
}

static void teardown(void)
{
    test_dir_remove(dir);
    unsetenv(PROFILE_IGNORE_ENV);
}

TestSuite(report_levels, .init = setup, .fini = teardown);

/* A traverse.json whose context reports the host's 508 MiB L3. */
#define REPORTED                                                                      \
    "{\"context\": {\"caches\": [{\"type\": \"Data\", \"level\": 1, \"size\": 32768}," \
    "{\"type\": \"Unified\", \"level\": 3, \"size\": 532676608}]}, \"benchmarks\": []}"

#define MACHINE                                                                  \
    "{\"format\": \"" PROFILE_FORMAT "\", \"measured\": {\"levels\": ["          \
    "{\"bytes\": 49152, \"ns\": 1.1}, {\"bytes\": 1048576, \"ns\": 3.9},"        \
    "{\"bytes\": 6291456, \"ns\": 12}], \"memory_ns\": 163}}"

/* A stride.json with a stride/levels case that found two levels. */
#define STRIDE                                                                   \
    "{\"context\": {}, \"benchmarks\": [{\"name\": \"stride/levels/1073741824\"," \
    "\"run_name\": \"stride/levels/1073741824\", \"run_type\": \"iteration\","   \
    "\"iterations\": 1, \"real_time\": 1, \"levels\": 2, \"l1_bytes\": 51712,"   \
    "\"l1_ns\": 1.11, \"l2_bytes\": 948224, \"l2_ns\": 3.89, \"mem_ns\": 163}]}"

static void levels_of(report_levels *lv)
{
    report_run run;
    char err[512] = "";
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    report_levels_of_run(&run, lv);
    report_run_free(&run);
}

Test(report_levels, machine_json_decides_and_reported_sizes_stay_beside)
{
    put("machine.json", MACHINE);
    put("stride.json", STRIDE);
    put("traverse.json", REPORTED);
    report_levels lv;
    levels_of(&lv);
    cr_assert_eq(lv.source, LEVELS_MACHINE_JSON);
    cr_assert_eq(level_count(&lv), 4);
    cr_assert_eq(level_of(&lv, 49152), 0, "a cache holds its own size");
    cr_assert_eq(level_of(&lv, 49153), 1);
    cr_assert_eq(level_of(&lv, 7 << 20), 3, "past the measured 6 MiB L3: memory, "
                                           "though 508 MiB are reported");
    cr_assert_str_eq(level_name(&lv, 3), "memory");
    cr_assert_float_eq(level_size(&lv, 2), 6291456, 0);
    cr_assert_float_eq(level_size(&lv, 3), 0, 0);
    cr_assert_float_eq(lv.reported.l3, 532676608, 0, "shown beside");
    cr_assert_str_eq(level_source_name(lv.source), "machine.json");
}

Test(report_levels, without_machine_json_the_runs_stride_case_decides)
{
    put("stride.json", STRIDE);
    report_levels lv;
    levels_of(&lv);
    cr_assert_eq(lv.source, LEVELS_STRIDE_CASE);
    cr_assert_eq(level_count(&lv), 3);
    cr_assert_eq(level_of(&lv, 51712), 0);
    cr_assert_eq(level_of(&lv, 900000), 1);
    cr_assert_eq(level_of(&lv, 2 << 20), 2);
    cr_assert_str_eq(level_name(&lv, 2), "memory");
    cr_assert(strstr(lv.profile.source, "stride/levels/1073741824"), "%s", lv.profile.source);
}

Test(report_levels, a_stride_case_with_levels_out_of_order_is_not_used)
{
    put("stride.json",
        "{\"context\": {}, \"benchmarks\": [{\"name\": \"stride/levels/64\","
        "\"run_name\": \"stride/levels/64\", \"run_type\": \"iteration\","
        "\"iterations\": 1, \"real_time\": 1, \"levels\": 2, \"l1_bytes\": 51712,"
        "\"l2_bytes\": 4096}]}");
    report_levels lv;
    levels_of(&lv);
    cr_assert_eq(lv.source, LEVELS_FALLBACK);
}

Test(report_levels, nothing_measured_gives_the_fallback_and_says_why)
{
    put("machine.json", "{\"format\": \"other\"}");
    report_levels lv;
    levels_of(&lv);
    cr_assert_eq(lv.source, LEVELS_FALLBACK);
    cr_assert_eq(level_count(&lv), 4);
    cr_assert_eq(level_of(&lv, 40000), 1, "fallback L1 is 32 KiB");
    cr_assert(strstr(lv.profile.source, "not a machine profile"), "%s", lv.profile.source);
    cr_assert_str_eq(level_source_name(lv.source), "fallback");
}

Test(report_levels, ignore_reported_hides_the_reported_sizes)
{
    put("machine.json", MACHINE);
    put("traverse.json", REPORTED);
    setenv(PROFILE_IGNORE_ENV, "1", 1);
    report_levels lv;
    levels_of(&lv);
    cr_assert(lv.reported_ignored);
    cr_assert_float_eq(lv.reported.l3, 0, 0);
    cr_assert_eq(level_of(&lv, 7 << 20), 3, "the measured levels are the same");
}

Test(report_levels, each_source_has_a_name_and_an_unknown_one_is_the_fallback)
{
    cr_assert_str_eq(level_source_name(LEVELS_MACHINE_JSON), "machine.json");
    cr_assert_str_eq(level_source_name(LEVELS_STRIDE_CASE), "the run's stride/levels case");
    cr_assert_str_eq(level_source_name(LEVELS_FALLBACK), "fallback");
    cr_assert_str_eq(level_source_name((level_source)(LEVELS_FALLBACK + 1)), "fallback");
    cr_assert_str_eq(level_source_name((level_source)-1), "fallback");
}
