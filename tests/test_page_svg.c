/* test_page_svg.c - a plot's SVG inlined into the page (src/page/svg.c):
 * gnuplot's drawing kept with prefixed ids and its axes read; scripts,
 * handlers, foreign objects and links out dropped; broken files still
 * give balanced markup; a file without SVG writes nothing. */
#include "page/svg.h"
#include "test_page_capture.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

#define HOSTILE_SVG "tests/fixtures/page/run/plots/traverse.svg"

static const char *inlined(capture *c, const char *text, svg_axes *axes, bool *ok)
{
    capture_open(c);
    *ok = svg_inline_text(c->f, text, strlen(text), "p-", axes);
    return capture_close(c);
}

Test(page_svg, hostile_plot_keeps_the_drawing_drops_the_rest)
{
    capture c;
    char err[256];
    svg_axes axes;
    capture_open(&c);
    cr_assert(svg_inline_file(c.f, HOSTILE_SVG, "p-", &axes, err, sizeof err), "%s", err);
    const char *s = capture_close(&c);
    cr_expect_eq(strncmp(s, "<svg", 4), 0);
    cr_expect_eq(count_of(s, "<svg"), 1);
    cr_expect_eq(count_of(s, "</svg>"), 1);
    cr_expect_eq(count_of(s, "<script"), 0);
    cr_expect_eq(count_of(s, " on"), 0, "an event handler attribute was kept");
    cr_expect_eq(count_of(s, "foreignObject"), 0);
    cr_expect_eq(count_of(s, "javascript:"), 0);
    cr_expect_eq(count_of(s, "example.invalid"), 0);
    cr_expect_eq(count_of(s, "after the end"), 0);
    cr_expect_neq(count_of(s, "id=\"p-gpPt0\""), 0);
    cr_expect_neq(count_of(s, "href=\"#p-gpPt0\""), 0);
    cr_expect_neq(count_of(s, "stroke=\"url(#p-gpPt0)\""), 0);
    cr_expect_neq(count_of(s, "&amp; &amp;unknown; &#60;b&#62;"), 0);
    cr_expect_neq(count_of(s, "aos &lt;script&gt;"), 0, "the key's text is kept, escaped");
    cr_expect(axes.known);
    cr_expect(axes.logx);
    cr_expect(axes.logy);
    cr_expect_float_eq(axes.axis_xmin, 4096, 1e-9);
    cr_expect_gt(axes.xmax, axes.xmin);
    capture_free(&c);
}

Test(page_svg, no_svg_writes_nothing)
{
    capture c;
    bool ok;
    cr_expect_str_eq(inlined(&c, "<html><body>no plot</body></html>", NULL, &ok), "");
    cr_expect_not(ok);
    capture_free(&c);
    cr_expect_str_eq(inlined(&c, "", NULL, &ok), "");
    cr_expect_not(ok);
    capture_free(&c);
}

Test(page_svg, a_file_cut_short_is_closed)
{
    capture c;
    bool ok;
    cr_expect_str_eq(inlined(&c, "<svg viewBox=\"0 0 1 1\"><g><text>a &lt; b", NULL, &ok),
                     "<svg viewBox=\"0 0 1 1\"><g><text>a &lt; b</text></g></svg>");
    cr_expect(ok);
    capture_free(&c);
}

Test(page_svg, empty_groups_and_layout_space_are_dropped)
{
    capture c;
    bool ok;
    const char *text = "<svg><g fill=\"none\">\n\t</g><g stroke=\"black\"/>"
                       "<g id=\"a\"><path d=\"M0,0\"/></g><g> <text>x</text> </g>"
                       "<g><g color=\"gray\">\n</g>\n</g></svg>";
    cr_expect_str_eq(inlined(&c, text, NULL, &ok),
                     "<svg><g id=\"p-a\"><path d=\"M0,0\"/></g><g><text>x</text></g>"
                     "<g>\n</g></svg>");
    cr_expect(ok);
    capture_free(&c);
    cr_expect_str_eq(inlined(&c, "<svg><text> a <tspan> </tspan></text></svg>", NULL, &ok),
                     "<svg><text> a <tspan> </tspan></text></svg>", "drawn text keeps its spaces");
    capture_free(&c);
}

