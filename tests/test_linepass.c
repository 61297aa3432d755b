/* test_linepass.c - A5: a view costs no allocation per line, a copy costs
 * exactly one; both see the same lines as a plain memchr split; every
 * failed allocation is reported and cleaned up. */
#include "alloc/counting.h"
#include "lines/linepass.h"
#include "lines/textgen.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static counting_allocator buf, str;

static void setup(void)
{
    counting_init(&buf, alloc_libc());
    counting_init(&str, alloc_libc());
}

TestSuite(linepass, .init = setup);

static void run(const char *text, size_t len, line_mode mode, size_t bufsize,
                line_totals *t)
{
    cr_assert_eq(linepass_run(text, len, mode, bufsize, &buf.base, &str.base, t), 0);
    cr_assert_eq(buf.stats.live_bytes, 0, "the buffer was freed");
    cr_assert_eq(str.stats.live_bytes, 0, "every copy was freed");
}

Test(linepass, an_empty_text_has_no_lines)
{
    line_totals t;
    run("", 0, LINE_MODE_COPY, 64, &t);
    cr_assert_eq(t.lines, 0);
    cr_assert_eq(str.stats.alloc_calls, 0);
    cr_assert_eq(buf.stats.alloc_calls, 1, "the reader's buffer");
}

Test(linepass, empty_lines_and_a_last_line_without_newline)
{
    const char *text = "a\nbb\n\nccc";
    line_totals v, c, ref;
    run(text, strlen(text), LINE_MODE_VIEW, 4, &v);
    run(text, strlen(text), LINE_MODE_COPY, 4, &c);
    linepass_reference(text, strlen(text), &ref);
    cr_assert_eq(ref.lines, 4);
    cr_assert_eq(ref.bytes, 6);
    cr_assert_eq(v.lines, 4);
    cr_assert_eq(v.bytes, 6);
    cr_assert_eq(v.digest, ref.digest);
    cr_assert_eq(c.digest, ref.digest);
    cr_assert_eq(str.stats.alloc_calls, 4, "an empty line is still a string");
    cr_assert_eq(str.stats.bytes_allocated, 6 + 4, "each string has its NUL");
}

Test(linepass, a_view_allocates_nothing_per_line_and_a_copy_one)
{
    size_t len = 200000;
    char *text = malloc(len);
    cr_assert_not_null(text);
    for (size_t k = 0; k < line_dist_count; k++) {
        size_t lines = textgen_fill(text, len, &line_dists[k], 3);
        line_totals ref, v, c;
        linepass_reference(text, len, &ref);
        cr_assert_eq(ref.lines, lines);

        run(text, len, LINE_MODE_VIEW, 4096, &v);
        cr_assert_eq(str.stats.alloc_calls, 0);
        cr_assert_eq(buf.stats.alloc_calls, 1, "%s: one buffer per pass", line_dists[k].name);
        cr_assert_eq(v.digest, ref.digest, "%s", line_dists[k].name);

        run(text, len, LINE_MODE_COPY, 4096, &c);
        cr_assert_eq(str.stats.alloc_calls, lines, "%s", line_dists[k].name);
        cr_assert_eq(str.stats.free_calls, lines);
        cr_assert_eq(str.stats.bytes_allocated, ref.bytes + lines);
        cr_assert_eq(c.digest, ref.digest, "%s", line_dists[k].name);
        counting_reset_stats(&buf);
        counting_reset_stats(&str);
    }
    free(text);
}

Test(linepass, a_line_longer_than_the_buffer_grows_it)
{
    char text[1000];
    memset(text, 'x', sizeof text);
    text[10] = '\n';
    text[sizeof text - 1] = '\n';
    line_totals t, ref;
    run(text, sizeof text, LINE_MODE_VIEW, 16, &t);
    linepass_reference(text, sizeof text, &ref);
    cr_assert_eq(t.lines, 2);
    cr_assert_eq(t.digest, ref.digest);
    cr_assert_gt(buf.stats.resize_calls, 0);
    cr_assert_geq(buf.stats.peak_live_bytes, 989);
}

Test(linepass, a_copy_holds_one_line_at_a_time)
{
    const char *text = "1234567\n12\n123456789012\n1\n";
    line_totals t;
    run(text, strlen(text), LINE_MODE_COPY, 64, &t);
    cr_assert_eq(str.stats.peak_live_bytes, 13, "the longest line and its NUL");
    cr_assert_eq(str.stats.peak_live_blocks, 1);
}

Test(linepass, every_failed_allocation_is_reported_and_cleaned_up)
{
    const char *text = "one\ntwo\nthree and more than sixteen bytes\nfour\n";
    size_t len = strlen(text);
    counting_allocator *sides[] = {&buf, &str};
    for (int s = 0; s < 2; s++) {
        for (uint64_t k = 1;; k++) {
            counting_fail_at(sides[s], k);
            line_totals t;
            int rc = linepass_run(text, len, LINE_MODE_COPY, 16, &buf.base, &str.base, &t);
            counting_fail_at(sides[s], 0);
            cr_assert_eq(buf.stats.live_bytes, 0);
            cr_assert_eq(str.stats.live_bytes, 0);
            if (rc == 0) {
                cr_assert_eq(t.lines, 4);
                break;
            }
            cr_assert_eq(rc, -1);
            cr_assert_lt(k, 100, "never succeeded");
        }
    }
}

Test(linepass, bad_arguments_are_refused)
{
    line_totals t;
    cr_assert_eq(linepass_run("a\n", 2, LINE_MODE_VIEW, 0, &buf.base, &str.base, &t), -1);
    cr_assert_eq(buf.stats.alloc_calls, 0);
}
