/* test_cli_flags.c - a bench program refuses, with exit status 2, library
 * flags the library would take and then abort on or run nothing with
 * (repetitions -1 or 0, a filter that does not compile, an unknown output
 * format, a non-positive minimum time) and a seed with a sign behind a
 * blank; good values pass. */
#include "harness/cli.h"

#include <criterion/criterion.h>
#include <limits.h>
#include <stdio.h>

static const bench_program prog = {
    .name = "flags",
    .purpose = "a program for these tests",
    .max_ws = {.full = 1 << 20, .quick = 1 << 16},
    .min_time_s = {.full = 0.01, .quick = 0.01},
};

/* bench_cli_start on "flags ARG"; exits 2 when ARG is refused. */
static bench_options start_with(const char *arg)
{
    static char name[] = "flags";
    static char copy[256];
    snprintf(copy, sizeof copy, "%s", arg);
    char *argv[] = {name, copy, NULL};
    return bench_cli_start(&prog, 2, argv);
}

Test(cli_flags, repetitions_minus_one, .exit_code = 2) { start_with("--benchmark_repetitions=-1"); }
Test(cli_flags, repetitions_zero, .exit_code = 2) { start_with("--benchmark_repetitions=0"); }
Test(cli_flags, repetitions_blank_minus, .exit_code = 2) { start_with("--benchmark_repetitions= -1"); }
Test(cli_flags, min_time_negative, .exit_code = 2) { start_with("--benchmark_min_time=-1"); }
Test(cli_flags, min_time_zero, .exit_code = 2) { start_with("--benchmark_min_time=0"); }
Test(cli_flags, min_time_nan, .exit_code = 2) { start_with("--benchmark_min_time=nan"); }
Test(cli_flags, filter_unbalanced, .exit_code = 2) { start_with("--benchmark_filter=aos/(170"); }
Test(cli_flags, negative_filter_unbalanced, .exit_code = 2) { start_with("--benchmark_filter=-[a"); }
Test(cli_flags, filter_bad_repeat, .exit_code = 2) { start_with("--benchmark_filter=*aos"); }
Test(cli_flags, format_unknown, .exit_code = 2) { start_with("--benchmark_format=xml"); }
Test(cli_flags, out_format_unknown, .exit_code = 2) { start_with("--benchmark_out_format=xml"); }
Test(cli_flags, seed_blank_minus, .exit_code = 2) { start_with("--seed= -1"); }
Test(cli_flags, seed_plus, .exit_code = 2) { start_with("--seed=+5"); }

/* The last occurrence counts, as for the library. */
Test(cli_flags, last_occurrence_counts, .exit_code = 2)
{
    static char name[] = "flags", a[] = "--benchmark_repetitions=3", b[] = "--benchmark_repetitions=0";
    char *argv[] = {name, a, b, NULL};
    bench_cli_start(&prog, 3, argv);
}

Test(cli_flags, good_values_pass)
{
    static char name[] = "flags", reps[] = "--benchmark_repetitions=2",
                filter[] = "--benchmark_filter=-^flags/(a|b)/[0-9]+$", min_time[] = "--benchmark_min_time=0.5",
                format[] = "--benchmark_format=json", seed[] = "--seed=0x10";
    char *argv[] = {name, reps, filter, min_time, format, seed, NULL};
    bench_options o = bench_cli_start(&prog, 6, argv);
    cr_assert_eq(o.seed, 16);
    cr_assert_not(o.quick);
}

Test(cli_flags, a_malformed_value_is_left_to_the_library, .exit_code = 2)
{
    /* The library names the type it wants; then the flag is unknown. */
    start_with("--benchmark_repetitions=abc");
}

/* Thresholds mallopt cannot take stop the program before it parses
 * anything, with status 1 (a good command line does not help). */
Test(cli_flags, refused_malloc_thresholds, .exit_code = 1)
{
    static const bench_program pinned = {
        .name = "pinned",
        .purpose = "a program whose thresholds glibc refuses",
        .malloc = {.mmap = (size_t)INT_MAX + 1},
    };
    static char name[] = "pinned";
    char *argv[] = {name, NULL};
    bench_cli_start(&pinned, 1, argv);
}
