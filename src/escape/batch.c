/* batch.c - a batch of calls returning a record by value, heap or arena. */
#include "escape/batch.h"

#include "alloc/counting.h"
#include "escape/escape.h"

#include <math.h>
#include <stdint.h>

const escape_variant escape_variants[ESCAPE_VARIANT_COUNT] = {
    {"value", BY_VALUE},
    {"heap", ON_HEAP},
    {"arena", IN_ARENA},
};

/* One batch of calls, by value. */
static double batch_by_value(void)
{
    double sum = 0;
    for (int64_t id = 0; id < ESCAPE_CALLS; id++) {
        struct user u = escape_user_value(id);
        if (u.active)
            sum += u.score;
    }
    return sum;
}

/* One batch of calls that each return a heap pointer, freed after use;
 * NAN when an allocation failed. */
static double batch_on_heap(allocator *a)
{
    double sum = 0;
    for (int64_t id = 0; id < ESCAPE_CALLS; id++) {
        struct user *u = escape_user_heap(a, id);
        if (!u)
            return NAN;
        if (u->active)
            sum += u->score;
        alloc_free(a, u, sizeof *u);
    }
    return sum;
}

double escape_batch(escape_mode v, allocator *libc, arena *ar)
{
    switch (v) {
    case BY_VALUE:
        return batch_by_value();
    case ON_HEAP:
        return batch_on_heap(libc);
    case IN_ARENA: {
        double sum = batch_on_heap(&ar->base);
        arena_reset(ar);
        return sum;
    }
    }
    return NAN;
}

escape_counts escape_count_batch(escape_mode v)
{
    counting_allocator sys, top;
    counting_init(&sys, alloc_libc());
    arena ar;
    arena_init(&ar, &sys.base, 0);
    /* Counts what the variant asks of its own allocator: libc through
     * sys for the heap, the arena (over sys) for the arena. */
    counting_init(&top, v == IN_ARENA ? &ar.base : &sys.base);
    escape_counts c = {0};
    double sum = v == BY_VALUE ? batch_by_value() : batch_on_heap(&top.base);
    (void)sum;
    c.allocs_per_call = (double)top.stats.alloc_calls / ESCAPE_CALLS;
    c.malloc_per_call = (double)sys.stats.alloc_calls / ESCAPE_CALLS;
    c.peak_bytes = sys.stats.peak_live_bytes;
    arena_release(&ar);
    return c;
}
