/* cache.c - a cache that keeps every result, or only the last few. */
#include "cache.h"

#include <gc/gc.h>
#include <string.h>

bool gc_cache_init(gc_cache *c, bool keeps_all, size_t result_bytes)
{
    *c = (gc_cache){.keeps_all = keeps_all, .result_bytes = result_bytes};
    if (result_bytes < 8)
        return false;
    c->cap = GC_CACHE_KEEP;
    c->slots = GC_MALLOC(c->cap * sizeof *c->slots);
    return c->slots != NULL;
}

/* The keeping cache doubles its slots when full, as a growing array does. */
static bool make_room(gc_cache *c)
{
    if (c->held < c->cap)
        return true;
    if (c->cap > SIZE_MAX / 2 / sizeof *c->slots)
        return false;
    void **grown = GC_REALLOC(c->slots, 2 * c->cap * sizeof *c->slots);
    if (!grown)
        return false;
    c->slots = grown;
    c->cap *= 2;
    return true;
}

bool gc_cache_step(gc_cache *c)
{
    uint64_t *r = GC_MALLOC_ATOMIC(c->result_bytes);
    if (!r)
        return false;
    memset(r, 0, c->result_bytes);
    r[0] = c->steps;
    if (c->keeps_all) {
        if (!make_room(c))
            return false;
        c->slots[c->held++] = r;
    } else {
        /* The oldest result is overwritten: nothing refers to it now. */
        c->slots[c->steps % GC_CACHE_KEEP] = r;
        if (c->held < GC_CACHE_KEEP)
            c->held++;
    }
    c->sum += c->steps;
    c->steps++;
    return true;
}

uint64_t gc_cache_held_sum(const gc_cache *c, size_t *count)
{
    uint64_t sum = 0;
    for (size_t i = 0; i < c->held; i++)
        sum += ((const uint64_t *)c->slots[i])[0];
    *count = c->held;
    return sum;
}

void gc_cache_drop(gc_cache *c)
{
    c->slots = NULL;
    c->held = c->cap = 0;
}
