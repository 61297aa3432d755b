/* test_slice.c - claim G4: a copied slice header shares its array, a copied
 * array does not; slicing bounds; and (G3 in miniature) a small view keeps
 * a big block live where a clone does not. */
#include "alloc/counting.h"
#include "growth/slice.h"

#include <criterion/criterion.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

TestSuite(slice, .init = setup);

/* A Go array value: [3]int64.  A struct holding an array is copied whole
 * by assignment, as a Go array is. */
typedef struct i64x3 {
    int64_t v[3];
} i64x3;

Test(slice, mutation_through_a_copied_header_is_seen_by_the_original)
{
    /* a := []int64{1, 2, 3}; b := a; b[0] = 99 */
    int64_t backing[3] = {1, 2, 3};
    slice_i64 a = slice_i64_of(backing, 3, 3);
    slice_i64 b = a;
    b.ptr[0] = 99;
    cr_assert_eq(a.ptr[0], 99, "a sees b's write: one array, two headers");
    cr_assert_eq(a.ptr, b.ptr);
    cr_assert_eq(backing[0], 99);
}

Test(slice, mutation_through_a_copied_array_is_not)
{
    /* a := [3]int64{1, 2, 3}; b := a; b[0] = 99 */
    i64x3 a = {{1, 2, 3}};
    i64x3 b = a;
    b.v[0] = 99;
    cr_assert_eq(a.v[0], 1, "b is a copy of the values");
    cr_assert_eq(b.v[0], 99);
    cr_assert_neq(a.v, b.v);
}

Test(slice, a_header_passed_by_value_still_writes_the_callers_array)
{
    int64_t backing[4] = {0};
    slice_i64 s = slice_i64_of(backing, 4, 4);
    slice_i64 inner;
    cr_assert(slice_i64_sub(s, 1, 3, &inner));
    inner.ptr[0] = 7; /* the callee's header is a copy; the array is not */
    cr_assert_eq(backing[1], 7);
    cr_assert_eq(s.ptr[1], 7);
}

Test(slice, sub_follows_gos_bounds_and_capacity)
{
    int64_t backing[8] = {0, 1, 2, 3, 4, 5, 6, 7};
    slice_i64 s = slice_i64_of(backing, 5, 8), t;
    cr_assert(slice_i64_sub(s, 2, 4, &t));
    cr_assert_eq(t.ptr, backing + 2);
    cr_assert_eq(t.len, 2);
    cr_assert_eq(t.cap, 6, "capacity runs to the end of the array");
    cr_assert(slice_i64_sub(s, 0, 8, &t), "up to cap, past len, as s[:cap(s)]");
    cr_assert_eq(t.len, 8);
    cr_assert(slice_i64_sub(s, 8, 8, &t), "empty at the end");
    cr_assert_eq(t.len, 0);
    cr_assert_eq(t.cap, 0);
    slice_i64 untouched = {NULL, 42, 42};
    t = untouched;
    cr_assert_not(slice_i64_sub(s, 3, 2, &t), "lo > hi");
    cr_assert_not(slice_i64_sub(s, 0, 9, &t), "hi > cap");
    cr_assert_eq(t.len, 42, "left alone on failure");
    cr_assert_not(slice_i64_sub(s, 0, 1, NULL));
}

Test(slice, clone_shares_nothing_and_allocates_exactly_len)
{
    int64_t backing[6] = {10, 11, 12, 13, 14, 15};
    slice_i64 s = slice_i64_of(backing, 6, 6), head, copy;
    cr_assert(slice_i64_sub(s, 1, 4, &head));
    cr_assert(slice_i64_clone(head, &c.base, &copy));
    cr_assert_eq(copy.len, 3);
    cr_assert_eq(copy.cap, 3);
    cr_assert_eq(c.stats.alloc_calls, 1);
    cr_assert_eq(c.stats.live_bytes, 3 * sizeof(int64_t));
    copy.ptr[0] = -1;
    cr_assert_eq(backing[1], 11, "the clone's writes stay in the clone");
    cr_assert_eq(copy.ptr[2], 13);
    slice_i64_free(&copy, &c.base);
    cr_assert_null(copy.ptr);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(slice, clone_of_empty_allocates_nothing)
{
    slice_i64 empty = {NULL, 0, 0}, copy;
    cr_assert(slice_i64_clone(empty, &c.base, &copy));
    cr_assert_null(copy.ptr);
    cr_assert_eq(copy.len, 0);
    cr_assert_eq(c.stats.alloc_calls, 0);
    slice_i64_free(&copy, &c.base); /* no-op */
    slice_i64_free(NULL, &c.base);
    cr_assert_eq(c.stats.free_calls, 0);
}

Test(slice, failed_clone_reports_and_leaks_nothing)
{
    int64_t backing[3] = {1, 2, 3};
    slice_i64 s = slice_i64_of(backing, 3, 3), copy = {NULL, 99, 99};
    counting_fail_at(&c, 1);
    cr_assert_not(slice_i64_clone(s, &c.base, &copy));
    cr_assert_eq(copy.len, 99, "out untouched");
    cr_assert_eq(c.stats.failed_calls, 1);
    cr_assert_eq(c.stats.live_bytes, 0);
    cr_assert_not(slice_i64_clone(s, NULL, &copy));
    cr_assert_not(slice_i64_clone(s, &c.base, NULL));
    cr_assert(slice_i64_clone(s, &c.base, &copy), "the next request succeeds");
    slice_i64_free(&copy, &c.base);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(slice, a_small_view_keeps_the_whole_block_a_clone_does_not)
{
    /* small := big[:10] keeps big; append([]int64(nil), big[:10]...) not. */
    const size_t big_len = (1 << 20) / sizeof(int64_t);
    int64_t *big = ALLOC_ARRAY(&c.base, int64_t, big_len);
    cr_assert_not_null(big);
    for (size_t i = 0; i < big_len; i++)
        big[i] = (int64_t)i;
    slice_i64 whole = slice_i64_of(big, big_len, big_len), small, copy;
    cr_assert(slice_i64_sub(whole, 0, 10, &small));
    cr_assert_eq(c.stats.live_bytes, (size_t)1 << 20, "the view holds 1 MiB live");

    cr_assert(slice_i64_clone(small, &c.base, &copy));
    slice_i64_free(&whole, &c.base);
    cr_assert_eq(c.stats.live_bytes, 10 * sizeof(int64_t), "only the copy is left");
    for (size_t i = 0; i < 10; i++)
        cr_assert_eq(copy.ptr[i], (int64_t)i);
    slice_i64_free(&copy, &c.base);
    cr_assert_eq(c.stats.live_bytes, 0);
}
