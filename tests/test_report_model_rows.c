/* test_report_model_rows.c - the rows of the model-versus-measured table
 * that the claims report and explain_traverse share, on the model/ and
 * missing/ fixture runs (make_fixtures.py): which layouts, which counts,
 * which figures and comparisons. */
#include "report/model_rows.h"
#include "traverse/model.h"

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

#define FIXTURES "tests/fixtures/report/"

static report_run run;

static void cleanup(void)
{
    report_run_free(&run);
}

TestSuite(report_model_rows, .fini = cleanup);

/* The fixtures' reported L1d, L2 and L3. */
static const double caches[3] = {32768, 1048576, 33554432};

/* The rows of 'layouts' against layouts[base] in fixture 'dir'. */
static model_rows rows_of(const char *dir, const char *const *layouts, size_t n, size_t base,
                          const double limits[3])
{
    char err[512];
    report_run_free(&run);
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    model_rows t;
    model_rows_build(&run, "ns_per_item", layouts, n, base, limits, &t);
    return t;
}

/* Index of layout in t, or t->nlayouts. */
static size_t index_of(const model_rows *t, const char *layout)
{
    size_t l = 0;
    while (l < t->nlayouts && strcmp(t->layouts[l], layout) != 0)
        l++;
    return l;
}

/*
 * Every layout against aos on model/: aop_scattered did not run 128 and
 * 256 elements, so no count with every layout fits in L1 (the boxed
 * layout's 96 B per element make 4096 elements 384 KiB); L2 gets 4096,
 * L3 131072 (12 MiB), and the largest is 8388608.
 */
Test(report_model_rows, every_layout_against_one_picks_a_count_per_level)
{
    model_rows t = rows_of(FIXTURES "model", traverse_model_layouts,
                           traverse_model_layout_count, 0, caches);
    cr_assert_eq(t.nlayouts, traverse_model_layout_count);
    cr_assert_eq(t.base, 0);
    cr_assert_str_eq(t.layouts[t.base], "aos");
    cr_assert_not(t.rows[LEVEL_PICK_L1D].shown);
    cr_assert(t.rows[LEVEL_PICK_L2].shown);
    cr_assert_float_eq(t.rows[LEVEL_PICK_L2].elements, 4096, 0);
    cr_assert_float_eq(t.rows[LEVEL_PICK_L2].ws, 96 * 4096, 0, "boxed's, the largest");
    cr_assert_float_eq(t.rows[LEVEL_PICK_L3].elements, 131072, 0);
    cr_assert_float_eq(t.rows[LEVEL_PICK_LARGEST].elements, 8388608, 0);
    cr_assert(model_rows_any(&t));
}

/* The cells: figures of each layout, each compared with the base. */
Test(report_model_rows, cells_hold_figures_and_the_comparison_with_the_base)
{
    model_rows t = rows_of(FIXTURES "model", traverse_model_layouts,
                           traverse_model_layout_count, 0, caches);
    const model_row *row = &t.rows[LEVEL_PICK_LARGEST];
    const model_cell *aos = &row->cells[index_of(&t, "aos")];
    cr_assert_not(aos->compared, "the base is not compared with itself");
    cr_assert_eq(aos->ns.n, 3);
    cr_assert_float_eq(aos->ns.median, 1.0, 1e-12);
    cr_assert_float_eq(aos->ns.min, 0.98, 1e-12);
    cr_assert_float_eq(aos->ns.max, 1.02, 1e-12);
    cr_assert_float_eq(aos->ws, 24.0 * 8388608, 0);
    cr_assert_float_eq(aos->heap_per_elem, 24, 0);

    const model_cell *list = &row->cells[index_of(&t, "list_scattered")];
    cr_assert(list->compared);
    cr_assert_float_eq(list->heap_per_elem, 48, 0);
    cr_assert_float_eq(list->cmp.measured.ratio, 10, 1e-9, "medians 10 and 1");
    cr_assert_gt(list->cmp.measured.lo, 1);
    cr_assert_float_eq(list->cmp.predicted, traverse_model_ratio("list_scattered", "aos"),
                       1e-12);
    cr_assert_str_eq(list->cmp.verdict, "slower than lines predict");

    const model_cell *inorder = &row->cells[index_of(&t, "list_inorder")];
    cr_assert(inorder->compared);
    cr_assert(inorder->cmp.measured.within_noise, "the same medians as aos");
}

/* The report's pairs: two layouts, the costly one first, the cheap one the
 * base.  Only the two count: 4096 elements of aop_scattered (128 KiB) do
 * not fit in L1, so its first row is L2's. */
