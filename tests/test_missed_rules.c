/* test_missed_rules.c - the rules of the claims the first catalogue missed
 * (A6, S5, S6, L7) on fixture runs whose outcome is known: holds, does not
 * hold, timings within noise, cases missing or failed
 * (tests/fixtures/report/missed_fixtures.py). */
#include "report_judge.h"

#include <criterion/criterion.h>
#include <string.h>

TestSuite(missed_rules, .fini = judge_cleanup);

static const char *const ids[] = {"A6", "S5", "S6", "L7"};
#define NIDS (sizeof ids / sizeof ids[0])

Test(missed_rules, every_rule_holds_where_it_clearly_does)
{
    for (size_t i = 0; i < NIDS; i++) {
        const char *p = judge(FIXTURES "missed_holds", ids[i]);
        cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "%s: %s", ids[i], p);
        cr_assert_gt(judged.figures.len, 0, "%s has deciding figures", ids[i]);
        cr_assert_not_null(strstr(text_str(&judged.body), "Rule"), "%s states its rule",
                           ids[i]);
    }
    judge(FIXTURES "missed_holds", "A6");
    cr_assert_not_null(strstr(text_str(&judged.figures), "11988 of 12787 kept views read "
                              "later text"), "%s", text_str(&judged.figures));
    cr_assert_not_null(strstr(text_str(&judged.body), "32 KiB (within the buffer)"));
    judge(FIXTURES "missed_holds", "S5");
    cr_assert_not_null(strstr(text_str(&judged.figures), "slurp allocation failed, chunks "
                              "completed, reader completed, getline completed"), "%s",
                       text_str(&judged.figures));
    cr_assert_not_null(strstr(text_str(&judged.body), "| mmap | allocation failed"));
    judge(FIXTURES "missed_holds", "S6");
    cr_assert_not_null(strstr(text_str(&judged.figures), "best 3.00x one worker's speed; "
                              "more workers stopped helping at 2"), "%s",
                       text_str(&judged.figures));
    judge(FIXTURES "missed_holds", "L7");
    cr_assert_not_null(strstr(text_str(&judged.figures), "dict-backed 160 B, __slots__ "
                              "120 B per object (1.33x)"), "%s", text_str(&judged.figures));
    cr_assert_not_null(strstr(text_str(&judged.body), "boxed C model of a `__slots__` "
                              "object asks for 96.0"), "%s", text_str(&judged.body));
}

Test(missed_rules, every_rule_can_say_does_not_hold)
{
    for (size_t i = 0; i < NIDS; i++) {
        const char *p = judge(FIXTURES "missed_fails", ids[i]);
        cr_assert_eq(judged.v.kind, VERDICT_DOES_NOT_HOLD, "%s: %s", ids[i], p);
    }
    const char *p = judge(FIXTURES "missed_fails", "A6");
    cr_assert_not_null(strstr(p, "0 of 12787 views read later text"), "%s", p);
    p = judge(FIXTURES "missed_fails", "S5");
    cr_assert_not_null(strstr(p, "slurp completed"), "%s", p);
    p = judge(FIXTURES "missed_fails", "S6");
    cr_assert_not_null(strstr(p, "8 workers still 2.00x faster than 2"), "%s", p);
    cr_assert_not_null(strstr(p, "reversed"), "%s", p);
    p = judge(FIXTURES "missed_fails", "L7");
    cr_assert_not_null(strstr(p, "dict-backed 1.00x the bytes"), "%s", p);
}

/* Exact outcomes decide alone; S6's timings that overlap are within noise
 * in both parts. */
Test(missed_rules, overlapping_timings_are_within_noise_and_counts_still_decide)
{
    const char *p = judge(FIXTURES "missed_noise", "A6");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "A6: %s", p);
    p = judge(FIXTURES "missed_noise", "S5");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "S5: %s", p);
    p = judge(FIXTURES "missed_noise", "S6");
    cr_assert_eq(judged.v.kind, VERDICT_WITHIN_NOISE, "S6: %s", p);
    p = judge(FIXTURES "missed_noise", "L7");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS_ONLY_WHEN, "L7: %s", p);
    cr_assert_not_null(strstr(p, "for memory, always; for time, within noise"), "L7: %s", p);
}

