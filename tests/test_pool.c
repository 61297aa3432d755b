/* test_pool.c - the fixed-size pool: slot sizes, LIFO reuse, slabs,
 * alignment, refused requests and a refused slab. */
#include "alloc/counting.h"
#include "alloc/pool.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

static counting_allocator parent;
static pool p;

static void setup(void)
{
    counting_init(&parent, alloc_libc());
    cr_assert(pool_init(&p, &parent.base, 24, 8, 4));
}

static void teardown(void)
{
    pool_release(&p);
    cr_assert_eq(parent.stats.live_bytes, 0, "the pool gave back every slab");
}

TestSuite(pool, .init = setup, .fini = teardown);

Test(pool, rejects_bad_arguments)
{
    pool q;
    cr_assert_not(pool_init(&q, NULL, 24, 8, 4));
    cr_assert_not(pool_init(&q, &parent.base, 0, 8, 4));
    cr_assert_not(pool_init(&q, &parent.base, 24, 0, 4));
    cr_assert_not(pool_init(&q, &parent.base, 24, 12, 4));
    cr_assert_not(pool_init(&q, &parent.base, 24, 8192, 4));
    cr_assert_not(pool_init(&q, &parent.base, 24, 8, 0));
    cr_assert_not(pool_init(&q, &parent.base, SIZE_MAX - 4, 8, 1), "slot size wraps");
    cr_assert_not(pool_init(&q, &parent.base, 1 << 20, 8, SIZE_MAX / 1024), "slab wraps");
}

Test(pool, slots_hold_a_pointer_and_keep_the_alignment)
{
    pool q;
    cr_assert(pool_init(&q, &parent.base, 1, 1, 8));
    cr_assert_eq(pool_slot_size(&q), sizeof(void *));
    cr_assert(pool_init(&q, &parent.base, 20, 16, 8));
    cr_assert_eq(pool_slot_size(&q), 32);
    cr_assert_eq(pool_slot_size(&p), 24);
}

Test(pool, allocates_nothing_until_asked)
{
    cr_assert_eq(p.slab_count, 0);
    cr_assert_eq(parent.stats.alloc_calls, 0);
}

Test(pool, fresh_slots_come_in_address_order)
{
    char *a = alloc_bytes(&p.base, 24, 8);
    char *b = alloc_bytes(&p.base, 24, 8);
    char *c = alloc_bytes(&p.base, 24, 8);
    cr_assert_eq(b, a + 24);
    cr_assert_eq(c, b + 24);
}

Test(pool, reuses_the_most_recently_freed_slot_first)
{
    void *a = alloc_bytes(&p.base, 24, 8);
    void *b = alloc_bytes(&p.base, 24, 8);
    void *c = alloc_bytes(&p.base, 24, 8);
    alloc_free(&p.base, a, 24);
    alloc_free(&p.base, b, 24);
    alloc_free(&p.base, c, 24);
    cr_assert_eq(p.live, 0);
    cr_assert_eq(alloc_bytes(&p.base, 24, 8), c);
    cr_assert_eq(alloc_bytes(&p.base, 24, 8), b);
    cr_assert_eq(alloc_bytes(&p.base, 24, 8), a);
    cr_assert_eq(p.slab_count, 1, "reuse takes no new slab");
}

Test(pool, takes_a_slab_per_slots_per_slab_objects)
{
    enum { N = 10 };
    unsigned char *obj[N];
    for (int i = 0; i < N; i++) {
        obj[i] = alloc_bytes(&p.base, 24, 8);
        cr_assert_not_null(obj[i]);
        memset(obj[i], i, 24);
    }
    cr_assert_eq(p.slab_count, 3);
    cr_assert_eq(parent.stats.alloc_calls, 3);
    cr_assert_eq(p.live, N);
    for (int i = 0; i < N; i++)
        for (int k = 0; k < 24; k++)
            cr_assert_eq(obj[i][k], i, "slot %d was overwritten", i);
}

Test(pool, accepts_smaller_requests_and_refuses_larger_ones)
{
    cr_assert_not_null(alloc_bytes(&p.base, 1, 1));
    cr_assert_not_null(alloc_bytes(&p.base, 24, 4));
    cr_assert_null(alloc_bytes(&p.base, 25, 8));
    cr_assert_null(alloc_bytes(&p.base, 8, 16));
    cr_assert_null(alloc_bytes(&p.base, 0, 8));
    cr_assert_null(alloc_bytes(&p.base, 8, 3));
    cr_assert_eq(p.live, 2);
}

Test(pool, aligns_every_power_of_two_up_to_4096)
{
    for (size_t align = 1; align <= 4096; align *= 2) {
        pool q;
        cr_assert(pool_init(&q, &parent.base, 40, align, 3));
        for (int i = 0; i < 7; i++) {
            void *s = alloc_bytes(&q.base, 40, align);
            cr_assert_not_null(s);
            cr_assert_eq((uintptr_t)s % align, 0, "align %zu gave %p", align, s);
            memset(s, 0xcd, 40);
        }
        pool_release(&q);
    }
}

Test(pool, a_refused_slab_leaves_the_pool_as_it_was)
{
    void *kept[4];
    for (int i = 0; i < 4; i++)
        kept[i] = alloc_bytes(&p.base, 24, 8);
    counting_fail_at(&parent, 1);
    cr_assert_null(alloc_bytes(&p.base, 24, 8), "the second slab was refused");
    cr_assert_eq(p.slab_count, 1);
    cr_assert_eq(p.live, 4);
    alloc_free(&p.base, kept[2], 24);
    cr_assert_eq(alloc_bytes(&p.base, 24, 8), kept[2], "the free list still works");
    cr_assert_not_null(alloc_bytes(&p.base, 24, 8), "only the chosen request failed");
    cr_assert_eq(p.slab_count, 2);
}

Test(pool, free_of_null_does_nothing)
{
    alloc_free(&p.base, NULL, 24);
    cr_assert_eq(p.live, 0);
    cr_assert_null(p.free_list);
}

Test(pool, resize_stays_in_the_slot_or_refuses)
{
    char *s = p.base.resize(&p.base, NULL, 0, 10, 8);
    cr_assert_not_null(s);
    strcpy(s, "slot");
    cr_assert_eq(p.base.resize(&p.base, s, 10, 24, 8), s);
    cr_assert_null(p.base.resize(&p.base, s, 24, 25, 8));
    cr_assert_str_eq(s, "slot", "a refused resize keeps the block");
}

Test(pool, release_returns_every_slab_and_the_pool_is_reusable)
{
    for (int i = 0; i < 9; i++)
        cr_assert_not_null(alloc_bytes(&p.base, 24, 8));
    pool_release(&p);
    cr_assert_eq(parent.stats.live_bytes, 0);
    cr_assert_eq(p.slab_count, 0);
    cr_assert_eq(p.live, 0);
    cr_assert_not_null(alloc_bytes(&p.base, 24, 8));
    pool_release(&p);
    pool_release(&p);
}
