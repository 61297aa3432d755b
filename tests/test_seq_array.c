/* test_seq_array.c - positional insert and remove in a memmove array: the
 * same answers as a plain reference, exact bytes moved, growth, every
 * failed allocation leaves the array as it was, bad positions refused. */
#include "alloc/counting.h"
#include "harness/rng.h"
#include "insert/seq_array.h"

#include <criterion/criterion.h>
#include <stdlib.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

TestSuite(seq_array, .init = setup);

Test(seq_array, starts_empty_and_allocates_nothing)
{
    seq_array s;
    seq_array_init(&s, &c.base);
    cr_assert_eq(s.len, 0);
    cr_assert_eq(c.stats.alloc_calls, 0);
    seq_array_destroy(&s);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(seq_array, insert_and_remove_at_both_ends_and_in_the_middle)
{
    seq_array s;
    seq_array_init(&s, &c.base);
    cr_assert_eq(seq_array_insert(&s, 0, 20), SEQ_OK);  /* [20] */
    cr_assert_eq(seq_array_insert(&s, 0, 10), SEQ_OK);  /* [10 20] */
    cr_assert_eq(seq_array_insert(&s, 2, 40), SEQ_OK);  /* [10 20 40] */
    cr_assert_eq(seq_array_insert(&s, 2, 30), SEQ_OK);  /* [10 20 30 40] */
    int64_t want[] = {10, 20, 30, 40};
    cr_assert_eq(s.len, 4);
    cr_assert_arr_eq(s.data, want, sizeof want);
    int64_t v;
    cr_assert_eq(seq_array_remove(&s, 3, &v), SEQ_OK);
    cr_assert_eq(v, 40);
    cr_assert_eq(seq_array_remove(&s, 0, &v), SEQ_OK);
    cr_assert_eq(v, 10);
    cr_assert_eq(seq_array_remove(&s, 0, NULL), SEQ_OK);
    cr_assert_eq(seq_array_remove(&s, 0, &v), SEQ_OK);
    cr_assert_eq(v, 30);
    cr_assert_eq(s.len, 0);
    seq_array_destroy(&s);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(seq_array, counts_exactly_the_bytes_it_shifts)
{
    seq_array s;
    seq_array_init(&s, &c.base);
    for (int64_t i = 0; i < 10; i++)
        cr_assert_eq(seq_array_insert(&s, s.len, i), SEQ_OK);
    cr_assert_eq(s.moved_bytes, 0, "appending shifts nothing");
    cr_assert_eq(seq_array_insert(&s, 3, 99), SEQ_OK);
    cr_assert_eq(s.moved_bytes, 7 * sizeof(int64_t));
    cr_assert_eq(seq_array_remove(&s, 0, NULL), SEQ_OK);
    cr_assert_eq(s.moved_bytes, (7 + 10) * sizeof(int64_t));
    cr_assert_eq(seq_array_remove(&s, s.len - 1, NULL), SEQ_OK);
    cr_assert_eq(s.moved_bytes, (7 + 10) * sizeof(int64_t), "the last moves nothing");
    seq_array_destroy(&s);
}

Test(seq_array, grows_by_doubling_and_keeps_contents)
{
    seq_array s;
    seq_array_init(&s, &c.base);
    size_t last_cap = 0, growths = 0;
    for (int64_t i = 0; i < 1000; i++) {
        cr_assert_eq(seq_array_insert(&s, 0, i), SEQ_OK);
        if (s.cap != last_cap) {
            cr_assert(last_cap == 0 || s.cap == 2 * last_cap, "cap %zu after %zu", s.cap, last_cap);
            last_cap = s.cap;
            growths++;
        }
    }
    cr_assert_eq(s.cap, 1024);
    cr_assert_eq(growths, 8, "8, 16, ... 1024");
    for (size_t i = 0; i < 1000; i++)
        cr_assert_eq(s.data[i], 999 - (int64_t)i);
    cr_assert_eq(c.stats.live_bytes, 1024 * sizeof(int64_t));
    seq_array_destroy(&s);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(seq_array, reserve_never_shrinks_and_refuses_an_overflowing_size)
{
    seq_array s;
    seq_array_init(&s, &c.base);
    cr_assert_eq(seq_array_reserve(&s, 100), SEQ_OK);
    cr_assert_eq(s.cap, 100);
    cr_assert_eq(seq_array_reserve(&s, 10), SEQ_OK);
    cr_assert_eq(s.cap, 100);
    cr_assert_eq(seq_array_reserve(&s, SIZE_MAX / 4), SEQ_NO_MEMORY);
    cr_assert_eq(s.cap, 100);
    seq_array_destroy(&s);
}

Test(seq_array, bad_positions_are_refused_and_change_nothing)
{
    seq_array s;
    seq_array_init(&s, &c.base);
    int64_t v = 7;
    cr_assert_eq(seq_array_remove(&s, 0, &v), SEQ_BAD_POSITION, "empty");
    cr_assert_eq(v, 7);
    cr_assert_eq(seq_array_insert(&s, 1, 5), SEQ_BAD_POSITION);
    cr_assert_eq(c.stats.alloc_calls, 0, "refused before allocating");
    cr_assert_eq(seq_array_insert(&s, 0, 5), SEQ_OK);
    cr_assert_eq(seq_array_insert(&s, 3, 6), SEQ_BAD_POSITION);
    cr_assert_eq(seq_array_remove(&s, 1, &v), SEQ_BAD_POSITION);
    cr_assert_eq(seq_array_remove(&s, SIZE_MAX, &v), SEQ_BAD_POSITION);
    cr_assert_eq(s.len, 1);
    cr_assert_eq(s.data[0], 5);
    seq_array_destroy(&s);
}

/* Fails the k-th allocation request for every k until a run of inserts
 * succeeds: each failure reports SEQ_NO_MEMORY and leaves the elements
 * in place; nothing leaks. */
Test(seq_array, every_failed_growth_leaves_the_array_intact)
{
    for (uint64_t k = 1;; k++) {
        counting_init(&c, alloc_libc());
        seq_array s;
        seq_array_init(&s, &c.base);
        counting_fail_at(&c, k);
        bool failed = false;
        for (int64_t i = 0; i < 100; i++) {
            size_t before = s.len;
            seq_status st = seq_array_insert(&s, s.len / 2, i);
            if (st != SEQ_OK) {
                cr_assert_eq(st, SEQ_NO_MEMORY);
                cr_assert_eq(s.len, before);
                failed = true;
            }
        }
        /* Every element there is one of the values, each at most once. */
        int64_t seen[100] = {0};
        for (size_t i = 0; i < s.len; i++)
            cr_assert_eq(seen[s.data[i]]++, 0);
        cr_assert_eq(s.len, failed ? 99 : 100);
        seq_array_destroy(&s);
        cr_assert_eq(c.stats.live_bytes, 0, "k=%llu leaked", (unsigned long long)k);
        if (!failed)
            break;
        cr_assert_lt(k, 100);
    }
}

/* A long random mix against a reference shifted one element at a time. */
Test(seq_array, matches_a_reference_over_random_operations)
{
    seq_array s;
    seq_array_init(&s, &c.base);
    int64_t ref[600];
    size_t len = 0;
    rng r = rng_seeded(99);
    for (int64_t op = 0; op < 5000; op++) {
        bool insert = len == 0 || (len < 600 && rng_below(&r, 2));
        if (insert) {
            size_t pos = (size_t)rng_below(&r, len + 1);
            for (size_t i = len; i > pos; i--)
                ref[i] = ref[i - 1];
            ref[pos] = op;
            len++;
            cr_assert_eq(seq_array_insert(&s, pos, op), SEQ_OK);
        } else {
            size_t pos = (size_t)rng_below(&r, len);
            int64_t want = ref[pos], got;
            for (size_t i = pos; i + 1 < len; i++)
                ref[i] = ref[i + 1];
            len--;
            cr_assert_eq(seq_array_remove(&s, pos, &got), SEQ_OK);
            cr_assert_eq(got, want);
        }
        cr_assert_eq(s.len, len);
    }
    cr_assert_arr_eq(s.data, ref, len * sizeof *ref);
    seq_array_destroy(&s);
}
