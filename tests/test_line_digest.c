/* test_line_digest.c - the line digest both line passes share: every byte
 * counts once, at any alignment and length, and the order of lines
 * counts. */
#include "lines/digest.h"

#include <criterion/criterion.h>

Test(line_digest, an_empty_line_sums_to_zero)
{
    cr_assert_eq(line_bytes_sum("", 0), 0);
    cr_assert_eq(line_digest_add(7, "", 0), 7 * 1000003u);
}

Test(line_digest, short_lines_sum_their_bytes_and_length)
{
    cr_assert_eq(line_bytes_sum("abc", 3), 3 + 'a' + 'b' + 'c');
    cr_assert_eq(line_bytes_sum("\xff", 1), 1 + 255, "bytes are unsigned");
}

Test(line_digest, words_and_the_tail_at_any_alignment)
{
    char buf[32];
    for (size_t k = 0; k < sizeof buf; k++)
        buf[k] = (char)(k + 1);
    for (size_t off = 0; off < 8; off++) {
        /* 8 + 3 bytes: one word, three tail bytes. */
        const char *p = buf + off;
        uint64_t word;
        memcpy(&word, p, 8);
        uint64_t want = 11 + word + (unsigned char)p[8] + (unsigned char)p[9] +
                        (unsigned char)p[10];
        cr_assert_eq(line_bytes_sum(p, 11), want, "offset %zu", off);
    }
}

Test(line_digest, the_order_of_lines_counts)
{
    uint64_t ab = line_digest_add(line_digest_add(0, "a", 1), "bb", 2);
    uint64_t ba = line_digest_add(line_digest_add(0, "bb", 2), "a", 1);
    cr_assert_neq(ab, ba);
    cr_assert_eq(ab, line_digest_fold(line_digest_fold(0, line_bytes_sum("a", 1)),
                                      line_bytes_sum("bb", 2)));
}
