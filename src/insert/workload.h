/*
 * workload.h - claim L2's workload: a ring of random insert and removal
 * positions for one N, and a sequence of N elements (array, list, or list
 * with pooled nodes) built once and kept across a case's repetitions.
 *
 * One pass inserts the values 0..K-1 at the ring's K insert positions and
 * removes one element at each of its K removal positions (in turn), so the
 * length stays N.  A plain array shifted one element at a time computes
 * what the first pass must remove and the order it must leave: the
 * reference for every variant.
 */
#ifndef INSERT_WORKLOAD_H
#define INSERT_WORKLOAD_H

#include "alloc/counting.h"
#include "alloc/pool.h"
#include "insert/seq_array.h"
#include "insert/seq_list.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum insert_variant {
    INSERT_ARRAY,
    INSERT_LIST,
    INSERT_LIST_POOL,
    INSERT_VARIANT_COUNT
} insert_variant;

/* "array", "list", "list_pool": the <variant> of insert/<variant>/<N>. */
extern const char *const insert_variant_names[INSERT_VARIANT_COUNT];

typedef struct insert_ring {
    size_t n, k;
    size_t *ins, *rem;       /* K insert positions, K removal positions */
    int64_t inserted_sum;    /* of the values one pass inserts */
    int64_t ref_removed;     /* sum of the values the first pass removes */
    uint64_t ref_hash;       /* order-sensitive hash of the sequence after it */
} insert_ring;

/* Makes r the ring for N (K = 2 Mi / N pairs, clamped to 8..4096), its
 * positions drawn from seed ^ n, one in each of K equal slices of
 * 0..N, and runs the reference pass.  Keeps r as it is when it is already
 * N's.  False when out of memory (r is then empty).  r starts zeroed. */
bool insert_ring_hold(insert_ring *r, size_t n, uint64_t seed);

/* Frees r's positions; r is empty after (n = 0).  Safe on an empty ring. */
void insert_ring_release(insert_ring *r);

typedef struct insert_built {
    bool ready;
    insert_variant v;
    size_t n;
    counting_allocator counter;
    pool nodes;               /* INSERT_LIST_POOL only */
    seq_array array;
    seq_list list;
    int64_t sum;              /* what the elements must add up to */
    size_t heap_bytes;        /* malloc's figure for the build; 0 if unknown */
} insert_built;

/* Builds b as variant v holding 0..N-1 (a list's nodes in an order drawn
 * from seed), through b's counting allocator, then checks one pass over r
 * against the reference.  r must be N's ring.  Returns NULL, or what went
 * wrong; b is released first and, on failure, stays for insert_built_release. */
const char *insert_build(insert_built *b, const insert_ring *r, insert_variant v,
                         size_t n, uint64_t seed);

/* Frees b's structure; safe when b is not built. */
void insert_built_release(insert_built *b);

/* One pass over r, the timed work: returns the sum of the removed values
 * and sets *failed when an operation was refused. */
int64_t insert_pass(insert_built *b, const insert_ring *r, bool *failed);

/* Sum and order hash of b's elements, walking the structure (untimed). */
void insert_contents(const insert_built *b, int64_t *sum, uint64_t *hash);

/* Elements b holds now. */
size_t insert_len(const insert_built *b);

#endif /* INSERT_WORKLOAD_H */
