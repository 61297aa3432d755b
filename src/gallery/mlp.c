/* mlp.c - k independent chases over one cycle, advanced in turn. */
#include "mlp.h"

bool mlp_spread(const size_t *next, size_t n, size_t k, size_t *first)
{
    if (k == 0 || k > MLP_MAX_CHAINS || k > n)
        return false;
    size_t line = 0, j = 0;
    for (size_t step = 0; step < n && j < k; step++, line = next[line])
        if (step == j * (n / k))
            first[j++] = line;
    return j == k;
}

void *mlp_walk(void **heads, size_t k, size_t steps)
{
    /* The heads live in a small array that stays in L1: each round reads
     * and writes it, which costs a few cycles beside a miss of 100 ns. */
    for (size_t s = 0; s < steps; s++)
        for (size_t j = 0; j < k; j++)
            heads[j] = *(void **)heads[j];
    return heads[0];
}
