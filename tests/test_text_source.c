/* test_text_source.c - a text in memory read like a file: the reader both
 * line passes start on it gives back every line, also when each read is
 * smaller than the text, and a refused buffer leaves nothing allocated. */
#include "alloc/counting.h"
#include "lines/textsource.h"

#include <criterion/criterion.h>
#include <string.h>

Test(text_source, reads_in_pieces_to_the_end)
{
    static const char text[] = "abcdefg";
    text_source s = {text, 7, 0};
    char buf[3];
    cr_assert_eq(text_source_read(&s, buf, 3), 3);
    cr_assert_eq(memcmp(buf, "abc", 3), 0);
    cr_assert_eq(text_source_read(&s, buf, 3), 3);
    cr_assert_eq(text_source_read(&s, buf, 3), 1);
    cr_assert_eq(buf[0], 'g');
    cr_assert_eq(text_source_read(&s, buf, 3), 0, "0 at the end, as read(2)");
}

Test(text_source, the_reader_gives_every_line)
{
    static const char text[] = "one\ntwo\n\nfour";
    counting_allocator c;
    counting_init(&c, alloc_libc());
    text_source src;
    line_reader r;
    cr_assert_eq(text_source_reader(&r, &src, text, strlen(text), 64, &c.base), LINE_OK);
    static const char *const want[] = {"one", "two", "", "four"};
    line_view v;
    for (size_t k = 0; k < 4; k++) {
        cr_assert_eq(line_reader_next(&r, &v), LINE_OK, "line %zu", k);
        cr_assert_eq(v.len, strlen(want[k]));
        cr_assert_eq(memcmp(v.data, want[k], v.len), 0, "line %zu", k);
    }
    cr_assert_eq(line_reader_next(&r, &v), LINE_END);
    line_reader_destroy(&r);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(text_source, a_refused_buffer_allocates_nothing)
{
    counting_allocator c;
    counting_init(&c, alloc_libc());
    counting_fail_at(&c, 1);
    text_source src;
    line_reader r;
    cr_assert_eq(text_source_reader(&r, &src, "x\n", 2, 64, &c.base), LINE_NO_MEMORY);
    cr_assert_eq(c.stats.live_bytes, 0);
}
