/*
 * arena.h - a bump allocator: many small allocations, one release.
 *
 * An arena hands out memory by moving a pointer forward through a block
 * (two pointers, beg and end, as in nullprogram's arenas), so an
 * allocation is an add and a compare.  Individual blocks are never given
 * back: everything goes at once, by arena_release() (memory returned to
 * the parent) or arena_reset() (memory kept for reuse).  When a block is
 * full the arena asks its parent for another and chains it, so it grows
 * without a fixed capacity.
 *
 * Contract, on top of alloc.h's:
 *   - alignment: any power of two (tested up to 4096); the padding it takes
 *     comes out of the current block.
 *   - exhaustion: a full block makes the arena ask the parent for a new
 *     one of block_size bytes, or more for a request that needs it; when
 *     the parent says no, the request returns NULL and the arena is
 *     unchanged (earlier allocations stay valid).
 *   - free does nothing: memory comes back only at reset or release.
 *   - resize grows or shrinks the newest allocation in place when the
 *     block has room; otherwise it copies to a new allocation and the old
 *     bytes stay unusable until reset or release.
 * Not thread-safe: one arena per thread.
 */
#ifndef ARENA_H
#define ARENA_H

#include "alloc.h"
#include "alloc/blocks.h"

#include <stddef.h>

/* Block size used when arena_init is given 0: small enough to stay below
 * glibc's mmap threshold (128 KiB), large enough that a block holds
 * thousands of small objects. */
#define ARENA_DEFAULT_BLOCK ((size_t)64 << 10)

/* A block's header (alloc/blocks.h); its usable bytes follow it. */
typedef alloc_block arena_block;

typedef struct arena {
    allocator base;        /* first: an arena* is an allocator* */
    allocator *parent;     /* where blocks come from and go back to */
    size_t block_size;     /* bytes asked of the parent per block, header included */
    char *beg, *end;       /* the free room of the current block */
    arena_block *first;    /* blocks, oldest first */
    arena_block *cur;      /* the block beg points into (NULL before the first) */
    size_t blocks;         /* blocks held */
    size_t reserved;       /* bytes held from the parent, headers included */
} arena;

/* An empty arena over 'parent' that will take blocks of 'block_size' bytes
 * (0: ARENA_DEFAULT_BLOCK; at least 256).  Allocates nothing yet. */
void arena_init(arena *a, allocator *parent, size_t block_size);

/* Makes every allocation invalid and starts again at the first block,
 * keeping all blocks: the next allocations reuse them, in order, without
 * asking the parent.  Cannot fail. */
void arena_reset(arena *a);

/* Gives every block back to the parent: every allocation becomes invalid.
 * The arena is empty afterwards and may be used again.  Cannot fail. */
void arena_release(arena *a);

#endif /* ARENA_H */
