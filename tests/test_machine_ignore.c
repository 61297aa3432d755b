/* test_machine_ignore.c - MEMLAYOUT_IGNORE_REPORTED=1 hides every size the
 * system reports, so a run can show what the suite does without them. */
#include "harness/machine.h"
#include "harness/profile.h"

#include <criterion/criterion.h>
#include <stdlib.h>

Test(machine_ignore, hides_reported_cache_sizes_and_line)
{
    setenv(PROFILE_IGNORE_ENV, "1", 1);
    machine_caches c = machine_cache_sizes();
    size_t line = machine_line_size();
    unsetenv(PROFILE_IGNORE_ENV);
    cr_assert_eq(c.l1d, 0);
    cr_assert_eq(c.l2, 0);
    cr_assert_eq(c.l3, 0);
    cr_assert_eq(line, 64, "the default, not sysfs's figure");
}

Test(machine_ignore, only_the_value_1_turns_it_on)
{
    /* "0" or "yes" read the system as usual: the result equals an unset run. */
    unsetenv(PROFILE_IGNORE_ENV);
    machine_caches usual = machine_cache_sizes();
    setenv(PROFILE_IGNORE_ENV, "0", 1);
    machine_caches zero = machine_cache_sizes();
    unsetenv(PROFILE_IGNORE_ENV);
    cr_assert_eq(zero.l1d, usual.l1d);
    cr_assert_eq(zero.l2, usual.l2);
    cr_assert_eq(zero.l3, usual.l3);
}
