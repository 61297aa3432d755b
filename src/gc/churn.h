/*
 * churn.h - claim C1: the same per-item computation, once with a fresh
 * temporary buffer per item, once with one buffer reused for every item.
 *
 * Each item fills a buffer of item_bytes with bytes derived from its
 * index and folds them into a checksum (a stand-in for formatting a
 * record and hashing it).  With a temporary per item every item
 * allocates item_bytes from the collector (pointer-free, GC_MALLOC_ATOMIC)
 * and drops it: the collector must run every few megabytes.  Reused, the
 * only allocation is the one buffer.  Both return the same checksum.
 * The collector must be started (collector.h).
 */
#ifndef GC_CHURN_H
#define GC_CHURN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum gc_churn {
    GC_CHURN_TEMP,    /* a new buffer per item */
    GC_CHURN_REUSE,   /* one buffer for all */
} gc_churn;

/* "temp", "reuse"; NULL for a bad value. */
const char *gc_churn_name(gc_churn c);

/*
 * Processes items 0 .. items-1 with buffers of item_bytes (>= 8) and
 * stores their checksum in *sum.  Returns the number of allocations
 * made, or 0 when item_bytes is below 8, items is 0, or memory ran out.
 */
size_t gc_churn_run(gc_churn c, size_t items, size_t item_bytes, uint64_t *sum);

/* The checksum gc_churn_run must return, computed without the collector. */
uint64_t gc_churn_expected(size_t items, size_t item_bytes);

#endif /* GC_CHURN_H */
