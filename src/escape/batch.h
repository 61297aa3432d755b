/*
 * batch.h - claim A4's workload: a batch of ESCAPE_CALLS calls that each return
 * a User record by value, as a heap pointer freed after use, or as a
 * pointer into an arena reset after the batch, summing the active scores.
 */
#ifndef ESCAPE_BATCH_H
#define ESCAPE_BATCH_H

#include "alloc/arena.h"

#include <stddef.h>

/* Calls per batch: one call into the benchmark library per batch. */
#define ESCAPE_CALLS 1024

typedef enum escape_mode { BY_VALUE, ON_HEAP, IN_ARENA } escape_mode;

typedef struct escape_variant {
    const char *name;         /* the <variant> of escape/<variant>/<bytes> */
    escape_mode v;
} escape_variant;

enum { ESCAPE_VARIANT_COUNT = 3 };
/* value, heap, arena: registration order. */
extern const escape_variant escape_variants[ESCAPE_VARIANT_COUNT];

/* The timed work: one batch of escape_mode v, heap records from 'libc', arena
 * records from 'ar' (reset after the batch).  Returns the sum of the
 * active scores (escape_expected_sum(ESCAPE_CALLS)), NAN when an allocation
 * failed. */
double escape_batch(escape_mode v, allocator *libc, arena *ar);

/* Exact counts of one batch, untimed. */
typedef struct escape_counts {
    double allocs_per_call;   /* requests to the variant's own allocator */
    double malloc_per_call;   /* requests that reached malloc under it */
    size_t peak_bytes;        /* most bytes malloc held at once */
} escape_counts;

/* Counts one batch of v over counting allocators on libc. */
escape_counts escape_count_batch(escape_mode v);

#endif /* ESCAPE_BATCH_H */
