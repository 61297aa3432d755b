/* test_report_json.c - report.json against docs/report-json.md: every
 * claim and field on a fixture run, null for what is not finite, one line
 * per claim under 140 characters however long the condition, titles as
 * docs/claims.md heads them, and a full disk that leaves no half file. */
#include "report/claim_line.h"
#include "report/claim_titles.h"
#include "report/report_json.h"
#include "report/rules.h"
#include "report/tool.h"
#include "report/write_check.h"

#include <criterion/criterion.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#define FIXTURES "tests/fixtures/report/"

static char dir[] = "/tmp/report_json_XXXXXX";

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/report_json_XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(report_json, .init = make_dir, .fini = remove_dir);

static const char *in_dir(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

/* Runs the report on a fixture run into dir; returns report.json parsed. */
static json_t *report_of(const char *run)
{
    char md[256];
    snprintf(md, sizeof md, "%s", in_dir("report.md"));
    FILE *err = fopen("/dev/null", "w");
    cr_assert_eq(report_tool_run(run, md, NULL, err), 0);
    fclose(err);
    json_error_t jerr;
    json_t *doc = json_load_file(in_dir("report.json"), 0, &jerr);
    cr_assert_not_null(doc, "%s", jerr.text);
    return doc;
}

static bool one_of(const char *s, const char *const *set)
{
    for (; s && *set; set++)
        if (strcmp(s, *set) == 0)
            return true;
    return false;
}

static const char *get_str(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    cr_assert(json_is_string(v), "\"%s\" is not a string", key);
    return json_string_value(v);
}

/* A number or null. */
static void number_or_null(json_t *o, const char *key)
{
    json_t *v = json_object_get(o, key);
    cr_assert(json_is_number(v) || json_is_null(v), "\"%s\" is neither a number nor null", key);
}

static void check_level(json_t *l)
{
    static const char *const levels[] = {"L1", "L2", "L3", "L4", "memory", "all sizes", NULL};
    static const char *const statuses[] = {"holds", "within_noise", "below_threshold",
                                           "reversed", NULL};
    cr_assert(*get_str(l, "pair"));
    cr_assert(one_of(get_str(l, "level"), levels), "%s", get_str(l, "level"));
    cr_assert(one_of(get_str(l, "status"), statuses), "%s", get_str(l, "status"));
    cr_assert(json_is_integer(json_object_get(l, "sizes")));
    cr_assert_gt(json_integer_value(json_object_get(l, "sizes")), 0);
    number_or_null(l, "ws_lo");
    number_or_null(l, "ws_hi");
    number_or_null(l, "ratio");
    number_or_null(l, "lo");
    number_or_null(l, "hi");
    json_t *lo = json_object_get(l, "lo"), *hi = json_object_get(l, "hi");
    double r = json_number_value(json_object_get(l, "ratio"));
    if (json_is_number(lo) && json_is_number(hi)) {
        cr_assert_leq(json_number_value(lo), r, "lo <= ratio");
        cr_assert_leq(r, json_number_value(hi), "ratio <= hi");
    }
    cr_assert_leq(json_number_value(json_object_get(l, "ws_lo")),
                  json_number_value(json_object_get(l, "ws_hi")));
}

static void check_table(json_t *t)
{
    get_str(t, "title");
    cr_assert(json_is_boolean(json_object_get(t, "collapsed")));
    json_t *cols = json_object_get(t, "columns"), *rows = json_object_get(t, "rows");
    cr_assert(json_is_array(cols) && json_array_size(cols) > 0);
    cr_assert(json_is_array(rows));
    size_t i, j;
    json_t *row, *cell;
    json_array_foreach(cols, i, cell)
        cr_assert(json_is_string(cell));
    json_array_foreach(rows, i, row) {
        cr_assert_eq(json_array_size(row), json_array_size(cols), "row %zu", i);
        json_array_foreach(row, j, cell)
            cr_assert(json_is_number(cell) || json_is_string(cell) || json_is_null(cell));
    }
}

static void check_claim(json_t *c, const claim_rule *rule)
{
    static const char *const kinds[] = {"holds", "does_not_hold", "holds_only_when",
                                        "within_noise", "not_measured", NULL};
    cr_assert_str_eq(get_str(c, "id"), rule->id);
    cr_assert_str_eq(get_str(c, "experiment"), rule->bench);
    cr_assert_str_eq(get_str(c, "title"), claim_title(rule->id));
    const char *kind = get_str(c, "kind");
    cr_assert(one_of(kind, kinds), "%s: kind %s", rule->id, kind);
    verdict_kind k;
    cr_assert(verdict_kind_from_token(kind, &k));
    cr_assert_str_eq(get_str(c, "verdict"), verdict_kind_name(k));
    get_str(c, "condition");
    get_str(c, "note");
    const char *line = get_str(c, "line");
    cr_assert_lt(strlen(line), 140, "%s", line);
    cr_assert_eq(strncmp(line, rule->id, strlen(rule->id)), 0, "%s", line);
    get_str(c, "figures");
    get_str(c, "unit");
    number_or_null(c, "threshold");
    json_t *a = json_object_get(c, "levels"), *v;
    size_t i;
    cr_assert(json_is_array(a));
    json_array_foreach(a, i, v)
        check_level(v);
    a = json_object_get(c, "tables");
    cr_assert(json_is_array(a));
    json_array_foreach(a, i, v)
        check_table(v);
    a = json_object_get(c, "plots");
    cr_assert(json_is_array(a));
    json_array_foreach(a, i, v)
        cr_assert(json_is_string(v));
}

Test(report_json, every_claim_with_every_field_of_the_schema)
{
    json_t *doc = report_of(FIXTURES "holds");
    cr_assert_str_eq(get_str(doc, "schema"), "memlayout-report/1");
    cr_assert_str_eq(get_str(doc, "run"), "holds");
    cr_assert_eq(strlen(get_str(doc, "generated")), strlen("2026-12-04T17:20:11Z"));
    cr_assert(json_is_object(json_object_get(doc, "machine")), "machine.json as it is");
    cr_assert(json_is_null(json_object_get(doc, "conditions")), "no conditions.json: null");
    json_t *claims = json_object_get(doc, "claims");
    cr_assert_eq(json_array_size(claims), claim_rule_count);
    for (size_t i = 0; i < claim_rule_count; i++)
        check_claim(json_array_get(claims, i), &claim_rules[i]);

    /* L1 is a sweep claim: its unit, threshold, levels and every-size
     * tables come from the sweep, its model table from traverse. */
    json_t *l1 = json_array_get(claims, 0);
    cr_assert_str_eq(get_str(l1, "kind"), "holds");
    cr_assert_str_eq(get_str(l1, "unit"), "ns per element");
    cr_assert_float_eq(json_number_value(json_object_get(l1, "threshold")), 1.10, 1e-12);
    cr_assert_gt(json_array_size(json_object_get(l1, "levels")), 0);
    json_t *t0 = json_array_get(json_object_get(l1, "tables"), 0);
    cr_assert(json_is_true(json_object_get(t0, "collapsed")));
    cr_assert_str_eq(json_string_value(json_array_get(json_object_get(t0, "columns"), 0)), "N");
    bool model = false;
    size_t i;
    json_t *t;
    json_array_foreach(json_object_get(l1, "tables"), i, t)
        model |= strcmp(get_str(t, "title"), "Model and significance") == 0;
    cr_assert(model, "the model-versus-measured table");
    /* A claim whose bench did not run: not measured, nothing else. */
    json_t *a1 = json_array_get(claims, (size_t)(claim_rule_find("A1") - claim_rules));
    cr_assert_str_eq(get_str(a1, "kind"), "not_measured");
    cr_assert_eq(json_array_size(json_object_get(a1, "levels")), 0);
    cr_assert(json_is_null(json_object_get(a1, "threshold")));
    json_decref(doc);
}

Test(report_json, other_fixture_runs_validate_too)
{
    static const char *const runs[] = {FIXTURES "fails", FIXTURES "noise",
                                       FIXTURES "only_when", FIXTURES "mem_holds",
                                       FIXTURES "mem_fails", FIXTURES "growth_holds",
                                       FIXTURES "stride_holds", FIXTURES "insert_fails"};
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        json_t *doc = report_of(runs[r]);
        json_t *claims = json_object_get(doc, "claims");
        cr_assert_eq(json_array_size(claims), claim_rule_count, "%s", runs[r]);
        for (size_t i = 0; i < claim_rule_count; i++)
            check_claim(json_array_get(claims, i), &claim_rules[i]);
        json_decref(doc);
    }
}

