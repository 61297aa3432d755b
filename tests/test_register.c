/* test_register.c - bench_register_named builds the family's name, and
 * refuses an empty or too long name and a definition the library would
 * refuse; what it registers is listed under that name. */
#include "harness/register.h"

#include <criterion/criterion.h>
#include <criterion/redirect.h>
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
