/* refcount.c - retain, release, and the iterative free of what reaches zero. */
#include "refcount.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A count already at zero means the object was freed: releasing it again
 * would free it twice (or decrement someone else's memory). */
static void check_live(const rc_header *h)
{
#ifndef NDEBUG
    if (h->u.count == 0) {
        fprintf(stderr, "rc_release: double release of a %s at %p\n",
                h->type ? h->type->name : "(unknown)", (const void *)h);
        abort();
    }
#else
    (void)h;
#endif
}

static int valid_type(const rc_type *t)
{
    return t && t->size >= sizeof(rc_header) && t->align != 0 &&
           (t->align & (t->align - 1)) == 0 && t->align >= alignof(rc_header);
}

void *rc_new(allocator *a, const rc_type *type)
{
    if (!valid_type(type))
        return NULL;
    rc_header *h = alloc_bytes(a, type->size, type->align);
    if (!h)
        return NULL;
    memset(h, 0, type->size);
    h->u.count = 1;
    h->type = type;
    return h;
}

void *rc_retain(void *obj)
{
    if (obj) {
        rc_header *h = obj;
        check_live(h);
        h->u.count++;
    }
    return obj;
}

size_t rc_count(const void *obj)
{
    return ((const rc_header *)obj)->u.count;
}

/* The child pointer stored at 'offset' in obj.  memcpy reads the field
 * whatever its declared pointer type, without breaking aliasing rules. */
static rc_header *child_at(const rc_header *obj, size_t offset)
{
    void *child;
    memcpy(&child, (const char *)obj + offset, sizeof child);
    return child;
}

size_t rc_release(allocator *a, void *obj)
{
    if (!obj)
        return 0;
    rc_header *h = obj;
    check_live(h);
    if (--h->u.count != 0)
        return 0;
    /* Objects at zero wait on a list linked through their count field
     * (their count is no longer needed), so a deep structure is freed
     * without recursion and without allocating. */
    size_t freed = 0;
    h->u.next_dead = NULL;
    rc_header *dead = h;
    while (dead) {
        rc_header *d = dead;
        dead = d->u.next_dead;
        const rc_type *t = d->type;
        for (size_t i = 0; i < t->nchildren; i++) {
            rc_header *c = child_at(d, t->child_offsets[i]);
            if (!c)
                continue;
            check_live(c);
            if (--c->u.count == 0) {
                c->u.next_dead = dead;
                dead = c;
            }
        }
        d->u.count = 0;
        alloc_free(a, d, t->size);
        freed++;
    }
    return freed;
}
