/* blocks.c - give a chain of blocks back to the parent allocator. */
#include "alloc/blocks.h"

void alloc_blocks_free(allocator *parent, alloc_block *first)
{
    alloc_block *b = first;
    while (b) {
        alloc_block *next = b->next; /* read before the block is gone */
        alloc_free(parent, b, b->bytes);
        b = next;
    }
}
