/* test_malloc_thresholds.c - the thresholds helper refuses what mallopt
 * cannot take and leaves glibc alone when told nothing.  (Whether glibc
 * honours a value cannot be checked here: the tests run under
 * AddressSanitizer, whose mallopt refuses everything, and under valgrind
 * (make memcheck), whose mallopt accepts everything.) */
#include "harness/malloc_thresholds.h"

#include <criterion/criterion.h>
#include <limits.h>

Test(malloc_thresholds, nothing_to_set_succeeds)
{
    cr_assert(malloc_thresholds_apply((malloc_thresholds){0, 0}));
}

Test(malloc_thresholds, values_beyond_an_int_are_refused)
{
    cr_assert_not(malloc_thresholds_apply((malloc_thresholds){.mmap = (size_t)INT_MAX + 1}));
    cr_assert_not(malloc_thresholds_apply((malloc_thresholds){.trim = (size_t)INT_MAX + 1}));
}
