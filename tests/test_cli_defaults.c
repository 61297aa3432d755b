/* test_cli_defaults.c - the defaults a program gets: with llc_multiple its
 * sweep ends a fixed multiple past the last cache level the run measured,
 * within a floor and its default (which stands without a measured
 * profile or without llc_multiple); its seconds per repetition are its
 * own or the suite's. */
#include "harness/cli.h"

#include <criterion/criterion.h>

static const bench_program scaled = {
    .name = "scaled",
    .max_ws = {.full = (size_t)1 << 30, .quick = (size_t)64 << 20},
    .llc_multiple = 32,
};

static machine_profile measured_llc(size_t llc)
{
    machine_profile p = {.measured = true, .line_bytes = 64, .nlevels = 2};
    p.level[0] = (profile_level){.bytes = 48 << 10, .ns = 1.0};
    p.level[1] = (profile_level){.bytes = llc, .ns = 10.0};
    return p;
}

Test(cli_max_ws, a_multiple_of_the_measured_last_level)
{
    machine_profile p = measured_llc((size_t)8 << 20);
    cr_assert_eq(bench_default_max_ws(&scaled, &p), (size_t)256 << 20);
}

Test(cli_max_ws, never_below_the_floor)
{
    machine_profile p = measured_llc((size_t)1 << 20);
    cr_assert_eq(bench_default_max_ws(&scaled, &p), BENCH_MIN_LLC_SWEEP_TOP);
}

Test(cli_max_ws, never_above_the_default_even_when_the_product_overflows)
{
    machine_profile big = measured_llc((size_t)64 << 20);
    cr_assert_eq(bench_default_max_ws(&scaled, &big), (size_t)1 << 30);
    machine_profile huge = measured_llc(SIZE_MAX / 4);
    cr_assert_eq(bench_default_max_ws(&scaled, &huge), (size_t)1 << 30);
}

Test(cli_max_ws, the_default_without_a_measured_profile)
{
    machine_profile f;
    profile_fallback(&f, "test");
    cr_assert_eq(bench_default_max_ws(&scaled, &f), (size_t)1 << 30);
    cr_assert_eq(bench_default_max_ws(&scaled, NULL), (size_t)1 << 30);
    machine_profile none = {.measured = true};
    cr_assert_eq(bench_default_max_ws(&scaled, &none), (size_t)1 << 30);
}

Test(cli_max_ws, the_default_without_llc_multiple)
{
    bench_program fixed = scaled;
    fixed.llc_multiple = 0;
    machine_profile p = measured_llc((size_t)8 << 20);
    cr_assert_eq(bench_default_max_ws(&fixed, &p), (size_t)1 << 30);
}

Test(cli_max_ws, min_time_is_the_programs_or_the_suites)
{
    bench_program own = {.name = "own", .min_time_s = {.full = 0.2, .quick = 0.002}};
    cr_assert_float_eq(bench_min_time_s(&own, false), 0.2, 1e-12);
    cr_assert_float_eq(bench_min_time_s(&own, true), 0.002, 1e-12);
    bench_program unset = {.name = "unset"};
    cr_assert_float_eq(bench_min_time_s(&unset, false), BENCH_DEFAULT_MIN_TIME_S, 1e-12);
    cr_assert_float_eq(bench_min_time_s(&unset, true), BENCH_QUICK_MIN_TIME_S, 1e-12);
    /* Each mode falls back on its own: a full time alone leaves --quick
     * at the suite's. */
    bench_program full_only = {.name = "full_only", .min_time_s = {.full = 0.3}};
    cr_assert_float_eq(bench_min_time_s(&full_only, false), 0.3, 1e-12);
    cr_assert_float_eq(bench_min_time_s(&full_only, true), BENCH_QUICK_MIN_TIME_S, 1e-12);
}
