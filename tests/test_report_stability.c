/* test_report_stability.c - comparing two runs' verdicts (make
 * claims-diff): stayed, moved, flipped, from report.json or, for a run
 * without one, from its results; an unknown schema is refused. */
#include "report/stability.h"

#include "report_judge.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A claim object as report.json holds it, with one level. */
static json_t *claim(const char *kind, const char *condition, const char *level,
                     const char *status)
{
    json_t *c = json_pack("{s:s, s:s, s:s, s:[]}", "id", "L1", "kind", kind, "condition",
                          condition, "levels");
    cr_assert_not_null(c);
    if (level)
        json_array_append_new(json_object_get(c, "levels"),
                              json_pack("{s:s, s:s, s:s}", "pair", "list / array", "level",
                                        level, "status", status));
    return c;
}

/* Claim c with an L3 level of the given status added: a run that measured
 * one level more. */
static json_t *with_l3(json_t *c, const char *status)
{
    json_array_append_new(json_object_get(c, "levels"),
                          json_pack("{s:s, s:s, s:s}", "pair", "list / array", "level", "L3",
                                    "status", status));
    return c;
}

static stability_kind compare(json_t *a, json_t *b, const char *what_expected)
{
    text what = TEXT_INIT;
    stability_kind k = stability_compare(a, b, &what);
    if (what_expected)
        cr_assert_str_eq(text_str(&what), what_expected);
    text_free(&what);
    json_decref(a);
    json_decref(b);
    return k;
}

Test(report_stability, levels_only_drops_boundary_sizes)
{
    text t = TEXT_INIT;
    stability_levels_only("the working set is past L1 (32 KiB), from 50.8 KiB", &t);
    cr_assert_str_eq(text_str(&t), "the working set is past L1 (32 KiB)");
    stability_levels_only("the working set fits in L2 (1 MiB), up to 96.0 KiB; for x, "
                          "the working set is at least 30.2 KiB (in L1)", &t);
    cr_assert_str_eq(text_str(&t), "the working set fits in L2 (1 MiB); for x, "
                                   "the working set is (in L1)");
    stability_levels_only("at 10000 messages", &t);
    cr_assert_str_eq(text_str(&t), "at 10000 messages", "no size unit: kept");
    stability_levels_only("", &t);
    cr_assert_str_eq(text_str(&t), "");
    text_free(&t);
}

Test(report_stability, outcomes)
{
    cr_assert_eq(compare(claim("holds", "", "L2", "holds"), claim("holds", "", "L2", "holds"),
                         ""),
                 STABILITY_STAYED);
    cr_assert_eq(compare(claim("holds_only_when", "past L1 (32 KiB), from 50.8 KiB", NULL, NULL),
                         claim("holds_only_when", "past L1 (32 KiB), from 35.9 KiB", NULL, NULL),
                         ""),
                 STABILITY_STAYED, "only a boundary size moved");
    cr_assert_eq(compare(claim("holds", "", "L2", "holds"),
                         claim("holds", "", "L2", "within_noise"), "L2: holds, now within_noise"),
                 STABILITY_MOVED);
    cr_assert_eq(compare(claim("holds", "", "L2", "holds"), claim("holds", "", "L3", "holds"),
                         "L2: holds, now (none); L3: (none), now holds"),
                 STABILITY_MOVED, "another level, none in common");
    cr_assert_eq(compare(claim("holds", "", "L2", "holds"),
                         with_l3(claim("holds", "", "L2", "holds"), "within_noise"),
                         "L3: (none), now within_noise"),
                 STABILITY_STAYED, "a level one run did not measure is named, not a move");
    cr_assert_eq(compare(claim("holds", "", "L2", "holds"),
                         with_l3(claim("holds", "", "L2", "within_noise"), "holds"),
                         "L2: holds, now within_noise; L3: (none), now holds"),
                 STABILITY_MOVED, "a shared level that moved still moves");
    cr_assert_eq(compare(claim("holds_only_when", ", for memory, always; for time, past L1",
                               NULL, NULL),
                         claim("holds_only_when", "for memory, always; for time, past L1",
                               NULL, NULL),
                         ""),
                 STABILITY_STAYED, "the comma an older report wrote before the parts");
    cr_assert_eq(compare(claim("holds_only_when", "at 1000 messages", NULL, NULL),
                         claim("holds_only_when", "at 10000 messages", NULL, NULL),
                         "condition"),
                 STABILITY_MOVED);
    cr_assert_eq(compare(claim("holds", "", "L2", "holds"),
                         claim("holds_only_when", "in L2", "L2", "holds"), NULL),
                 STABILITY_FLIPPED);
    cr_assert_eq(compare(claim("within_noise", "", NULL, NULL),
                         claim("does_not_hold", "", NULL, NULL), NULL),
                 STABILITY_FLIPPED);
}

