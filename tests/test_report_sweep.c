/* test_report_sweep.c - how a size sweep turns into a verdict: sizes pooled
 * by measured level, each level's median ratio and interval, the claim's
 * wording; one noisy size cannot flip it. */
#include "report/sweep.h"

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

static const sweep_spec spec = {
    .bench = "b", .metric = "ns_per_item", .ws_counter = "ws_bytes",
    .min_ratio = 1.10, .pairs = {{"x", "y", "x / y"}}, .npairs = 1,
};

#define KiB 1024.0
#define MiB (1024.0 * 1024.0)

/* Measured levels L1 32 KiB, L2 1 MiB, L3 32 MiB. */
static report_levels measured(void)
{
    report_levels lv = {.source = LEVELS_MACHINE_JSON};
    profile_fallback(&lv.profile, "test");
    lv.profile.level[1].bytes = 1 << 20;
    lv.profile.level[2].bytes = (size_t)32 << 20;
    return lv;
}

/* Repetitions around 1 (tight) or spread from 0.5 to 1.5 (noisy). */
static const double tight[5] = {0.98, 0.99, 1.0, 1.01, 1.02};
static const double noisy[5] = {0.5, 0.75, 1.0, 1.25, 1.5};

/* Point i of pair p: working set ws, the costly case 'ratio' times the
 * cheap one, repetitions spread as 'reps'. */
static void set_point(sweep_point *pt, const report_levels *lv, size_t p, double ws,
                      double ratio, const double *reps)
{
    pt->ws = ws;
    pt->level = level_of(lv, ws);
    pt->ncostly[p] = pt->ncheap[p] = 5;
    for (size_t k = 0; k < 5; k++) {
        pt->costly_reps[p][k] = ratio * reps[k];
        pt->cheap_reps[p][k] = reps[(k + 2) % 5];
    }
    pt->ratio[p] = ratio;
    pt->status[p] = ratio >= 1.1 ? COMPARE_HOLDS : COMPARE_NOISE;
}

/* 32 sizes, eight per level, spread evenly (log) inside each of L1 (to 32
 * KiB), L2 (to 1 MiB), L3 (to 32 MiB) and memory (to 1 GiB), as a full
 * run's sweep is. */
#define NS 32
static double ws16[NS];
static sweep_point pts[NS];

/* The sweep with ratio[i] at size i, tight repetitions. */
static sweep make(const sweep_spec *sp, const double *ratio)
{
    static const double bounds[5] = {1 * KiB, 32 * KiB, 1 * MiB, 32 * MiB, 1024 * MiB};
    for (size_t i = 0; i < NS; i++) {
        size_t l = i / 8, j = i % 8;
        ws16[i] = round(bounds[l] * pow(bounds[l + 1] / bounds[l], (double)(j + 1) / 8));
    }
    sweep s = {.spec = sp, .levels = measured(), .points = pts, .npoints = NS};
    memset(pts, 0, sizeof pts);
    for (size_t i = 0; i < NS; i++) {
        pts[i].arg = (double)(i + 1);
        set_point(&pts[i], &s.levels, 0, ws16[i], ratio[i], tight);
    }
    return s;
}

static verdict judge(const sweep *s, int pair)
{
    verdict v = VERDICT_INIT;
    sweep_judge(s, pair, &v);
    return v;
}

Test(report_sweep, every_level_holding_is_holds_and_names_them)
{
    double r[NS];
    for (size_t i = 0; i < NS; i++)
        r[i] = 2.0;
    sweep s = make(&spec, r);
    verdict v = judge(&s, -1);
    cr_assert_eq(v.kind, VERDICT_HOLDS);
    cr_assert_str_eq(text_str(&v.note), "L1 to memory");
    sweep_level lv[LEVEL_SLOTS];
    cr_assert_eq(sweep_levels(&s, 0, lv), 4);
    cr_assert_eq(lv[1].nsizes, 8);
    cr_assert_float_eq(lv[1].ci.ratio, 2.0, 1e-9);
    cr_assert(lv[1].has_ci && lv[1].ci.lo > 1.9 && lv[1].ci.hi < 2.1);
    verdict_free(&v);
}

