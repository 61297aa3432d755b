/* test_growth_policy.c - each growth policy's capacities from empty match the
 * published rule, 40 steps deep; bulk requests, Go's size classes, overflow.
 *
 * Where the expected numbers come from:
 *   go:      a transliteration (in Python, independent of this C code) of
 *            golang/go src/runtime/slice.go nextslicecap + growslice (commit
 *            00a0fc3f, Go 1.24+ line), src/runtime/msize.go roundupsize
 *            (commit 528bafa0) with the SizeToSizeClass8/128 lookup tables
 *            of src/internal/runtime/gc/sizeclasses.go (commit 100ffa1b),
 *            for pointer-free element types.  The rule is Go 1.22's and
 *            later; the famous append([]int(nil), 1, 2, 3, 4, 5) -> cap 6
 *            is one of the checks.
 *   cpython: list_resize in python/cpython Objects/listobject.c (commit
 *            003264fb; the rule dates from CPython 3.9), and measured with
 *            sys.getsizeof on CPython 3.11.7: the first 45 capacities of a
 *            list grown by append and the extend cases below agree.
 *   x2, x1.5, plus_k, prealloc: their one-line definitions.
 */
#include "growth/policy.h"

#include <criterion/criterion.h>
#include <stdint.h>

#define STEPS 40

/* Capacities after each growth of an array filled one append at a time. */
static void capacities_from_empty(const growth_policy *p, size_t elem_size,
                                  size_t *out, size_t steps)
{
    size_t cap = 0;
    for (size_t i = 0; i < steps; i++) {
        cap = growth_next_capacity(p, cap, cap, cap + 1, elem_size);
        out[i] = cap;
    }
}

static void expect_sequence(const growth_policy *p, size_t elem_size,
                            const size_t *want)
{
    size_t got[STEPS];
    capacities_from_empty(p, elem_size, got, STEPS);
    for (size_t i = 0; i < STEPS; i++)
        cr_assert_eq(got[i], want[i], "%s, %zu-byte elements, step %zu: got %zu, want %zu",
                     p->name, elem_size, i + 1, got[i], want[i]);
}

Test(growth_policy, table_is_indexed_by_name_in_order)
{
    static const char *const names[GROWTH_POLICY_COUNT] = {
        "prealloc", "x2", "x1.5", "plus_k", "go", "cpython"};
    for (size_t i = 0; i < GROWTH_POLICY_COUNT; i++) {
        cr_assert_str_eq(growth_policies[i].name, names[i]);
        cr_assert_eq(growth_policy_find(names[i]), &growth_policies[i]);
    }
    cr_assert_null(growth_policy_find("x3"));
}

Test(growth_policy, x2_doubles_from_one)
{
    size_t want[STEPS];
    for (size_t i = 0; i < STEPS; i++)
        want[i] = (size_t)1 << i;
    expect_sequence(&growth_policies[GROWTH_X2], 8, want);
    expect_sequence(&growth_policies[GROWTH_X2], 24, want);
}

Test(growth_policy, x1_5_grows_by_half_rounded_down_at_least_one)
{
    static const size_t want[STEPS] = {
        1, 2, 3, 4, 6, 9, 13, 19, 28, 42, 63, 94, 141, 211, 316, 474, 711,
        1066, 1599, 2398, 3597, 5395, 8092, 12138, 18207, 27310, 40965, 61447,
        92170, 138255, 207382, 311073, 466609, 699913, 1049869, 1574803,
        2362204, 3543306, 5314959, 7972438};
    expect_sequence(&growth_policies[GROWTH_X1_5], 8, want);
}

Test(growth_policy, plus_k_adds_4096_elements)
{
    size_t want[STEPS];
    for (size_t i = 0; i < STEPS; i++)
        want[i] = (i + 1) * GROWTH_PLUS_K_ELEMENTS;
    expect_sequence(&growth_policies[GROWTH_PLUS_K], 8, want);
}

Test(growth_policy, prealloc_grows_to_exactly_the_need)
{
    size_t want[STEPS];
    for (size_t i = 0; i < STEPS; i++)
        want[i] = i + 1;
    expect_sequence(&growth_policies[GROWTH_PREALLOC], 8, want);
}

