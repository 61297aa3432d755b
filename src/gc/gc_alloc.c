/* gc_alloc.c - the allocator interface over GC_MALLOC. */
#include "gc_alloc.h"

#include <gc/gc.h>

/* GC_MALLOC returns blocks aligned to GC_GRANULE_BYTES (16 on x86-64). */
#define GC_ALIGN 16

static void *gc_alloc_fn(allocator *self, size_t size, size_t align)
{
    (void)self;
    if (size == 0 || !alloc_align_valid(align) || align > GC_ALIGN)
        return NULL;
    return GC_MALLOC(size);
}

static void gc_free_fn(allocator *self, void *ptr, size_t size)
{
    (void)self;
    (void)size;
    GC_FREE(ptr);
}

static void *gc_resize_fn(allocator *self, void *ptr, size_t old_size,
                          size_t new_size, size_t align)
{
    (void)self;
    (void)old_size;
    if (new_size == 0 || !alloc_align_valid(align) || align > GC_ALIGN)
        return NULL;
    return GC_REALLOC(ptr, new_size);
}

static allocator gc_allocator = {gc_alloc_fn, gc_free_fn, gc_resize_fn};

allocator *alloc_gc(void)
{
    return &gc_allocator;
}
