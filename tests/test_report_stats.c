/* test_report_stats.c - medians and ranges, comparing two ranges, cache
 * levels, and how verdicts of several parts combine. */
#include "report/levels.h"
#include "report/stats.h"
#include "report/verdict.h"

#include <criterion/criterion.h>
#include <string.h>

Test(report_stats, summary_of_odd_even_and_empty)
{
    double odd[] = {3, 1, 2};
    summary s = summary_of(odd, 3);
    cr_assert_eq(s.n, 3);
    cr_assert_float_eq(s.median, 2, 1e-12);
    cr_assert_float_eq(s.min, 1, 1e-12);
    cr_assert_float_eq(s.max, 3, 1e-12);
    cr_assert_float_eq(odd[0], 3, 0, "the input is not reordered");

    double even[] = {4, 1, 3, 2};
    s = summary_of(even, 4);
    cr_assert_float_eq(s.median, 2.5, 1e-12);

    double one = 7;
    s = summary_of(&one, 1);
    cr_assert_float_eq(s.median, 7, 0);
    cr_assert_float_eq(s.min, s.max, 0);

    s = summary_of(NULL, 0);
    cr_assert_eq(s.n, 0);
}

static summary range(double lo, double med, double hi)
{
    return (summary){3, med, lo, hi};
}

Test(report_stats, ranges_that_touch_overlap)
{
    cr_assert(summary_overlap(range(1, 2, 3), range(3, 4, 5)));
    cr_assert(summary_overlap(range(3, 4, 5), range(1, 2, 3)));
    cr_assert(summary_overlap(range(1, 2, 9), range(4, 5, 6)), "one inside the other");
    cr_assert_not(summary_overlap(range(1, 2, 2.9), range(3, 4, 5)));
}

Test(report_stats, compare_gives_each_outcome)
{
    cr_assert_eq(summary_compare(range(2, 2.1, 2.2), range(1, 1.05, 1.1), 1.10),
                 COMPARE_HOLDS);
    cr_assert_eq(summary_compare(range(1.5, 1.6, 1.7), range(1.3, 1.5, 1.55), 1.10),
                 COMPARE_NOISE);
    cr_assert_eq(summary_compare(range(1.06, 1.07, 1.08), range(1, 1.01, 1.02), 1.10),
                 COMPARE_SMALL, "apart, but 6%% is below the 10%% threshold");
    cr_assert_eq(summary_compare(range(0.5, 0.55, 0.6), range(1, 1.05, 1.1), 1.10),
                 COMPARE_AGAINST);
    /* Exactly at the threshold counts as holding. */
    cr_assert_eq(summary_compare(range(1.1, 1.1, 1.1), range(1, 1, 1), 1.10), COMPARE_HOLDS);
}

Test(report_stats, the_worse_of_two_outcomes_is_the_less_supportive)
{
    cr_assert_eq(compare_worse(COMPARE_HOLDS, COMPARE_HOLDS), COMPARE_HOLDS);
    cr_assert_eq(compare_worse(COMPARE_HOLDS, COMPARE_SMALL), COMPARE_SMALL);
    cr_assert_eq(compare_worse(COMPARE_NOISE, COMPARE_SMALL), COMPARE_NOISE);
    cr_assert_eq(compare_worse(COMPARE_AGAINST, COMPARE_HOLDS), COMPARE_AGAINST);
    cr_assert_str_eq(compare_status_name(COMPARE_AGAINST), "reversed");
}

Test(report_stats, each_outcome_has_words_and_a_token)
{
    static const struct {
        compare_status s;
        const char *name, *token;
    } all[] = {
        {COMPARE_HOLDS, "holds", "holds"},
        {COMPARE_SMALL, "below threshold", "below_threshold"},
        {COMPARE_NOISE, "within noise", "within_noise"},
        {COMPARE_AGAINST, "reversed", "reversed"},
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        cr_assert_str_eq(compare_status_name(all[i].s), all[i].name);
        cr_assert_str_eq(compare_status_token(all[i].s), all[i].token);
    }
    cr_assert_str_eq(compare_status_name((compare_status)(COMPARE_AGAINST + 1)), "?",
                     "a value past the last outcome is no outcome");
    cr_assert_str_eq(compare_status_token((compare_status)-1), "?");
}