Test(report_json, what_is_not_finite_is_null)
{
    report_run run;
    char err[256];
    cr_assert(report_run_load(&run, FIXTURES "holds", err, sizeof err), "%s", err);
    claim_result *r = calloc(claim_rule_count, sizeof *r);
    cr_assert_not_null(r);
    for (size_t i = 0; i < claim_rule_count; i++)
        claim_result_init(&r[i]);
    claim_level l = {.pair = "a / b", .level = "L1", .sizes = 1, .ws_lo = 64, .ws_hi = 64,
                     .ratio = INFINITY, .lo = NAN, .hi = NAN, .status = "within_noise"};
    claim_result_add_level(&r[0], &l);
    data_table *t = claim_result_add_table(&r[0], "x", false);
    data_table_column(t, "a");
    data_table_column(t, "b");
    data_table_column(t, "c");
    data_table_number(t, NAN);
    data_table_number(t, -INFINITY);
    data_table_number(t, 2.5);
    data_table_text(t, "short row");   /* a last row of one cell: padded */
    json_t *doc = report_json_build(&run, r, 0);
    json_t *c = json_array_get(json_object_get(doc, "claims"), 0);
    cr_assert(json_is_null(json_object_get(c, "threshold")), "no threshold: null");
    json_t *lv = json_array_get(json_object_get(c, "levels"), 0);
    cr_assert(json_is_null(json_object_get(lv, "ratio")));
    cr_assert(json_is_null(json_object_get(lv, "lo")));
    cr_assert(json_is_null(json_object_get(lv, "hi")));
    cr_assert_eq(json_integer_value(json_object_get(lv, "ws_lo")), 64);
    json_t *rows = json_object_get(json_array_get(json_object_get(c, "tables"), 0), "rows");
    cr_assert_eq(json_array_size(rows), 2);
    json_t *row0 = json_array_get(rows, 0), *row1 = json_array_get(rows, 1);
    cr_assert(json_is_null(json_array_get(row0, 0)));
    cr_assert(json_is_null(json_array_get(row0, 1)));
    cr_assert_float_eq(json_real_value(json_array_get(row0, 2)), 2.5, 0);
    cr_assert_str_eq(json_string_value(json_array_get(row1, 0)), "short row");
    cr_assert(json_is_null(json_array_get(row1, 2)));
    cr_assert_str_eq(json_string_value(json_object_get(doc, "generated")),
                     "1970-01-01T00:00:00Z");
    /* And it is still JSON once written: no NaN token reaches the file. */
    char *dumped = json_dumps(doc, 0);
    cr_assert_null(strstr(dumped, "NaN"));
    cr_assert_null(strstr(dumped, "nan"));
    cr_assert_null(strstr(dumped, "Infinity"));
    free(dumped);
    json_decref(doc);
    for (size_t i = 0; i < claim_rule_count; i++)
        claim_result_free(&r[i]);
    free(r);
    report_run_free(&run);
}

