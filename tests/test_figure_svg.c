/* test_figure_svg.c - the SVG writer: its text and attributes escaped by
 * the page's escaper, numbers, and that every element opened is closed,
 * misuse included. */
#include "figure/svg.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

/* An in-memory stream; text() gives what was written so far. */
typedef struct sink {
    FILE *f;
    char *buf;
    size_t len;
} sink;

/* The stream writes through &s->buf, so the sink must not move. */
static void open_sink(sink *s)
{
    *s = (sink){0};
    s->f = open_memstream(&s->buf, &s->len);
    cr_assert_not_null(s->f);
}

static const char *text(sink *s)
{
    fflush(s->f);
    return s->buf;
}

static void close_sink(sink *s)
{
    fclose(s->f);
    free(s->buf);
}

/* What the writer makes of 'in' as an element's text and as an
 * attribute value: both go through the page's escaper (page/html.h,
 * whose own tests cover every byte class); here, that the writer uses it
 * for both. */
static void assert_escaped(const char *in, const char *want)
{
    sink s;
    open_sink(&s);
    svg w;
    svg_start(&w, s.f, 10, 10, NULL);
    svg_leaf(&w, "text", (const char *[]){"class", in, NULL}, in);
    cr_assert(svg_finish(&w));
    char expected[256];
    snprintf(expected, sizeof expected, " <text class=\"%s\">%s</text>\n", want, want);
    cr_assert(strstr(text(&s), expected), "escape of '%s': %s", in, text(&s));
    close_sink(&s);
}

Test(figure_svg, markup_characters_become_entities)
{
    assert_escaped("a<b>&\"c'", "a&lt;b&gt;&amp;&quot;c&#39;");
    assert_escaped("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;");
    assert_escaped("&amp;", "&amp;amp;");
    assert_escaped("", "");
}

/* U+FFFD, not '?': the replacement the page shows for the same bytes. */
Test(figure_svg, control_characters_and_bad_utf8_become_replacement_characters)
{
    assert_escaped("a\x01" "b\x1b" "c", "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c");
    assert_escaped("tab\tand\nnewline", "tab\tand\nnewline");
    assert_escaped("\xff", "\xEF\xBF\xBD");       /* never a lead byte */
    assert_escaped("\xef\xbf\xbe", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); /* U+FFFE */
}

Test(figure_svg, valid_utf8_is_kept)
{
    assert_escaped("caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80", "caf\xc3\xa9 \xe2\x86\x92 \xf0\x9f\x98\x80");
}

Test(figure_svg, null_text_is_an_empty_element)
{
    sink s;
    open_sink(&s);
    svg w;
    svg_start(&w, s.f, 10, 10, NULL);
    svg_text(&w, 1, 2, NULL, NULL, NULL);
    cr_assert(svg_finish(&w));
    cr_assert(strstr(text(&s), "text-anchor=\"start\"></text>\n"), "%s", text(&s));
    close_sink(&s);
}

Test(figure_svg, numbers_have_one_format)
{
    char b[SVG_NUM];
    cr_assert_str_eq(svg_num(b, 12), "12");
    cr_assert_str_eq(svg_num(b, 12.5), "12.5");
    cr_assert_str_eq(svg_num(b, 12.04), "12");
    cr_assert_str_eq(svg_num(b, -3), "-3");
    cr_assert_str_eq(svg_num(b, -0.01), "0");
    cr_assert_str_eq(svg_num(b, 1.0 / 0.0), "0");
    cr_assert_str_eq(svg_num(b, 0.0 / 0.0), "0");
}

Test(figure_svg, a_document_is_closed_and_attributes_escaped)
{
    sink s;
    open_sink(&s);
    svg w;
    svg_start(&w, s.f, 100, 50.5, "a <title>");
    svg_open(&w, "g", (const char *[]){"class", "x\"y", NULL});
    svg_text(&w, 1, 2, "middle", "lbl", "5 < 6 & \"7\"");
    svg_rect(&w, 0, 0, 10, 20, NULL);
    svg_close(&w);
    cr_assert(svg_finish(&w));
    const char *out = text(&s);
    cr_assert(strncmp(out, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ", 44) == 0, "%s", out);
    cr_assert(strstr(out, "viewBox=\"0 0 100 50.5\""), "%s", out);
    cr_assert(strstr(out, "<title>a &lt;title&gt;</title>"), "%s", out);
    cr_assert(strstr(out, "<g class=\"x&quot;y\">"), "%s", out);
    cr_assert(strstr(out, ">5 &lt; 6 &amp; &quot;7&quot;</text>"), "%s", out);
    cr_assert(strstr(out, "<rect x=\"0\" y=\"0\" width=\"10\" height=\"20\"/>"), "%s", out);
    cr_assert(strstr(out, "</g>\n</svg>\n"), "%s", out);
    close_sink(&s);
}

Test(figure_svg, an_element_left_open_fails_but_is_closed)
{
    sink s;
    open_sink(&s);
    svg w;
    svg_start(&w, s.f, 10, 10, NULL);
    svg_open(&w, "g", NULL);
    svg_open(&w, "g", NULL);
    cr_assert_not(svg_finish(&w));
    cr_assert_eq(w.depth, 0);
    const char *out = text(&s);
    cr_assert(strstr(out, "</g>\n </g>\n</svg>\n"), "%s", out);
    close_sink(&s);
}

Test(figure_svg, closing_the_root_or_nothing_is_a_misuse)
{
    sink s;
    open_sink(&s);
    svg w;
    svg_start(&w, s.f, 10, 10, NULL);
    svg_close(&w); /* only <svg> is open: svg_finish closes it */
    cr_assert(w.misused);
    cr_assert_eq(w.depth, 1);
    cr_assert_not(svg_finish(&w));
    cr_assert(strstr(text(&s), "</svg>\n"));
    close_sink(&s);
}

Test(figure_svg, invalid_names_and_missing_values_write_nothing)
{
    sink s;
    open_sink(&s);
    svg w;
    svg_start(&w, s.f, 10, 10, NULL);
    size_t before = strlen(text(&s));
    svg_open(&w, "g onload=alert(1)", NULL);
    svg_leaf(&w, "", NULL, "x");
    svg_leaf(&w, "rect", (const char *[]){"x", NULL}, NULL);  /* a name without a value */
    svg_leaf(&w, "rect", (const char *[]){"on\"load", "1", NULL}, NULL);
    cr_assert_eq(strlen(text(&s)), before, "%s", text(&s) + before);
    cr_assert_eq(w.depth, 1);
    cr_assert(w.misused);
    cr_assert_not(svg_finish(&w));
    close_sink(&s);
}

Test(figure_svg, nesting_past_the_limit_is_a_misuse)
{
    sink s;
    open_sink(&s);
    svg w;
    svg_start(&w, s.f, 10, 10, NULL);
    for (int i = 0; i < SVG_MAX_DEPTH + 2; i++)
        svg_open(&w, "g", NULL);
    cr_assert_eq(w.depth, SVG_MAX_DEPTH);
    cr_assert_not(svg_finish(&w));
    cr_assert_eq(w.depth, 0);
    close_sink(&s);
}

Test(figure_svg, a_stream_error_fails_the_finish)
{
    FILE *f = fopen("/dev/full", "w");
    if (!f)
        cr_skip_test("no /dev/full");
    setvbuf(f, NULL, _IONBF, 0);  /* every write reaches the device and fails */
    svg w;
    svg_start(&w, f, 10, 10, NULL);
    cr_assert_not(svg_finish(&w));
    fclose(f);
}
