/*
 * pool.c - reference solution of part (b): equal slots carved from slabs,
 * freed slots kept on a list threaded through the slots themselves.
 */
#include "lab.h"

#include <stdint.h>
#include <stdlib.h>

/* A slab starts with this header (one slot's worth, to keep slots aligned). */
typedef struct slab {
    struct slab *next;
    size_t bytes;
} slab;

/* A free slot holds only the link to the next free slot. */
typedef struct free_slot {
    struct free_slot *next;
} free_slot;

typedef struct lab_pool {
    allocator base;          /* first: a lab_pool* is an allocator* */
    allocator *parent;
    size_t slot_size, slots_per_slab, slab_bytes, header_bytes;
    free_slot *free_list;    /* most recently freed first */
    char *carve, *carve_end; /* never-used slots of the newest slab */
    slab *slabs;             /* newest first */
} lab_pool;

static size_t round_up(size_t x, size_t align)
{
    return (x + align - 1) / align * align;
}

static int fits(const lab_pool *p, size_t size, size_t align)
{
    return size != 0 && size <= p->slot_size && align != 0 &&
           (align & (align - 1)) == 0 && align <= LAB_POOL_ALIGN;
}

/* A new slab's slots become the carve range; false when the parent refuses. */
static int new_slab(lab_pool *p)
{
    slab *s = alloc_bytes(p->parent, p->slab_bytes, LAB_POOL_ALIGN);
    if (!s)
        return 0;
    s->next = p->slabs;
    s->bytes = p->slab_bytes;
    p->slabs = s;
    p->carve = (char *)s + p->header_bytes;
    p->carve_end = (char *)s + p->slab_bytes;
    return 1;
}

static void *pool_alloc(allocator *self, size_t size, size_t align)
{
    lab_pool *p = (lab_pool *)self;
    if (!fits(p, size, align))
        return NULL;
    if (p->free_list) {
        free_slot *s = p->free_list;
        p->free_list = s->next;
        return s;
    }
    if (p->carve == p->carve_end && !new_slab(p))
        return NULL;
    void *slot = p->carve;
    p->carve += p->slot_size;
    return slot;
}

static void pool_free(allocator *self, void *ptr, size_t size)
{
    (void)size;
    if (!ptr)
        return;
    lab_pool *p = (lab_pool *)self;
    free_slot *s = ptr;
    s->next = p->free_list;
    p->free_list = s;
}

/* A slot cannot grow: a new size that still fits keeps it in place. */
static void *pool_resize(allocator *self, void *ptr, size_t old_size,
                         size_t new_size, size_t align)
{
    (void)old_size;
    if (!ptr)
        return pool_alloc(self, new_size, align);
    return fits((lab_pool *)self, new_size, align) ? ptr : NULL;
}

allocator *lab_pool_create(allocator *parent, size_t object_size,
                           size_t slots_per_slab)
{
    if (!parent || object_size == 0 || slots_per_slab == 0 ||
        object_size > SIZE_MAX / 2)
        return NULL;
    size_t slot = round_up(object_size < sizeof(free_slot) ? sizeof(free_slot)
                                                           : object_size,
                           LAB_POOL_ALIGN);
    size_t header = round_up(sizeof(slab), LAB_POOL_ALIGN);
    if (slots_per_slab > (SIZE_MAX - header) / slot)
        return NULL;
    lab_pool *p = malloc(sizeof *p);
    if (!p)
        return NULL;
    *p = (lab_pool){
        .base = {pool_alloc, pool_free, pool_resize},
        .parent = parent,
        .slot_size = slot,
        .slots_per_slab = slots_per_slab,
        .slab_bytes = header + slots_per_slab * slot,
        .header_bytes = header,
    };
    return &p->base;
}

void lab_pool_destroy(allocator *pool)
{
    lab_pool *p = (lab_pool *)pool;
    if (!p)
        return;
    for (slab *s = p->slabs, *next; s; s = next) {
        next = s->next;
        alloc_free(p->parent, s, s->bytes);
    }
    free(p);
}
