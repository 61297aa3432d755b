/* malloc_thresholds.c - mallopt for fixed thresholds, and their context. */
#include "malloc_thresholds.h"

#include "shim/bench.h"

#include <malloc.h>
#include <stdio.h>

bool malloc_thresholds_apply(malloc_thresholds t)
{
    /* mallopt takes an int; larger values are not thresholds anyone means. */
    if (t.mmap > (size_t)__INT_MAX__ || t.trim > (size_t)__INT_MAX__)
        return false;
    if (t.mmap && mallopt(M_MMAP_THRESHOLD, (int)t.mmap) != 1)
        return false;
    if (t.trim && mallopt(M_TRIM_THRESHOLD, (int)t.trim) != 1)
        return false;
    return true;
}

static void record_one(const char *key, size_t value)
{
    char buf[32];
    if (value)
        snprintf(buf, sizeof buf, "%zu", value);
    else
        snprintf(buf, sizeof buf, "glibc default");
    bench_add_context(key, buf);
}

void malloc_thresholds_record(malloc_thresholds t)
{
    record_one("malloc_mmap_threshold", t.mmap);
    record_one("malloc_trim_threshold", t.trim);
}
