/* test_report_stability.c - comparing two runs' verdicts: same, only a
 * boundary size moved, the condition moved, flipped; and the whole table
 * on fixture runs. */
#include "report/stability.h"

#include "report_judge.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static verdict make(verdict_kind k, const char *condition)
{
    verdict v = VERDICT_INIT;
    verdict_set(&v, k, "%s", condition);
    return v;
}

static stability_kind compare(verdict_kind ka, const char *ca, verdict_kind kb,
                              const char *cb)
{
    verdict a = make(ka, ca), b = make(kb, cb);
    stability_kind k = stability_compare(&a, &b);
    verdict_free(&a);
    verdict_free(&b);
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
    cr_assert_eq(compare(VERDICT_HOLDS, "", VERDICT_HOLDS, ""), STABILITY_SAME);
    cr_assert_eq(compare(VERDICT_HOLDS_ONLY_WHEN, "past L1 (32 KiB), from 50.8 KiB",
                         VERDICT_HOLDS_ONLY_WHEN, "past L1 (32 KiB), from 35.9 KiB"),
                 STABILITY_BOUNDARY_MOVED);
    cr_assert_eq(compare(VERDICT_HOLDS_ONLY_WHEN, "past L2 (1 MiB), from 19.0 MiB",
                         VERDICT_HOLDS_ONLY_WHEN, "past L1 (32 KiB), from 1024.0 KiB"),
                 STABILITY_CONDITION_MOVED);
    cr_assert_eq(compare(VERDICT_HOLDS, "", VERDICT_HOLDS_ONLY_WHEN, "past L1"),
                 STABILITY_FLIPPED);
    cr_assert_eq(compare(VERDICT_WITHIN_NOISE, "", VERDICT_DOES_NOT_HOLD, ""),
                 STABILITY_FLIPPED);
}

/* Reads what stability_report printed for runs a and b. */
static char *report_of(const char *a, const char *b, int *status)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    FILE *err = fopen("/dev/null", "w");
    cr_assert_not_null(out);
    cr_assert_not_null(err);
    *status = stability_report(a, b, out, err);
    fclose(out);
    fclose(err);
    return buf;
}

Test(report_stability, a_run_against_itself_is_the_same_everywhere)
{
    int status;
    char *s = report_of(FIXTURES "holds", FIXTURES "holds", &status);
    cr_assert_eq(status, 0);
    cr_assert_not_null(strstr(s, "| L1 | holds | holds | same |"), "%s", s);
    cr_assert_not_null(strstr(s, "0 boundary moved, 0 condition moved, 0 flipped."), "%s", s);
    free(s);
}

Test(report_stability, a_flip_is_named_and_counted)
{
    int status;
    char *s = report_of(FIXTURES "holds", FIXTURES "fails", &status);
    cr_assert_eq(status, 0);
    cr_assert_not_null(strstr(s, "| L1 | holds | does not hold | flipped |"), "%s", s);
    cr_assert_null(strstr(s, " 0 flipped."), "%s", s);
    free(s);
}

Test(report_stability, an_unreadable_run_is_an_error)
{
    int status;
    char *s = report_of(FIXTURES "holds", FIXTURES "malformed", &status);
    cr_assert_eq(status, 1);
    free(s);
}
