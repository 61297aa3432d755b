/*
 * rcring.h - rings of reference-counted links: the cycles of claim A2.
 *
 * A ring of n links, each holding a counted reference to the next (n = 1:
 * a link that holds itself; n = 2: two objects that point at each other,
 * the article's a["b"] = b; b["a"] = a).  Once the program drops its own
 * reference, every link still has a count of one, held by its neighbour:
 * counting alone never frees any of them.
 */
#ifndef RCRING_H
#define RCRING_H

#include "alloc.h"
#include "refcount.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rc_link {
    rc_header h;
    struct rc_link *next;
    uint64_t value;
};

/* The rc_type of rc_link (one child: next). */
extern const rc_type rc_link_type;

/*
 * Makes a ring of n >= 1 links through 'a' and drops the caller's
 * reference, as a program does when its last variable goes: the ring is
 * then unreachable and, under counting alone, leaked.  Stores one of its
 * links in *any (not a reference: only so that rc_ring_break can reach
 * the ring).  Returns false when an allocation failed, after freeing what
 * it had made, or when n is 0.
 */
bool rc_ring_make(allocator *a, size_t n, struct rc_link **any);

/* Cuts the ring at 'any' and drops the reference the cut link held, as a
 * cycle collector would: the whole ring is then freed by counting.
 * Returns the number of links freed (n). */
size_t rc_ring_break(allocator *a, struct rc_link *any);

#endif /* RCRING_H */
