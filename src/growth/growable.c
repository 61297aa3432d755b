/* growable.c - a dynamic array growing by a policy, by realloc or by copy. */
#include "growable.h"

#include "harness/enum_text.h"

#include <string.h>

const char *growable_method_name(growable_method m)
{
    return m == GROW_REALLOC ? "realloc" : "copy";
}

static const char *const status_texts[] = {
    [GROWABLE_OK] = "ok",
    [GROWABLE_NO_MEMORY] = "out of memory",
    [GROWABLE_TOO_LARGE] = "size times count too large",
    [GROWABLE_BAD_ARGUMENT] = "bad argument",
};

const char *growable_status_text(growable_status s)
{
    return ENUM_TEXT(status_texts, s, "unknown status");
}

growable_status growable_init(growable *g, size_t elem_size, size_t elem_align,
                              const growth_policy *p, growable_method m,
                              allocator *a)
{
    if (!g)
        return GROWABLE_BAD_ARGUMENT;
    *g = (growable){0};
    /* An element size that is not a multiple of the alignment would put
     * element 1 at a misaligned address. */
    if (elem_size == 0 || elem_align == 0 || (elem_align & (elem_align - 1)) != 0 ||
        elem_size % elem_align != 0 || !p || !a ||
        (m != GROW_REALLOC && m != GROW_COPY))
        return GROWABLE_BAD_ARGUMENT;
    g->elem_size = elem_size;
    g->elem_align = elem_align;
    g->policy = p;
    g->method = m;
    g->alloc = a;
    return GROWABLE_OK;
}

/* Moves the elements into a block of new_cap (> cap) elements.  The byte
 * count was checked to fit by the caller.  On failure nothing changes. */
static growable_status set_capacity(growable *g, size_t new_cap)
{
    size_t old_bytes = g->cap * g->elem_size, new_bytes = new_cap * g->elem_size;
    size_t live = g->len * g->elem_size;
    unsigned char *p;

    if (!g->data) {
        p = alloc_bytes(g->alloc, new_bytes, g->elem_align);
        if (!p)
            return GROWABLE_NO_MEMORY;
    } else if (g->method == GROW_REALLOC) {
        p = g->alloc->resize(g->alloc, g->data, old_bytes, new_bytes, g->elem_align);
        if (!p)
            return GROWABLE_NO_MEMORY;
        g->stats.reallocations++;
        if (p != g->data) {
            g->stats.moves++;
            g->stats.bytes_relocated += live;
            if (g->remap_min_bytes && old_bytes >= g->remap_min_bytes) {
                g->stats.large_moves++;
                g->stats.bytes_remapped += live;
            }
        }
    } else {
        p = alloc_bytes(g->alloc, new_bytes, g->elem_align);
        if (!p)
            return GROWABLE_NO_MEMORY;
        memcpy(p, g->data, live);
        alloc_free(g->alloc, g->data, old_bytes);
        g->stats.reallocations++;
        g->stats.moves++;
        g->stats.bytes_copied += live;
    }
    g->stats.growths++;
    g->data = p;
    g->cap = new_cap;
    return GROWABLE_OK;
}

growable_status growable_reserve(growable *g, size_t capacity)
{
    if (!g || !g->alloc)
        return GROWABLE_BAD_ARGUMENT;
    if (capacity <= g->cap)
        return GROWABLE_OK;
    if (capacity > (size_t)PTRDIFF_MAX / g->elem_size)
        return GROWABLE_TOO_LARGE;
    return set_capacity(g, capacity);
}

growable_status growable_reserve_more(growable *g, size_t extra)
{
    if (!g || !g->alloc)
        return GROWABLE_BAD_ARGUMENT;
    if (extra <= g->cap - g->len)
        return GROWABLE_OK;
    if (extra > SIZE_MAX - g->len)
        return GROWABLE_TOO_LARGE;
    size_t next = growth_next_capacity(g->policy, g->cap, g->len, g->len + extra,
                                       g->elem_size);
    if (next == 0)
        return GROWABLE_TOO_LARGE;
    return set_capacity(g, next);
}

growable_status growable_grow_one(growable *g)
{
    return growable_reserve_more(g, 1);
}

growable_status growable_append(growable *g, const void *elems, size_t n)
{
    if (!g || !g->alloc)
        return GROWABLE_BAD_ARGUMENT;
    if (n == 0)
        return GROWABLE_OK;
    if (!elems)
        return GROWABLE_BAD_ARGUMENT;
    growable_status s = growable_reserve_more(g, n);
    if (s != GROWABLE_OK)
        return s;
    memcpy(g->data + g->len * g->elem_size, elems, n * g->elem_size);
    g->len += n;
    return GROWABLE_OK;
}

void growable_release(growable *g)
{
    if (!g || !g->data)
        return;
    alloc_free(g->alloc, g->data, g->cap * g->elem_size);
    g->data = NULL;
    g->len = g->cap = 0;
}
