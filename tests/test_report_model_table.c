/* test_report_model_table.c - the "Model and significance" table of the
 * traverse claims on the model/ fixture run (make_fixtures.py): a pair far
 * apart, a pair within noise, a layout missing at the L1 sizes. */
#include "traverse/model.h"
#include "report/model_table.h"
#include "report_judge.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

static report_run run;
static text md = TEXT_INIT;

static void cleanup(void)
{
    report_run_free(&run);
    text_free(&md);
    judge_cleanup();
}

TestSuite(report_model_table, .fini = cleanup);

/* The table of one pair of the model/ fixture, in md. */
static const char *table(const char *costly, const char *cheap)
{
    char err[512];
    report_run_free(&run);
    cr_assert(report_run_load(&run, FIXTURES "model", err, sizeof err), "%s", err);
    const sweep_pair pair = {costly, cheap, "fixture pair"};
    text_clear(&md);
    model_table_markdown(&run, &pair, 1, &md);
    return text_str(&md);
}

/* One parsed row: "| level | elements | ws | 3.33x | 10 [9.6, 10.4] ... | verdict |". */
typedef struct row {
    double elements, predicted, ratio, lo, hi;
    char ws[32], after[64], verdict[64];
} row;

/* Parses the row of 'level' in md; false when there is none. */
static bool row_of(const char *md_text, const char *level, row *r)
{
    char start[32];
    snprintf(start, sizeof start, "\n| %s | ", level);
    const char *line = strstr(md_text, start);
    if (!line)
        return false;
    memset(r, 0, sizeof *r);
    int got = sscanf(line + strlen(start), "%lf | %31[^|]| %lfx | %lf [%lf, %lf]%63[^|]| %63[^|]|",
                     &r->elements, r->ws, &r->predicted, &r->ratio, &r->lo, &r->hi, r->after,
                     r->verdict);
    cr_assert_eq(got, 8, "unparsed row: %.160s", line + 1);
    return true;
}

Test(report_model_table, a_pair_far_apart_has_an_interval_above_1_at_every_level)
{
    const char *t = table("list_scattered", "aos");
    static const char *const levels[] = {"L1", "L2", "L3", "memory"};
    /* ws = 32 B per element: 8 KiB, 512 KiB, 16 MiB fit; 256 MiB is past. */
    static const double elements[] = {256, 16384, 524288, 8388608};
    row r;
    for (size_t i = 0; i < 4; i++) {
        cr_assert(row_of(t, levels[i], &r), "a %s row:\n%s", levels[i], t);
        cr_assert_float_eq(r.elements, elements[i], 0, "%s: the largest count that fits",
                           levels[i]);
        cr_assert_float_eq(r.ratio, 10.0, 1e-9, "medians 10 and 1");
        cr_assert_gt(r.lo, 1.0, "%s: the interval excludes 1", levels[i]);
        cr_assert_leq(r.lo, 10.0);
        cr_assert_geq(r.hi, 10.0);
        cr_assert_str_eq(r.verdict, "slower than lines predict ",
                         "10x against 3.33x, the whole interval above 6.67");
    }
    cr_assert(row_of(t, "L2", &r));
    cr_assert_str_eq(r.ws, "512 KiB ", "the larger layout's working set");
    cr_assert_null(strstr(t, "within noise |"), "%s", t);
    cr_assert(strstr(t, "part by more than 2x in L1, L2, L3 and memory (slower than lines "
                        "predict"), "%s", t);
    cr_assert(strstr(t, "that gap is where the lesson is"), "%s", t);
}

Test(report_model_table, a_pair_faster_than_the_model_says_why_once)
{
    const char *t = table("boxed", "soa");
    cr_assert(strstr(t, "\nModel and measurement part by more than 2x in L1, L2, L3 and "
                        "memory (faster than lines predict: the data sits in a cache, the "
                        "prefetcher hides the lines, or the loop's own instructions cost "
                        "more than its loads): that gap is where the lesson is.\n"), "%s", t);
    cr_assert_null(strstr(t, "slower than lines predict:"), "one direction, one reason");
    cr_assert_null(strstr(t, " and in "), "%s", t);
}

