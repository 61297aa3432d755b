/* chase.c - link cache lines into a cycle and walk it one load at a time. */
#include "chase.h"

void chase_link(void *buf, size_t line_bytes, const size_t *next, size_t n)
{
    char *base = buf;
    /* Written in line order: sequential stores, so building a 1 GiB ring
     * costs one pass over it, whatever order the cycle visits. */
    for (size_t i = 0; i < n; i++)
        *(void **)(base + i * line_bytes) = base + next[i] * line_bytes;
}

void *chase_walk(void *p, size_t steps)
{
    void *const *q = p;
    /* Each load waits for the previous one; unrolling only trims the loop
     * counter's share, which runs beside the loads anyway. */
#pragma GCC unroll 8
    for (size_t i = 0; i < steps; i++)
        q = *q;
    return (void *)q;
}

bool chase_is_single_cycle(const size_t *next, size_t n)
{
    if (n == 0)
        return false;
    size_t i = 0, visited = 0;
    do {
        if (next[i] >= n)
            return false;
        i = next[i];
        visited++;
    } while (i != 0 && visited <= n);
    return i == 0 && visited == n;
}
