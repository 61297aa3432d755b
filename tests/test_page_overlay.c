/* test_page_overlay.c - two runs in one chart (src/page/overlay.c,
 * src/page/tsv.c): columns found by name, unusable points skipped,
 * variant names escaped, a chart with no data says so. */
#include "page/overlay.h"
#include "page/tsv.h"
#include "test_page_capture.h"

#include <criterion/criterion.h>
#include <string.h>

#define TSV "tests/fixtures/page/run/data/traverse.tsv"

Test(page_tsv, curves_by_variant)
{
    tsv_curves c;
    char err[256];
    cr_assert(tsv_read_curves(TSV, "ws_bytes", "ns_med", NULL, &c, err, sizeof err), "%s", err);
    cr_assert_eq(c.count, 2);
    cr_expect_str_eq(c.curve[0].variant, "aos");
    cr_expect_eq(c.curve[0].n, 3);
    cr_expect_float_eq(c.curve[0].x[2], 1048576, 1e-9);
    cr_expect_float_eq(c.curve[0].y[2], 0.9, 1e-12);
    cr_expect_eq(c.curve[1].n, 2, "the NaN point is skipped");
    tsv_curves_free(&c);
    const char *const only[] = {"aos", NULL};
    cr_assert(tsv_read_curves(TSV, "arg", "ns_min", only, &c, err, sizeof err));
    cr_expect_eq(c.count, 1);
    cr_expect_float_eq(c.curve[0].x[0], 170, 1e-12);
    tsv_curves_free(&c);
}

Test(page_tsv, missing_file_or_column)
{
    tsv_curves c;
    char err[256];
    cr_expect_not(tsv_read_curves(TSV, "ws_bytes", "no_such", NULL, &c, err, sizeof err));
    cr_expect_neq(count_of(err, "lacks a column"), 0);
    cr_expect_eq(c.count, 0);
    cr_expect_not(tsv_read_curves("tests/fixtures/page/none.tsv", "a", "b", NULL, &c, err,
                                  sizeof err));
    cr_expect_neq(count_of(err, "none.tsv"), 0);
    cr_expect_not(tsv_read_curves("tests/fixtures/page/run/report.json", "a", "b", NULL, &c,
                                  err, sizeof err));
    cr_expect_neq(count_of(err, "no header"), 0);
}

Test(page_overlay, specs_per_experiment)
{
    size_t n;
    cr_expect_not_null(overlay_specs("traverse", &n));
    cr_expect_eq(n, 1);
    const overlay_spec *s = overlay_specs("stride", &n);
    cr_expect_eq(n, 2);
    cr_expect_str_eq(s[0].only[0], "read");
    cr_expect_str_eq(s[1].only[0], "chase");
    cr_expect_null(overlay_specs("alloc", &n));
    cr_expect_eq(n, 0);
    cr_expect_null(overlay_specs(NULL, &n));
}

Test(page_overlay, empty_chart_says_so)
{
    capture c;
    size_t n;
    tsv_curves none = {0};
    capture_open(&c);
    cr_expect_not(overlay_chart(c.f, overlay_specs("traverse", &n), &none, "a", &none, "b"));
    const char *s = capture_close(&c);
    cr_expect_neq(count_of(s, "neither run has data"), 0);
    cr_expect_eq(count_of(s, "<svg"), 0);
    capture_free(&c);
}

Test(page_overlay, both_runs_drawn_names_escaped)
{
    capture c;
    size_t n;
    capture_open(&c);
    cr_expect(overlay_runs(c.f, overlay_specs("traverse", &n), "tests/fixtures/page/run",
                           "this <run>", "tests/fixtures/page/none", "gone"));
    const char *s = capture_close(&c);
    cr_expect_eq(count_of(s, "<polyline"), 2, "two curves of the run, none of the missing one");
    cr_expect_eq(count_of(s, "<circle"), 5);
    cr_expect_neq(count_of(s, "<title>aos (this &lt;run&gt;): 64 KiB, 0.6</title>"), 0);
    cr_expect_eq(count_of(s, "<script"), 0);
    cr_expect_neq(count_of(s, "solid: this &lt;run&gt;; dashed: gone"), 0);
    capture_free(&c);
}