Test(growth_policy, go_matches_growslice_for_8_byte_elements)
{
    static const size_t want[STEPS] = {
        1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 848, 1280, 1792, 2560, 3408,
        5120, 7168, 9216, 12288, 16384, 21504, 27648, 34816, 44032, 55296,
        69632, 88064, 110592, 139264, 175104, 219136, 274432, 344064, 431104,
        539648, 674816, 843776, 1055744, 1319936, 1650688};
    expect_sequence(&growth_policies[GROWTH_GO], 8, want);
}

Test(growth_policy, go_matches_growslice_for_24_byte_elements)
{
    /* The size classes are in bytes, so a 24-byte record gets other
     * capacities than an int64: 512 -> 853, not 848. */
    static const size_t want[STEPS] = {
        1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 853, 1365, 2048, 3072, 4096,
        5461, 7168, 9216, 11946, 15360, 19456, 24576, 31061, 39253, 49493,
        62122, 78165, 97962, 122880, 153941, 192853, 241322, 302080, 377856,
        472746, 591189, 739328, 924672, 1156096, 1445546};
    expect_sequence(&growth_policies[GROWTH_GO], 24, want);
}

Test(growth_policy, cpython_matches_list_resize)
{
    static const size_t want[STEPS] = {
        4, 8, 16, 24, 32, 40, 52, 64, 76, 92, 108, 128, 148, 172, 200, 232,
        268, 308, 352, 400, 456, 520, 592, 672, 760, 860, 972, 1100, 1244,
        1404, 1584, 1788, 2016, 2272, 2560, 2884, 3248, 3660, 4124, 4644};
    expect_sequence(&growth_policies[GROWTH_CPYTHON], 8, want);
}

Test(growth_policy, go_bulk_appends)
{
    const growth_policy *go = &growth_policies[GROWTH_GO];
    /* append([]int64(nil), 5 values): 40 bytes round up to the 48 class. */
    cr_assert_eq(growth_next_capacity(go, 0, 0, 5, 8), 6);
    /* More than double: the need itself (700), then 5600 bytes -> 6144. */
    cr_assert_eq(growth_next_capacity(go, 300, 300, 700, 8), 768);
    /* Within double, above 256: 300 + (300 + 768) / 4 = 567 covers 500;
     * 4536 bytes round up to the 4864-byte class: 608. */
    cr_assert_eq(growth_next_capacity(go, 300, 300, 500, 8), 608);
    /* Two steps: 1000 -> 1442 (short of 1500) -> 1994; 15952 bytes ->
     * 16384: 2048.  Bytes past 32 KiB go to whole 8 KiB pages. */
    cr_assert_eq(growth_next_capacity(go, 1000, 1000, 1500, 8), 2048);
    cr_assert_eq(growth_next_capacity(go, 70000, 70000, 100000, 8), 110592);
}

Test(growth_policy, cpython_bulk_extends_measured_on_cpython_3_11)
{
    const growth_policy *py = &growth_policies[GROWTH_CPYTHON];
    /* (length, capacity, added) -> capacity, as sys.getsizeof reported. */
    cr_assert_eq(growth_next_capacity(py, 4, 1, 11, 8), 12);
    cr_assert_eq(growth_next_capacity(py, 4, 4, 5, 8), 8);
    cr_assert_eq(growth_next_capacity(py, 8, 5, 25, 8), 28);
    cr_assert_eq(growth_next_capacity(py, 8, 8, 17, 8), 20);
    cr_assert_eq(growth_next_capacity(py, 4, 3, 5, 8), 8);
}

Test(growth_policy, other_policies_take_a_bulk_need_as_is)
{
    cr_assert_eq(growth_next_capacity(&growth_policies[GROWTH_X2], 4, 4, 100, 8), 100);
    cr_assert_eq(growth_next_capacity(&growth_policies[GROWTH_X2], 4, 4, 7, 8), 8);
    cr_assert_eq(growth_next_capacity(&growth_policies[GROWTH_X1_5], 10, 10, 12, 8), 15);
    cr_assert_eq(growth_next_capacity(&growth_policies[GROWTH_PLUS_K], 0, 0, 5000, 8), 5000);
}

