/* test_report_tables.c - the deciding counts of the exact-count rules as
 * tables (report.json's "tables", shown in report.md from the same data),
 * the markdown of a table, and every claim's unit and threshold. */
#include "report/claim_titles.h"
#include "report/table_md.h"
#include "report/tool.h"
#include "report_judge.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

TestSuite(report_tables, .fini = judge_cleanup);

/* The judged claim's table titled 'title'; fails the test without one. */
static const data_table *table_of(const char *title)
{
    for (size_t i = 0; i < judged.ntables; i++)
        if (strcmp(judged.tables[i].title, title) == 0)
            return &judged.tables[i];
    cr_assert_fail("no table \"%s\"", title);
    return NULL;
}

static double number_at(const data_table *t, size_t r, size_t c)
{
    const table_cell *cell = data_table_cell(t, r, c);
    cr_assert_not_null(cell);
    cr_assert_eq(cell->kind, CELL_NUMBER, "row %zu column %zu is a number", r, c);
    return cell->number;
}

static const char *text_at(const data_table *t, size_t r, size_t c)
{
    const table_cell *cell = data_table_cell(t, r, c);
    cr_assert_not_null(cell);
    cr_assert_eq(cell->kind, CELL_TEXT, "row %zu column %zu is a string", r, c);
    return cell->text;
}

static bool in_body(const char *s)
{
    return strstr(text_str(&judged.body), s) != NULL;
}

Test(report_tables, a1_every_tree_size_with_its_counts)
{
    judge(FIXTURES "mem_holds", "A1");
    const data_table *t = table_of("Every tree size");
    cr_assert_eq(t->ncolumns, 4);
    cr_assert_str_eq(t->columns[1], "live_after_drop");
    cr_assert_gt(data_table_rows(t), 1);
    for (size_t r = 0; r < data_table_rows(t); r++) {
        cr_assert_eq(number_at(t, r, 1), 0, "nothing live");
        cr_assert_eq(number_at(t, r, 2), number_at(t, r, 0), "every object freed");
        cr_assert_str_eq(text_at(t, r, 3), "as the rule says");
    }
    cr_assert(in_body("| objects | live_after_drop | freed_by_drop | outcome |"));
    cr_assert(in_body("| 1024 | 0 | 1024 | as the rule says |"));

    /* Half the tree still live: each size against the rule, with its counts. */
    judge(FIXTURES "mem_fails", "A1");
    t = table_of("Every tree size");
    cr_assert_eq(data_table_rows(t), 3);
    cr_assert_eq(number_at(t, 0, 0), 1024);
    cr_assert_eq(number_at(t, 0, 1), 512);
    cr_assert_eq(number_at(t, 0, 2), 512);
    cr_assert_str_eq(text_at(t, 2, 3), "against the rule");
    cr_assert(in_body("| 4194304 | 2097152 | 2097152 | against the rule |"));
}

Test(report_tables, s2_every_method_and_line_length)
{
    judge(FIXTURES "mem_holds", "S2");
    const data_table *t = table_of("Every line length");
    cr_assert_eq(t->ncolumns, 5);
    cr_assert_eq(data_table_rows(t) % 3, 0, "three methods per line length");
    bool refused = false;
    for (size_t r = 0; r < data_table_rows(t); r++) {
        cr_assert_str_eq(text_at(t, r, 4), "as the rule says");
        refused |= strcmp(text_at(t, r, 0), "chunks") == 0 && number_at(t, r, 3) == 1;
    }
    cr_assert(refused, "chunks refused a line with an error");

    /* Lines silently short: no line read whole, no error, each against the rule. */
    judge(FIXTURES "mem_fails", "S2");
    t = table_of("Every line length");
    cr_assert_eq(data_table_rows(t), 6);
    cr_assert_str_eq(text_at(t, 0, 0), "chunks");
    cr_assert_eq(number_at(t, 0, 1), 16384);
    cr_assert_eq(number_at(t, 0, 2), 0);
    cr_assert_eq(number_at(t, 0, 3), 0);
    cr_assert_str_eq(text_at(t, 0, 4), "against the rule");
    cr_assert(in_body("| chunks | 16384 | 0 | 0 | against the rule |"));
}

Test(report_tables, g4_both_copies_holds_and_fails)
{
    judge(FIXTURES "g4_holds", "G4");
    const data_table *t = table_of("Both copies");
    cr_assert_eq(data_table_rows(t), 2);
    cr_assert_eq(number_at(t, 0, 2), 1);
    cr_assert_eq(number_at(t, 1, 2), 0);
    cr_assert_str_eq(text_at(t, 1, 4), "as the rule says");
    judge(FIXTURES "g4_fails", "G4");
    cr_assert_eq(judged.v.kind, VERDICT_DOES_NOT_HOLD);
    t = table_of("Both copies");
    bool against = false;
    for (size_t r = 0; r < 2; r++)
        against |= strcmp(text_at(t, r, 4), "against the rule") == 0;
    cr_assert(against, "the copy that went wrong is against the rule");
}