Test(report_verdict, each_kind_has_words_and_a_token_that_reads_back)
{
    static const struct {
        verdict_kind k;
        const char *name, *token;
    } all[] = {
        {VERDICT_NOT_MEASURED, "not measured", "not_measured"},
        {VERDICT_HOLDS, "holds", "holds"},
        {VERDICT_HOLDS_ONLY_WHEN, "holds only when", "holds_only_when"},
        {VERDICT_WITHIN_NOISE, "within noise", "within_noise"},
        {VERDICT_DOES_NOT_HOLD, "does not hold", "does_not_hold"},
    };
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        verdict_kind back = VERDICT_HOLDS;
        cr_assert_str_eq(verdict_kind_name(all[i].k), all[i].name);
        cr_assert_str_eq(verdict_kind_token(all[i].k), all[i].token);
        cr_assert(verdict_kind_from_token(all[i].token, &back));
        cr_assert_eq(back, all[i].k);
    }
    verdict_kind k = VERDICT_HOLDS;
    cr_assert_str_eq(verdict_kind_name((verdict_kind)(VERDICT_DOES_NOT_HOLD + 1)), "?");
    cr_assert_str_eq(verdict_kind_token((verdict_kind)-1), "?");
    cr_assert_not(verdict_kind_from_token("not measured", &k), "words are not a token");
    cr_assert_not(verdict_kind_from_token("?", &k), "nor is the unknown kind's mark");
    cr_assert_not(verdict_kind_from_token(NULL, &k));
    cr_assert_eq(k, VERDICT_HOLDS, "a refused token leaves the kind alone");
}

Test(report_levels, bytes_for_people)
{
    char buf[32];
    cr_assert_str_eq(bytes_human(32768, buf, sizeof buf), "32 KiB");
    cr_assert_str_eq(bytes_human(1.5 * 1048576, buf, sizeof buf), "1.5 MiB");
    cr_assert_str_eq(bytes_human(-1, buf, sizeof buf), "0 B");
}

/* A verdict of kind k with a condition and a note. */
static verdict make(verdict_kind k, const char *cond, const char *note)
{
    verdict v = VERDICT_INIT;
    verdict_set(&v, k, "%s", cond);
    text_printf(&v.note, "%s", note);
    return v;
}

static char *phrase_of(const verdict *v, bool note)
{
    static text t = TEXT_INIT;
    text_clear(&t);
    verdict_phrase(v, note, &t);
    return t.s;
}

Test(report_verdict, phrases_say_kind_condition_and_note)
{
    verdict v = make(VERDICT_HOLDS_ONLY_WHEN, "the working set is past L1", "in L1: 0 of 3 hold");
    cr_assert_str_eq(phrase_of(&v, false), "holds only when the working set is past L1");
    cr_assert_str_eq(phrase_of(&v, true),
                     "holds only when the working set is past L1 (in L1: 0 of 3 hold)");
    verdict_set(&v, VERDICT_NOT_MEASURED, "no x.json");
    cr_assert_str_eq(phrase_of(&v, true), "not measured: no x.json");
    verdict_set(&v, VERDICT_WITHIN_NOISE, NULL);
    cr_assert_str_eq(phrase_of(&v, true), "within noise");
    verdict_free(&v);
}

/* Combines two parts and returns the combined phrase (with notes). */
static const char *combine2(verdict_kind a, const char *ca, verdict_kind b, const char *cb,
                            verdict_kind *kind)
{
    static text out_phrase = TEXT_INIT;
    static const char *const names[] = {"memory", "time"};
    verdict parts[2] = {make(a, ca, ""), make(b, cb, "")};
    verdict out = VERDICT_INIT;
    verdict_combine(&out, parts, names, 2);
    *kind = out.kind;
    text_clear(&out_phrase);
    verdict_phrase(&out, true, &out_phrase);
    verdict_free(&out);
    verdict_free(&parts[0]);
    verdict_free(&parts[1]);
    return text_str(&out_phrase);
}

