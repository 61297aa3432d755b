/*
 * rings.h - claim A2's second half: the rings of counted links that
 * reference counting leaks (alloc/rcring.h) are reclaimed by a tracing
 * collector, which frees whatever it cannot reach, cycle or not.
 *
 * The ring is made through the collector's heap (gc_alloc.h) exactly as
 * rcring.h makes it on malloc, and dropped.  Before collecting, every
 * link still has a count of one (held by its neighbour): counting alone
 * would leak them all.  Each link is watched by a weak reference (a
 * "disappearing link", GC_general_register_disappearing_link, kept in
 * memory the collector does not scan), which the collector clears when it
 * reclaims the link: the number cleared after a full collection is the
 * number reclaimed, exact.
 */
#ifndef GC_RINGS_H
#define GC_RINGS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct gc_ring_outcome {
    size_t objects;         /* links made */
    size_t counted_live;    /* links whose count was still above zero
                               once the ring was dropped: what counting
                               alone leaks */
    size_t reclaimed;       /* links the collector reclaimed */
    size_t collections;     /* full collections it took (at most 3) */
} gc_ring_outcome;

/*
 * Makes one ring of n >= 1 counted links under the collector (started:
 * collector.h), drops it, and collects until every link is reclaimed or
 * three full collections have run (a stale copy of a pointer in a
 * register may keep the ring alive for one).  Fills *out.  Returns false
 * when n is 0 or memory ran out (out is then zero).
 */
bool gc_ring_reclaim(size_t n, gc_ring_outcome *out);

#endif /* GC_RINGS_H */
