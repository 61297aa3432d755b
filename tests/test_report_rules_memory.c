/* test_report_rules_memory.c - the rules of the allocation and streaming
 * claims (A1-A5, S1-S4) on fixture runs whose outcome is known: holds,
 * fails, timings within noise, and cases missing or failed
 * (tests/fixtures/report/make_fixtures_memory.py). */
#include "report_judge.h"

#include <criterion/criterion.h>
#include <string.h>

TestSuite(report_rules_memory, .fini = judge_cleanup);

static const char *const ids[] = {"A1", "A2", "A3", "A4", "A5", "S1", "S2", "S3", "S4"};
#define NIDS (sizeof ids / sizeof ids[0])

Test(report_rules_memory, every_rule_holds_where_it_clearly_does)
{
    for (size_t i = 0; i < NIDS; i++) {
        const char *p = judge(FIXTURES "mem_holds", ids[i]);
        cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "%s: %s", ids[i], p);
        cr_assert_gt(judged.figures.len, 0, "%s has deciding figures", ids[i]);
        cr_assert_gt(judged.body.len, 0, "%s has a body", ids[i]);
        cr_assert_not_null(strstr(text_str(&judged.body), "Rule"), "%s states its rule",
                           ids[i]);
    }
}

Test(report_rules_memory, every_rule_fails_where_it_clearly_does)
{
    for (size_t i = 0; i < NIDS; i++) {
        const char *p = judge(FIXTURES "mem_fails", ids[i]);
        cr_assert_eq(judged.v.kind, VERDICT_DOES_NOT_HOLD, "%s: %s", ids[i], p);
    }
    /* The exact rules say where they failed. */
    const char *p = judge(FIXTURES "mem_fails", "A1");
    cr_assert_not_null(strstr(p, "still live"), "%s", p);
    p = judge(FIXTURES "mem_fails", "S2");
    cr_assert_not_null(strstr(p, "silently short"), "%s", p);
}

/* Exact counts have no spread: they decide alone; timings that overlap
 * are within noise, and a claim with both kinds of part says which. */
Test(report_rules_memory, overlapping_timings_are_within_noise_and_counts_still_decide)
{
    static const char *const exact_only[] = {"A1", "A2", "S1", "S2", "S3"};
    for (size_t i = 0; i < 5; i++) {
        const char *p = judge(FIXTURES "mem_noise", exact_only[i]);
        cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "%s: %s", exact_only[i], p);
    }
    const char *p = judge(FIXTURES "mem_noise", "A3");
    cr_assert_eq(judged.v.kind, VERDICT_WITHIN_NOISE, "A3: %s", p);
    static const char *const mixed[] = {"A4", "A5", "S4"};
    for (size_t i = 0; i < 3; i++) {
        p = judge(FIXTURES "mem_noise", mixed[i]);
        cr_assert_eq(judged.v.kind, VERDICT_HOLDS_ONLY_WHEN, "%s: %s", mixed[i], p);
        cr_assert_not_null(strstr(p, "within noise"), "%s: %s", mixed[i], p);
        cr_assert_not_null(strstr(p, "always"), "%s: %s", mixed[i], p);
    }
}

Test(report_rules_memory, a_missing_or_failed_case_is_not_measured_and_named)
{
    static const struct {
        const char *id, *why;
    } want[] = {
        {"A1", "alloc/refcount"},
        {"A3", "alloc/pool"},
        {"A4", "escape/value"},
        {"A5", "lines/view/long"},
        {"S1", "failed its check"},
        {"S3", "queue/unbounded"},
        {"S4", "queue/pool"},
    };
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        const char *p = judge(FIXTURES "mem_missing", want[i].id);
        cr_assert_eq(judged.v.kind, VERDICT_NOT_MEASURED, "%s: %s", want[i].id, p);
        cr_assert_not_null(strstr(p, want[i].why), "%s: %s", want[i].id, p);
    }
    /* What the run does have is still judged. */
    judge(FIXTURES "mem_missing", "A2");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS);
}

Test(report_rules_memory, a_run_without_the_bench_is_not_measured)
{
    for (size_t i = 0; i < NIDS; i++) {
        const char *p = judge(FIXTURES "holds", ids[i]);   /* traverse only */
        cr_assert_eq(judged.v.kind, VERDICT_NOT_MEASURED, "%s: %s", ids[i], p);
        cr_assert_not_null(strstr(p, "make bench BENCH="), "%s: %s", ids[i], p);
    }
}

