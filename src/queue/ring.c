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
    pthread_mutex_init(&r->mu, NULL);
    pthread_cond_init(&r->not_full, NULL);
    pthread_cond_init(&r->not_empty, NULL);
    return 0;
}

void ring_destroy(ring *r)
{
    if (!r || !r->slots)
        return;
    pthread_cond_destroy(&r->not_empty);
    pthread_cond_destroy(&r->not_full);
    pthread_mutex_destroy(&r->mu);
    alloc_free(r->alloc, r->slots, r->capacity * sizeof(void *));
    r->slots = NULL;
}

/* Both take the lock as held and leave it held. */
static void put(ring *r, void *item)
{
    r->slots[(r->head + r->count) % r->capacity] = item;
    r->count++;
    r->stats.pushes++;
    if (r->count > r->stats.peak_count)
        r->stats.peak_count = r->count;
    pthread_cond_signal(&r->not_empty);
}

static void *take(ring *r)
{
    void *item = r->slots[r->head];
    r->head = (r->head + 1) % r->capacity;
    r->count--;
    r->stats.pops++;
    pthread_cond_signal(&r->not_full);
    return item;
}

int ring_push(ring *r, void *item)
{
    pthread_mutex_lock(&r->mu);
    if (r->count == r->capacity && !r->closed)
        r->stats.full_waits++;
    while (r->count == r->capacity && !r->closed)
        pthread_cond_wait(&r->not_full, &r->mu);
    int status = EPIPE;
    if (!r->closed) {
        put(r, item);
        status = 0;
    }
    pthread_mutex_unlock(&r->mu);
    return status;
}

bool ring_pop(ring *r, void **item)
{
    pthread_mutex_lock(&r->mu);
    if (r->count == 0 && !r->closed)
        r->stats.empty_waits++;
    while (r->count == 0 && !r->closed)
        pthread_cond_wait(&r->not_empty, &r->mu);
    bool got = r->count > 0;
    if (got)
        *item = take(r);
    pthread_mutex_unlock(&r->mu);
    return got;
}

int ring_try_push(ring *r, void *item)
{
    pthread_mutex_lock(&r->mu);
    int status = r->closed ? EPIPE : r->count == r->capacity ? EAGAIN : 0;
    if (status == 0)
        put(r, item);
    pthread_mutex_unlock(&r->mu);
    return status;
}

bool ring_try_pop(ring *r, void **item)
{
    pthread_mutex_lock(&r->mu);
    bool got = r->count > 0;
    if (got)
        *item = take(r);
    pthread_mutex_unlock(&r->mu);
    return got;
}

void ring_close(ring *r)
{
    pthread_mutex_lock(&r->mu);
    r->closed = true;
    pthread_cond_broadcast(&r->not_full);
    pthread_cond_broadcast(&r->not_empty);
    pthread_mutex_unlock(&r->mu);
}

size_t ring_count(ring *r)
{
    pthread_mutex_lock(&r->mu);
    size_t n = r->count;
    pthread_mutex_unlock(&r->mu);
    return n;
}

ring_stats ring_get_stats(ring *r)
{
    pthread_mutex_lock(&r->mu);
    ring_stats s = r->stats;
    pthread_mutex_unlock(&r->mu);
    return s;
}