Test(growth_policy, go_roundupsize_classes_and_pages)
{
    static const size_t in[] = {1, 8, 9, 24, 25, 1016, 1017, 1024, 1025,
                                32760, 32761, 32768, 32769, 40000};
    static const size_t out[] = {8, 8, 16, 24, 32, 1024, 1024, 1024, 1152,
                                 32768, 32768, 32768, 40960, 40960};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++)
        cr_assert_eq(growth_go_roundupsize(in[i]), out[i], "roundupsize(%zu)", in[i]);
    cr_assert_eq(growth_go_roundupsize(SIZE_MAX - 10), SIZE_MAX - 10,
                 "a size that would wrap is returned as is");
}

Test(growth_policy, refuses_bad_arguments)
{
    const growth_policy *x2 = &growth_policies[GROWTH_X2];
    cr_assert_eq(growth_next_capacity(NULL, 0, 0, 1, 8), 0);
    cr_assert_eq(growth_next_capacity(x2, 0, 0, 1, 0), 0, "element size 0");
    cr_assert_eq(growth_next_capacity(x2, 4, 4, 4, 8), 0, "need must exceed capacity");
    cr_assert_eq(growth_next_capacity(x2, 4, 5, 6, 8), 0, "length above capacity");
}

Test(growth_policy, a_need_too_large_for_memory_is_refused)
{
    for (size_t i = 0; i < GROWTH_POLICY_COUNT; i++) {
        const growth_policy *p = &growth_policies[i];
        size_t too_many = (size_t)PTRDIFF_MAX / 8 + 1;
        cr_assert_eq(growth_next_capacity(p, 0, 0, too_many, 8), 0, "%s", p->name);
        cr_assert_eq(growth_next_capacity(p, 0, 0, SIZE_MAX, 1), 0, "%s", p->name);
    }
}

Test(growth_policy, growth_that_would_overflow_falls_back_to_the_need)
{
    /* Doubling this capacity of 1-byte elements passes PTRDIFF_MAX. */
    size_t cap = (size_t)PTRDIFF_MAX / 2 + 10;
    for (size_t i = 0; i < GROWTH_POLICY_COUNT; i++) {
        const growth_policy *p = &growth_policies[i];
        size_t next = growth_next_capacity(p, cap, cap, cap + 1, 1);
        cr_assert_geq(next, cap + 1, "%s", p->name);
        cr_assert_leq(next, (size_t)PTRDIFF_MAX, "%s: %zu", p->name, next);
    }
}

Test(growth_policy, plan_of_x2_is_the_closed_form)
{
    /* N appends from empty: capacities 1, 2, ..., 2^k >= N; every growth
     * but the first copies a full array: 1 + 2 + ... + 2^(k-1) elements. */
    for (size_t n = 1; n <= 2100; n++) {
        size_t k = 0;
        while (((size_t)1 << k) < n)
            k++;
        growth_plan g;
        cr_assert(growth_plan_appends(&growth_policies[GROWTH_X2], 8, n, false, &g));
        cr_assert_eq(g.capacity, (size_t)1 << k, "n %zu", n);
        cr_assert_eq(g.growths, k + 1, "n %zu", n);
        cr_assert_eq(g.reallocations, k, "n %zu", n);
        cr_assert_eq(g.bytes_copied, 8 * (((uint64_t)1 << k) - 1), "n %zu", n);
        uint64_t peak = k == 0 ? 8 : 8 * (((uint64_t)1 << k) + ((uint64_t)1 << (k - 1)));
        cr_assert_eq(g.peak_bytes, peak, "n %zu", n);
    }
}

Test(growth_policy, plan_with_reserve_never_reallocates)
{
    growth_plan g;
    cr_assert(growth_plan_appends(&growth_policies[GROWTH_PREALLOC], 24, 1000, true, &g));
    cr_assert_eq(g.capacity, 1000);
    cr_assert_eq(g.growths, 1);
    cr_assert_eq(g.reallocations, 0);
    cr_assert_eq(g.bytes_copied, 0);
    cr_assert_eq(g.peak_bytes, 24000);
    cr_assert(growth_plan_appends(&growth_policies[GROWTH_X2], 8, 0, false, &g));
    cr_assert_eq(g.growths, 0, "no appends, no growth");
    cr_assert_not(growth_plan_appends(NULL, 8, 10, false, &g));
    cr_assert_not(growth_plan_appends(&growth_policies[GROWTH_X2], 8, SIZE_MAX, false, &g));
}