Test(report_tables, g1_one_row_per_series_and_the_reserved_arrays)
{
    judge(FIXTURES "growth_holds", "G1");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS);
    const data_table *t = table_of("Every series");
    /* 2 types x 5 policies x 2 methods, then prealloc of each type. */
    cr_assert_eq(data_table_rows(t), 22);
    cr_assert_str_eq(text_at(t, 0, 0), "u64/x2/copy");
    cr_assert_str_eq(text_at(t, 21, 0), "user/prealloc");
    cr_assert_eq(number_at(t, 21, 4), 0, "a reserved array never reallocates");
    /* By copy, the bytes copied are the bytes held; by realloc, not read. */
    cr_assert_eq(number_at(t, 0, 6), number_at(t, 0, 7));
    cr_assert_eq(data_table_cell(t, 1, 6)->kind, CELL_NULL);
    for (size_t r = 0; r < data_table_rows(t); r++)
        cr_assert_eq(number_at(t, r, 8), 0);
    cr_assert(in_body("| u64/x2/realloc |"));

    judge(FIXTURES "growth_fails", "G1");
    cr_assert_eq(judged.v.kind, VERDICT_DOES_NOT_HOLD);
    t = table_of("Every series");
    size_t against = 0;
    for (size_t r = 0; r < data_table_rows(t); r++)
        against += strcmp(text_at(t, r, 9), "against the rule") == 0;
    cr_assert_gt(against, 0, "the series that broke the rule say so");
}

Test(report_tables, the_exact_counts_of_s3_and_s5_as_numbers)
{
    judge(FIXTURES "mem_holds", "S3");
    const data_table *t = table_of("Every number of messages");
    cr_assert_eq(t->ncolumns, 7);
    cr_assert_gt(data_table_rows(t), 0);
    cr_assert(in_body("| messages | bounded: peak messages |"));
    judge(FIXTURES "missed_holds", "S5");
    t = table_of("Every method under the limit");
    cr_assert_eq(data_table_rows(t), 5, "one row per method");
    cr_assert_str_eq(text_at(t, 0, 2), "slurp");
    cr_assert_lt(number_at(t, 0, 1), number_at(t, 0, 0), "the limit under the file");
}

/* The markdown of a table: escaped strings, whole numbers whole, "-" for
 * nothing, and a collapsed table folded. */
Test(report_tables, a_table_in_markdown)
{
    data_table t;
    data_table_init(&t, "counts | *bold*", false);
    data_table_column(&t, "case");
    data_table_column(&t, "bytes");
    data_table_column(&t, "ratio");
    data_table_text(&t, "a|b<script>");
    data_table_number(&t, 4294967296.0);
    data_table_number(&t, 1.23456);
    data_table_text(&t, "short row");   /* its last cells are empty */
    text md = TEXT_INIT;
    data_table_markdown(&t, &md);
    cr_assert_str_eq(text_str(&md), "*counts \\| \\*bold\\**\n\n"
                                    "| case | bytes | ratio |\n|---|---|---|\n"
                                    "| a\\|b&lt;script&gt; | 4294967296 | 1.235 |\n"
                                    "| short row | - | - |\n\n");
    data_table_free(&t);

    text_clear(&md);
    data_table_init(&t, "Every size", true);
    data_table_column(&t, "N");
    data_table_number(&t, NAN);
    data_table_markdown(&t, &md);
    cr_assert_str_eq(text_str(&md), "<details><summary>Every size</summary>\n\n"
                                    "| N |\n|---|\n| - |\n\n</details>\n\n");
    data_table_free(&t);

    text_clear(&md);
    data_table_init(&t, "no columns", false);
    data_table_markdown(&t, &md);
    cr_assert_eq(md.len, 0, "a table without columns shows nothing");
    data_table_free(&t);
    text_free(&md);
}

/* Every claim judged on a fixture run names its unit; its threshold is
 * the rule's own, or null only where docs/claims.md says the rule is
 * exact (an equality of counts). */
Test(report_tables, every_measured_claim_has_its_unit_and_threshold)
{
    static const char *const exact[] = {"G1", "G4", "A1", "A2", "A6", "S1", "S2", "S5",
                                        "C5"};
    static const char *const runs[] = {FIXTURES "mem_holds", FIXTURES "growth_holds",
                                       FIXTURES "gc_holds", FIXTURES "missed_holds",
                                       FIXTURES "g4_holds", FIXTURES "holds",
                                       FIXTURES "stride_holds", FIXTURES "insert_holds"};
    size_t seen = 0;
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++)
        for (size_t i = 0; i < claim_rule_count; i++) {
            const char *id = claim_rules[i].id;
            judge(runs[r], id);
            if (judged.v.kind == VERDICT_NOT_MEASURED)
                continue;
            seen++;
            cr_assert_gt(judged.unit.len, 0, "%s on %s: a unit", id, runs[r]);
            bool is_exact = false;
            for (size_t k = 0; k < sizeof exact / sizeof exact[0]; k++)
                is_exact |= strcmp(exact[k], id) == 0;
            if (is_exact)
                cr_assert(isnan(judged.threshold), "%s is exact: no threshold", id);
            else
                cr_assert(isfinite(judged.threshold), "%s on %s: a threshold", id, runs[r]);
        }
    cr_assert_geq(seen, 20);
    judge(FIXTURES "mem_holds", "S3");
    cr_assert_float_eq(judged.threshold, 2.0, 1e-12);
    cr_assert_str_eq(text_str(&judged.unit), "bytes");
    /* C3's two parts: the collector time's 1.10 is the claim's threshold
     * (the heap's 4.0 is in its rule text and docs/claims.md). */
    judge(FIXTURES "gc_holds", "C3");
    cr_assert_float_eq(judged.threshold, 1.10, 1e-12);
    cr_assert_str_eq(text_str(&judged.unit), "ms per full collection; bytes");
}