Test(page_svg, padding_inside_attribute_values_is_collapsed)
{
    capture c;
    bool ok;
    const char *text = "<svg><path stroke=\"rgb( 64,  64,  64)\" d=\" M1,2\tL3,4\n  \"/>"
                       "<polygon points=\"1,2 3,4 \"/><text font-family=\"a  b\">x  y</text></svg>";
    cr_expect_str_eq(inlined(&c, text, NULL, &ok),
                     "<svg><path stroke=\"rgb( 64, 64, 64)\" d=\"M1,2 L3,4\"/>"
                     "<polygon points=\"1,2 3,4\"/><text font-family=\"a b\">x  y</text></svg>",
                     "values keep one space between their parts; drawn text keeps its own");
    cr_expect(ok);
    capture_free(&c);
}

Test(page_svg, stray_end_tags_close_nothing_of_the_page)
{
    capture c;
    bool ok;
    cr_expect_str_eq(inlined(&c, "<svg></div></body><g></svg></g></svg><p>x</p>", NULL, &ok),
                     "<svg><g></g></svg>");
    capture_free(&c);
}

Test(page_svg, doctype_prolog_comments_and_nested_svg_are_dropped)
{
    capture c;
    bool ok;
    const char *text = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [ <!ENTITY x \"<script>\"> ]>"
                       "<!-- <script> --><svg><svg><rect/></svg><text>&x;</text></svg>";
    cr_expect_str_eq(inlined(&c, text, NULL, &ok), "<svg><text>&amp;x;</text></svg>");
    capture_free(&c);
}

Test(page_svg, attributes_checked_one_by_one)
{
    capture c;
    bool ok;
    const char *text =
        "<svg><rect ONCLICK=\"x\" style=\"a\" width='2' fill=\"url( 'http://e/#a')\" "
        "clip-path=\"url(#c)\" x=\"1&quot;2\" unquoted=3 data-x=\"1\"/>"
        "<image href=\"data:image/png;base64,AAAA\"/><image href=\"data:text/html,x\"/>"
        "<use href=\"other.svg#a\"/><use xlink:href=\"#a\"/></svg>";
    cr_expect_str_eq(inlined(&c, text, NULL, &ok),
                     "<svg><rect width=\"2\" clip-path=\"url(#p-c)\" x=\"1&quot;2\"/>"
                     "<image href=\"data:image/png;base64,AAAA\"/><image/>"
                     "<use/><use xlink:href=\"#p-a\"/></svg>");
    capture_free(&c);
}

Test(page_svg, bad_entities_and_cdata_become_text)
{
    capture c;
    bool ok;
    cr_expect_str_eq(inlined(&c, "<svg><text>&#0; &#x41; <![CDATA[<b>&]]> a < b</text></svg>",
                             NULL, &ok),
                     "<svg><text>&amp;#0; &#x41; &lt;b&gt;&amp; a &lt; b</text></svg>");
    capture_free(&c);
}

Test(page_svg, axes_need_every_number)
{
    capture c;
    bool ok;
    svg_axes axes;
    inlined(&c, "<svg><script><![CDATA[\ngnuplot_svg.plot_xmin = 1;\n]]></script></svg>", &axes,
            &ok);
    cr_expect_not(axes.known);
    capture_free(&c);
    const char *full = "<svg><script><![CDATA[\n"
                       "gnuplot_svg.plot_xmin = 10;\ngnuplot_svg.plot_xmax = 110;\n"
                       "gnuplot_svg.plot_ybot = 90;\ngnuplot_svg.plot_ytop = 10;\n"
                       "gnuplot_svg.plot_axis_xmin = 0;\ngnuplot_svg.plot_axis_xmax = 5;\n"
                       "gnuplot_svg.plot_axis_ymin = 1;\ngnuplot_svg.plot_axis_ymax = 2;\n"
                       "gnuplot_svg.plot_logaxis_x = 0;\ngnuplot_svg.plot_logaxis_y = 0;\n"
                       "]]></script></svg>";
    cr_expect_str_eq(inlined(&c, full, &axes, &ok), "<svg></svg>");
    cr_expect(axes.known);
    cr_expect_float_eq(axes.axis_xmax, 5, 1e-12);
    capture_free(&c);
    /* A log axis from 0 cannot be read: no hover rather than a wrong one. */
    char *logx = strdup(full);
    memcpy(strstr(logx, "logaxis_x = 0") + strlen("logaxis_x = "), "1", 1);
    inlined(&c, logx, &axes, &ok);
    cr_expect_not(axes.known);
    free(logx);
    capture_free(&c);
}

Test(page_svg, missing_file_is_an_error)
{
    capture c;
    char err[256];
    capture_open(&c);
    cr_expect_not(svg_inline_file(c.f, "tests/fixtures/page/none.svg", "p-", NULL, err, sizeof err));
    cr_expect_str_eq(capture_close(&c), "");
    cr_expect_neq(count_of(err, "none.svg"), 0);
    capture_free(&c);
}
