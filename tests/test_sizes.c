/* test_sizes.c - size parsing and printing, and the shape of size sweeps. */
#include "harness/sizes.h"

#include <criterion/criterion.h>
#include <stdint.h>

Test(sizes, parses_plain_and_binary_suffixes)
{
    struct { const char *text; size_t bytes; } ok[] = {
        {"0", 0},          {"4096", 4096},         {"100B", 100},
        {"64K", 65536},    {"64KiB", 65536},       {"64KB", 65536},
        {"512m", (size_t)512 << 20}, {"1G", (size_t)1 << 30},
        {"1GiB", (size_t)1 << 30},   {"2T", (size_t)2 << 40},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        size_t v = 1;
        cr_assert(size_parse(ok[i].text, &v), "%s", ok[i].text);
        cr_assert_eq(v, ok[i].bytes, "%s gave %zu", ok[i].text, v);
    }
}

Test(sizes, refuses_malformed_sizes)
{
    const char *bad[] = {"", "G", "-1", "+5", " 5", "5 ", "1.5G", "12X", "1Gi",
                         "1GB2", "99999999999999999999", "16777216T", NULL};
    for (size_t i = 0; bad[i]; i++) {
        size_t v = 7;
        cr_assert_not(size_parse(bad[i], &v), "'%s' accepted", bad[i]);
        cr_assert_eq(v, 7, "'%s' changed the output", bad[i]);
    }
    cr_assert_not(size_parse(NULL, &(size_t){0}));
}

Test(sizes, formats_with_binary_units)
{
    char buf[32];
    cr_assert_str_eq(size_format(100, buf, sizeof buf), "100 B");
    cr_assert_str_eq(size_format(65536, buf, sizeof buf), "64 KiB");
    cr_assert_str_eq(size_format((size_t)3 << 29, buf, sizeof buf), "1.5 GiB");
}

Test(sizes, sweep_is_ascending_unique_and_spans_lo_to_hi)
{
    size_t out[64];
    size_t n = size_sweep(4096, (size_t)1 << 20, 2, NULL, 0, 0, 64, out, 64);
    cr_assert_eq(n, 17, "8 doublings, 2 points each, plus the end: got %zu", n);
    cr_assert_eq(out[0], 4096);
    cr_assert_eq(out[n - 1], (size_t)1 << 20);
    for (size_t i = 1; i < n; i++) {
        cr_assert_gt(out[i], out[i - 1]);
        cr_assert_eq(out[i] % 64, 0);
    }
}

Test(sizes, sweep_is_denser_near_marks)
{
    size_t plain[64], dense[64];
    size_t mark = (size_t)1 << 15;
    size_t np = size_sweep(4096, (size_t)1 << 20, 1, NULL, 0, 0, 64, plain, 64);
    size_t nd = size_sweep(4096, (size_t)1 << 20, 1, &mark, 1, 4, 64, dense, 64);
    cr_assert_eq(np, 9);
    size_t near = 0;
    for (size_t i = 0; i < nd; i++)
        near += dense[i] >= mark / 2 && dense[i] <= mark * 2;
    cr_assert_eq(near, 9, "four per doubling over [mark/2, 2*mark]: got %zu", near);
    cr_assert_eq(nd, np + 6);
}

Test(sizes, sweep_has_no_even_points_inside_a_dense_window)
{
    /* Two per doubling from 4 KiB never lands on a mark of 40 KiB's own
     * grid: inside [20, 80] KiB only the window's nine points remain,
     * each a quarter octave from the next. */
    size_t out[64];
    size_t mark = (size_t)40 << 10;
    size_t n = size_sweep(4096, (size_t)1 << 20, 2, &mark, 1, 4, 64, out, 64);
    size_t inside = 0;
    for (size_t i = 0; i < n; i++) {
        if (out[i] < mark / 2 || out[i] > mark * 2)
            continue;
        inside++;
        if (i > 0 && out[i - 1] >= mark / 2)
            cr_assert_gt((double)out[i] / (double)out[i - 1], 1.15,
                         "%zu and %zu are closer than a dense step", out[i - 1], out[i]);
    }
    cr_assert_eq(inside, 9, "got %zu", inside);
}

Test(sizes, sweep_overlapping_windows_leave_no_near_duplicates)
{
    /* Marks 1.5x apart: their windows overlap and their grids interleave. */
    size_t out[64];
    size_t marks[] = {(size_t)32 << 10, (size_t)48 << 10};
    size_t n = size_sweep(4096, (size_t)1 << 20, 2, marks, 2, 4, 64, out, 64);
    for (size_t i = 1; i < n; i++)
        cr_assert_geq((double)out[i] / (double)out[i - 1], 1.09 - 1e-3,
                      "%zu and %zu", out[i - 1], out[i]);
    cr_assert_eq(out[n - 1], (size_t)1 << 20, "the end is kept");
}

Test(sizes, sweep_refuses_bad_arguments_and_respects_cap)
{
    size_t out[4];
    cr_assert_eq(size_sweep(0, 100, 1, NULL, 0, 0, 1, out, 4), 0);
    cr_assert_eq(size_sweep(200, 100, 1, NULL, 0, 0, 1, out, 4), 0);
    cr_assert_eq(size_sweep(1, 100, 0, NULL, 0, 0, 1, out, 4), 0);
    cr_assert_leq(size_sweep(1, (size_t)1 << 30, 1, NULL, 0, 0, 1, out, 4), 4);
    cr_assert_eq(size_sweep(4096, 4096, 2, NULL, 0, 0, 64, out, 4), 1);
}