Test(report_sweep, one_noisy_size_cannot_flip_a_level)
{
    double r[NS];
    for (size_t i = 0; i < NS; i++)
        r[i] = 1.5;
    r[10] = 0.6;   /* one size in L2 reversed, far off */
    sweep s = make(&spec, r);
    set_point(&pts[20], &s.levels, 0, ws16[20], 0.9, noisy);   /* one in L3 noisy */
    verdict v = judge(&s, -1);
    cr_assert_eq(v.kind, VERDICT_HOLDS, "%s", text_str(&v.note));
    cr_assert_str_eq(text_str(&v.note), "L1 to memory");
    verdict_free(&v);
}

Test(report_sweep, a_level_within_noise_is_named_beside_the_holding_ones)
{
    double r[NS];
    for (size_t i = 0; i < NS; i++)
        r[i] = i < 8 ? 1.0 : 3.0;
    sweep s = make(&spec, r);
    for (size_t i = 0; i < 8; i++)
        set_point(&pts[i], &s.levels, 0, ws16[i], 1.0, noisy);
    verdict v = judge(&s, -1);
    cr_assert_eq(v.kind, VERDICT_HOLDS);
    cr_assert_str_eq(text_str(&v.note), "L2 to memory; within noise in L1");
    verdict_free(&v);
}

Test(report_sweep, levels_against_the_claim_make_a_condition)
{
    double r[NS];
    for (size_t i = 0; i < NS; i++)
        r[i] = i < 8 ? 0.7 : i < 16 ? 1.04 : 2.5;
    sweep s = make(&spec, r);
    verdict v = judge(&s, -1);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN);
    cr_assert_str_eq(text_str(&v.condition), "the working set is past L2");
    cr_assert_str_eq(text_str(&v.note), "below threshold in L2; reversed in L1");
    verdict_free(&v);
}

/* How the levels that hold are said: a range when two or more run
 * unbroken, "past" or "fits in" when they reach memory or start at L1,
 * names otherwise.  Ratios per level: L1, L2, L3, memory. */
static verdict judged_levels(double l1, double l2, double l3, double memory)
{
    double r[NS];
    for (size_t i = 0; i < NS; i++)
        r[i] = i < 8 ? l1 : i < 16 ? l2 : i < 24 ? l3 : memory;
    sweep s = make(&spec, r);
    return judge(&s, -1);
}

Test(report_sweep, the_levels_that_hold_are_said_by_their_ends_or_by_name)
{
    verdict v = judged_levels(2.5, 2.5, 0.7, 0.7);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN);
    cr_assert_str_eq(text_str(&v.condition), "the working set fits in L2");
    verdict_free(&v);

    v = judged_levels(2.5, 0.7, 2.5, 2.5);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN);
    cr_assert_str_eq(text_str(&v.condition), "the working set is in L1, L3 or memory",
                     "broken by a level against the claim: named");
    verdict_free(&v);

    v = judged_levels(0.7, 0.7, 0.7, 2.5);
    cr_assert_str_eq(text_str(&v.condition), "the working set is in memory",
                     "memory alone is not 'past L3': a run without an L3 would say 'past L2'");
    verdict_free(&v);

    v = judged_levels(0.7, 2.5, 0.7, 0.7);
    cr_assert_str_eq(text_str(&v.condition), "the working set is in L2");
    verdict_free(&v);

    v = judged_levels(1.1, 1.1, 2.5, 2.5);   /* on the threshold: within noise */
    cr_assert_eq(v.kind, VERDICT_HOLDS);
    cr_assert_str_eq(text_str(&v.note), "L3 to memory; within noise in L1 and L2");
    verdict_free(&v);

    v = judged_levels(2.5, 1.1, 1.1, 2.5);
    cr_assert_eq(v.kind, VERDICT_HOLDS);
    cr_assert_str_eq(text_str(&v.note), "L1, memory; within noise in L2 and L3",
                     "broken by levels within noise: named");
    verdict_free(&v);
}