Test(report_verdict, combining_parts)
{
    verdict_kind k;
    cr_assert_str_eq(combine2(VERDICT_HOLDS, "", VERDICT_HOLDS, "", &k), "holds");
    cr_assert_eq(k, VERDICT_HOLDS);

    const char *p = combine2(VERDICT_HOLDS, "", VERDICT_HOLDS_ONLY_WHEN, "past L1", &k);
    cr_assert_eq(k, VERDICT_HOLDS_ONLY_WHEN);
    cr_assert_str_eq(p, "holds only when, for memory, always; for time, past L1");

    p = combine2(VERDICT_HOLDS_ONLY_WHEN, "past L2", VERDICT_HOLDS_ONLY_WHEN, "past L1", &k);
    cr_assert_eq(k, VERDICT_HOLDS_ONLY_WHEN, "two conditions stay two conditions");
    cr_assert_str_eq(p, "holds only when, for memory, past L2; for time, past L1");

    p = combine2(VERDICT_HOLDS, "", VERDICT_WITHIN_NOISE, "", &k);
    cr_assert_eq(k, VERDICT_HOLDS_ONLY_WHEN, "half the parts is too little to hold");
    cr_assert_str_eq(p, "holds only when, for memory, always; for time, within noise");

    p = combine2(VERDICT_HOLDS_ONLY_WHEN, "past L1", VERDICT_WITHIN_NOISE, "", &k);
    cr_assert_eq(k, VERDICT_HOLDS_ONLY_WHEN);
    cr_assert_str_eq(p, "holds only when, for memory, past L1; for time, within noise");

    cr_assert_str_eq(combine2(VERDICT_WITHIN_NOISE, "", VERDICT_WITHIN_NOISE, "", &k),
                     "within noise");
    p = combine2(VERDICT_DOES_NOT_HOLD, "", VERDICT_WITHIN_NOISE, "", &k);
    cr_assert_eq(k, VERDICT_DOES_NOT_HOLD);
    cr_assert_str_eq(p, "does not hold: for memory, does not hold; for time, within noise");

    p = combine2(VERDICT_HOLDS, "", VERDICT_NOT_MEASURED, "no case x", &k);
    cr_assert_eq(k, VERDICT_NOT_MEASURED, "a part not measured is never guessed");
    cr_assert_str_eq(p, "not measured: time: no case x");
}

Test(report_verdict, combining_keeps_each_parts_note_under_its_name)
{
    static const char *const names[] = {"a", "b"};
    verdict parts[2] = {make(VERDICT_HOLDS, "", "exceptions: 1"),
                        make(VERDICT_HOLDS, "", "")};
    verdict out = VERDICT_INIT;
    verdict_combine(&out, parts, names, 2);
    cr_assert_eq(out.kind, VERDICT_HOLDS);
    cr_assert_str_eq(text_str(&out.note), "a: exceptions: 1");
    verdict_free(&out);
    verdict_free(&parts[0]);
    verdict_free(&parts[1]);
}

Test(report_verdict, noise_parts_lead_the_note_before_the_parts_notes)
{
    static const char *const names[] = {"short", "medium", "long", "skewed"};
    verdict parts[4] = {make(VERDICT_HOLDS, "", "exceptions: 1 KiB within noise"),
                        make(VERDICT_HOLDS, "", ""),
                        make(VERDICT_WITHIN_NOISE, "", "0 of 2 sizes hold"),
                        make(VERDICT_HOLDS, "", "")};
    verdict out = VERDICT_INIT;
    verdict_combine(&out, parts, names, 4);
    cr_assert_eq(out.kind, VERDICT_HOLDS, "most parts hold, one within noise: no flip");
    cr_assert_str_eq(text_str(&out.condition), "");
    cr_assert_str_eq(text_str(&out.note), "within noise for long; short: exceptions: "
                     "1 KiB within noise; long: 0 of 2 sizes hold");

    verdict_set(&parts[1], VERDICT_WITHIN_NOISE, NULL);
    verdict_combine(&out, parts, names, 4);
    cr_assert_eq(out.kind, VERDICT_HOLDS_ONLY_WHEN, "two of four within noise: too little");
    verdict_free(&out);
    for (int i = 0; i < 4; i++)
        verdict_free(&parts[i]);
}

