/* ring.c - bounded blocking ring of pointers: one mutex, two condition variables. */
#include "ring.h"

#include <errno.h>

int ring_init(ring *r, size_t capacity, allocator *a)
{
    if (!r)
        return EINVAL;
    *r = (ring){.capacity = capacity, .alloc = a};
    if (!a || capacity == 0)
        return EINVAL;
    r->slots = ALLOC_ARRAY(a, void *, capacity);
    if (!r->slots)
        return capacity > SIZE_MAX / sizeof(void *) ? EINVAL : ENOMEM;
    queue_core_init(&r->core);
    return 0;
}

void ring_destroy(ring *r)
{
    if (!r || !r->slots)
        return;
    queue_core_destroy(&r->core);
    alloc_free(r->alloc, r->slots, r->capacity * sizeof(void *));
    r->slots = NULL;
}

/* Both take the lock as held and leave it held. */
static void put(ring *r, void *item)
{
    r->slots[(r->head + r->core.count) % r->capacity] = item;
    queue_core_added(&r->core);
}

static void *take(ring *r)
{
    void *item = r->slots[r->head];
    r->head = (r->head + 1) % r->capacity;
    queue_core_removed(&r->core);
    pthread_cond_signal(&r->core.not_full);
    return item;
}

int ring_push(ring *r, void *item)
{
    queue_core *q = &r->core;
    pthread_mutex_lock(&q->mu);
    if (q->count == r->capacity && !q->closed)
        q->stats.full_waits++;
    while (q->count == r->capacity && !q->closed)
        pthread_cond_wait(&q->not_full, &q->mu);
    int status = EPIPE;
    if (!q->closed) {
        put(r, item);
        status = 0;
    }
    pthread_mutex_unlock(&q->mu);
    return status;
}

bool ring_pop(ring *r, void **item)
{
    pthread_mutex_lock(&r->core.mu);
    bool got = queue_core_wait_item(&r->core);
    if (got)
        *item = take(r);
    pthread_mutex_unlock(&r->core.mu);
    return got;
}

int ring_try_push(ring *r, void *item)
{
    queue_core *q = &r->core;
    pthread_mutex_lock(&q->mu);
    int status = q->closed ? EPIPE : q->count == r->capacity ? EAGAIN : 0;
    if (status == 0)
        put(r, item);
    pthread_mutex_unlock(&q->mu);
    return status;
}

bool ring_try_pop(ring *r, void **item)
{
    pthread_mutex_lock(&r->core.mu);
    bool got = r->core.count > 0;
    if (got)
        *item = take(r);
    pthread_mutex_unlock(&r->core.mu);
    return got;
}
