/* test_linekeep.c - A6: a view kept past later reads reads what the
 * reader put in its place (bytes from further on in the text); a copy
 * keeps its line; a text within one buffer hides the difference; failed
 * allocations and too many lines are reported and cleaned up. */
#include "alloc/counting.h"
#include "lines/keep.h"
#include "lines/textgen.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static counting_allocator buf, str;
static kept_line kept[64];

static void setup(void)
{
    counting_init(&buf, alloc_libc());
    counting_init(&str, alloc_libc());
}

TestSuite(linekeep, .init = setup);

static keep_outcome run(const char *text, keep_mode mode, size_t bufsize)
{
    keep_outcome o;
    cr_assert_eq(linekeep_run(text, strlen(text), mode, bufsize, &buf.base, &str.base,
                              kept, 64, 1, &o), 0);
    cr_assert_eq(buf.stats.live_bytes, 0, "the buffer was freed");
    cr_assert_eq(str.stats.live_bytes, 0, "every copy was freed");
    return o;
}

/* An 8-byte buffer: "abc\ndef\n" fills it, then "ghi\n" is read to its
 * front, where "abc" was. */
Test(linekeep, the_next_fill_puts_a_later_line_under_a_kept_view)
{
    keep_outcome o = run("abc\ndef\nghi\n", KEEP_VIEW, 8);
    cr_assert_eq(o.lines, 3);
    cr_assert_eq(o.later_text, 1, "abc's view now reads ghi");
    cr_assert_eq(o.intact, 2, "def (not yet overwritten) and ghi");
    cr_assert_eq(o.other + o.dangling, 0);
    cr_assert_eq(o.first_overwritten, 2, "abc changed at the second read after its own");
    cr_assert_eq(str.stats.alloc_calls, 0, "a view allocates nothing");
}

Test(linekeep, a_copy_keeps_its_line)
{
    keep_outcome o = run("abc\ndef\nghi\n", KEEP_COPY, 8);
    cr_assert_eq(o.lines, 3);
    cr_assert_eq(o.intact, 3);
    cr_assert_eq(o.later_text + o.other + o.dangling + o.first_overwritten, 0);
    cr_assert_eq(str.stats.alloc_calls, 3, "one string per line");
    cr_assert_eq(str.stats.bytes_allocated, 3 * 4, "each with its NUL");
}

Test(linekeep, a_text_within_one_buffer_hides_the_mistake)
{
    keep_outcome o = run("abc\ndef\nghi\n", KEEP_VIEW, 64);
    cr_assert_eq(o.intact, 3);
    cr_assert_eq(o.first_overwritten, 0);
    cr_assert_eq(o.reader_fills, 2, "one read with the text, one finding its end");
}

Test(linekeep, views_and_copies_agree_on_the_digest_only_when_nothing_was_overwritten)
{
    keep_outcome v = run("abc\ndef\nghi\n", KEEP_VIEW, 64);
    keep_outcome c = run("abc\ndef\nghi\n", KEEP_COPY, 64);
    cr_assert_eq(v.digest, c.digest);
    v = run("abc\ndef\nghi\n", KEEP_VIEW, 8);
    cr_assert_neq(v.digest, c.digest, "the views read ghi twice");
}

/* A line longer than the buffer makes it grow: views of the lines before
 * point into the freed block and must not be read (ASan would see it). */
Test(linekeep, views_into_a_replaced_buffer_are_dangling_and_not_read)
{
    keep_outcome o = run("ab\ncd\nthis line is longer than the buffer\nxy\n", KEEP_VIEW, 8);
    cr_assert_eq(o.lines, 4);
    cr_assert_eq(o.dangling, 2, "ab and cd");
    cr_assert_eq(o.intact, 2);
    keep_outcome c = run("ab\ncd\nthis line is longer than the buffer\nxy\n", KEEP_COPY, 8);
    cr_assert_eq(c.intact, 4);
    cr_assert_eq(c.dangling, 0);
}

