/* orders.c - visiting orders of cache lines, and the cycle each makes. */
#include "orders.h"

void orders_to_cycle(const size_t *order, size_t *next, size_t n)
{
    for (size_t k = 0; k < n; k++)
        next[order[k]] = order[k + 1 < n ? k + 1 : 0];
}

bool orders_strided(size_t *order, size_t n, size_t s)
{
    if (s == 0)
        return false;
    size_t k = 0;
    for (size_t start = 0; start < s && start < n; start++)
        for (size_t i = start; i < n; i += s)
            order[k++] = i;
    return true;
}

bool orders_page_local(rng *r, size_t *order, size_t n, size_t per_page)
{
    if (per_page == 0 || n % per_page)
        return false;
    size_t pages = n / per_page;
    /* The pages' order first, in the first 'pages' slots; then each page
     * expanded from the back, so a slot is read before it is overwritten. */
    rng_permutation(r, order, pages);
    for (size_t p = pages; p-- > 0;) {
        size_t page = order[p], *lines = order + p * per_page;
        for (size_t j = 0; j < per_page; j++)
            lines[j] = page * per_page + j;
        for (size_t j = per_page; j > 1; j--) {
            size_t other = (size_t)rng_below(r, j), tmp = lines[j - 1];
            lines[j - 1] = lines[other];
            lines[other] = tmp;
        }
    }
    return true;
}
