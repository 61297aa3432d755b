/* test_read_sum.c - the shared sequential read kernel: exact sums at every
 * length around its eight-word step, including the tail and n = 0. */
#include "harness/read_sum.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

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

/* What read_sum_bytes must give: whole aligned words as numbers, the
 * bytes outside them one by one. */
static uint64_t bytes_sum_reference(const unsigned char *p, size_t bytes)
{
    uint64_t sum = 0;
    size_t i = 0;
    for (; i < bytes && (uintptr_t)(p + i) % 8; i++)
        sum += p[i];
    for (; i + 8 <= bytes; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        sum += w;
    }
    for (; i < bytes; i++)
        sum += p[i];
    return sum;
}

Test(read_sum, bytes_at_every_offset_and_length)
{
    _Alignas(8) unsigned char buf[160];
    for (size_t i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)(i * 37 + 11);
    for (size_t offset = 0; offset < 8; offset++)
        for (size_t n = 0; n + offset <= sizeof buf; n++)
            cr_assert_eq(read_sum_bytes(buf + offset, n), bytes_sum_reference(buf + offset, n),
                         "offset %zu, %zu bytes", offset, n);
}

Test(read_sum, bytes_reads_a_short_unaligned_run_byte_by_byte)
{
    _Alignas(8) unsigned char buf[16] = {0};
    buf[1] = 200;
    buf[2] = 100;
    buf[3] = 7;
    /* Three bytes that end before the first boundary: no word at all. */
    cr_assert_eq(read_sum_bytes(buf + 1, 3), 307);
    cr_assert_eq(read_sum_bytes(buf + 1, 0), 0);
}
