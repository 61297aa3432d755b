/*
 * mlp.h - several independent pointer chases interleaved in one loop.
 *
 * One chase waits for each miss before it can issue the next load.  With
 * k chases advanced in turn, k misses can be in flight at once: the time
 * per load falls as k grows, until the core's miss buffers (or the memory
 * system) are full.  That is memory-level parallelism.  The chases walk
 * the same single cycle from evenly spaced starting lines, so they never
 * catch up with each other and each load misses as a lone chase's would.
 */
#ifndef GALLERY_MLP_H
#define GALLERY_MLP_H

#include <stdbool.h>
#include <stddef.h>

/* The largest number of chases mlp_walk() takes. */
#define MLP_MAX_CHAINS 64

/*
 * Writes into first[0..k) the lines found at steps 0, n/k, 2n/k, ... of
 * the cycle next[0..n) followed from line 0.  Walks the cycle once (n
 * reads of next[]).  False when k is 0, above MLP_MAX_CHAINS or above n.
 */
bool mlp_spread(const size_t *next, size_t n, size_t k, size_t *first);

/* Advances each of heads[0..k) by 'steps' links, in turn (one load of
 * every chase, then the next round); returns the first head's line. */
void *mlp_walk(void **heads, size_t k, size_t steps);

#endif /* GALLERY_MLP_H */