/* Points of out[0..n) strictly between lo and hi. */
static size_t points_between(const size_t *out, size_t n, size_t lo, size_t hi)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += out[i] > lo && out[i] < hi;
    return k;
}

/* A measured profile with the given level sizes (ns are not used here). */
static machine_profile measured(size_t l1, size_t l2, size_t l3)
{
    machine_profile p = {.measured = true, .line_bytes = 64};
    size_t sizes[] = {l1, l2, l3};
    for (size_t k = 0; k < 3; k++)
        if (sizes[k])
            p.level[p.nlevels++] = (profile_level){.bytes = sizes[k], .ns = 1.0};
    return p;
}

Test(sizes, cache_sweep_is_dense_to_twice_the_last_level_then_one_per_doubling)
{
    size_t out[160];
    machine_profile p = measured(48 << 10, 1 << 20, (size_t)32 << 20);
    size_t n = size_cache_sweep((size_t)1 << 30, false, &p, 64, out, 160);
    cr_assert_eq(out[0], 4096);
    cr_assert_eq(out[n - 1], (size_t)1 << 30);
    for (size_t i = 1; i < n; i++) {
        cr_assert_gt(out[i], out[i - 1], "ascending and unique");
        cr_assert_eq(out[i] % 64, 0);
    }
    cr_assert_eq(points_between(out, n, (size_t)64 << 20, (size_t)1 << 30), 3,
                 "128, 256 and 512 MiB past twice the L3");
    cr_assert_eq(points_between(out, n, (size_t)32 << 20, (size_t)64 << 20), 3,
                 "four per doubling just past the L3");
}

Test(sizes, cache_sweep_places_its_dense_points_at_the_measured_levels)
{
    /* The reference machine: L3 reported as 32 MiB, measured at 6.1 MiB.
     * The points follow the measurement, and the sweep thins out past
     * twice it (12.2 MiB), not past 64 MiB. */
    size_t out[160];
    size_t l3 = ((size_t)61 << 20) / 10;
    machine_profile p = measured(48 << 10, 1 << 20, l3);
    size_t n = size_cache_sweep((size_t)1 << 30, false, &p, 64, out, 160);
    cr_assert_geq(points_between(out, n, l3 / 2, 2 * l3), 7,
                  "four per doubling within a factor of two of L3");
    cr_assert_eq(points_between(out, n, 2 * l3, 4 * l3), 1,
                 "one per doubling past twice the L3");
    cr_assert_geq(points_between(out, n, 24 << 10, 96 << 10), 7,
                  "four per doubling around L1");
}

Test(sizes, cache_sweep_without_measured_levels_is_even_to_twice_the_fallback)
{
    size_t fb[160], none[160];
    machine_profile f;
    profile_fallback(&f, "test");
    machine_profile m = measured(0, 0, 0);
    size_t nf = size_cache_sweep((size_t)1 << 30, false, &f, 64, fb, 160);
    size_t nm = size_cache_sweep((size_t)1 << 30, false, &m, 64, none, 160);
    cr_assert_eq(nf, nm, "the fallback's guessed sizes place no points");
    cr_assert_arr_eq(fb, none, nf * sizeof *fb);
    cr_assert_eq(points_between(fb, nf, 4096, (size_t)128 << 20), 29,
                 "two per doubling, 4 KiB .. 128 MiB: got %zu",
                 points_between(fb, nf, 4096, (size_t)128 << 20));
    cr_assert_eq(points_between(fb, nf, 2 * SIZES_FALLBACK_LLC, (size_t)1 << 30), 2,
                 "then one per doubling: 256 and 512 MiB");
}

Test(sizes, cache_sweep_quick_is_one_per_doubling)
{
    size_t out[32];
    machine_profile p = measured(48 << 10, 1 << 20, (size_t)32 << 20);
    size_t n = size_cache_sweep((size_t)1 << 20, true, &p, 64, out, 32);
    cr_assert_eq(n, 9, "4 KiB .. 1 MiB: got %zu", n);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(out[i], (size_t)4096 << i);
}

Test(sizes, cache_sweep_refuses_bad_arguments_and_respects_cap)
{
    size_t out[4];
    machine_profile p = measured(0, 0, 0);
    cr_assert_eq(size_cache_sweep(4095, false, &p, 64, out, 4), 0);
    cr_assert_eq(size_cache_sweep((size_t)1 << 20, false, &p, 0, out, 4), 0);
    cr_assert_eq(size_cache_sweep((size_t)1 << 20, false, &p, 64, out, 0), 0);
    cr_assert_eq(size_cache_sweep((size_t)1 << 20, false, NULL, 64, out, 4), 0);
    cr_assert_eq(size_cache_sweep((size_t)1 << 30, false, &p, 64, out, 4), 4);
    cr_assert_eq(size_cache_sweep(4096, false, &p, 64, out, 4), 1);
}
