/*
 * chase.h - a dependent-load pointer chase over cache lines in one cycle.
 *
 * Each cache line of a buffer holds, in its first bytes, the address of
 * the next line to visit; the visit order is one random cycle through
 * every line (Sattolo's algorithm, rng_single_cycle()).  Each load's
 * address is the value of the previous load, so no two loads overlap and
 * the hardware prefetcher finds no pattern: the time per load is the
 * latency of wherever the line lives (L1, L2, L3 or DRAM), the way
 * lmbench's lat_mem_rd measures it.
 */
#ifndef CHASE_H
#define CHASE_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Writes into each of the n lines at buf (line i starts at buf + i *
 * line_bytes) the address of line next[i].  line_bytes must be at least
 * sizeof(void *) and a multiple of it; buf must be pointer-aligned and
 * hold n * line_bytes bytes.
 */
void chase_link(void *buf, size_t line_bytes, const size_t *next, size_t n);

/* Follows 'steps' links from p and returns the line reached.  p must be a
 * line of a linked buffer. */
void *chase_walk(void *p, size_t steps);

/* True when i -> next[i] is one cycle through all n indices (n >= 1, every
 * next[i] < n).  Walks the cycle once: n dependent reads of next[]. */
bool chase_is_single_cycle(const size_t *next, size_t n);

#endif /* CHASE_H */
