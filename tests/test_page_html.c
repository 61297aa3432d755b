/* test_page_html.c - escaping for the browser page (src/page/html.c) and
 * its number formats (src/page/fmt.c): markup, quotes, control
 * characters and broken UTF-8 from a file show as text. */
#include "page/claim.h"
#include "page/fmt.h"
#include "page/html.h"
#include "test_page_capture.h"

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

static const char *escaped(capture *c, const char *s)
{
    capture_open(c);
    html_text(c->f, s);
    return capture_close(c);
}

Test(page_html, markup_and_quotes_become_entities)
{
    capture c;
    cr_expect_str_eq(escaped(&c, "<script>alert('x')</script> & \"q\""),
                     "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    capture_free(&c);
}

Test(page_html, newline_and_tab_stay_other_controls_do_not)
{
    capture c;
    cr_expect_str_eq(escaped(&c, "a\nb\tc\x01" "d\x7f"), "a\nb\tc\xEF\xBF\xBD" "d\xEF\xBF\xBD");
    capture_free(&c);
}

Test(page_html, utf8_kept_broken_bytes_replaced)
{
    capture c;
    /* é, a lone continuation byte, a truncated sequence, an overlong '<'. */
    cr_expect_str_eq(escaped(&c, "\xC3\xA9 \x80 \xE2\x82 \xC0\xBC"),
                     "\xC3\xA9 \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD");
    capture_free(&c);
}

/* Each character markup gives a meaning to, alone: its entity, and
 * nothing else of the byte gets through (also the SVG writer's escaping:
 * &#39; is an XML character reference as well as HTML's). */
Test(page_html, every_special_character_alone)
{
    static const char *const cases[][2] = {
        {"&", "&amp;"}, {"<", "&lt;"}, {">", "&gt;"}, {"\"", "&quot;"}, {"'", "&#39;"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        capture c;
        cr_expect_str_eq(escaped(&c, cases[i][0]), cases[i][1]);
        capture_free(&c);
    }
}

/* Every byte below 0x20 but tab and newline, and DEL: none may reach an
 * XML document (carriage return is allowed by XML, but not kept: a file's
 * line ends are not the page's). */
Test(page_html, every_control_character_is_replaced)
{
    for (int b = 1; b < 0x80; b++) {
        if (b >= 0x20 && b != 0x7F)
            continue;
        char in[2] = {(char)b, '\0'};
        capture c;
        const char *out = escaped(&c, in);
        if (b == '\t' || b == '\n')
            cr_expect_str_eq(out, in, "byte 0x%02x", b);
        else
            cr_expect_str_eq(out, "\xEF\xBF\xBD", "byte 0x%02x", b);
        capture_free(&c);
    }
}

/* Each kind of invalid sequence gives one U+FFFD per byte that cannot
 * start a character, and the text after it is read again from there. */
Test(page_html, invalid_utf8_of_every_kind)
{
    static const char *const cases[][2] = {
        {"\xFF", "\xEF\xBF\xBD"},                                  /* never a lead byte */
        {"\xC1\x81", "\xEF\xBF\xBD\xEF\xBF\xBD"},                   /* overlong 'A' */
        {"\xE0\x80\xBC", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},    /* overlong, 3 bytes */
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},    /* a surrogate */
        {"\xF4\x90\x80\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}, /* past U+10FFFF */
        {"\xEF\xBF\xBE", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},    /* U+FFFE: not XML */
        {"\xEF\xBF\xBF", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},    /* U+FFFF: not XML */
        {"\xE2\x82<", "\xEF\xBF\xBD\xEF\xBF\xBD&lt;"},              /* cut short by '<' */
        {"\xF0\x9F\x98", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},    /* cut short by the end */
        {"\xEF\xBF\xBD\xF4\x8F\xBF\xBD", "\xEF\xBF\xBD\xF4\x8F\xBF\xBD"}, /* U+FFFD, U+10FFFD kept */
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        capture c;
        cr_expect_str_eq(escaped(&c, cases[i][0]), cases[i][1], "case %zu", i);
        capture_free(&c);
    }
}

/* html_text_n stops at n, even inside a character: what follows the n
 * bytes is never read. */
Test(page_html, a_length_cuts_a_character_short)
{
    capture c;
    capture_open(&c);
    html_text_n(c.f, "a\xC3\xA9<", 2);
    cr_expect_str_eq(capture_close(&c), "a\xEF\xBF\xBD");
    capture_free(&c);
    capture_open(&c);
    html_text_n(c.f, NULL, 4);
    html_text_n(c.f, "<", 0);
    cr_expect_str_eq(capture_close(&c), "");
    capture_free(&c);
}

/* Optional text in its markup: nothing at all when there is no text. */
Test(page_html, text_in_markup_only_when_there_is_text)
{
    capture c;
    capture_open(&c);
    cr_expect(html_text_in(c.f, "<i>(", "a<b", ")</i>"));
    cr_expect_not(html_text_in(c.f, "<i>(", "", ")</i>"));
    cr_expect_not(html_text_in(c.f, "<i>(", NULL, ")</i>"));
    cr_expect_str_eq(capture_close(&c), "<i>(a&lt;b)</i>");
    capture_free(&c);
}

/* The verdict badge both the claim's section and the side-by-side table
 * show: kind as a class, verdict and condition escaped. */
Test(page_html, claim_badge_escapes_and_falls_back)
{
    json_t *claim = json_pack("{s:s, s:s, s:s}", "kind", "holds_only_when", "verdict",
                              "holds only when", "condition", "ws > <L1>");
    capture c;
    capture_open(&c);
    claim_badge(c.f, claim, "no verdict");
    cr_expect_str_eq(capture_close(&c), "<span class=\"badge k-holds_only_when\">holds "
                                        "only when</span> ws &gt; &lt;L1&gt;");
    capture_free(&c);
    json_decref(claim);
    claim = json_pack("{s:s}", "kind", "<x>");
    capture_open(&c);
    claim_badge(c.f, claim, "no verdict");
    cr_expect_str_eq(capture_close(&c), "<span class=\"badge k-other\">no verdict</span>");
    capture_free(&c);
    json_decref(claim);
}

Test(page_html, null_and_empty_write_nothing)
{
    capture c;
    cr_expect_str_eq(escaped(&c, NULL), "");
    capture_free(&c);
    cr_expect_str_eq(escaped(&c, ""), "");
    capture_free(&c);
}

Test(page_html, plain_names)
{
    cr_expect(html_plain_name("traverse_bytes"));
    cr_expect(html_plain_name("stride-latency2"));
    cr_expect_not(html_plain_name(""));
    cr_expect_not(html_plain_name(NULL));
    cr_expect_not(html_plain_name("../etc/passwd"));
    cr_expect_not(html_plain_name("javascript:alert(1)"));
    cr_expect_not(html_plain_name("a b"));
    cr_expect_not(html_plain_name("a.svg"));
    char long_name[66];
    memset(long_name, 'a', 65);
    long_name[65] = '\0';
    cr_expect_not(html_plain_name(long_name));
    long_name[64] = '\0';
    cr_expect(html_plain_name(long_name));
}

Test(page_html, claim_anchors_are_distinct_and_need_no_escaping)
{
    capture c;
    capture_open(&c);
    html_claim_anchor(c.f, "L1");
    fputc('|', c.f);
    html_claim_anchor(c.f, "X\"><b");
    fputc('|', c.f);
    html_claim_anchor(c.f, "X.22");
    fputc('|', c.f);
    html_claim_anchor(c.f, NULL);
    fputc('|', c.f);
    html_claim_anchor(c.f, "");
    cr_expect_str_eq(capture_close(&c),
                     "claim-L1|claim-X.22.3E.3Cb|claim-X.2E22|claim-.none|claim-.none");
    capture_free(&c);
}

Test(page_html, url_paths_are_percent_encoded)
{
    capture c;
    capture_open(&c);
    html_url_path(c.f, "/r/a b/#x?\"%'/");
    cr_expect_str_eq(capture_close(&c), "/r/a%20b/%23x%3F%22%25%27/");
    capture_free(&c);
}

static const char *formatted(capture *c, void (*f)(FILE *, double), double v)
{
    capture_open(c);
    f(c->f, v);
    return capture_close(c);
}

Test(page_fmt, sizes)
{
    capture c;
    const struct { double v; const char *s; } cases[] = {
        {512, "512 B"}, {32768, "32 KiB"}, {1297225, "1.2 MiB"}, {1073741824, "1 GiB"},
        {-1, "?"}, {NAN, "?"}, {INFINITY, "?"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cr_expect_str_eq(formatted(&c, fmt_bytes, cases[i].v), cases[i].s, "%g", cases[i].v);
        capture_free(&c);
    }
}

Test(page_fmt, numbers)
{
    capture c;
    const struct { double v; const char *s; } cases[] = {
        {3, "3"}, {1.23456, "1.235"}, {0.000012345, "1.234e-05"}, {NAN, "?"}, {-2.5, "-2.5"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        cr_expect_str_eq(formatted(&c, fmt_number, cases[i].v), cases[i].s, "%g", cases[i].v);
        capture_free(&c);
    }
}

Test(page_fmt, cells_of_every_json_type)
{
    capture c;
    capture_open(&c);
    json_t *cells = json_pack("[I, f, s, n, b, []]", (json_int_t)1024, 0.5, "<b>&", 1);
    for (size_t i = 0; i < json_array_size(cells); i++) {
        fmt_cell(c.f, json_array_get(cells, i));
        fputc('|', c.f);
    }
    fmt_cell(c.f, NULL);
    cr_expect_str_eq(capture_close(&c), "1024|0.5|&lt;b&gt;&amp;|&ndash;|yes|?|&ndash;");
    json_decref(cells);
    capture_free(&c);
}
