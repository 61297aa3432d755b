/*
 * rng.h - a small seeded random generator and the permutations built on it.
 *
 * Every random choice in the suite goes through here with an explicit seed,
 * so a run can be repeated exactly and the seed printed beside its results.
 * The generator is SplitMix64 (Steele, Lea and Flood, "Fast splittable
 * pseudorandom number generators", OOPSLA 2014): tiny, fast, and good
 * enough for shuffling and test data.  Not for cryptography.
 */
#ifndef RNG_H
#define RNG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct rng {
    uint64_t state;
} rng;

static inline rng rng_seeded(uint64_t seed)
{
    return (rng){seed};
}

uint64_t rng_next(rng *r);

/* Uniform in [0, bound) without modulo bias; bound must be > 0. */
uint64_t rng_below(rng *r, uint64_t bound);

/* Fills order[0..n) with 0..n-1 in a uniformly random order (Fisher-Yates). */
void rng_permutation(rng *r, size_t *order, size_t n);

/* Fills next[0..n) so that i -> next[i] visits all n indices in one single
 * cycle, chosen uniformly among such cycles (Sattolo's algorithm).  For
 * n == 1 the cycle is 0 -> 0. */
void rng_single_cycle(rng *r, size_t *next, size_t n);

/* Parses a seed as a command line gives it: a non-negative integer in
 * decimal, or in hex or octal with C's 0x or 0 prefix.  False, *seed
 * untouched, for anything else: empty, a sign or a blank before the
 * digits (strtoull would read " -1" as 2^64 - 1), trailing text, or a
 * value past 2^64 - 1. */
bool rng_seed_parse(const char *text, uint64_t *seed);

#endif /* RNG_H */
