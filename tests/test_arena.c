/* test_arena.c - the bump arena: alignment, growth across blocks, reset,
 * release, resize, and a refused block leaving the arena intact. */
#include "alloc/arena.h"
#include "alloc/counting.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

static counting_allocator parent;
static arena a;

static void setup(void)
{
    counting_init(&parent, alloc_libc());
    arena_init(&a, &parent.base, 1024);
}

static void teardown(void)
{
    arena_release(&a);
    cr_assert_eq(parent.stats.live_bytes, 0, "the arena gave back every block");
}

TestSuite(arena, .init = setup, .fini = teardown);

Test(arena, allocates_nothing_until_asked)
{
    cr_assert_eq(a.blocks, 0);
    cr_assert_eq(parent.stats.alloc_calls, 0);
}

Test(arena, aligns_every_power_of_two_up_to_4096)
{
    arena big;
    arena_init(&big, &parent.base, 0);
    for (size_t align = 1; align <= 4096; align *= 2) {
        /* An odd-sized allocation first, so the next one needs padding. */
        char *odd = alloc_bytes(&big.base, 3, 1);
        char *p = alloc_bytes(&big.base, 40, align);
        cr_assert_not_null(odd);
        cr_assert_not_null(p, "align %zu", align);
        cr_assert_eq((uintptr_t)p % align, 0, "align %zu gave %p", align, (void *)p);
        cr_assert(p >= odd + 3, "align %zu overlaps the previous block", align);
        memset(p, 0xab, 40);
    }
    arena_release(&big);
}

Test(arena, aligns_in_a_fresh_block_too)
{
    /* Blocks of 1 KiB cannot hold 4096-byte padding: each request gets a
     * block of its own, sized for the worst case. */
    for (size_t align = 256; align <= 4096; align *= 2) {
        char *p = alloc_bytes(&a.base, 1000, align);
        cr_assert_not_null(p);
        cr_assert_eq((uintptr_t)p % align, 0, "align %zu", align);
        memset(p, 1, 1000);
    }
}

Test(arena, refuses_size_zero_and_bad_alignment)
{
    cr_assert_null(alloc_bytes(&a.base, 0, 8));
    cr_assert_null(alloc_bytes(&a.base, 8, 0));
    cr_assert_null(alloc_bytes(&a.base, 8, 24));
    cr_assert_null(alloc_bytes(&a.base, SIZE_MAX - 8, 16), "no wrapped size");
    cr_assert_eq(a.blocks, 0);
}

Test(arena, grows_by_chaining_blocks_and_keeps_earlier_ones)
{
    enum { N = 100 };
    unsigned char *p[N];
    for (int i = 0; i < N; i++) {
        p[i] = alloc_bytes(&a.base, 64, 8);
        cr_assert_not_null(p[i]);
        memset(p[i], i, 64);
    }
    /* 1024-byte blocks less a 16-byte header hold 15 objects of 64. */
    cr_assert_eq(a.blocks, (N + 14) / 15);
    cr_assert_eq(parent.stats.alloc_calls, a.blocks, "one parent call per block");
    cr_assert_eq(a.reserved, a.blocks * 1024);
    for (int i = 0; i < N; i++)
        for (int k = 0; k < 64; k++)
            cr_assert_eq(p[i][k], i, "object %d was overwritten", i);
}

Test(arena, a_large_request_gets_a_block_of_its_own)
{
    char *small = alloc_bytes(&a.base, 16, 8);
    char *large = alloc_bytes(&a.base, 5000, 8);
    cr_assert_not_null(small);
    cr_assert_not_null(large);
    memset(large, 7, 5000);
    cr_assert_eq(a.blocks, 2);
    cr_assert_geq(a.reserved, 1024 + 5000);
}

Test(arena, free_gives_nothing_back)
{
    void *p = alloc_bytes(&a.base, 100, 8);
    size_t live = parent.stats.live_bytes;
    alloc_free(&a.base, p, 100);
    alloc_free(&a.base, NULL, 0);
    cr_assert_eq(parent.stats.live_bytes, live);
    cr_assert_eq(parent.stats.free_calls, 0);
}

Test(arena, reset_reuses_every_block_without_asking_the_parent)
{
    void *first[40];
    for (int i = 0; i < 40; i++)
        first[i] = alloc_bytes(&a.base, 64, 8);
    size_t blocks = a.blocks;
    uint64_t calls = parent.stats.alloc_calls;
    arena_reset(&a);
    for (int i = 0; i < 40; i++) {
        void *again = alloc_bytes(&a.base, 64, 8);
        cr_assert_eq(again, first[i], "allocation %d did not reuse its slot", i);
    }
    cr_assert_eq(a.blocks, blocks);
    cr_assert_eq(parent.stats.alloc_calls, calls);
}

