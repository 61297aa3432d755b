/*
 * growable.h - a dynamic array of fixed-size elements that grows by a policy.
 *
 * The array behind Go's append and Python's list.append, in C, with the
 * growth policy as data (policy.h) and every allocation through the
 * allocator interface, so a counting allocator sees each reallocation.  It
 * grows in one of two ways, chosen when it is made:
 *
 *   GROW_REALLOC  the allocator's resize (realloc for libc).  The C library
 *                 may extend the block in place, or move it; glibc moves a
 *                 large (mmap-backed) block with mremap, which remaps pages
 *                 instead of copying bytes.
 *   GROW_COPY     allocate the new block, memcpy the elements, free the old
 *                 one: what Go's growslice does.  Both blocks are live
 *                 during the copy.
 *
 * The array also keeps exact counts of its own growth (growable_stats).
 */
#ifndef GROWABLE_H
#define GROWABLE_H

#include "alloc/alloc.h"
#include "policy.h"

#include <stddef.h>
#include <stdint.h>

typedef enum growable_method {
    GROW_REALLOC,
    GROW_COPY
} growable_method;

/* "realloc" or "copy", as in case names. */
const char *growable_method_name(growable_method m);

typedef enum growable_status {
    GROWABLE_OK = 0,
    GROWABLE_NO_MEMORY,   /* the allocator refused; nothing changed */
    GROWABLE_TOO_LARGE,   /* count * element size would exceed PTRDIFF_MAX
                           * bytes (or wrap around): refused, nothing changed */
    GROWABLE_BAD_ARGUMENT /* a NULL pointer, element size 0, alignment not a
                           * power of two */
} growable_status;

/* A short English phrase for a status, for messages. */
const char *growable_status_text(growable_status s);

typedef struct growable_stats {
    uint64_t growths;         /* capacity increases, first allocation included */
    uint64_t reallocations;   /* increases of a block that already exists:
                               * the ones that may have to move elements */
    uint64_t moves;           /* reallocations after which the elements sit at
                               * a new address (always, for GROW_COPY) */
    uint64_t bytes_copied;    /* GROW_COPY: bytes memcpy'd into new blocks */
    uint64_t bytes_relocated; /* GROW_REALLOC: bytes of elements in blocks the
                               * allocator moved (copied, or remapped) */
    uint64_t large_moves;     /* GROW_REALLOC: moves of a block of at least
                               * remap_min_bytes (see growable) */
    uint64_t bytes_remapped;  /* ...and the bytes of elements they moved */
} growable_stats;

typedef struct growable {
    unsigned char *data;      /* NULL until the first allocation */
    size_t len, cap;          /* elements */
    size_t elem_size, elem_align;
    const growth_policy *policy;
    growable_method method;
    allocator *alloc;
    /* GROW_REALLOC: a moved block at least this large counts as remapped
     * (large_moves), not copied.  glibc serves blocks from its mmap
     * threshold up with mmap and moves them with mremap, which moves page
     * mappings, not bytes; a caller that fixed the threshold (mallopt)
     * sets it here.  0 (what growable_init sets): no move is classed so. */
    size_t remap_min_bytes;
    growable_stats stats;
} growable;

/*
 * Makes an empty array (no allocation yet).  elem_align must be a power of
 * two; elem_size > 0.  Returns GROWABLE_BAD_ARGUMENT (and leaves *g zeroed)
 * otherwise.  The array keeps pointers to 'p' and 'a': both must outlive it.
 */
growable_status growable_init(growable *g, size_t elem_size, size_t elem_align,
                              const growth_policy *p, growable_method m,
                              allocator *a);

/*
 * Makes the capacity at least 'capacity' elements, exactly that (no
 * policy): what make([]T, 0, n) does.  A capacity already large enough is
 * left alone.  On failure nothing changes.
 */
growable_status growable_reserve(growable *g, size_t capacity);

/*
 * Makes room for 'extra' more elements, growing by the policy when the
 * capacity is too small.  On failure (GROWABLE_NO_MEMORY or
 * GROWABLE_TOO_LARGE) the array is unchanged: same block, length,
 * capacity and stats.
 */
growable_status growable_reserve_more(growable *g, size_t extra);

/* The slow path of growable_push: one more element's worth of room. */
growable_status growable_grow_one(growable *g);

/*
 * Appends one element and returns where to write it (its contents are
 * undefined until the caller writes them), or NULL when growing failed,
 * for the reason growable_reserve_more(g, 1) returns; the array is then
 * unchanged.  The returned pointer, like every pointer into the array, is
 * invalidated by the next growth.  Inline: the common case is one
 * comparison, one multiply and one add, like Go's append.
 */
static inline void *growable_push(growable *g)
{
    if (g->len == g->cap && growable_grow_one(g) != GROWABLE_OK)
        return NULL;
    return g->data + g->len++ * g->elem_size;
}

/*
 * Appends n elements copied from 'elems' (Go's append(s, x...), Python's
 * list.extend): one growth at most, by the policy's rule for a bulk
 * request.  'elems' must not point into the array itself.  On failure the
 * array is unchanged.
 */
growable_status growable_append(growable *g, const void *elems, size_t n);

/* Address of element i (i < len). */
static inline void *growable_at(const growable *g, size_t i)
{
    return g->data + i * g->elem_size;
}

/* Frees the block.  The array is then empty (no block, length and
 * capacity 0) with the same settings and stats, and may be used again. */
void growable_release(growable *g);

#endif /* GROWABLE_H */
