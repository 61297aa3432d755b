/* arena.c - bump allocation in chained blocks, released all at once. */
#include "arena.h"

#include <stdint.h>
#include <string.h>

static arena *self_of(allocator *a)
{
    return (arena *)a;
}

static char *block_start(arena_block *b)
{
    return (char *)(b + 1);
}

static char *block_end(arena_block *b)
{
    return (char *)b + b->bytes;
}

/* Padding that takes p up to the next multiple of align. */
static size_t padding(const char *p, size_t align)
{
    return (size_t)(-(uintptr_t)p & (align - 1));
}

/* True when a request of size/align fits in [beg, end). */
static int fits(const char *beg, const char *end, size_t size, size_t align)
{
    size_t room = (size_t)(end - beg);
    size_t pad = padding(beg, align);
    return pad <= room && size <= room - pad;
}

static void use_block(arena *a, arena_block *b)
{
    a->cur = b;
    a->beg = block_start(b);
    a->end = block_end(b);
}

/* Moves to a block with room for the request: the next block kept by a
 * reset when it is large enough, else a new one from the parent, inserted
 * after the current block.  False, with the arena unchanged, when the
 * parent refuses. */
static int next_block(arena *a, size_t size, size_t align)
{
    arena_block *kept = a->cur ? a->cur->next : NULL;
    if (kept && fits(block_start(kept), block_end(kept), size, align)) {
        use_block(a, kept);
        return 1;
    }
    size_t header = sizeof(arena_block);
    /* Worst-case padding is align - 1 bytes after the header. */
    if (size > SIZE_MAX - header - (align - 1))
        return 0;
    size_t need = header + (align - 1) + size;
    size_t bytes = need > a->block_size ? need : a->block_size;
    arena_block *b = alloc_bytes(a->parent, bytes, alignof(arena_block));
    if (!b)
        return 0;
    b->bytes = bytes;
    if (a->cur) {
        b->next = a->cur->next;
        a->cur->next = b;
    } else {
        b->next = NULL;
        a->first = b;
    }
    a->blocks++;
    a->reserved += bytes;
    use_block(a, b);
    return 1;
}

static void *arena_alloc(allocator *self, size_t size, size_t align)
{
    arena *a = self_of(self);
    if (size == 0 || !alloc_align_valid(align))
        return NULL;
    if (!a->cur || !fits(a->beg, a->end, size, align)) {
        if (!next_block(a, size, align))
            return NULL;
    }
    char *p = a->beg + padding(a->beg, align);
    a->beg = p + size;
    return p;
}

/* Nothing to do: an arena frees everything at once (reset or release). */
static void arena_free(allocator *self, void *ptr, size_t size)
{
    (void)self;
    (void)ptr;
    (void)size;
}

static void *arena_resize(allocator *self, void *ptr, size_t old_size,
                          size_t new_size, size_t align)
{
    arena *a = self_of(self);
    if (!ptr)
        return arena_alloc(self, new_size, align);
    if (new_size == 0 || !alloc_align_valid(align))
        return NULL;
    char *p = ptr;
    int aligned = padding(p, align) == 0;
    /* The newest allocation ends at beg: it can move its end freely. */
    if (aligned && p + old_size == a->beg && new_size <= (size_t)(a->end - p)) {
        a->beg = p + new_size;
        return p;
    }
    if (aligned && new_size <= old_size)
        return p;
    void *moved = arena_alloc(self, new_size, align);
    if (!moved)
        return NULL;
    memcpy(moved, p, old_size < new_size ? old_size : new_size);
    return moved;
}

void arena_init(arena *a, allocator *parent, size_t block_size)
{
    if (block_size == 0)
        block_size = ARENA_DEFAULT_BLOCK;
    if (block_size < 256)
        block_size = 256;
    *a = (arena){
        .base = {arena_alloc, arena_free, arena_resize},
        .parent = parent,
        .block_size = block_size,
    };
}

void arena_reset(arena *a)
{
    if (a->first)
        use_block(a, a->first);
}

void arena_release(arena *a)
{
    alloc_blocks_free(a->parent, a->first);
    arena_init(a, a->parent, a->block_size);
}
