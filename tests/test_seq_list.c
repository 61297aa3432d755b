/* test_seq_list.c - positional insert and remove in a linked list: the
 * same answers as a plain reference, exact links followed, nodes from any
 * allocator (a pool too), scattered builds, every failed allocation
 * leaves the list as it was, bad positions refused. */
#include "alloc/counting.h"
#include "alloc/pool.h"
#include "harness/rng.h"
#include "insert/seq_list.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

TestSuite(seq_list, .init = setup);

static void assert_values(const seq_list *l, const int64_t *want, size_t n)
{
    cr_assert_eq(l->len, n);
    size_t i = 0;
    for (const seq_node *p = l->head; p; p = p->next, i++) {
        cr_assert_lt(i, n, "more nodes than len");
        cr_assert_eq(p->value, want[i], "position %zu", i);
    }
    cr_assert_eq(i, n);
}

Test(seq_list, starts_empty_and_allocates_nothing)
{
    seq_list l;
    seq_list_init(&l, &c.base);
    cr_assert_null(l.head);
    cr_assert_eq(l.len, 0);
    cr_assert_eq(c.stats.alloc_calls, 0);
    seq_list_destroy(&l);
}

Test(seq_list, insert_and_remove_at_both_ends_and_in_the_middle)
{
    seq_list l;
    seq_list_init(&l, &c.base);
    cr_assert_eq(seq_list_insert(&l, 0, 20), SEQ_OK);
    cr_assert_eq(seq_list_insert(&l, 0, 10), SEQ_OK);
    cr_assert_eq(seq_list_insert(&l, 2, 40), SEQ_OK);
    cr_assert_eq(seq_list_insert(&l, 2, 30), SEQ_OK);
    assert_values(&l, (int64_t[]){10, 20, 30, 40}, 4);
    cr_assert_eq(c.stats.live_blocks, 4, "one node per element");
    cr_assert_eq(c.stats.live_bytes, 4 * sizeof(seq_node));
    int64_t v;
    cr_assert_eq(seq_list_remove(&l, 3, &v), SEQ_OK);
    cr_assert_eq(v, 40);
    cr_assert_eq(seq_list_remove(&l, 0, &v), SEQ_OK);
    cr_assert_eq(v, 10);
    cr_assert_eq(seq_list_remove(&l, 0, NULL), SEQ_OK);
    assert_values(&l, (int64_t[]){30}, 1);
    cr_assert_eq(seq_list_remove(&l, 0, &v), SEQ_OK);
    cr_assert_eq(v, 30);
    cr_assert_null(l.head);
    cr_assert_eq(c.stats.live_bytes, 0, "removed nodes are freed");
    seq_list_destroy(&l);
}