Test(report_model_rows, a_pair_uses_the_counts_both_ran)
{
    const char *const pair[] = {"aop_scattered", "aos"};
    model_rows t = rows_of(FIXTURES "model", pair, 2, 1, caches);
    cr_assert_eq(t.nlayouts, 2);
    cr_assert_eq(t.base, 1);
    cr_assert_not(t.rows[LEVEL_PICK_L1D].shown);
    cr_assert_float_eq(t.rows[LEVEL_PICK_L2].elements, 16384, 0);
    cr_assert(t.rows[LEVEL_PICK_L2].cells[0].compared);
    cr_assert_not(t.rows[LEVEL_PICK_L2].cells[1].compared);
}

/* missing/: list_scattered and boxed did not run and are left out; the
 * failed aop_scattered case at 4096 elements makes that count unusable. */
Test(report_model_rows, absent_layouts_are_left_out_and_failed_counts_skipped)
{
    model_rows t = rows_of(FIXTURES "missing", traverse_model_layouts,
                           traverse_model_layout_count, 0, caches);
    cr_assert_eq(t.nlayouts, 5);
    cr_assert_eq(index_of(&t, "list_scattered"), t.nlayouts);
    cr_assert_eq(index_of(&t, "boxed"), t.nlayouts);
    cr_assert_float_eq(t.rows[LEVEL_PICK_L1D].elements, 256, 0, "8 KiB");
    cr_assert_float_eq(t.rows[LEVEL_PICK_L2].elements, 16384, 0, "512 KiB, not 4096");
    cr_assert_float_eq(t.rows[LEVEL_PICK_L3].elements, 524288, 0, "16 MiB");
    cr_assert_float_eq(t.rows[LEVEL_PICK_LARGEST].elements, 8388608, 0);
    for (size_t k = 0; k < LEVEL_PICK_SLOTS; k++)
        cr_assert_neq(t.rows[k].elements, 4096);
}

/* Unknown cache sizes: only the largest count is shown. */
Test(report_model_rows, unknown_caches_show_the_largest_only)
{
    const double none[3] = {0, 0, 0};
    const char *const pair[] = {"boxed", "soa"};
    model_rows t = rows_of(FIXTURES "model", pair, 2, 1, none);
    for (size_t k = 0; k < LEVEL_PICK_LARGEST; k++)
        cr_assert_not(t.rows[k].shown);
    cr_assert_float_eq(t.rows[LEVEL_PICK_LARGEST].elements, 8388608, 0);
}

/* No rows: the base did not run, is out of range, or is the only layout;
 * a metric no record has means no layout ran. */
Test(report_model_rows, no_rows_without_a_base_and_a_second_layout)
{
    const char *const absent_base[] = {"aos", "no_such_layout"};
    model_rows t = rows_of(FIXTURES "model", absent_base, 2, 1, caches);
    cr_assert_eq(t.nlayouts, 1);
    cr_assert_eq(t.base, t.nlayouts, "the base did not run");
    cr_assert_not(model_rows_any(&t));

    const char *const pair[] = {"list_scattered", "aos"};
    t = rows_of(FIXTURES "model", pair, 2, 7, caches);
    cr_assert_eq(t.base, t.nlayouts, "a base out of range");
    cr_assert_not(model_rows_any(&t));

    const char *const alone[] = {"aos"};
    t = rows_of(FIXTURES "model", alone, 1, 0, caches);
    cr_assert_eq(t.nlayouts, 1);
    cr_assert_eq(t.base, 0);
    cr_assert_not(model_rows_any(&t), "one layout compares with nothing");

    const char *const filtered[] = {"aos", "no_such_layout", "boxed"};
    t = rows_of(FIXTURES "model", filtered, 3, 0, caches);
    cr_assert_eq(t.nlayouts, 2, "a layout the run lacks is left out, the rest compared");
    cr_assert(model_rows_any(&t));

    model_rows_build(&run, "no_such_metric", traverse_model_layouts,
                     traverse_model_layout_count, 0, caches, &t);
    cr_assert_eq(t.nlayouts, 0);
    cr_assert_not(model_rows_any(&t));
}

/* More candidates than the table holds: the first MAX_LAYOUTS count. */
Test(report_model_rows, candidates_beyond_the_limit_are_ignored)
{
    const char *many[MODEL_ROWS_MAX_LAYOUTS + 2];
    for (size_t i = 0; i < MODEL_ROWS_MAX_LAYOUTS + 2; i++)
        many[i] = "aos";
    many[MODEL_ROWS_MAX_LAYOUTS] = "boxed";   /* past the limit */
    model_rows t = rows_of(FIXTURES "model", many, MODEL_ROWS_MAX_LAYOUTS + 2, 0, caches);
    cr_assert_eq(t.nlayouts, MODEL_ROWS_MAX_LAYOUTS);
    cr_assert_eq(index_of(&t, "boxed"), t.nlayouts);
}
