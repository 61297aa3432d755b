/* test_strided.c - the stride kernel reads exactly the values it should,
 * at every stride and remainder, and agrees with the fill rule. */
#include "stride/strided.h"

#include <criterion/criterion.h>
#include <stdlib.h>

Test(strided, sums_match_a_plain_loop_for_every_small_case)
{
    uint32_t words[200];
    strided_fill(words, 200);
    for (size_t n = 0; n <= 200; n++)
        for (size_t step = 1; step <= 13; step++) {
            uint64_t want = 0;
            size_t reads = 0;
            for (size_t i = 0; i < n; i += step, reads++)
                want += words[i];
            cr_assert_eq(strided_sum(words, n, step), want, "n=%zu step=%zu", n, step);
            cr_assert_eq(strided_expected(n, step), want, "n=%zu step=%zu", n, step);
            cr_assert_eq(strided_reads(n, step), reads, "n=%zu step=%zu", n, step);
        }
}

Test(strided, fill_wraps_at_32_bits_as_the_expected_sum_does)
{
    cr_assert_eq(strided_expected(5, 1), 0 + 1 + 2 + 3 + 4);
    /* Only the index arithmetic: index 2^32 + 1 is stored as 1. */
    size_t big = ((size_t)1 << 32) + 2;
    cr_assert_eq(strided_expected(big, (size_t)1 << 32), 0 + 0);
    cr_assert_eq(strided_expected(big, ((size_t)1 << 32) + 1), 0 + 1);
}

Test(strided, a_changed_word_changes_the_sum_only_when_it_is_read)
{
    uint32_t words[64];
    strided_fill(words, 64);
    uint64_t base = strided_sum(words, 64, 4);
    words[9] += 100;   /* not a multiple of 4: not read */
    cr_assert_eq(strided_sum(words, 64, 4), base);
    words[8] += 100;
    cr_assert_eq(strided_sum(words, 64, 4), base + 100);
}