Test(missed_rules, a_missing_or_failed_case_is_not_measured_and_named)
{
    static const struct {
        const char *id, *why;
    } want[] = {
        {"A6", "lines/keep_copy/medium"},
        {"S5", "stream/limit_reader"},
        {"S6", "queue/workers/2 (failed its check)"},
        {"L7", "no crosscheck.json"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const char *p = judge(FIXTURES "missed_missing", want[i].id);
        cr_assert_eq(judged.v.kind, VERDICT_NOT_MEASURED, "%s: %s", want[i].id, p);
        cr_assert_not_null(strstr(p, want[i].why), "%s: %s", want[i].id, p);
    }
}

/* A run whose texts all fit the reader's buffer cannot show a view
 * overwritten; a run without the limit cases or the workers is not
 * judged either. */
Test(missed_rules, what_the_run_lacks_is_not_measured)
{
    const char *p = judge(FIXTURES "mem_holds", "A6");
    cr_assert_eq(judged.v.kind, VERDICT_NOT_MEASURED, "A6: %s", p);
    cr_assert_not_null(strstr(p, "lines/keep_view/short"), "%s", p);
    p = judge(FIXTURES "mem_holds", "S5");
    cr_assert_eq(judged.v.kind, VERDICT_NOT_MEASURED, "S5: %s", p);
    p = judge(FIXTURES "mem_holds", "S6");
    cr_assert_eq(judged.v.kind, VERDICT_NOT_MEASURED, "S6: %s", p);
    cr_assert_not_null(strstr(p, "queue/workers"), "%s", p);
}

/* What caps S6 before noise: the producer is a thread too.  With one
 * worker it ran 43% of the wall time in missed_noise, a run from before
 * the process's CPU time was counted, so two CPUs give at most 2 / 1.43 =
 * 1.40x if the worker was busy all along; missed_missing's pool beat that
 * bound (3x), which says the worker was not.  missed_holds counts the
 * whole process's CPU time: 0.6, 1.5, 1.6 and 1.6 times the wall time
 * for 1, 2, 4 and 8 workers, the 2 CPUs busy 30%, 75%, 80% and 80% of
 * it, and no bound is drawn.  A run whose main thread ran all along (its
 * CPU time then is not the producer's alone) gets no such line. */
Test(missed_rules, s6_says_what_the_producer_leaves_to_the_workers)
{
    judge(FIXTURES "missed_noise", "S6");
    const char *body = text_str(&judged.body);
    cr_assert_not_null(strstr(body, "on a CPU 43% of the wall time (430 of 1000 ns per "
                              "message)"), "%s", body);
    cr_assert_not_null(strstr(body, "more than 1.40x faster than one worker"), "%s", body);
    cr_assert_null(strstr(body, "was not busy all along"), "%s", body);
    judge(FIXTURES "missed_missing", "S6");
    body = text_str(&judged.body);
    cr_assert_not_null(strstr(body, "more than 1.40x faster than one worker"), "%s", body);
    cr_assert_not_null(strstr(body, "The fastest pool ran 3.00x faster, so the lone worker "
                              "was not busy all along"), "%s", body);
    judge(FIXTURES "missed_holds", "S6");
    body = text_str(&judged.body);
    cr_assert_not_null(strstr(body, "on a CPU 30% of the wall time (900 of 3000 ns per "
                              "message)"), "%s", body);
    cr_assert_not_null(strstr(body, "kept the CPUs busy this share of the wall time: "
                                    "1 worker 30%, 2 workers 75%, 4 workers 80%, 8 workers "
                                    "80% (CPU ns per message over 2 times the wall-clock "
                                    "ns)"), "%s", body);
    cr_assert_null(strstr(body, "no pool can run more than"), "%s", body);
    cr_assert_null(strstr(body, "busy all along"), "%s", body);
    judge(FIXTURES "missed_fails", "S6");
    cr_assert_null(strstr(text_str(&judged.body), "The calling thread"));
}
