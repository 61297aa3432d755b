/*
 * ring.h - a bounded queue of pointers between threads: a ring buffer of
 * fixed capacity whose push waits while it is full.
 *
 * That wait is backpressure (claim S3): a producer faster than its
 * consumers is slowed to their pace instead of piling items up, so the
 * memory held never exceeds the capacity, whatever the input size.  Go's
 * buffered channel (make(chan T, n)) behaves the same way.
 *
 * Any number of producers and consumers; one mutex and two condition
 * variables (simple to check with ThreadSanitizer: make test-tsan).
 * Items are opaque pointers the ring never dereferences or frees.
 */
#ifndef RING_H
#define RING_H

#include "alloc/alloc.h"
#include "queue/qcore.h"

#include <stdbool.h>
#include <stddef.h>

/* The lock, the count, closing and the statistics are in 'core'
 * (queue/qcore.h): queue_core_close(&r->core) says no more pushes, wakes
 * every waiting thread, and pops still drain what is left;
 * queue_core_count and queue_core_stats read it. */
typedef struct ring {
    void **slots;
    size_t capacity;
    size_t head;             /* index of the oldest item */
    allocator *alloc;
    queue_core core;
} ring;

/* Prepares an empty, open ring of 'capacity' slots from 'a'.  Returns 0,
 * EINVAL (r or a NULL, capacity 0 or too large to size), or ENOMEM; on
 * failure nothing is allocated and ring_destroy(r) is a no-op. */
int ring_init(ring *r, size_t capacity, allocator *a);

/* Frees the slots.  No thread may be using the ring; items still in it
 * are not freed (drain it first). */
void ring_destroy(ring *r);

/* Adds 'item', waiting while the ring is full.  Returns 0, or EPIPE when
 * the ring is closed (before or during the wait): the item was not
 * taken and still belongs to the caller. */
int ring_push(ring *r, void *item);

/* Takes the oldest item into *item, waiting while the ring is empty and
 * open.  Returns true, or false once the ring is closed and empty. */
bool ring_pop(ring *r, void **item);

/* The same without waiting: EAGAIN (full) / false (empty) instead. */
int ring_try_push(ring *r, void *item);
bool ring_try_pop(ring *r, void **item);

#endif /* RING_H */