Test(report_text, appends_and_clears)
{
    text t = TEXT_INIT;
    cr_assert_str_eq(text_str(&t), "");
    for (int i = 0; i < 100; i++)
        text_printf(&t, "%d,", i);
    cr_assert_eq(strncmp(text_str(&t), "0,1,2,", 6), 0);
    cr_assert_eq(t.len, strlen(t.s));
    text_clear(&t);
    cr_assert_str_eq(text_str(&t), "");
    text_free(&t);
    cr_assert_null(t.s);
}

Test(report_verdict, a_condition_reads_after_its_verdict_as_the_report_writes_it)
{
    cr_assert_str_eq(verdict_condition_lead(VERDICT_HOLDS_ONLY_WHEN, "for time, past L1"), ", ");
    cr_assert_str_eq(verdict_condition_lead(VERDICT_HOLDS_ONLY_WHEN, "past L1"), " ");
    cr_assert_str_eq(verdict_condition_lead(VERDICT_DOES_NOT_HOLD, "for speedup, reversed"),
                     ": ");
    cr_assert_str_eq(verdict_condition_lead(VERDICT_NOT_MEASURED, "no cases"), ": ");
    cr_assert_str_eq(verdict_condition_lead(VERDICT_HOLDS_ONLY_WHEN, ""), "");
    cr_assert_str_eq(verdict_condition_lead(VERDICT_HOLDS, NULL), "");
    cr_assert_str_eq(verdict_condition_lead_token("holds_only_when", "for time, past L1"), ", ");
    cr_assert_str_eq(verdict_condition_lead_token("within_noise", "in L1"), ": ");
    cr_assert_str_eq(verdict_condition_lead_token("no_such_kind", "in L1"), " ");
    cr_assert_str_eq(verdict_condition_lead_token("holds", ""), "");
    verdict parts[2] = {make(VERDICT_HOLDS, "", ""), make(VERDICT_HOLDS_ONLY_WHEN, "past L1", "")};
    static const char *const names[] = {"memory", "time"};
    verdict v = VERDICT_INIT;
    verdict_combine_free(&v, parts, names, 2);
    text t = TEXT_INIT;
    verdict_phrase(&v, false, &t);
    cr_assert_str_eq(text_str(&t), "holds only when, for memory, always; for time, past L1");
    text_free(&t);
    verdict_free(&v);
    /* Reports before 2026-12-05 wrote the comma into the condition. */
    cr_assert_str_eq(verdict_condition_read(", for memory, always"), "for memory, always");
    cr_assert_str_eq(verdict_condition_read("past L1"), "past L1");
    cr_assert_str_eq(verdict_condition_read(NULL), "");
}

Test(report_verdict, combining_and_freeing_leaves_the_parts_empty)
{
    static const char *const names[] = {"memory", "time"};
    verdict parts[2] = {make(VERDICT_HOLDS, "", "a note"),
                        make(VERDICT_HOLDS_ONLY_WHEN, "past L1", "")};
    verdict out = VERDICT_INIT;
    verdict_combine_free(&out, parts, names, 2);
    cr_assert_eq(out.kind, VERDICT_HOLDS_ONLY_WHEN);
    cr_assert_str_eq(text_str(&out.condition), "for memory, always; for time, past L1");
    cr_assert_str_eq(text_str(&out.note), "memory: a note");
    for (int i = 0; i < 2; i++) {
        cr_assert_eq(parts[i].kind, VERDICT_NOT_MEASURED, "freed");
        cr_assert_eq(parts[i].condition.len, 0);
        cr_assert_eq(parts[i].note.len, 0);
    }
    verdict_free(&out);
}