Test(report_sweep, nothing_holding_is_noise_or_does_not_hold)
{
    double r[NS];
    for (size_t i = 0; i < NS; i++)
        r[i] = 1.0;
    sweep s = make(&spec, r);
    for (size_t i = 0; i < NS; i++)
        set_point(&pts[i], &s.levels, 0, ws16[i], 1.0, noisy);
    verdict v = judge(&s, -1);
    cr_assert_eq(v.kind, VERDICT_WITHIN_NOISE);
    cr_assert_str_eq(text_str(&v.note), "");

    for (size_t i = 0; i < NS; i++)
        r[i] = 1.05;   /* real, every level, but under the 1.10 threshold */
    s = make(&spec, r);
    sweep_judge(&s, -1, &v);
    cr_assert_eq(v.kind, VERDICT_DOES_NOT_HOLD);
    cr_assert_str_eq(text_str(&v.note), "below threshold in L1, L2, L3 and memory");

    for (size_t i = 0; i < NS; i++)
        r[i] = 0.5;
    s = make(&spec, r);
    sweep_judge(&s, -1, &v);
    cr_assert_eq(v.kind, VERDICT_DOES_NOT_HOLD);
    cr_assert_str_eq(text_str(&v.note), "reversed in L1, L2, L3 and memory");
    verdict_free(&v);
}

Test(report_sweep, a_claim_without_working_sets_names_no_level)
{
    static const sweep_spec calls = {
        .bench = "b", .metric = "ns_per_item", .ws_counter = "peak_bytes",
        .min_ratio = 1.10, .unit = "ns per call", .no_levels = true,
        .pairs = {{"x", "y", "x / y"}}, .npairs = 1,
    };
    double r[NS];
    for (size_t i = 0; i < NS; i++)
        r[i] = 2.0;
    sweep s = make(&calls, r);
    for (size_t i = 0; i < NS; i++)
        pts[i].level = SWEEP_ALL_SIZES;
    verdict v = judge(&s, -1);
    cr_assert_eq(v.kind, VERDICT_HOLDS);
    cr_assert_str_eq(text_str(&v.note), "");
    text fig = TEXT_INIT, md = TEXT_INIT;
    sweep_figures(&s, &fig);
    cr_assert_str_eq(text_str(&fig), "x / y: 2x [1.98, 2.02]");
    sweep_markdown(&s, &md);
    cr_assert(strstr(text_str(&md), "ns per call"), "%s", text_str(&md));
    cr_assert_null(strstr(text_str(&md), "L1"), "no cache level named");
    text_free(&fig);
    text_free(&md);
    verdict_free(&v);
}

Test(report_sweep, per_pair_and_overall_verdicts_differ)
{
    static const sweep_spec two = {
        .bench = "b", .metric = "ns_per_item", .ws_counter = "ws_bytes", .min_ratio = 1.10,
        .pairs = {{"x", "z", "x / z"}, {"y", "z", "y / z"}}, .npairs = 2,
    };
    double r[NS];
    for (size_t i = 0; i < NS; i++)
        r[i] = 2.0;
    sweep s = make(&two, r);
    for (size_t i = 0; i < NS; i++)
        set_point(&pts[i], &s.levels, 1, ws16[i], i < 16 ? 0.8 : 2.0, tight);
    verdict v = judge(&s, 0);
    cr_assert_eq(v.kind, VERDICT_HOLDS);
    sweep_judge(&s, 1, &v);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN);
    sweep_judge(&s, -1, &v);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN, "overall: a level holds when both pairs do");
    cr_assert_str_eq(text_str(&v.condition), "the working set is past L2");
    verdict_free(&v);
}

Test(report_sweep, without_usable_samples_a_level_takes_its_commonest_outcome)
{
    double r[NS];
    for (size_t i = 0; i < NS; i++)
        r[i] = 2.0;
    sweep s = make(&spec, r);
    for (size_t i = 0; i < NS; i++) {
        pts[i].cheap_reps[0][0] = 0;   /* a counter that is 0: no ratio to draw */
        if (i < 8)
            pts[i].status[0] = i < 4 ? COMPARE_NOISE : COMPARE_AGAINST;
    }
    sweep_level lv[LEVEL_SLOTS];
    cr_assert_eq(sweep_levels(&s, 0, lv), 4);
    cr_assert_not(lv[0].has_ci);
    cr_assert_eq(lv[0].status, COMPARE_AGAINST, "a tie goes to the worse outcome");
    cr_assert_eq(lv[1].status, COMPARE_HOLDS);
    cr_assert(isnan(lv[1].ci.lo));
}

Test(report_sweep, an_empty_sweep_is_not_measured)
{
    sweep s = {.spec = &spec, .levels = measured(), .points = NULL, .npoints = 0};
    verdict v = judge(&s, -1);
    cr_assert_eq(v.kind, VERDICT_NOT_MEASURED);
    verdict_free(&v);
}
