/* test_alloc_blocks.c - a chain of blocks goes back to the parent whole:
 * every block once, with its own size; an empty chain frees nothing. */
#include "alloc/blocks.h"
#include "alloc/counting.h"

#include <criterion/criterion.h>
#include <stdalign.h>

/* A block of 'bytes' from c, put in front of 'next'. */
static alloc_block *block(counting_allocator *c, size_t bytes, alloc_block *next)
{
    alloc_block *b = alloc_bytes(&c->base, bytes, alignof(alloc_block));
    cr_assert_not_null(b);
    b->next = next;
    b->bytes = bytes;
    return b;
}

Test(alloc_blocks, every_block_goes_back_with_its_size)
{
    counting_allocator c;
    counting_init(&c, alloc_libc());
    alloc_block *chain = block(&c, 64, NULL);
    chain = block(&c, 4096, chain);
    chain = block(&c, 100, chain);
    cr_assert_eq(c.stats.live_bytes, 64 + 4096 + 100);
    alloc_blocks_free(&c.base, chain);
    cr_assert_eq(c.stats.free_calls, 3);
    cr_assert_eq(c.stats.live_bytes, 0, "each freed with the size it was asked with");
    cr_assert_eq(c.stats.live_blocks, 0);
}

Test(alloc_blocks, an_empty_chain_frees_nothing)
{
    counting_allocator c;
    counting_init(&c, alloc_libc());
    alloc_blocks_free(&c.base, NULL);
    cr_assert_eq(c.stats.free_calls, 0);
}
