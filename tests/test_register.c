/* test_register.c - bench_register_named builds the family's name, and
 * refuses an empty or too long name and a definition the library would
 * refuse; what it registers is listed under that name.
 * bench_register_side_by_side's order alternates the families round by
 * round, and families that differ in their args are refused. */
#include "harness/register.h"

#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <stdint.h>
#include <string.h>

static void nothing(bench_state *s, const void *user)
{
    (void)user;
    while (bench_keep_running(s, 1)) {
    }
}

static const int64_t sizes[] = {16, 32};

Test(register, a_formatted_name_is_registered)
{
    cr_assert_eq(bench_register_named((bench_def){.run = nothing, .args = sizes, .nargs = 2},
                                      "reg/%s/%d", "variant", 7),
                 0);
}

Test(register, an_empty_name_is_refused, .init = cr_redirect_stderr)
{
    cr_assert_eq(bench_register_named((bench_def){.run = nothing, .args = sizes, .nargs = 2},
                                      "%s", ""),
                 -1);
    fflush(stderr);
    cr_assert_stderr_eq_str("bench: a case family's name is empty: ''\n");
}

Test(register, a_name_too_long_is_refused, .init = cr_redirect_stderr)
{
    char longest[BENCH_FAMILY_NAME_MAX + 2];
    memset(longest, 'x', sizeof longest - 1);
    longest[sizeof longest - 1] = '\0';
    cr_assert_eq(bench_register_named((bench_def){.run = nothing, .args = sizes, .nargs = 2},
                                      "%s", longest),
                 -1);
    longest[BENCH_FAMILY_NAME_MAX] = '\0';
    cr_assert_eq(bench_register_named((bench_def){.run = nothing, .args = sizes, .nargs = 2},
                                      "%s", longest),
                 0, "exactly the longest name is fine");
}

Test(register, a_definition_without_a_function_is_refused, .init = cr_redirect_stderr)
{
    cr_assert_eq(bench_register_named((bench_def){.args = sizes, .nargs = 2}, "reg/none"), -1);
}

/* --- side by side ---------------------------------------------------------- */

Test(register, side_by_side_alternates_the_families_round_by_round)
{
    bench_slot order[12];
    cr_assert_eq(bench_side_by_side_order(2, 2, 3, order, 12), 12);
    /* argument 0: a b, b a, a b; then argument 1 the same */
    static const bench_slot want[12] = {{0, 0}, {1, 0}, {1, 0}, {0, 0}, {0, 0}, {1, 0},
                                        {0, 1}, {1, 1}, {1, 1}, {0, 1}, {0, 1}, {1, 1}};
    for (size_t k = 0; k < 12; k++)
        cr_expect(order[k].family == want[k].family && order[k].arg == want[k].arg,
                  "slot %zu: family %zu arg %zu, want %zu %zu", k, order[k].family,
                  order[k].arg, want[k].family, want[k].arg);
}

Test(register, side_by_side_runs_every_family_once_a_round)
{
    bench_slot order[3 * 1 * 5];
    cr_assert_eq(bench_side_by_side_order(3, 1, 5, order, 15), 15);
    size_t seen[3] = {0};
    for (size_t k = 0; k < 15; k++)
        seen[order[k].family]++;
    cr_assert(seen[0] == 5 && seen[1] == 5 && seen[2] == 5);
    cr_expect(order[2].family == 2 && order[3].family == 2, "the reversed round starts "
              "where the last one ended");
}

Test(register, side_by_side_order_refuses_zero_counts_and_a_short_buffer)
{
    bench_slot order[4] = {{9, 9}};
    cr_expect_eq(bench_side_by_side_order(0, 2, 2, order, 4), 0);
    cr_expect_eq(bench_side_by_side_order(2, 0, 2, order, 4), 0);
    cr_expect_eq(bench_side_by_side_order(2, 2, 0, order, 4), 0);
    cr_expect_eq(bench_side_by_side_order(2, 2, -1, order, 4), 0);
    cr_expect_eq(bench_side_by_side_order(2, 2, 2, order, 7), 0, "8 slots do not fit in 7");
    cr_expect_eq(bench_side_by_side_order(SIZE_MAX, 2, 2, order, 4), 0);
    cr_expect(order[0].family == 9 && order[0].arg == 9, "nothing written when refused");
    cr_expect_eq(bench_side_by_side_order(1, 1, 1, order, 1), 1, "one family, one argument");
}

Test(register, side_by_side_registers_families_with_the_same_args)
{
    bench_def defs[] = {{.name = "reg/side/a", .run = nothing, .args = sizes, .nargs = 2},
                        {.name = "reg/side/b", .run = nothing, .args = sizes, .nargs = 2}};
    cr_assert_eq(bench_register_side_by_side(defs, 2, 3), 0);
}

Test(register, side_by_side_refuses_families_that_differ_or_lack_a_name,
     .init = cr_redirect_stderr)
{
    static const int64_t other[] = {16, 64};
    bench_def defs[] = {{.name = "reg/side/c", .run = nothing, .args = sizes, .nargs = 2},
                        {.name = "reg/side/d", .run = nothing, .args = other, .nargs = 2}};
    cr_expect_eq(bench_register_side_by_side(defs, 2, 3), -1, "other argument values");
    defs[1].args = sizes;
    defs[1].nargs = 1;
    cr_expect_eq(bench_register_side_by_side(defs, 2, 3), -1, "fewer arguments");
    defs[1].nargs = 2;
    defs[1].name = NULL;
    cr_expect_eq(bench_register_side_by_side(defs, 2, 3), -1, "no name");
    defs[1].name = "reg/side/d";
    cr_expect_eq(bench_register_side_by_side(defs, 0, 3), -1, "no families");
    cr_expect_eq(bench_register_side_by_side(defs, 2, 0), -1, "no rounds");
    defs[0].run = NULL;
    cr_expect_eq(bench_register_side_by_side(defs, 2, 1), -1, "the library refuses one");
}
