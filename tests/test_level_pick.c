/* test_level_pick.c - one element count per cache level of a sweep. */
#include "report/level_pick.h"

#include <criterion/criterion.h>
#include <math.h>

#define KiB 1024.0
#define MiB (1024.0 * 1024.0)

static const double caches[3] = {32 * KiB, 1 * MiB, 32 * MiB};

Test(level_pick, the_largest_count_that_fits_each_level_and_the_largest)
{
    const double ws[] = {4 * KiB, 16 * KiB, 32 * KiB, 512 * KiB, 2 * MiB, 16 * MiB,
                         64 * MiB, 256 * MiB};
    size_t at[LEVEL_PICK_SLOTS];
    level_pick(ws, 8, caches, at);
    cr_assert_eq(at[LEVEL_PICK_L1D], 2, "32 KiB fits in a 32 KiB L1d");
    cr_assert_eq(at[LEVEL_PICK_L2], 3);
    cr_assert_eq(at[LEVEL_PICK_L3], 5);
    cr_assert_eq(at[LEVEL_PICK_LARGEST], 7);
}

Test(level_pick, unusable_counts_are_skipped)
{
    const double ws[] = {4 * KiB, NAN, 512 * KiB, 2 * MiB, NAN, -1};
    size_t at[LEVEL_PICK_SLOTS];
    level_pick(ws, 6, caches, at);
    cr_assert_eq(at[LEVEL_PICK_L1D], 0, "not the NAN after it");
    cr_assert_eq(at[LEVEL_PICK_L2], 2);
    cr_assert_eq(at[LEVEL_PICK_L3], 3);
    cr_assert_eq(at[LEVEL_PICK_LARGEST], LEVEL_PICK_NONE, "the L3 count is the largest");
}

Test(level_pick, each_count_once_and_none_where_nothing_fits)
{
    const double ws[] = {64 * KiB, 2 * MiB};
    size_t at[LEVEL_PICK_SLOTS];
    level_pick(ws, 2, caches, at);
    cr_assert_eq(at[LEVEL_PICK_L1D], LEVEL_PICK_NONE, "nothing fits in L1d");
    cr_assert_eq(at[LEVEL_PICK_L2], 0);
    cr_assert_eq(at[LEVEL_PICK_L3], 1);
    cr_assert_eq(at[LEVEL_PICK_LARGEST], LEVEL_PICK_NONE);

    const double big[] = {256 * KiB, 512 * KiB, 64 * MiB};
    level_pick(big, 3, caches, at);
    cr_assert_eq(at[LEVEL_PICK_L2], 1);
    cr_assert_eq(at[LEVEL_PICK_L3], LEVEL_PICK_NONE, "the L2 count again: shown once");
    cr_assert_eq(at[LEVEL_PICK_LARGEST], 2);
}

Test(level_pick, unknown_cache_sizes_and_an_empty_sweep)
{
    const double ws[] = {4 * KiB, 64 * MiB};
    const double none[3] = {0, 0, 0};
    size_t at[LEVEL_PICK_SLOTS];
    level_pick(ws, 2, none, at);
    for (size_t k = 0; k < LEVEL_PICK_LARGEST; k++)
        cr_assert_eq(at[k], LEVEL_PICK_NONE);
    cr_assert_eq(at[LEVEL_PICK_LARGEST], 1);
    level_pick(ws, 0, caches, at);
    for (size_t k = 0; k < LEVEL_PICK_SLOTS; k++)
        cr_assert_eq(at[k], LEVEL_PICK_NONE);
}
