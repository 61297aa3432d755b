/* cycle.c - one working set's single-cycle chase order, checked and kept. */
#include "stride/cycle.h"

#include "harness/rng.h"
#include "stride/chase.h"

void chase_cycle_release(chase_cycle *c)
{
    if (c->next)
        alloc_free(&c->counter.base, c->next, c->lines * sizeof *c->next);
    c->next = NULL;
}

bool chase_cycle_hold(chase_cycle *c, size_t lines, uint64_t seed)
{
    if (c->next && c->lines == lines)
        return true;
    chase_cycle_release(c);
    counting_init(&c->counter, alloc_libc());
    c->next = ALLOC_ARRAY(&c->counter.base, size_t, lines);
    if (!c->next)
        return false;
    c->lines = lines;
    rng r = rng_seeded(seed);
    rng_single_cycle(&r, c->next, lines);
    c->checked = lines <= CYCLE_CHECK_MAX_LINES;
    c->single = !c->checked || chase_is_single_cycle(c->next, lines);
    return true;
}
