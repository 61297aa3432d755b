/* locked.c - one mutex around another allocator's calls. */
#include "locked.h"

static locked_allocator *self_of(allocator *a)
{
    return (locked_allocator *)a;
}

static void *locked_alloc(allocator *a, size_t size, size_t align)
{
    locked_allocator *l = self_of(a);
    pthread_mutex_lock(&l->mu);
    void *p = l->inner->alloc(l->inner, size, align);
    pthread_mutex_unlock(&l->mu);
    return p;
}

static void locked_free(allocator *a, void *ptr, size_t size)
{
    locked_allocator *l = self_of(a);
    pthread_mutex_lock(&l->mu);
    l->inner->free(l->inner, ptr, size);
    pthread_mutex_unlock(&l->mu);
}

static void *locked_resize(allocator *a, void *ptr, size_t old_size, size_t new_size,
                           size_t align)
{
    locked_allocator *l = self_of(a);
    pthread_mutex_lock(&l->mu);
    void *p = l->inner->resize(l->inner, ptr, old_size, new_size, align);
    pthread_mutex_unlock(&l->mu);
    return p;
}

void locked_init(locked_allocator *l, allocator *inner)
{
    l->base = (allocator){locked_alloc, locked_free, locked_resize};
    l->inner = inner;
    pthread_mutex_init(&l->mu, NULL);
}

void locked_destroy(locked_allocator *l)
{
    pthread_mutex_destroy(&l->mu);
}
