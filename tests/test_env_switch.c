/* test_env_switch.c - a switch is on at exactly "1", off at anything else. */
#include "harness/env_switch.h"

#include <criterion/criterion.h>
#include <stdlib.h>

#define NAME "MEMLAYOUT_TEST_SWITCH"

Test(env_switch, exactly_one_is_on)
{
    cr_assert_eq(setenv(NAME, "1", 1), 0);
    cr_assert(env_switch_on(NAME));
}

Test(env_switch, unset_is_off)
{
    cr_assert_eq(unsetenv(NAME), 0);
    cr_assert_not(env_switch_on(NAME));
}

Test(env_switch, every_other_value_is_off)
{
    static const char *const values[] = {"", "0", "yes", "true", "on", "11", "1 ", " 1", "01"};
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        cr_assert_eq(setenv(NAME, values[i], 1), 0);
        cr_assert_not(env_switch_on(NAME), "'%s' read as on", values[i]);
    }
}
