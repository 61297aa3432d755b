/* test_stride_curves.c - the stride experiment's figures from its curves:
 * which page kind the levels come from, medians of the read curve, the
 * levels and the bend of synthetic curves, and too few points. */
#include "stride/curves.h"

#include <criterion/criterion.h>
#include <math.h>

/* Chase points 4 KiB .. 1 GiB, two per doubling, with sharp steps at
 * 32 KiB, 1 MiB and 32 MiB: 1, 4, 15 ns and 100 ns past them, on base
 * pages; huge pages 10% faster, backed by huge pages as 'huge' says. */
static size_t make_chase(stride_chase_point *out, double huge)
{
    const double cap[] = {32768, 1048576, 33554432}, lat[] = {1, 4, 15, 100};
    size_t n = 0;
    for (double s = 4096; s <= 1073741824.0 * 1.0001; s *= sqrt(2.0)) {
        size_t l = 0;
        while (l < 3 && s > cap[l])
            l++;
        out[n] = (stride_chase_point){.ws = (size_t)llround(s), .huge_fraction = huge};
        out[n].best_ns[PAGES_SMALL] = lat[l];
        out[n].best_ns[PAGES_HUGE] = lat[l] * 0.9;
        n++;
    }
    return n;
}

/* Read points 4 B .. 64 KiB, one per doubling: the time doubles with the
 * stride up to 64 B, then stays at 8 ns to 2 KiB and 12 ns from 8 KiB. */
static size_t make_reads(stride_read_point *out)
{
    size_t n = 0;
    for (size_t s = 4; s <= 65536; s *= 2) {
        double ns = s <= 64 ? 0.5 * (double)s / 4 : s <= 2048 ? 8 : s < 8192 ? 10 : 12;
        out[n++] = (stride_read_point){.stride = s, .best_ns = ns};
    }
    return n;
}

Test(stride_curves, levels_come_from_huge_pages_only_when_the_kernel_gave_them)
{
    stride_chase_point c[64];
    size_t n = make_chase(c, 0.95);
    cr_assert_eq(stride_levels_pages(c, n), PAGES_HUGE);
    c[n - 1].huge_fraction = 0.5;
    cr_assert_eq(stride_levels_pages(c, n), PAGES_SMALL, "the largest one decides");
    /* The largest whose huge case ran decides. */
    c[n - 1].best_ns[PAGES_HUGE] = 0;
    cr_assert_eq(stride_levels_pages(c, n), PAGES_HUGE);
    cr_assert_eq(stride_levels_pages(c, 0), PAGES_SMALL);
}

Test(stride_curves, median_of_a_stride_range)
{
    stride_read_point r[] = {{4, 1}, {8, 3}, {16, 0}, {32, 5}, {64, 9}};
    cr_assert_float_eq(stride_median_read_ns(r, 5, 4, 64), 4, 1e-12, "even count");
    cr_assert_float_eq(stride_median_read_ns(r, 5, 8, 64), 5, 1e-12, "odd count");
    cr_assert_float_eq(stride_median_read_ns(r, 5, 16, 16), 0, 1e-12, "not run");
    cr_assert_float_eq(stride_median_read_ns(r, 5, 128, 4096), 0, 1e-12, "none");
}

Test(stride_curves, summarizes_the_levels_and_the_bend)
{
    stride_chase_point c[64];
    stride_read_point r[32];
    size_t nc = make_chase(c, 1.0), nr = make_reads(r);
    stride_summary s;
    cr_assert(stride_summarize(r, nr, c, nc, 3, 4096, &s));
    cr_assert(s.have_levels);
    cr_assert_eq(s.levels_pages, PAGES_HUGE);
    cr_assert_eq(s.levels.count, 3);
    cr_assert_float_eq(s.levels.ns[0], 0.9, 1e-9);
    cr_assert_float_eq(s.levels.ns[3], 90, 1e-9, "memory on huge pages");
    cr_assert_float_eq(s.mem_ns_base_pages, 100, 1e-9);
    cr_assert_float_eq(s.mem_ns_huge_pages, 90, 1e-9);
    cr_assert(s.have_bend);
    cr_assert_float_eq(s.bend.x, 64, 1e-9);
    cr_assert_float_eq(s.read_ns_below_page, 8, 1e-9, "64 B .. 2 KiB");
    cr_assert_float_eq(s.read_ns_past_page, 12, 1e-9, "from 8 KiB");
}

Test(stride_curves, one_curve_is_enough)
{
    stride_chase_point c[64];
    stride_read_point r[32];
    size_t nc = make_chase(c, 0.0), nr = make_reads(r);
    stride_summary s;
    cr_assert(stride_summarize(NULL, 0, c, nc, 3, 4096, &s));
    cr_assert(s.have_levels);
    cr_assert_not(s.have_bend);
    cr_assert_eq(s.levels_pages, PAGES_SMALL);
    cr_assert_float_eq(s.levels.ns[3], 100, 1e-9);
    cr_assert(stride_summarize(r, nr, NULL, 0, 3, 4096, &s));
    cr_assert_not(s.have_levels);
    cr_assert(s.have_bend);
    cr_assert_float_eq(s.mem_ns_base_pages, 0, 1e-12, "no chase ran");
}

Test(stride_curves, too_few_points_summarize_nothing)
{
    stride_chase_point c[2] = {{.ws = 4096, .best_ns = {1, 0}}, {.ws = 8192, .best_ns = {0, 0}}};
    stride_read_point r[1] = {{4, 1}};
    stride_summary s = {.have_levels = true};
    cr_assert_not(stride_summarize(r, 1, c, 2, 3, 4096, &s));
    cr_assert_not(s.have_levels);
    cr_assert_not(s.have_bend);
    cr_assert_not(stride_summarize(NULL, 0, NULL, 0, 3, 4096, &s));
}

Test(stride_curves, levels_wanted_follow_the_measured_profile)
{
    machine_profile p = {.measured = true, .nlevels = 2};
    cr_assert_eq(stride_levels_wanted(&p), 2, "a guest with two measured levels");
    p.nlevels = 4;
    cr_assert_eq(stride_levels_wanted(&p), 4);
    p.nlevels = 0;
    cr_assert_eq(stride_levels_wanted(&p), 3, "none found: look for three");
    machine_profile fallback;
    profile_fallback(&fallback, "test");
    cr_assert_eq(stride_levels_wanted(&fallback), 3, "the fallback's guess is not a measurement");
    cr_assert_eq(stride_levels_wanted(NULL), 3);
}
