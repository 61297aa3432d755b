/*
 * blocks.h - the blocks an allocator takes from its parent, chained
 * through a header at their start: the arena's blocks and the pool's
 * slabs.
 */
#ifndef ALLOC_BLOCKS_H
#define ALLOC_BLOCKS_H

#include "alloc/alloc.h"

#include <stddef.h>

/* Each block starts with this header; what the allocator hands out
 * follows it. */
typedef struct alloc_block {
    struct alloc_block *next; /* the next block of the chain, or NULL */
    size_t bytes;             /* of the whole block, header included */
} alloc_block;

/* Gives every block of the chain that starts at 'first' (NULL: none)
 * back to 'parent', each with its size.  The chain is unusable after. */
void alloc_blocks_free(allocator *parent, alloc_block *first);

#endif /* ALLOC_BLOCKS_H */
