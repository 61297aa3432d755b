/* rings.c - a dropped ring of counted links, reclaimed by the collector. */
#include "rings.h"

#include "alloc/rcring.h"
#include "collector.h"
#include "gc_alloc.h"

#include <gc/gc.h>
#include <stdint.h>
#include <stdlib.h>

/* What a watch slot holds until the collector clears it: not an address. */
#define WATCHED ((void *)(uintptr_t)1)

/* Makes the ring and watches each link; returns false when out of memory.
 * noinline: its frame, where the links' addresses passed, is below the
 * caller's and gets cleared before collecting. */
__attribute__((noinline)) static bool make_watched_ring(size_t n, void **watch,
                                                        size_t *counted_live)
{
    struct rc_link *any;
    if (!rc_ring_make(alloc_gc(), n, &any))
        return false;
    struct rc_link *l = any;
    for (size_t i = 0; i < n; i++, l = l->next) {
        *counted_live += rc_count(l) > 0;
        /* The slot holds a mark, not the link's address: the collector
         * clears it all the same, and no copy of a pointer to the ring is
         * left anywhere (with AddressSanitizer, memory from calloc was
         * seen to keep a whole ring alive). */
        watch[i] = WATCHED;
        if (GC_general_register_disappearing_link(&watch[i], l) != GC_SUCCESS) {
            watch[i] = NULL;
            return false;
        }
    }
    return true;
}

static size_t cleared(void *const *watch, size_t n)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        k += watch[i] == NULL;
    return k;
}

bool gc_ring_reclaim(size_t n, gc_ring_outcome *out)
{
    *out = (gc_ring_outcome){0};
    if (n == 0)
        return false;
    /* From malloc: the collector never scans it, so the watch does not
     * keep the links alive. */
    void **watch = calloc(n, sizeof *watch);
    if (!watch)
        return false;
    size_t counted_live = 0;
    bool made = make_watched_ring(n, watch, &counted_live);
    size_t collections = 0;
    while (made && collections < 3 && cleared(watch, n) < n) {
        gc_clear_stack();
        gc_collect();
        collections++;
    }
    size_t reclaimed = cleared(watch, n);
    /* A link still watched would have its slot written to later, after
     * the watch is freed. */
    for (size_t i = 0; i < n; i++)
        if (watch[i])
            GC_unregister_disappearing_link(&watch[i]);
    free(watch);
    if (!made)
        return false;
    *out = (gc_ring_outcome){n, counted_live, reclaimed, collections};
    return true;
}
