/*
 * lqueue.h - an unbounded queue of pointers between threads: a linked list
 * that takes every item it is given.
 *
 * The counterpart of ring.h without backpressure (claim S3): a push never
 * waits, so a producer faster than its consumer piles items up, and the
 * memory held grows with the input.  A node is allocated per item (16
 * bytes asked, more from malloc), and freed when the item is taken.
 *
 * Any number of producers and consumers; one mutex, one condition
 * variable.  Nodes are allocated and freed outside the lock, so the
 * allocator must be safe to call from every thread that pushes or pops
 * (wrap it in a locked_allocator, alloc/locked.h).
 */
#ifndef LQUEUE_H
#define LQUEUE_H

#include "alloc/alloc.h"

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct lqueue_stats {
    size_t peak_count;       /* most items held at once */
    uint64_t pushes, pops;
    uint64_t empty_waits;    /* pops that had to wait for an item */
} lqueue_stats;

typedef struct lqueue_node lqueue_node;

typedef struct lqueue {
    lqueue_node *head, *tail;
    size_t count;
    bool closed;
    allocator *alloc;
    pthread_mutex_t mu;
    pthread_cond_t not_empty;
    lqueue_stats stats;
} lqueue;

/* The bytes one queued item costs in nodes, as asked of the allocator. */
size_t lqueue_node_bytes(void);

/* Prepares an empty, open queue on 'a'.  Returns 0 or EINVAL (q or a
 * NULL); allocates nothing yet. */
int lqueue_init(lqueue *q, allocator *a);

/* Frees the nodes still queued (not their items) and the lock.  No thread
 * may be using the queue. */
void lqueue_destroy(lqueue *q);

/* Appends 'item' without waiting.  Returns 0, ENOMEM (no node could be
 * allocated) or EPIPE (closed); on an error the item was not taken. */
int lqueue_push(lqueue *q, void *item);

/* Takes the oldest item, waiting while the queue is empty and open.
 * Returns true, or false once the queue is closed and empty. */
bool lqueue_pop(lqueue *q, void **item);

/* The same without waiting: false when empty. */
bool lqueue_try_pop(lqueue *q, void **item);

/* No more pushes; wakes every waiting consumer.  Harmless twice. */
void lqueue_close(lqueue *q);

size_t lqueue_count(lqueue *q);
lqueue_stats lqueue_get_stats(lqueue *q);

#endif /* LQUEUE_H */
