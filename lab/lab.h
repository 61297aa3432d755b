/*
 * lab.h - the lab's interface: what the four files of a lab directory
 * (growth.c, pool.c, cycle.c, traverse.c) must define, and the bounds the
 * grader holds them to.  docs/lab.md is the handout.  The grader
 * (lab/grader/) is built against this header: do not change it.
 */
#ifndef LAB_H
#define LAB_H

#include "alloc/alloc.h"
#include "alloc/refcount.h"
#include "growth/policy.h"

#include <stddef.h>
#include <stdint.h>

/* --- (a) growth.c: a growth policy, as one row of data ------------------- */

/*
 * The policy a dynamic array (src/growth/growable.h) grows by when 8-byte
 * values are appended one at a time to an empty array.  It must keep both
 * bounds below after every append, up to 2^20 appends:
 *   - bytes copied by growing, in total, at most 2.5 per byte appended;
 *   - once the capacity is above 64 elements, at most 45% of it unused.
 */
extern const growth_policy lab_growth_policy;

#define LAB_GROWTH_COPY_NUM 5    /* copied * 2 <= appended * 5: 2.5 bytes */
#define LAB_GROWTH_COPY_DEN 2
#define LAB_GROWTH_UNUSED_PERCENT 45
#define LAB_GROWTH_SMALL_CAPACITY 64
#define LAB_GROWTH_APPENDS ((size_t)1 << 20)

/* --- (b) pool.c: a fixed-size pool on the allocator interface ------------ */

/* Every slot is aligned to this many bytes (that of max_align_t here). */
#define LAB_POOL_ALIGN 16

/*
 * A pool of slots of 'object_size' bytes (rounded up as the alignment
 * needs), taking slabs of 'slots_per_slab' slots from 'parent' when it
 * runs out.  Returns the pool as an allocator (alloc.h's contract: alloc,
 * free, resize), or NULL for a NULL parent, a size or count of 0, or a
 * slab whose size would overflow.  The pool's own bookkeeping comes from
 * malloc; only slabs come from 'parent', and none before the first
 * allocation.  Requests larger than a slot, or aligned to more than
 * LAB_POOL_ALIGN, are refused (NULL) without asking the parent.  A freed
 * slot is the next one handed out (last in, first out).  When the parent
 * refuses a slab, the allocation returns NULL and the pool is unchanged.
 */
allocator *lab_pool_create(allocator *parent, size_t object_size,
                           size_t slots_per_slab);

/* Gives every slab back to the parent and frees the pool.  NULL: nothing. */
void lab_pool_destroy(allocator *pool);

/* --- (c) cycle.c: a doubly linked list of counted nodes, without a leak -- */

struct lab_node {
    rc_header h;
    struct lab_node *next;   /* the node after this one, or NULL */
    struct lab_node *prev;   /* the node before this one, or NULL */
    uint64_t value;
};

/* Which of a node's pointers hold a counted reference (refcount.h). */
extern const rc_type lab_node_type;

/*
 * A list of n nodes through 'a' holding 0, 1, ..., n - 1, linked both ways
 * (next and prev), every node made with rc_new(a, &lab_node_type).
 * Returns the first node; the caller holds one reference to it, and
 * rc_release(a, first) must free the whole list.  Returns NULL for n = 0,
 * and NULL after freeing what it made when an allocation fails.
 */
struct lab_node *lab_list_build(allocator *a, size_t n);

/* --- (d) traverse.c: a traversal that the cache likes --------------------- */

/*
 * sums[j] = m[0][j] + m[1][j] + ... + m[rows - 1][j] for a row-major matrix
 * m of rows x cols doubles (element (i, j) at m[i * cols + j]).  Graded on
 * the simulated D1 misses of the code in traverse.c for a 512 x 512
 * matrix (valgrind's cachegrind, 32 KiB 8-way D1, 64-byte lines): at most
 * LAB_CACHE_MISS_PERCENT % of the lines the matrix and the sums span, plus
 * LAB_CACHE_MISS_SLACK.
 */
void lab_column_sums(const double *m, size_t rows, size_t cols, double *sums);

#define LAB_CACHE_ROWS 512
#define LAB_CACHE_COLS 512
#define LAB_CACHE_MISS_PERCENT 125
#define LAB_CACHE_MISS_SLACK 1024

#endif /* LAB_H */