/* Reads what stability_report printed for runs a and b, and its errors. */
static char *report_of(const char *a, const char *b, int *status, char **errors)
{
    char *buf = NULL, *ebuf = NULL;
    size_t len = 0, elen = 0;
    FILE *out = open_memstream(&buf, &len), *err = open_memstream(&ebuf, &elen);
    cr_assert_not_null(out);
    cr_assert_not_null(err);
    *status = stability_report(a, b, out, err);
    fclose(out);
    fclose(err);
    if (errors)
        *errors = ebuf;
    else
        free(ebuf);
    return buf;
}

Test(report_stability, a_run_against_itself_stays_everywhere)
{
    int status;
    char *s = report_of(FIXTURES "holds", FIXTURES "holds", &status, NULL);
    cr_assert_eq(status, 0);
    cr_assert_not_null(strstr(s, "| L1 | holds | holds | stayed |"), "%s", s);
    cr_assert_not_null(strstr(s, " 0 moved, 0 flipped."), "%s", s);
    free(s);
}

Test(report_stability, a_run_without_report_json_is_judged_not_called_flipped)
{
    /* Neither fixture has a report.json: both are judged from their
     * results, as the report would judge them. */
    int status;
    char *s = report_of(FIXTURES "holds", FIXTURES "fails", &status, NULL);
    cr_assert_eq(status, 0);
    cr_assert_not_null(strstr(s, "| L1 | holds | does not hold | flipped |"), "%s", s);
    cr_assert_not_null(strstr(s, "| A1 | not measured: no alloc.json in this run (make bench "
                                 "BENCH=alloc) | not measured: no alloc.json in this run "
                                 "(make bench BENCH=alloc) | stayed |"), "%s", s);
    free(s);
}

Test(report_stability, one_flipped_and_one_moved_from_report_json)
{
    int status;
    char *s = report_of(FIXTURES "diff_a", FIXTURES "diff_b", &status, NULL);
    cr_assert_eq(status, 0);
    cr_assert_not_null(strstr(s, "| L1 | holds | holds | stayed |"), "%s", s);
    cr_assert_not_null(strstr(s, "| L3 | holds only when the working set is in memory | "
                                 "holds only when the working set is in memory | moved "
                                 "(L1: within_noise, now reversed) |"), "%s", s);
    cr_assert_not_null(strstr(s, "| S4 | holds | within noise | flipped |"), "%s", s);
    cr_assert_not_null(strstr(s, "3 claims: 1 stayed, 1 moved, 1 flipped."), "%s", s);
    free(s);
}

Test(report_stability, an_unknown_schema_is_refused_naming_the_file)
{
    char dir[] = "/tmp/claims_schema_XXXXXX", path[256];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/report.json", dir);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fputs("{\"schema\": \"memlayout-report/9\", \"claims\": []}\n", f);
    fclose(f);
    int status;
    char *errors;
    char *s = report_of(FIXTURES "diff_a", dir, &status, &errors);
    cr_assert_eq(status, 1);
    cr_assert_not_null(strstr(errors, path), "%s", errors);
    cr_assert_not_null(strstr(errors, "schema \"memlayout-report/9\""), "%s", errors);
    free(s);
    free(errors);
    /* No schema at all, and a file that is not JSON, are refused too. */
    f = fopen(path, "w");
    fputs("{\"claims\": []}\n", f);
    fclose(f);
    s = report_of(dir, FIXTURES "diff_a", &status, &errors);
    cr_assert_eq(status, 1);
    cr_assert_not_null(strstr(errors, "schema \"(none)\""), "%s", errors);
    free(s);
    free(errors);
    f = fopen(path, "w");
    fputs("{\"schema\": ", f);
    fclose(f);
    s = report_of(dir, FIXTURES "diff_a", &status, &errors);
    cr_assert_eq(status, 1);
    cr_assert_not_null(strstr(errors, path), "%s", errors);
    free(s);
    free(errors);
    remove(path);
    rmdir(dir);
}

Test(report_stability, an_unreadable_run_is_an_error)
{
    int status;
    char *s = report_of(FIXTURES "holds", FIXTURES "malformed", &status, NULL);
    cr_assert_eq(status, 1);
    free(s);
}

Test(report_stability, each_outcome_has_a_name)
{
    cr_assert_str_eq(stability_kind_name(STABILITY_STAYED), "stayed");
    cr_assert_str_eq(stability_kind_name(STABILITY_MOVED), "moved");
    cr_assert_str_eq(stability_kind_name(STABILITY_FLIPPED), "flipped");
    cr_assert_str_eq(stability_kind_name((stability_kind)(STABILITY_FLIPPED + 1)), "?");
    cr_assert_str_eq(stability_kind_name((stability_kind)-1), "?");
}
