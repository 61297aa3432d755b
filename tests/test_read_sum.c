/* test_read_sum.c - the shared sequential read kernel: exact sums at every
 * length around its eight-word step, including the tail and n = 0. */
#include "harness/read_sum.h"

#include <criterion/criterion.h>

Test(read_sum, adds_every_word_at_every_length)
{
    uint64_t w[37];
    for (size_t i = 0; i < 37; i++)
        w[i] = i * 0x9e3779b97f4a7c15u;
    for (size_t n = 0; n <= 37; n++) {
        uint64_t want = 0;
        for (size_t i = 0; i < n; i++)
            want += w[i];
        cr_assert_eq(read_sum(w, n), want, "n = %zu", n);
    }
}
