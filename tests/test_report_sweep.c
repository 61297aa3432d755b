/* test_report_sweep.c - how a size sweep turns into a verdict: the shape
 * that fits the outcomes, the condition's wording, exceptions. */
#include "report/sweep.h"

#include <criterion/criterion.h>
#include <string.h>

static const sweep_spec spec = {
    .bench = "b", .metric = "ns_per_item", .ws_counter = "ws_bytes",
    .min_ratio = 1.10, .pairs = {{"x", "y", "x / y"}}, .npairs = 1,
};
static const report_caches caches = {32768, 1 << 20, 32 << 20};

/* A sweep whose points have these working sets and outcomes. */
static sweep make(const double *ws, const compare_status *st, size_t n, sweep_point *pts)
{
    for (size_t i = 0; i < n; i++) {
        memset(&pts[i], 0, sizeof pts[i]);
        pts[i].arg = (double)(i + 1);
        pts[i].ws = ws[i];
        pts[i].level = cache_level_of(ws[i], caches);
        pts[i].status[0] = pts[i].overall = st[i];
        pts[i].ratio[0] = st[i] == COMPARE_HOLDS ? 2 : 1;
    }
    return (sweep){.spec = &spec, .caches = caches, .points = pts, .npoints = n};
}

#define KiB 1024.0
#define MiB (1024.0 * 1024.0)
static const double ws8[] = {4 * KiB, 16 * KiB, 64 * KiB, 512 * KiB,
                             2 * MiB, 16 * MiB, 64 * MiB, 256 * MiB};
/* Short names, so a row of outcomes reads like the sweep it stands for. */
#define H COMPARE_HOLDS
#define S COMPARE_SMALL
#define N COMPARE_NOISE
#define A COMPARE_AGAINST

static verdict judge(const compare_status *st)
{
    sweep_point pts[8];
    sweep s = make(ws8, st, 8, pts);
    verdict v = VERDICT_INIT;
    sweep_judge(&s, -1, &v);
    return v;
}

Test(report_sweep, every_level_holding_is_holds)
{
    compare_status st[] = {H, H, H, H, H, H, H, H};
    verdict v = judge(st);
    cr_assert_eq(v.kind, VERDICT_HOLDS);
    cr_assert_str_eq(text_str(&v.note), "");
    verdict_free(&v);
}

Test(report_sweep, one_noisy_size_is_an_exception_not_a_flip)
{
    compare_status st[] = {H, H, H, H, H, N, H, H};
    verdict v = judge(st);
    cr_assert_eq(v.kind, VERDICT_HOLDS);
    cr_assert_str_eq(text_str(&v.note), "exceptions: 16 MiB within noise");
    verdict_free(&v);
}

Test(report_sweep, two_noisy_sizes_at_the_start_stay_exceptions)
{
    static const double ws[] = {4 * KiB, 16 * KiB, 64 * KiB, 512 * KiB, 2 * MiB,
                                4 * MiB, 8 * MiB, 16 * MiB, 64 * MiB, 256 * MiB};
    compare_status st[] = {N, S, H, H, H, H, H, H, H, H};
    sweep_point pts[10];
    sweep s = make(ws, st, 10, pts);
    verdict v = VERDICT_INIT;
    sweep_judge(&s, -1, &v);
    cr_assert_eq(v.kind, VERDICT_HOLDS, "a step needs three sizes on its failing side");
    cr_assert_str_eq(text_str(&v.note), "exceptions: 4 KiB within noise, 16 KiB below threshold");
    verdict_free(&v);
}

Test(report_sweep, holding_past_a_level_says_from_where)
{
    compare_status st[] = {A, A, N, S, H, H, H, H};
    verdict v = judge(st);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN);
    cr_assert_str_eq(text_str(&v.condition), "the working set is past L2 (1 MiB), from 2 MiB");
    cr_assert_str_eq(text_str(&v.note),
                     "in L1: 0 of 2 hold, 2 reversed; in L2: 0 of 2 hold, 1 below threshold, "
                     "1 within noise; in L3: 2 of 2 hold; in memory: 2 of 2 hold");
    verdict_free(&v);
}

Test(report_sweep, a_change_inside_a_level_names_the_level_it_outgrew)
{
    /* Two runs that disagree by one size on where, inside L3, the claim
     * starts to hold give the same condition up to that size. */
    static const double ws[] = {4 * KiB, 16 * KiB, 64 * KiB, 512 * KiB, 2 * MiB,
                                4 * MiB, 8 * MiB, 16 * MiB, 64 * MiB, 256 * MiB};
    compare_status run1[] = {N, N, N, N, H, H, H, H, H, H};
    compare_status run2[] = {N, N, N, N, S, H, H, H, H, H};
    sweep_point pts[10];
    verdict v = VERDICT_INIT;
    sweep s = make(ws, run1, 10, pts);
    sweep_judge(&s, -1, &v);
    cr_assert_str_eq(text_str(&v.condition), "the working set is past L2 (1 MiB), from 2 MiB");
    s = make(ws, run2, 10, pts);
    sweep_judge(&s, -1, &v);
    cr_assert_str_eq(text_str(&v.condition), "the working set is past L2 (1 MiB), from 4 MiB");
    verdict_free(&v);
}