/* S4's peak RSS comes from a fresh child per repetition and varies with
 * scheduling: a size where the ranges overlap is within noise, named in
 * the note, and the memory part holds only at the sizes that do. */
Test(report_rules_memory, s4_memory_weighs_the_spread_of_its_children)
{
    const char *p = judge(FIXTURES "mem_rss_spread", "S4");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS_ONLY_WHEN, "%s", p);
    cr_assert_not_null(strstr(p, "for memory, at 10000 messages"), "%s", p);
    cr_assert_not_null(strstr(p, "1000 messages within noise"), "%s", p);
    cr_assert_not_null(strstr(text_str(&judged.body), "| 1000 | 236 KiB (112-428) | "
                              "224 KiB (204-256) | 1.05 [0.438, 2.1] within noise | "
                              "within noise |"), "%s", text_str(&judged.body));
    cr_assert_not_null(strstr(text_str(&judged.body), "| 10000 | 448 KiB (360-864) | "
                              "224 KiB (204-256) | 2 [1.41, 4.24] | holds |"),
                       "%s", text_str(&judged.body));
    cr_assert_not_null(strstr(text_str(&judged.body), "a thread per message 30 (12-64) at "
                              "1000 messages, 70 (50-96) at 10000 messages; the pool 2."),
                       "%s", text_str(&judged.body));

    p = judge(FIXTURES "mem_rss_noise", "S4");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS_ONLY_WHEN, "%s", p);
    cr_assert_null(strstr(text_str(&judged.body), "Threads alive at once"),
                   "a run without the counter says nothing of threads");
    cr_assert_not_null(strstr(p, "for time per message, always; for memory, within noise"),
                       "%s", p);
}

/* A 1 MiB slurp 0.89 MiB over a baseline that itself moves by tens of
 * pages still holds the file; half of it does not. */
Test(report_rules_memory, s1_allows_the_baseline_jitter_and_no_more)
{
    const char *p = judge(FIXTURES "mem_s1_jitter", "S1");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "%s", p);
    p = judge(FIXTURES "mem_s1_short", "S1");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS_ONLY_WHEN, "%s", p);
    cr_assert_not_null(strstr(text_str(&judged.body), "Not met at slurp of 1 MiB (0.5 MiB)"),
                       "%s", text_str(&judged.body));
}

/* S1's details say how much of each method's time per pass went on page
 * faults at the largest file (mmap left out), beside the verdict; without
 * a fault cost or a faults counter, why not. */
Test(report_rules_memory, s1_details_give_the_share_of_faults_not_in_the_verdict)
{
    const char *p = judge(FIXTURES "mem_s1_faults", "S1");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "%s", p);
    const char *body = text_str(&judged.body);
    cr_assert_not_null(strstr(body, "Page faults (not part of the verdict): at 256 MiB, "
                                    "slurp 65536 faults x 0.25 us = 16.4 ms of the 268 ms "
                                    "per pass (6%); chunks 0 faults per pass; reader 0 "
                                    "faults per pass; getline 0 faults per pass.\n"),
                       "%s", body);
    cr_assert_null(strstr(body, "mmap 4096 faults"), "%s", body);
    p = judge(FIXTURES "mem_s1_nocost", "S1");
    cr_assert_eq(judged.v.kind, VERDICT_HOLDS, "%s", p);
    cr_assert_not_null(strstr(text_str(&judged.body), "not shown, the run's machine.json "
                              "has no measured cost of a fault"), "%s", text_str(&judged.body));
    p = judge(FIXTURES "mem_holds", "S1");
    cr_assert_not_null(strstr(text_str(&judged.body), "not shown, these cases have no "
                              "`faults` counter"), "%s", text_str(&judged.body));
}

/* A "bounded" queue that never made its producer wait and held every
 * message has no bound: S3 does not hold (it used to be "not measured",
 * since only the sizes with producer waits were tested). */
Test(report_rules_memory, s3_fails_when_the_bounded_queue_overruns_its_capacity)
{
    const char *p = judge(FIXTURES "mem_s3_unbound", "S3");
    cr_assert_eq(judged.v.kind, VERDICT_DOES_NOT_HOLD, "%s", p);
    cr_assert_not_null(strstr(text_str(&judged.body), "10000 messages (bounded 10000 "
                              "messages"), "%s", text_str(&judged.body));
}