Test(report_model_table, the_predicted_ratio_is_the_models)
{
    static const char *const pairs[][2] = {{"list_scattered", "aos"}, {"boxed", "soa"},
                                           {"aos", "soa"}, {"aop_inorder", "aos"}};
    for (size_t i = 0; i < 4; i++) {
        const char *t = table(pairs[i][0], pairs[i][1]);
        row r;
        cr_assert(row_of(t, "memory", &r), "%s", t);
        double want = traverse_model_ratio(pairs[i][0], pairs[i][1]);
        cr_assert_gt(want, 0);
        cr_assert_float_eq(r.predicted, want, 0.005, "%s / %s: %.4f printed as %.2f",
                           pairs[i][0], pairs[i][1], want, r.predicted);
    }
}

Test(report_model_table, an_overlapping_pair_is_within_noise)
{
    const char *t = table("list_inorder", "aos");
    static const char *const levels[] = {"L1", "L2", "L3", "memory"};
    for (size_t i = 0; i < 4; i++) {
        row r;
        cr_assert(row_of(t, levels[i], &r), "%s", t);
        cr_assert_float_eq(r.ratio, 1.0, 1e-9);
        cr_assert_leq(r.lo, 1.0);
        cr_assert_geq(r.hi, 1.0);
        cr_assert_str_eq(r.after, " within noise ", "%s: %s", levels[i], t);
    }
}

Test(report_model_table, a_layout_missing_at_a_level_has_no_row_there)
{
    const char *t = table("aop_scattered", "aos");
    row r;
    cr_assert_not(row_of(t, "L1", &r), "aop_scattered ran no size that fits in L1:\n%s", t);
    cr_assert(row_of(t, "L2", &r), "%s", t);
    cr_assert_float_eq(r.elements, 16384, 0);
    cr_assert(row_of(t, "L3", &r));
    cr_assert(row_of(t, "memory", &r));

    t = table("no_such_layout", "aos");
    cr_assert(strstr(t, "No element count that both `no_such_layout` and `aos` ran."), "%s", t);
    cr_assert_null(strstr(t, "| level |"), "no table without a row");
}

Test(report_model_table, every_traverse_claim_shows_its_pairs)
{
    static const struct {
        const char *id;
        const char *pairs[3];
    } claims[] = {
        {"L1", {"`list_inorder` against `aos`", "`list_scattered` against `aos`"}},
        {"L3", {"`aop_inorder` against `aos`", "`aop_scattered` against `aos`"}},
        {"L4", {"`boxed` against `aos`"}},
        {"L5", {"`boxed` against `aos`", "`boxed` against `soa`", "`aos` against `soa`"}},
    };
    for (size_t i = 0; i < 4; i++) {
        judge(FIXTURES "model", claims[i].id);
        const char *body = text_str(&judged.body);
        const char *model = strstr(body, "#### Model and significance");
        cr_assert_not_null(model, "%s", claims[i].id);
        size_t tables = 0;
        for (const char *p = model; (p = strstr(p, "| level | elements |")); p++)
            tables++;
        size_t want = 0;
        for (size_t k = 0; k < 3 && claims[i].pairs[k]; k++, want++)
            cr_assert(strstr(model, claims[i].pairs[k]), "%s: %s", claims[i].id,
                      claims[i].pairs[k]);
        cr_assert_eq(tables, want, "%s: one table per pair", claims[i].id);
        cr_assert(strstr(model, "How to read it"), "%s", claims[i].id);
    }
    /* The summary line is the sweep's alone. */
    judge(FIXTURES "model", "L1");
    cr_assert_null(strstr(text_str(&judged.figures), "predicted"));
}
