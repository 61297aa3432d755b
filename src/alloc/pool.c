/* pool.c - fixed-size slots carved from slabs, recycled through a free list. */
#include "pool.h"

#include <stdint.h>

/* A free slot holds only the link to the next free slot. */
struct pool_slot {
    pool_slot *next;
};

static pool *self_of(allocator *a)
{
    return (pool *)a;
}

static size_t round_up(size_t x, size_t align)
{
    return (x + align - 1) & ~(align - 1);
}

/* Offset of the first slot in a slab: after the header, aligned. */
static size_t slots_offset(const pool *p)
{
    return round_up(sizeof(pool_slab), p->slot_align);
}

static int accepts(const pool *p, size_t size, size_t align)
{
    return size != 0 && size <= p->slot_size && alloc_align_valid(align) &&
           align <= p->slot_align;
}

/* Takes a new slab from the parent; its slots become the carve range. */
static int new_slab(pool *p)
{
    size_t align = p->slot_align > alignof(pool_slab) ? p->slot_align
                                                       : alignof(pool_slab);
    pool_slab *s = alloc_bytes(p->parent, p->slab_bytes, align);
    if (!s)
        return 0;
    s->next = p->slabs;
    s->bytes = p->slab_bytes;
    p->slabs = s;
    p->slab_count++;
    p->carve = (char *)s + slots_offset(p);
    p->carve_end = (char *)s + p->slab_bytes;
    return 1;
}

static void *pool_alloc(allocator *self, size_t size, size_t align)
{
    pool *p = self_of(self);
    if (!accepts(p, size, align))
        return NULL;
    pool_slot *slot = p->free_list;
    if (slot) {
        p->free_list = slot->next;
    } else {
        /* Fresh slots are handed out in address order, and only touched
         * when handed out, so an unused slab costs no resident memory. */
        if (p->carve == p->carve_end && !new_slab(p))
            return NULL;
        slot = (pool_slot *)p->carve;
        p->carve += p->slot_size;
    }
    p->live++;
    return slot;
}

static void pool_free(allocator *self, void *ptr, size_t size)
{
    (void)size;
    if (!ptr)
        return;
    pool *p = self_of(self);
    pool_slot *slot = ptr;
    slot->next = p->free_list;
    p->free_list = slot;
    p->live--;
}

static void *pool_resize(allocator *self, void *ptr, size_t old_size,
                         size_t new_size, size_t align)
{
    (void)old_size;
    if (!ptr)
        return pool_alloc(self, new_size, align);
    return accepts(self_of(self), new_size, align) ? ptr : NULL;
}

bool pool_init(pool *p, allocator *parent, size_t object_size,
               size_t object_align, size_t slots_per_slab)
{
    *p = (pool){0};
    if (!parent || object_size == 0 || !alloc_align_valid(object_align) ||
        object_align > 4096 || slots_per_slab == 0)
        return false;
    size_t align = object_align > alignof(pool_slot) ? object_align
                                                      : alignof(pool_slot);
    size_t size = object_size > sizeof(pool_slot) ? object_size : sizeof(pool_slot);
    if (size > SIZE_MAX - align)
        return false;
    size = round_up(size, align);
    size_t offset = round_up(sizeof(pool_slab), align);
    if (slots_per_slab > (SIZE_MAX - offset) / size)
        return false;
    *p = (pool){
        .base = {pool_alloc, pool_free, pool_resize},
        .parent = parent,
        .slot_size = size,
        .slot_align = align,
        .slots_per_slab = slots_per_slab,
        .slab_bytes = offset + slots_per_slab * size,
    };
    return true;
}

size_t pool_slot_size(const pool *p)
{
    return p->slot_size;
}

void pool_release(pool *p)
{
    alloc_blocks_free(p->parent, p->slabs);
    p->slabs = NULL;
    p->slab_count = 0;
    p->free_list = NULL;
    p->carve = p->carve_end = NULL;
    p->live = 0;
}