Test(report_json, a_line_stays_under_140_characters_however_long_the_condition)
{
    verdict v = VERDICT_INIT;
    char cond[901];
    memset(cond, 'x', sizeof cond - 1);
    cond[sizeof cond - 1] = '\0';
    verdict_set(&v, VERDICT_HOLDS_ONLY_WHEN, "%s", cond);
    text_printf(&v.note, "a note that is long too");
    text line = TEXT_INIT;
    claim_line("G2", &v, &line);
    cr_assert_eq(line.len, CLAIM_LINE_MAX, "%s", text_str(&line));
    cr_assert_eq(strncmp(text_str(&line), "G2  holds only when xxx", 23), 0);
    cr_assert_str_eq(text_str(&line) + line.len - 3, "...");
    /* A cut never splits a character: "é" is two bytes. */
    text_clear(&v.condition);
    for (int i = 0; i < 100; i++)
        text_printf(&v.condition, "\xc3\xa9");
    text_clear(&line);
    claim_line("G2", &v, &line);
    cr_assert_leq(line.len, CLAIM_LINE_MAX);
    const char *s = text_str(&line);
    size_t body = line.len - 3 - strlen("G2  holds only when ");
    cr_assert_eq(body % 2, 0, "whole characters only: %s", s);
    /* A short verdict is as it is. */
    verdict_set(&v, VERDICT_HOLDS, NULL);
    text_clear(&line);
    claim_line("L1", &v, &line);
    cr_assert_str_eq(text_str(&line), "L1  holds");
    text_free(&line);
    verdict_free(&v);
}

Test(report_json, lines_of_long_combined_conditions_stay_short)
{
    /* G2 and A5 combine many parts ("holds only when, for time of 8-byte
     * values grown by realloc, ..."): conditions of several hundred
     * characters on these fixtures. */
    static const char *const runs[] = {FIXTURES "growth_fails", FIXTURES "growth_noise",
                                       FIXTURES "mem_noise", FIXTURES "only_when"};
    size_t longest = 0;
    for (size_t r = 0; r < sizeof runs / sizeof runs[0]; r++) {
        json_t *doc = report_of(runs[r]);
        size_t i;
        json_t *c;
        json_array_foreach(json_object_get(doc, "claims"), i, c) {
            size_t n = strlen(get_str(c, "condition")) + strlen(get_str(c, "note"));
            longest = n > longest ? n : longest;
            cr_assert_lt(strlen(get_str(c, "line")), 140, "%s", get_str(c, "line"));
        }
        json_decref(doc);
    }
    cr_assert_gt(longest, 140, "the fixtures hold a condition longer than a line");
}

