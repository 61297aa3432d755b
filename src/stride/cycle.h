/*
 * cycle.h - the chase order of one working set: a single cycle through
 * its lines (Sattolo, harness/rng.h), drawn from the seed, checked once
 * when small enough, and kept for both page kinds of that working set.
 */
#ifndef STRIDE_CYCLE_H
#define STRIDE_CYCLE_H

#include "alloc/counting.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest cycle walked to check it: a walk of next[] costs one random
 * read per line, seconds for a 1 GiB ring; Sattolo's algorithm gives one
 * cycle by construction, and tests/test_rng.c checks it does. */
#define CYCLE_CHECK_MAX_LINES ((size_t)1 << 20)

typedef struct chase_cycle {
    counting_allocator counter;
    size_t *next;         /* next[i]: the line after line i */
    size_t lines;
    bool checked;         /* walked once to prove it is one cycle */
    bool single;          /* ...and it was (assumed when not checked) */
} chase_cycle;

/* Makes c the cycle through 'lines' lines drawn from 'seed', unless it
 * already has that many lines (then it is kept, whatever the seed).
 * False when out of memory (c then holds nothing).  c starts zeroed. */
bool chase_cycle_hold(chase_cycle *c, size_t lines, uint64_t seed);

/* Frees c's order; safe when it holds nothing. */
void chase_cycle_release(chase_cycle *c);

#endif /* STRIDE_CYCLE_H */
