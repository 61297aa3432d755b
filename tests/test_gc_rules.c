/* test_gc_rules.c - the rules of the garbage-collection claims (C1-C5) on
 * fixture runs whose outcome is known: holds, does not hold, timings
 * within noise, cases missing or failed, levels that differ
 * (tests/fixtures/report/gc_fixtures.py). */
#include "report_judge.h"

#include <criterion/criterion.h>
#include <math.h>
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

/* C3's collector time is judged per measured level of the bytes a
 * collection traces (the keeping cache's live bytes): the verdict names
 * the levels, in the form every per-level rule uses. */
Test(gc_rules, c3_collector_time_is_judged_per_measured_level)
{
    const char *p = judge(FIXTURES "gc_holds", "C3");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "%s", p);
    cr_assert_not_null(strstr(p, "collector time: L3 to memory"), "%s", p);

    p = judge(FIXTURES "gc_levels", "C3");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "%s", p);
    cr_assert_not_null(strstr(p, "(collector time: memory; within noise in L3)"), "%s", p);
    cr_assert_eq(judged.nlevels, 2);
    cr_assert_str_eq(judged.levels[0].level, "L3");
    cr_assert_str_eq(judged.levels[0].status, "within_noise");
    cr_assert_str_eq(judged.levels[1].level, "memory");
    cr_assert_str_eq(judged.levels[1].status, "holds");
    cr_assert_eq(judged.levels[1].sizes, 2);

    p = judge(FIXTURES "gc_levels_reversed", "C3");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS_ONLY_WHEN, "%s", p);
    cr_assert_not_null(strstr(p, "for memory, always; for collector time, the working "
                              "set is in memory"), "%s", p);
    cr_assert_not_null(strstr(p, "reversed in L3"), "%s", p);
}

/* C1's time is one group: the number of items varies, not the working
 * set, so its verdict names no cache level. */
Test(gc_rules, c1_time_names_no_cache_level)
{
    const char *p = judge(FIXTURES "gc_levels", "C1");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "%s", p);
    cr_assert_null(strstr(p, "L1"), "%s", p);
    cr_assert_eq(judged.nlevels, 1);
    cr_assert_str_eq(judged.levels[0].level, "all sizes");
    p = judge(FIXTURES "gc_noise", "C1");
    cr_assert_not_null(strstr(p, "for time per item, within noise"), "%s", p);
    cr_assert_null(strstr(p, " in L"), "%s", p);
}

/* Each rule's unit and fixed threshold, as report.json carries them:
 * the threshold its levels are judged by; none where the rule is exact. */
Test(gc_rules, every_rule_states_its_unit_and_threshold)
{
    static const struct {
        const char *id, *unit;
        double threshold;   /* 0: none (exact) */
    } want[] = {
        {"C1", "ns per item; collections", 1.10},
        {"C2", "ns of marking per value; bytes", 1.10},
        {"C3", "ms per full collection; bytes", 1.10},
        {"C4", "ms of the longest stop", 1.10},
        {"C5", "links", 0},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        judge(FIXTURES "gc_holds", want[i].id);
        cr_assert_str_eq(text_str(&judged.unit), want[i].unit, "%s", want[i].id);
        if (want[i].threshold > 0)
            cr_assert_float_eq(judged.threshold, want[i].threshold, 1e-9, "%s",
                               want[i].id);
        else
            cr_assert(isnan(judged.threshold), "%s: %g", want[i].id, judged.threshold);
    }
}