Test(report_json, titles_are_the_headings_of_docs_claims_md)
{
    FILE *f = fopen("docs/claims.md", "r");
    cr_assert_not_null(f);
    char buf[512];
    size_t found = 0;
    while (fgets(buf, sizeof buf, f)) {
        char id[8];
        int at = 0;
        if (sscanf(buf, "### %7[A-Z0-9]: %n", id, &at) != 1 || at == 0)
            continue;
        buf[strcspn(buf, "\n")] = '\0';
        if (!claim_rule_find(id))
            continue;
        cr_assert_str_eq(claim_title(id), buf + at, "%s", id);
        found++;
    }
    fclose(f);
    cr_assert_eq(found, claim_rule_count, "a heading for every claim");
    cr_assert_str_eq(claim_title("Z9"), "");
}

Test(report_json, the_claim_data_api)
{
    claim_result r, part;
    claim_result_init(&r);
    claim_result_init(&part);
    cr_assert(isnan(r.threshold));
    claim_result_measure(&r, "bytes per element", NAN);
    claim_result_measure(&r, "ns per element", 1.10);
    claim_result_measure(&r, "ns per element", 2.0);
    claim_result_measure(&r, "ns", NAN);
    cr_assert_str_eq(text_str(&r.unit), "bytes per element; ns per element; ns");
    cr_assert_float_eq(r.threshold, 1.10, 0, "the first threshold stays");
    claim_level l = {.pair = "p", .level = "L2", .sizes = 2, .status = "holds"};
    claim_result_add_level(&part, &l);
    claim_result_add_table(&part, "t", true);
    claim_result_measure(&part, "ns per call", 3.0);
    claim_result_take(&r, &part);
    cr_assert_eq(r.nlevels, 1);
    cr_assert_eq(r.ntables, 1);
    cr_assert_eq(part.nlevels + part.ntables, 0, "moved, not copied");
    cr_assert_str_eq(r.levels[0].level, "L2");
    cr_assert_str_eq(text_str(&r.unit), "bytes per element; ns per element; ns; ns per call");
    cr_assert_eq(data_table_rows(&r.tables[0]), 0);
    cr_assert_null(data_table_cell(&r.tables[0], 0, 0));
    claim_result_free(&part);
    claim_result_free(&r);
    verdict_kind k;
    cr_assert_not(verdict_kind_from_token("holds only when", &k), "a phrase is no token");
    cr_assert(verdict_kind_from_token("holds_only_when", &k));
    cr_assert_eq(k, VERDICT_HOLDS_ONLY_WHEN);
}

/* Writes as much as a disk limited to 'limit' bytes per file takes:
 * every write past it fails, as on a full disk (EFBIG, not ENOSPC). */
static void limit_file_size(rlim_t limit)
{
    signal(SIGXFSZ, SIG_IGN);
    struct rlimit rl = {limit, limit};
    cr_assert_eq(setrlimit(RLIMIT_FSIZE, &rl), 0);
}

static void big(FILE *f, void *ctx)
{
    (void)ctx;
    for (int i = 0; i < 100000; i++)
        fputs("0123456789", f);
}

Test(report_json, a_full_disk_leaves_no_half_file)
{
    /* Criterion runs each test in its own process: the limit ends here. */
    limit_file_size(36000);
    char *msg = NULL;
    size_t len = 0;
    FILE *err = open_memstream(&msg, &len);
    cr_assert_eq(write_atomically(in_dir("x.json"), big, NULL, "report", err), 1);
    fflush(err);
    cr_assert_not_null(strstr(msg, "report: cannot write "), "%s", msg);
    cr_assert_neq(access(in_dir("x.json"), F_OK), 0, "no half file");
    cr_assert_neq(access(in_dir("x.json.tmp"), F_OK), 0, "no temporary file");

    /* The whole report on the holds fixture: report.md (31 KB) fits,
     * report.json (41 KB) does not, and the status says so. */
    rewind(err);
    char md[256];
    snprintf(md, sizeof md, "%s", in_dir("report.md"));
    cr_assert_eq(report_tool_run(FIXTURES "holds", md, NULL, err), 1);
    fclose(err);
    cr_assert_not_null(strstr(msg, "report.json"), "%s", msg);
    cr_assert_eq(access(md, F_OK), 0, "report.md fitted");
    cr_assert_neq(access(in_dir("report.json"), F_OK), 0, "no half report.json");
    cr_assert_neq(access(in_dir("report.json.tmp"), F_OK), 0, "no temporary file");
    free(msg);
}
