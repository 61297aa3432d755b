/*
 * qcore.h - what the bounded ring and the unbounded linked queue share:
 * one mutex, the wait for an item, closing, and the count of items held
 * with its statistics.
 *
 * Each queue keeps its items its own way (slots, nodes) and embeds a
 * queue_core for the rest.  The helpers are static inline: the ones
 * marked "lock held" run in every push and pop, inside the timed runs of
 * the queue bench, and compile as the code they replaced did.
 */
#ifndef QUEUE_QCORE_H
#define QUEUE_QCORE_H

#include <pthread.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* What a queue saw, for counters and tests. */
typedef struct queue_stats {
    size_t peak_count;       /* most items held at once */
    uint64_t pushes, pops;
    uint64_t full_waits;     /* pushes that had to wait for room (the ring's only) */
    uint64_t empty_waits;    /* pops that had to wait for an item */
} queue_stats;

typedef struct queue_core {
    pthread_mutex_t mu;
    pthread_cond_t not_empty;
    pthread_cond_t not_full; /* waited on by the ring's push only */
    size_t count;            /* items held now */
    bool closed;
    queue_stats stats;       /* read with queue_core_stats */
} queue_core;

/* An empty, open core with its lock.  Cannot fail (default attributes). */
static inline void queue_core_init(queue_core *q)
{
    *q = (queue_core){.count = 0};
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->not_empty, NULL);
    pthread_cond_init(&q->not_full, NULL);
}

/* Frees the lock; no thread may be using the queue. */
static inline void queue_core_destroy(queue_core *q)
{
    pthread_cond_destroy(&q->not_full);
    pthread_cond_destroy(&q->not_empty);
    pthread_mutex_destroy(&q->mu);
}

/* Lock held: one item more, counted; wakes a waiting consumer. */
static inline void queue_core_added(queue_core *q)
{
    q->count++;
    q->stats.pushes++;
    if (q->count > q->stats.peak_count)
        q->stats.peak_count = q->count;
    pthread_cond_signal(&q->not_empty);
}

/* Lock held: one item less, counted.  (Only the ring has producers to
 * wake: it signals not_full itself.) */
static inline void queue_core_removed(queue_core *q)
{
    q->count--;
    q->stats.pops++;
}

/* Lock held: waits while the queue is empty and open, counting a pop
 * that had to wait once.  True when an item is there to take; false once
 * the queue is closed and empty. */
static inline bool queue_core_wait_item(queue_core *q)
{
    if (q->count == 0 && !q->closed)
        q->stats.empty_waits++;
    while (q->count == 0 && !q->closed)
        pthread_cond_wait(&q->not_empty, &q->mu);
    return q->count > 0;
}

/* No more pushes: wakes every waiting thread.  Harmless twice. */
static inline void queue_core_close(queue_core *q)
{
    pthread_mutex_lock(&q->mu);
    q->closed = true;
    pthread_cond_broadcast(&q->not_full);
    pthread_cond_broadcast(&q->not_empty);
    pthread_mutex_unlock(&q->mu);
}

/* Items held now (a snapshot; others may change it right after). */
static inline size_t queue_core_count(queue_core *q)
{
    pthread_mutex_lock(&q->mu);
    size_t n = q->count;
    pthread_mutex_unlock(&q->mu);
    return n;
}

/* A consistent copy of the statistics. */
static inline queue_stats queue_core_stats(queue_core *q)
{
    pthread_mutex_lock(&q->mu);
    queue_stats s = q->stats;
    pthread_mutex_unlock(&q->mu);
    return s;
}

#endif /* QUEUE_QCORE_H */
