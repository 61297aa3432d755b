/*
 * pool.h - a fixed-size allocator: equal slots from slabs, reused through a
 * free list.
 *
 * A pool serves one size of object.  It takes slabs of many slots from its
 * parent, hands slots out one at a time, and keeps freed slots on a list
 * threaded through the slots themselves, so a free is a push and an
 * allocation a pop: no search, no per-slot header, no fragmentation
 * between sizes.  Slabs go back to the parent only at pool_release().
 *
 * Contract, on top of alloc.h's:
 *   - size and alignment: a request fits when size <= pool_slot_size() and
 *     align <= the slot alignment (that of the object, at least a
 *     pointer's); anything else is refused with NULL.
 *   - exhaustion: when no slot is free the pool asks its parent for a new
 *     slab; when the parent says no, the request returns NULL and the pool
 *     is unchanged.
 *   - free puts the slot at the head of the free list: the most recently
 *     freed slot is the next one handed out (LIFO, warm in the cache).
 *     Its first bytes are overwritten by the list link.
 *   - resize keeps the block in place when the new size still fits the
 *     slot, and refuses (NULL, block intact) when it does not.
 * Not thread-safe: one pool per thread.
 */
#ifndef POOL_H
#define POOL_H

#include "alloc.h"
#include "alloc/blocks.h"

#include <stdbool.h>
#include <stddef.h>

/* A slab's header (alloc/blocks.h); its slots follow it, aligned. */
typedef alloc_block pool_slab;
typedef struct pool_slot pool_slot;

typedef struct pool {
    allocator base;        /* first: a pool* is an allocator* */
    allocator *parent;     /* where slabs come from and go back to */
    size_t slot_size;      /* bytes per slot: the object's, rounded up */
    size_t slot_align;
    size_t slots_per_slab;
    size_t slab_bytes;     /* bytes asked of the parent per slab */
    pool_slot *free_list;  /* freed slots, most recent first */
    char *carve, *carve_end; /* never-used slots of the newest slab */
    pool_slab *slabs;      /* newest first */
    size_t slab_count;
    size_t live;           /* slots handed out and not freed */
} pool;

/*
 * A pool of objects of 'object_size' bytes aligned to 'object_align' (a
 * power of two up to 4096), taking 'slots_per_slab' slots (>= 1) at a
 * time from 'parent'.  Allocates nothing yet.  Returns false, leaving *p
 * unusable, when an argument is out of range or a slab would overflow
 * size_t.
 */
bool pool_init(pool *p, allocator *parent, size_t object_size,
               size_t object_align, size_t slots_per_slab);

/* Bytes of one slot: the largest request the pool accepts. */
size_t pool_slot_size(const pool *p);

/* Gives every slab back to the parent: every slot becomes invalid.  The
 * pool is empty afterwards and may be used again.  Cannot fail. */
void pool_release(pool *p);

#endif /* POOL_H */
