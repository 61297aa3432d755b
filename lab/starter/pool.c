/*
 * pool.c - part (b) of the lab: a pool of equal slots on the allocator
 * interface (src/alloc/alloc.h).
 *
 * Task (docs/lab.md): implement lab_pool_create and lab_pool_destroy as
 * lab.h describes them.  The pool takes slabs of slots_per_slab slots from
 * its parent, hands slots out one at a time, and keeps freed slots on a
 * list threaded through the free slots themselves.  Start with the struct:
 * it begins with an allocator (alloc, free and resize functions), so that
 * a pointer to it is the allocator* the rest of the suite uses.
 */
#include "lab.h"

#include <stdlib.h>

allocator *lab_pool_create(allocator *parent, size_t object_size,
                           size_t slots_per_slab)
{
    (void)parent;
    (void)object_size;
    (void)slots_per_slab;
    return NULL; /* TODO */
}

void lab_pool_destroy(allocator *pool)
{
    (void)pool; /* TODO */
}
