/* test_gc_rules.c - the rules of the garbage-collection claims (C1-C5) on
 * fixture runs whose outcome is known: holds, does not hold, timings
 * within noise, cases missing or failed (tests/fixtures/report/gc_fixtures.py). */
#include "report_judge.h"

#include <criterion/criterion.h>
#include <string.h>

TestSuite(gc_rules, .fini = judge_cleanup);

static const char *const ids[] = {"C1", "C2", "C3", "C4", "C5"};
#define NIDS (sizeof ids / sizeof ids[0])

Test(gc_rules, every_rule_holds_where_it_clearly_does)
{
    for (size_t i = 0; i < NIDS; i++) {
        const char *p = judge(FIXTURES "gc_holds", ids[i]);
        cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "%s: %s", ids[i], p);
        cr_assert_gt(judged.figures.len, 0, "%s has deciding figures", ids[i]);
        cr_assert_not_null(strstr(text_str(&judged.body), "Rule"), "%s states its rule",
                           ids[i]);
    }
    judge(FIXTURES "gc_holds", "C4");
    cr_assert_not_null(strstr(text_str(&judged.figures), "16.0x from 16384 to 262144"),
                       "%s", text_str(&judged.figures));
    cr_assert_not_null(strstr(text_str(&judged.body), "Cost in total time"));
}

Test(gc_rules, every_rule_can_say_does_not_hold)
{
    for (size_t i = 0; i < NIDS; i++) {
        const char *p = judge(FIXTURES "gc_fails", ids[i]);
        cr_assert_eq(judged.v.kind, VERDICT_DOES_NOT_HOLD, "%s: %s", ids[i], p);
    }
    judge(FIXTURES "gc_fails", "C1");
    cr_assert_not_null(strstr(text_str(&judged.body), "did not grow"), "%s",
                       text_str(&judged.body));
    judge(FIXTURES "gc_fails", "C5");
    cr_assert_not_null(strstr(text_str(&judged.body), "0 reclaimed"), "%s",
                       text_str(&judged.body));
}

/* Counts decide alone; a claim whose compared parts overlap says which
 * part is within noise (C4's growth is 4x per size there, far outside
 * its spread: it still holds). */
Test(gc_rules, overlapping_timings_are_within_noise_and_counts_still_decide)
{
    const char *p = judge(FIXTURES "gc_noise", "C5");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "C5: %s", p);
    static const char *const mixed[] = {"C1", "C2", "C3", "C4"};
    for (size_t i = 0; i < 4; i++) {
        p = judge(FIXTURES "gc_noise", mixed[i]);
        cr_assert_eq(judged.v.kind, VERDICT_HOLDS_ONLY_WHEN, "%s: %s", mixed[i], p);
        cr_assert_not_null(strstr(p, "within noise"), "%s: %s", mixed[i], p);
        cr_assert_not_null(strstr(p, "always"), "%s: %s", mixed[i], p);
    }
    p = judge(FIXTURES "gc_noise", "C4");
    cr_assert_not_null(strstr(p, "for incremental, within noise; for parallel marking, "
                              "within noise"), "C4: %s", p);
}

Test(gc_rules, a_missing_or_failed_case_is_not_measured_and_named)
{
    static const struct {
        const char *id, *why;
    } want[] = {
        {"C1", "gc/reuse"},
        {"C2", "gc/atomic"},
        {"C3", "gc/drop"},
        {"C4", "pause_incremental"},
        {"C5", "failed its check"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const char *p = judge(FIXTURES "gc_missing", want[i].id);
        cr_assert_eq(judged.v.kind, VERDICT_NOT_MEASURED, "%s: %s", want[i].id, p);
        cr_assert_not_null(strstr(p, want[i].why), "%s: %s", want[i].id, p);
    }
}

Test(gc_rules, a_run_without_the_gc_bench_is_not_measured)
{
    for (size_t i = 0; i < NIDS; i++) {
        const char *p = judge(FIXTURES "holds", ids[i]);   /* traverse only */
        cr_assert_eq(judged.v.kind, VERDICT_NOT_MEASURED, "%s: %s", ids[i], p);
        cr_assert_not_null(strstr(p, "make bench BENCH=gc"), "%s: %s", ids[i], p);
    }
}
