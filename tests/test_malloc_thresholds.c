/* test_malloc_thresholds.c - the thresholds helper refuses what mallopt
 * cannot take and leaves glibc alone when told nothing.  (Whether glibc
 * honours a good value cannot be checked here: the tests run under
 * AddressSanitizer, whose malloc ignores mallopt.) */
#include "malloc_thresholds.h"

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

Test(malloc_thresholds, an_mmap_threshold_above_glibcs_limit_is_refused)
{
    /* 64-bit glibc takes at most 32 MiB (HEAP_MAX_SIZE / 2); above that
     * mallopt returns 0, and so does AddressSanitizer's for anything. */
    cr_assert_not(malloc_thresholds_apply((malloc_thresholds){.mmap = (size_t)64 << 20}));
}
