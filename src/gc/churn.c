/* churn.c - one computation, a temporary per item or one reused buffer. */
#include "churn.h"

#include <gc/gc.h>
#include <stdlib.h>
#include <string.h>

const char *gc_churn_name(gc_churn c)
{
    return c == GC_CHURN_TEMP ? "temp" : c == GC_CHURN_REUSE ? "reuse" : NULL;
}

/* The work on one item: fill the buffer from the index, fold it back. */
static uint64_t one_item(unsigned char *buf, size_t bytes, size_t i)
{
    uint64_t x = (uint64_t)i * 0x9e3779b97f4a7c15u + 1;
    memset(buf, (int)(x >> 56), bytes);
    memcpy(buf, &x, sizeof x);
    uint64_t h = 0;
    for (size_t k = 0; k < bytes; k += 8) {
        uint64_t w = 0;
        memcpy(&w, buf + k, bytes - k < 8 ? bytes - k : 8);
        h = (h ^ w) * 0x100000001b3u;
    }
    return h;
}

size_t gc_churn_run(gc_churn c, size_t items, size_t item_bytes, uint64_t *sum)
{
    *sum = 0;
    if (items == 0 || item_bytes < 8 || !gc_churn_name(c))
        return 0;
    size_t allocations = 0;
    unsigned char *reused = NULL;
    if (c == GC_CHURN_REUSE) {
        reused = GC_MALLOC_ATOMIC(item_bytes);
        if (!reused)
            return 0;
        allocations = 1;
    }
    uint64_t total = 0;
    for (size_t i = 0; i < items; i++) {
        unsigned char *buf = reused;
        if (!buf) {
            buf = GC_MALLOC_ATOMIC(item_bytes);
            if (!buf)
                return 0;
            allocations++;
        }
        total += one_item(buf, item_bytes, i);
    }
    *sum = total;
    return allocations;
}

uint64_t gc_churn_expected(size_t items, size_t item_bytes)
{
    if (items == 0 || item_bytes < 8)
        return 0;
    unsigned char *buf = malloc(item_bytes);
    if (!buf)
        return 0;
    uint64_t total = 0;
    for (size_t i = 0; i < items; i++)
        total += one_item(buf, item_bytes, i);
    free(buf);
    return total;
}