Test(report_sweep, a_noisy_size_inside_the_holding_side_is_an_exception)
{
    static const double ws[] = {4 * KiB, 16 * KiB, 64 * KiB, 512 * KiB, 2 * MiB,
                                4 * MiB, 8 * MiB, 16 * MiB, 64 * MiB, 256 * MiB};
    compare_status st[] = {N, N, N, H, H, N, H, H, H, H};
    sweep_point pts[10];
    sweep s = make(ws, st, 10, pts);
    verdict v = VERDICT_INIT;
    sweep_judge(&s, -1, &v);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN);
    cr_assert_str_eq(text_str(&v.condition),
                     "the working set is past L1 (32 KiB), from 512 KiB");
    cr_assert(strstr(text_str(&v.note), "exceptions: 4 MiB within noise"), "%s",
              text_str(&v.note));
    verdict_free(&v);
}

Test(report_sweep, holding_from_inside_the_first_level_gives_the_size)
{
    static const double ws[] = {1 * KiB, 2 * KiB, 4 * KiB, 8 * KiB, 16 * KiB,
                                64 * KiB, 512 * KiB, 2 * MiB};
    compare_status st[] = {N, N, N, H, H, H, H, H};
    sweep_point pts[8];
    sweep s = make(ws, st, 8, pts);
    verdict v = VERDICT_INIT;
    sweep_judge(&s, -1, &v);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN);
    cr_assert_str_eq(text_str(&v.condition), "the working set is at least 8 KiB (in L1)");
    verdict_free(&v);
}

Test(report_sweep, holding_only_in_cache_says_up_to_where)
{
    compare_status st[] = {H, H, H, H, N, N, A, A};
    verdict v = judge(st);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN);
    cr_assert_str_eq(text_str(&v.condition),
                     "the working set fits in L2 (1 MiB), up to 512 KiB");
    verdict_free(&v);
}

Test(report_sweep, scattered_levels_are_named)
{
    compare_status st[] = {H, H, N, N, H, H, N, N};
    verdict v = judge(st);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN);
    cr_assert_str_eq(text_str(&v.condition),
                     "the working set is in L1 (32 KiB) or L3 (32 MiB)");
    verdict_free(&v);
}

Test(report_sweep, half_a_level_is_not_enough)
{
    compare_status st[] = {H, N, H, N, H, N, H, N};
    verdict v = judge(st);
    cr_assert_eq(v.kind, VERDICT_WITHIN_NOISE, "no level has more than half holding");
    cr_assert_str_eq(text_str(&v.note), "4 of 8 sizes hold, 4 within noise");
    verdict_free(&v);
}

Test(report_sweep, nothing_holding_is_noise_or_does_not_hold_by_majority)
{
    compare_status noise[] = {N, N, N, N, N, A, A, S};
    verdict v = judge(noise);
    cr_assert_eq(v.kind, VERDICT_WITHIN_NOISE);
    verdict_free(&v);
    compare_status against[] = {A, A, A, A, N, N, S, S};
    v = judge(against);
    cr_assert_eq(v.kind, VERDICT_DOES_NOT_HOLD);
    cr_assert_str_eq(text_str(&v.note), "0 of 8 sizes hold, 2 below threshold, 2 within noise, "
                                        "4 reversed");
    verdict_free(&v);
    compare_status small[] = {S, S, S, S, S, N, N, N};
    v = judge(small);
    cr_assert_eq(v.kind, VERDICT_DOES_NOT_HOLD, "real but too small to back the claim");
    verdict_free(&v);
}

Test(report_sweep, per_pair_and_overall_verdicts_differ)
{
    static const sweep_spec two = {
        .bench = "b", .metric = "ns_per_item", .ws_counter = "ws_bytes", .min_ratio = 1.10,
        .pairs = {{"x", "z", "x / z"}, {"y", "z", "y / z"}}, .npairs = 2,
    };
    sweep_point pts[8];
    compare_status st[] = {H, H, H, H, H, H, H, H};
    sweep s = make(ws8, st, 8, pts);
    s.spec = &two;
    for (size_t i = 0; i < 8; i++) {
        pts[i].status[1] = i < 4 ? COMPARE_NOISE : COMPARE_HOLDS;
        pts[i].overall = compare_worse(pts[i].status[0], pts[i].status[1]);
    }
    verdict v = VERDICT_INIT;
    sweep_judge(&s, 0, &v);
    cr_assert_eq(v.kind, VERDICT_HOLDS);
    sweep_judge(&s, 1, &v);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN);
    sweep_judge(&s, -1, &v);
    cr_assert_eq(v.kind, VERDICT_HOLDS_ONLY_WHEN, "overall: a size holds when both pairs do");
    cr_assert_str_eq(text_str(&v.condition), "the working set is past L2 (1 MiB), from 2 MiB");
    verdict_free(&v);
}

Test(report_sweep, an_empty_sweep_is_not_measured)
{
    sweep s = {.spec = &spec, .caches = caches, .points = NULL, .npoints = 0};
    verdict v = VERDICT_INIT;
    sweep_judge(&s, -1, &v);
    cr_assert_eq(v.kind, VERDICT_NOT_MEASURED);
    verdict_free(&v);
}
