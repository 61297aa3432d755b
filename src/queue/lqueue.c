/* lqueue.c - unbounded blocking queue of pointers: a singly linked list under one mutex. */
#include "lqueue.h"

#include <errno.h>

struct lqueue_node {
    lqueue_node *next;
    void *item;
};

size_t lqueue_node_bytes(void)
{
    return sizeof(lqueue_node);
}

int lqueue_init(lqueue *q, allocator *a)
{
    if (!q)
        return EINVAL;
    *q = (lqueue){.alloc = a};
    if (!a)
        return EINVAL;
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->not_empty, NULL);
    return 0;
}

void lqueue_destroy(lqueue *q)
{
    if (!q || !q->alloc)
        return;
    lqueue_node *n = q->head;
    while (n) {
        lqueue_node *next = n->next;
        alloc_free(q->alloc, n, sizeof *n);
        n = next;
    }
    q->head = q->tail = NULL;
    q->count = 0;
    pthread_cond_destroy(&q->not_empty);
    pthread_mutex_destroy(&q->mu);
    q->alloc = NULL;
}

int lqueue_push(lqueue *q, void *item)
{
    /* Allocated before taking the lock: consumers are not held up by the
     * allocator, and a closed queue costs one wasted node at most. */
    lqueue_node *n = ALLOC_NEW(q->alloc, lqueue_node);
    if (!n)
        return ENOMEM;
    n->next = NULL;
    n->item = item;
    pthread_mutex_lock(&q->mu);
    if (q->closed) {
        pthread_mutex_unlock(&q->mu);
        alloc_free(q->alloc, n, sizeof *n);
        return EPIPE;
    }
    if (q->tail)
        q->tail->next = n;
    else
        q->head = n;
    q->tail = n;
    q->count++;
    q->stats.pushes++;
    if (q->count > q->stats.peak_count)
        q->stats.peak_count = q->count;
    pthread_cond_signal(&q->not_empty);
    pthread_mutex_unlock(&q->mu);
    return 0;
}

/* Unlinks the head; the lock is held and the queue is not empty. */
static lqueue_node *unlink_head(lqueue *q)
{
    lqueue_node *n = q->head;
    q->head = n->next;
    if (!q->head)
        q->tail = NULL;
    q->count--;
    q->stats.pops++;
    return n;
}

/* Hands the node's item out and frees the node, outside the lock. */
static bool hand_out(lqueue *q, lqueue_node *n, void **item)
{
    if (!n)
        return false;
    *item = n->item;
    alloc_free(q->alloc, n, sizeof *n);
    return true;
}

bool lqueue_pop(lqueue *q, void **item)
{
    pthread_mutex_lock(&q->mu);
    if (!q->head && !q->closed)
        q->stats.empty_waits++;
    while (!q->head && !q->closed)
        pthread_cond_wait(&q->not_empty, &q->mu);
    lqueue_node *n = q->head ? unlink_head(q) : NULL;
    pthread_mutex_unlock(&q->mu);
    return hand_out(q, n, item);
}

bool lqueue_try_pop(lqueue *q, void **item)
{
    pthread_mutex_lock(&q->mu);
    lqueue_node *n = q->head ? unlink_head(q) : NULL;
    pthread_mutex_unlock(&q->mu);
    return hand_out(q, n, item);
}

void lqueue_close(lqueue *q)
{
    pthread_mutex_lock(&q->mu);
    q->closed = true;
    pthread_cond_broadcast(&q->not_empty);
    pthread_mutex_unlock(&q->mu);
}

size_t lqueue_count(lqueue *q)
{
    pthread_mutex_lock(&q->mu);
    size_t n = q->count;
    pthread_mutex_unlock(&q->mu);
    return n;
}

lqueue_stats lqueue_get_stats(lqueue *q)
{
    pthread_mutex_lock(&q->mu);
    lqueue_stats s = q->stats;
    pthread_mutex_unlock(&q->mu);
    return s;
}
