/*
 * cache.h - claim C3: a long-lived structure that keeps a reference to
 * every finished result against one that keeps only the last few.
 *
 * Each step makes one result (result_bytes, pointer-free) and stores it
 * in the cache.  The keeping cache appends: every result stays reachable
 * for as long as the cache does, so the collector can reclaim none of
 * them and must trace them all at every collection.  The dropping cache
 * is a ring of GC_CACHE_KEEP slots: a new result overwrites the oldest,
 * whose memory the next collection takes back.  The collector must be
 * started (collector.h); the gc_cache must be where it looks (a static,
 * or the stack).
 */
#ifndef GC_CACHE_H
#define GC_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Results the dropping cache holds at most. */
#define GC_CACHE_KEEP 16

typedef struct gc_cache {
    bool keeps_all;
    size_t result_bytes;
    void **slots;      /* collector memory: scanned, so it keeps results */
    size_t cap;        /* slots allocated */
    size_t held;       /* results reachable through the slots */
    size_t steps;      /* results made so far */
    uint64_t sum;      /* of the first word of every result made */
} gc_cache;

/* An empty cache; false when result_bytes < 8 or memory ran out. */
bool gc_cache_init(gc_cache *c, bool keeps_all, size_t result_bytes);

/* Makes one more result and stores it; false when memory ran out. */
bool gc_cache_step(gc_cache *c);

/* Sum of the first word of every result still held, and how many there
 * are (the check that none was reclaimed while referenced). */
uint64_t gc_cache_held_sum(const gc_cache *c, size_t *count);

/* Forgets everything: the next collection may reclaim it all. */
void gc_cache_drop(gc_cache *c);

#endif /* GC_CACHE_H */