Test(arena, reset_then_a_larger_request_inserts_a_block)
{
    for (int i = 0; i < 30; i++)
        cr_assert_not_null(alloc_bytes(&a.base, 64, 8));
    arena_reset(&a);
    cr_assert_not_null(alloc_bytes(&a.base, 900, 8));
    cr_assert_not_null(alloc_bytes(&a.base, 3000, 8), "larger than any kept block");
    cr_assert_not_null(alloc_bytes(&a.base, 900, 8));
    cr_assert_eq(a.blocks, 3);
}

Test(arena, reset_and_release_of_an_empty_arena_do_nothing)
{
    arena_reset(&a);
    arena_release(&a);
    arena_release(&a);
    cr_assert_eq(a.blocks, 0);
    cr_assert_not_null(alloc_bytes(&a.base, 8, 8), "usable after release");
}

Test(arena, release_returns_every_block_and_the_arena_is_reusable)
{
    for (int i = 0; i < 50; i++)
        cr_assert_not_null(alloc_bytes(&a.base, 100, 16));
    cr_assert_gt(parent.stats.live_bytes, 0);
    arena_release(&a);
    cr_assert_eq(parent.stats.live_bytes, 0);
    cr_assert_eq(parent.stats.free_calls, parent.stats.alloc_calls);
    cr_assert_eq(a.blocks, 0);
    cr_assert_eq(a.reserved, 0);
    cr_assert_not_null(alloc_bytes(&a.base, 100, 16));
}

Test(arena, a_refused_block_leaves_the_arena_as_it_was)
{
    char *p = alloc_bytes(&a.base, 900, 8);
    cr_assert_not_null(p);
    memset(p, 5, 900);
    counting_fail_at(&parent, 1);
    cr_assert_null(alloc_bytes(&a.base, 900, 8), "needs a second block");
    cr_assert_eq(a.blocks, 1);
    cr_assert_eq(p[899], 5);
    cr_assert_not_null(alloc_bytes(&a.base, 64, 8), "room left in the first block");
    cr_assert_not_null(alloc_bytes(&a.base, 900, 8), "only the chosen request failed");
    cr_assert_eq(a.blocks, 2);
}

Test(arena, the_first_block_can_be_refused)
{
    counting_fail_at(&parent, 1);
    cr_assert_null(alloc_bytes(&a.base, 8, 8));
    cr_assert_eq(a.blocks, 0);
    cr_assert_null(a.first);
    cr_assert_not_null(alloc_bytes(&a.base, 8, 8));
}

Test(arena, resize_grows_the_newest_allocation_in_place)
{
    char *p = a.base.resize(&a.base, NULL, 0, 10, 8);
    cr_assert_not_null(p);
    strcpy(p, "arena");
    char *q = a.base.resize(&a.base, p, 10, 200, 8);
    cr_assert_eq(q, p);
    char *r = a.base.resize(&a.base, q, 200, 50, 8);
    cr_assert_eq(r, p);
    char *next = alloc_bytes(&a.base, 8, 8);
    cr_assert_eq(next, p + 56, "shrinking gave the room back");
}

Test(arena, resize_of_an_older_allocation_copies)
{
    char *p = alloc_bytes(&a.base, 16, 8);
    strcpy(p, "older");
    cr_assert_not_null(alloc_bytes(&a.base, 16, 8));
    char *q = a.base.resize(&a.base, p, 16, 600, 8);
    cr_assert_not_null(q);
    cr_assert_neq(q, p);
    cr_assert_str_eq(q, "older");
    cr_assert_eq(a.base.resize(&a.base, q, 600, 8, 8), q, "shrinking stays in place");
}

Test(arena, a_failed_resize_keeps_the_block)
{
    char *p = alloc_bytes(&a.base, 16, 8);
    strcpy(p, "kept");
    cr_assert_not_null(alloc_bytes(&a.base, 16, 8));
    counting_fail_at(&parent, 1);
    cr_assert_null(a.base.resize(&a.base, p, 16, 4000, 8));
    cr_assert_str_eq(p, "kept");
    cr_assert_null(a.base.resize(&a.base, p, 16, 0, 8));
    cr_assert_null(a.base.resize(&a.base, p, 16, 32, 3));
}

Test(arena, a_tiny_block_size_is_raised)
{
    arena tiny;
    arena_init(&tiny, &parent.base, 1);
    cr_assert_eq(tiny.block_size, 256);
    cr_assert_not_null(alloc_bytes(&tiny.base, 100, 8));
    arena_release(&tiny);
}
