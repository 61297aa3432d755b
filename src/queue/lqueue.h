/*
 * lqueue.h - an unbounded queue of pointers between threads: a linked list
 * that takes every item it is given.
 *
 * The counterpart of ring.h without backpressure (claim S3): a push never
 * waits, so a producer faster than its consumer piles items up, and the
 * memory held grows with the input.  A node is allocated per item (16
 * bytes asked, more from malloc), and freed when the item is taken.
 *
 * Any number of producers and consumers; one mutex, and one condition
 * variable consumers wait on.  Nodes are allocated and freed outside the lock, so the
 * allocator must be safe to call from every thread that pushes or pops
 * (wrap it in a locked_allocator, alloc/locked.h).
 */
#ifndef LQUEUE_H
#define LQUEUE_H

#include "alloc/alloc.h"
#include "queue/qcore.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct lqueue_node lqueue_node;

/* The lock, the count, closing and the statistics are in 'core'
 * (queue/qcore.h), as for the ring: queue_core_close(&q->core) says no
 * more pushes and wakes every waiting consumer; queue_core_count and
 * queue_core_stats read it (full_waits stays 0: a push never waits). */
typedef struct lqueue {
    lqueue_node *head, *tail;
    allocator *alloc;
    queue_core core;
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

#endif /* LQUEUE_H */
