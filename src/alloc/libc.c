/* libc.c - the allocator interface over the C library's malloc family. */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

/* malloc already aligns to max_align_t; only larger alignments need
 * aligned_alloc, whose size must be a multiple of the alignment. */
static void *libc_alloc(allocator *self, size_t size, size_t align)
{
    (void)self;
    if (size == 0 || !alloc_align_valid(align))
        return NULL;
    if (align <= alignof(max_align_t))
        return malloc(size);
    size_t rounded = (size + align - 1) & ~(align - 1);
    if (rounded < size)
        return NULL;
    return aligned_alloc(align, rounded);
}

static void libc_free(allocator *self, void *ptr, size_t size)
{
    (void)self;
    (void)size;
    free(ptr);
}

/* realloc keeps only malloc's alignment, so over-aligned blocks are moved
 * by hand: allocate, copy the smaller size, free. */
static void *libc_resize(allocator *self, void *ptr, size_t old_size,
                         size_t new_size, size_t align)
{
    if (!ptr)
        return libc_alloc(self, new_size, align);
    if (new_size == 0 || !alloc_align_valid(align))
        return NULL;
    if (align <= alignof(max_align_t))
        return realloc(ptr, new_size);
    void *moved = libc_alloc(self, new_size, align);
    if (!moved)
        return NULL;
    memcpy(moved, ptr, old_size < new_size ? old_size : new_size);
    free(ptr);
    return moved;
}

allocator *alloc_libc(void)
{
    static allocator libc = {libc_alloc, libc_free, libc_resize};
    return &libc;
}
