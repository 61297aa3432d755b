/*
 * orders.h - the orders in which the gallery's chases visit cache lines.
 *
 * A chase (stride/chase.h) follows next[]: line i holds the address of
 * line next[i].  What a load costs depends on the order: one line after
 * another (the prefetcher sees it coming), a fixed stride of lines (it
 * may), all lines at random (it cannot), or at random within each page
 * before moving to the next page (the TLB holds the page throughout).
 * Each order here is a visiting order[] of every line exactly once,
 * turned into a single cycle next[] by orders_to_cycle(), so every chase
 * walks all its lines and never falls into a shorter loop.
 */
#ifndef GALLERY_ORDERS_H
#define GALLERY_ORDERS_H

#include "harness/rng.h"

#include <stdbool.h>
#include <stddef.h>

/* next[order[k]] = order[k + 1], and the last back to order[0]: one cycle
 * through the n lines when order[] is a permutation of 0..n-1. */
void orders_to_cycle(const size_t *order, size_t *next, size_t n);

/* order = 0, s, 2s, ..., then 1, 1 + s, ..., up to s - 1 + ...: every line
 * once, each run of the walk s lines apart.  s = 1 is the sequential
 * order.  False (order untouched) when s is 0. */
bool orders_strided(size_t *order, size_t n, size_t s);

/* Pages (runs of per_page lines) in a random order, and the lines of each
 * page in a random order, all from r: consecutive entries share a page
 * except where the walk moves to the next page.  False (order untouched)
 * when per_page is 0 or does not divide n. */
bool orders_page_local(rng *r, size_t *order, size_t n, size_t per_page);

#endif /* GALLERY_ORDERS_H */