Test(linekeep, empty_text_empty_lines_and_no_final_newline)
{
    keep_outcome o = run("", KEEP_VIEW, 8);
    cr_assert_eq(o.lines, 0);
    o = run("\n\nlast", KEEP_COPY, 4);
    cr_assert_eq(o.lines, 3);
    cr_assert_eq(o.intact, 3);
    cr_assert_eq(kept[2].len, 4);
}

/* A generated text several buffers long: most views end up reading later
 * text, each from the place it had in the buffer; every copy is intact. */
Test(linekeep, a_long_text_overwrites_most_views)
{
    size_t len = 6000;
    char *text = malloc(len + 1);
    cr_assert_not_null(text);
    size_t lines = textgen_fill(text, len, line_dist_find("medium"), 7);
    text[len] = '\0';
    kept_line *many = calloc(lines, sizeof *many);
    cr_assert_not_null(many);
    keep_outcome v, c;
    cr_assert_eq(linekeep_run(text, len, KEEP_VIEW, 1024, &buf.base, &str.base, many,
                              lines, 1, &v), 0);
    cr_assert_eq(linekeep_run(text, len, KEEP_COPY, 1024, &buf.base, &str.base, many,
                              lines, 1, &c), 0);
    cr_assert_eq(v.lines, lines);
    cr_assert_eq(v.intact + v.later_text + v.other, lines);
    cr_assert_eq(v.dangling, 0, "no line longer than the buffer");
    /* Only a view across the end of a fill reads part later text, part
     * its own bytes: at most one per fill. */
    cr_assert_leq(v.other, v.reader_fills);
    cr_assert_gt(v.later_text, lines / 2, "%lu of %zu", (unsigned long)v.later_text, lines);
    cr_assert_leq(v.intact, 1024 / 40 + 1, "at most one buffer's lines stay intact");
    cr_assert_gt(v.first_overwritten, 0);
    cr_assert_eq(c.intact, lines);
    cr_assert_eq(str.stats.alloc_calls, lines);
    cr_assert_eq(str.stats.live_bytes, 0);
    free(many);
    free(text);
}

Test(linekeep, more_lines_than_room_fails_and_frees_everything)
{
    keep_outcome o;
    cr_assert_eq(linekeep_run("a\nb\nc\n", 6, KEEP_COPY, 8, &buf.base, &str.base, kept, 2,
                              1, &o), -1);
    cr_assert_eq(buf.stats.live_bytes, 0);
    cr_assert_eq(str.stats.live_bytes, 0);
}

Test(linekeep, every_failed_allocation_is_reported_and_cleaned_up)
{
    const char *text = "one\ntwo\nthree and more than eight bytes\nfour\n";
    counting_allocator *sides[] = {&buf, &str, &buf};
    keep_mode modes[] = {KEEP_COPY, KEEP_COPY, KEEP_VIEW};
    for (int s = 0; s < 3; s++) {
        for (uint64_t k = 1;; k++) {
            counting_fail_at(sides[s], k);
            keep_outcome o;
            int rc = linekeep_run(text, strlen(text), modes[s], 8, &buf.base, &str.base,
                                  kept, 64, 1, &o);
            counting_fail_at(sides[s], 0);
            cr_assert_eq(buf.stats.live_bytes, 0);
            cr_assert_eq(str.stats.live_bytes, 0);
            if (rc == 0) {
                cr_assert_eq(o.lines, 4);
                cr_assert_eq(o.intact + o.later_text + o.dangling + o.other, 4);
                break;
            }
            cr_assert_eq(rc, -1);
            cr_assert_lt(k, 100, "never succeeded");
        }
    }
}

Test(linekeep, a_zero_buffer_is_refused)
{
    keep_outcome o;
    cr_assert_eq(linekeep_run("a\n", 2, KEEP_VIEW, 0, &buf.base, &str.base, kept, 64, 1,
                              &o), -1);
    cr_assert_eq(buf.stats.alloc_calls, 0);
}