Test(seq_list, counts_exactly_the_links_it_follows)
{
    seq_list l;
    seq_list_init(&l, &c.base);
    for (int64_t i = 0; i < 10; i++)
        cr_assert_eq(seq_list_insert(&l, 0, i), SEQ_OK);
    cr_assert_eq(l.hops, 0, "the head needs no walk");
    cr_assert_eq(seq_list_insert(&l, 7, 99), SEQ_OK);
    cr_assert_eq(l.hops, 6, "to the node before position 7");
    cr_assert_eq(seq_list_remove(&l, 10, NULL), SEQ_OK);
    cr_assert_eq(l.hops, 6 + 9);
    cr_assert_eq(seq_list_remove(&l, 1, NULL), SEQ_OK);
    cr_assert_eq(l.hops, 6 + 9 + 0);
    seq_list_destroy(&l);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(seq_list, bad_positions_are_refused_and_change_nothing)
{
    seq_list l;
    seq_list_init(&l, &c.base);
    int64_t v = 7;
    cr_assert_eq(seq_list_remove(&l, 0, &v), SEQ_BAD_POSITION, "empty");
    cr_assert_eq(v, 7);
    cr_assert_eq(seq_list_insert(&l, 1, 5), SEQ_BAD_POSITION);
    cr_assert_eq(c.stats.alloc_calls, 0, "refused before allocating");
    cr_assert_eq(seq_list_insert(&l, 0, 5), SEQ_OK);
    cr_assert_eq(seq_list_insert(&l, 2, 6), SEQ_BAD_POSITION);
    cr_assert_eq(seq_list_remove(&l, 1, &v), SEQ_BAD_POSITION);
    cr_assert_eq(seq_list_remove(&l, SIZE_MAX, &v), SEQ_BAD_POSITION);
    assert_values(&l, (int64_t[]){5}, 1);
    seq_list_destroy(&l);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(seq_list, a_failed_node_allocation_changes_nothing)
{
    seq_list l;
    seq_list_init(&l, &c.base);
    for (int64_t i = 0; i < 5; i++)
        cr_assert_eq(seq_list_insert(&l, (size_t)i, i), SEQ_OK);
    counting_fail_at(&c, 1);
    cr_assert_eq(seq_list_insert(&l, 2, 99), SEQ_NO_MEMORY);
    assert_values(&l, (int64_t[]){0, 1, 2, 3, 4}, 5);
    cr_assert_eq(seq_list_insert(&l, 2, 99), SEQ_OK, "only that request failed");
    seq_list_destroy(&l);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(seq_list, builds_scattered_in_order_of_values_but_not_of_addresses)
{
    enum { N = 1000 };
    int64_t values[N];
    for (size_t i = 0; i < N; i++)
        values[i] = (int64_t)i * 3;
    counting_allocator scratch;
    counting_init(&scratch, alloc_libc());
    seq_list l;
    seq_list_init(&l, &c.base);
    cr_assert_eq(seq_list_build_scattered(&l, values, N, 42, &scratch.base), SEQ_OK);
    assert_values(&l, values, N);
    cr_assert_eq(c.stats.live_blocks, N, "the temporaries are not the list's");
    cr_assert_eq(scratch.stats.live_bytes, 0, "temporaries freed");
    cr_assert_gt(scratch.stats.alloc_calls, 0);
    /* Scattered: successive nodes are rarely at ascending addresses. */
    size_t ascending = 0;
    for (const seq_node *p = l.head; p->next; p = p->next)
        ascending += (uintptr_t)p->next > (uintptr_t)p;
    cr_assert_gt(ascending, N / 4);
    cr_assert_lt(ascending, 3 * N / 4, "%zu of %d links go up", ascending, N);
    seq_list_destroy(&l);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(seq_list, scattered_build_of_nothing_and_of_one)
{
    counting_allocator scratch;
    counting_init(&scratch, alloc_libc());
    seq_list l;
    seq_list_init(&l, &c.base);
    cr_assert_eq(seq_list_build_scattered(&l, NULL, 0, 1, &scratch.base), SEQ_OK);
    cr_assert_eq(l.len, 0);
    cr_assert_eq(c.stats.alloc_calls + scratch.stats.alloc_calls, 0);
    int64_t one = 5;
    cr_assert_eq(seq_list_build_scattered(&l, &one, 1, 1, &scratch.base), SEQ_OK);
    assert_values(&l, &one, 1);
    cr_assert_eq(seq_list_build_scattered(&l, &one, 1, 1, &scratch.base), SEQ_BAD_POSITION,
                 "only into an empty list");
    assert_values(&l, &one, 1);
    seq_list_destroy(&l);
    cr_assert_eq(c.stats.live_bytes, 0);
}

/* Every request of the build, failed in turn: nodes and temporaries all go
 * back, the list stays empty and usable. */
Test(seq_list, every_failed_allocation_of_a_build_leaves_nothing)
{
    enum { N = 20 };
    int64_t values[N];
    for (size_t i = 0; i < N; i++)
        values[i] = (int64_t)i;
    for (uint64_t k = 1;; k++) {
        counting_init(&c, alloc_libc());
        seq_list l;
        seq_list_init(&l, &c.base);
        /* Nodes and temporaries from one counter, so k walks over both. */
        counting_fail_at(&c, k);
        seq_status st = seq_list_build_scattered(&l, values, N, 3, &c.base);
        if (st == SEQ_OK) {
            assert_values(&l, values, N);
            seq_list_destroy(&l);
            cr_assert_eq(k, N + 3, "two temporaries and N nodes, then success");
            break;
        }
        cr_assert_eq(st, SEQ_NO_MEMORY);
        cr_assert_eq(l.len, 0);
        cr_assert_null(l.head);
        cr_assert_eq(c.stats.live_bytes, 0, "k=%llu leaked", (unsigned long long)k);
        cr_assert_eq(seq_list_insert(&l, 0, 1), SEQ_OK, "still usable");
        seq_list_destroy(&l);
    }
}

Test(seq_list, runs_on_a_pool_of_node_sized_slots)
{
    pool p;
    cr_assert(pool_init(&p, &c.base, sizeof(seq_node), alignof(seq_node), 64));
    seq_list l;
    seq_list_init(&l, &p.base);
    for (int64_t i = 0; i < 200; i++)
        cr_assert_eq(seq_list_insert(&l, (size_t)i / 2, i), SEQ_OK);
    for (int i = 0; i < 100; i++)
        cr_assert_eq(seq_list_remove(&l, 0, NULL), SEQ_OK);
    cr_assert_eq(l.len, 100);
    cr_assert_eq(p.slab_count, 4, "200 nodes at most, 64 slots a slab");
    cr_assert_eq(p.live, 100);
    seq_list_destroy(&l);
    pool_release(&p);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(seq_list, matches_a_reference_over_random_operations)
{
    seq_list l;
    seq_list_init(&l, &c.base);
    int64_t ref[300];
    size_t len = 0;
    rng r = rng_seeded(7);
    for (int64_t op = 0; op < 3000; op++) {
        bool insert = len == 0 || (len < 300 && rng_below(&r, 2));
        if (insert) {
            size_t pos = (size_t)rng_below(&r, len + 1);
            for (size_t i = len; i > pos; i--)
                ref[i] = ref[i - 1];
            ref[pos] = op;
            len++;
            cr_assert_eq(seq_list_insert(&l, pos, op), SEQ_OK);
        } else {
            size_t pos = (size_t)rng_below(&r, len);
            int64_t want = ref[pos], got;
            for (size_t i = pos; i + 1 < len; i++)
                ref[i] = ref[i + 1];
            len--;
            cr_assert_eq(seq_list_remove(&l, pos, &got), SEQ_OK);
            cr_assert_eq(got, want);
        }
    }
    assert_values(&l, ref, len);
    seq_list_destroy(&l);
    cr_assert_eq(c.stats.live_bytes, 0);
}
