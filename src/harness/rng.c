/* rng.c - SplitMix64, unbiased bounded draws, shuffles, single cycles
 * and the seed as a command line gives it. */
#include "rng.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>

/* A GCC and Clang extension on 64-bit targets; __extension__ quiets -Wpedantic. */
__extension__ typedef unsigned __int128 u128;

uint64_t rng_next(rng *r)
{
    uint64_t z = (r->state += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

/* Lemire's multiply-then-reject method ("Fast random integer generation in
 * an interval", 2019): the high half of a 128-bit product, redrawn in the
 * rare case that would favour some values. */
uint64_t rng_below(rng *r, uint64_t bound)
{
    u128 m = (u128)rng_next(r) * bound;
    uint64_t low = (uint64_t)m;
    if (low < bound) {
        uint64_t threshold = -bound % bound;
        while (low < threshold) {
            m = (u128)rng_next(r) * bound;
            low = (uint64_t)m;
        }
    }
    return (uint64_t)(m >> 64);
}

void rng_permutation(rng *r, size_t *order, size_t n)
{
    for (size_t i = 0; i < n; i++)
        order[i] = i;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)rng_below(r, i);
        size_t t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
}

/* Sattolo differs from Fisher-Yates only in drawing j from [0, i-1)
 * instead of [0, i): an element never stays in place, which yields one
 * cycle through all n positions. */
void rng_single_cycle(rng *r, size_t *next, size_t n)
{
    for (size_t i = 0; i < n; i++)
        next[i] = i;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)rng_below(r, i - 1);
        size_t t = next[i - 1];
        next[i - 1] = next[j];
        next[j] = t;
    }
}

bool rng_seed_parse(const char *text, uint64_t *seed)
{
    if (!text || !seed || !isdigit((unsigned char)text[0]))
        return false;
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 0);
    if (errno || *end)
        return false;
    *seed = v;
    return true;
}
