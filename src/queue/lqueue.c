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
    queue_core_init(&q->core);
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
    queue_core_destroy(&q->core);
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
    pthread_mutex_lock(&q->core.mu);
    if (q->core.closed) {
        pthread_mutex_unlock(&q->core.mu);
        alloc_free(q->alloc, n, sizeof *n);
        return EPIPE;
    }
    if (q->tail)
        q->tail->next = n;
    else
        q->head = n;
    q->tail = n;
    queue_core_added(&q->core);
    pthread_mutex_unlock(&q->core.mu);
    return 0;
}

/* Unlinks the head; the lock is held and the queue is not empty. */
static lqueue_node *unlink_head(lqueue *q)
{
    lqueue_node *n = q->head;
    q->head = n->next;
    if (!q->head)
        q->tail = NULL;
    queue_core_removed(&q->core);
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
    pthread_mutex_lock(&q->core.mu);
    lqueue_node *n = queue_core_wait_item(&q->core) ? unlink_head(q) : NULL;
    pthread_mutex_unlock(&q->core.mu);
    return hand_out(q, n, item);
}

bool lqueue_try_pop(lqueue *q, void **item)
{
    pthread_mutex_lock(&q->core.mu);
    lqueue_node *n = q->head ? unlink_head(q) : NULL;
    pthread_mutex_unlock(&q->core.mu);
    return hand_out(q, n, item);
}
