/* levels.c - cache levels of working sets, and byte counts for people. */
#include "levels.h"

#include "harness/sizes.h"

#include <math.h>

cache_level cache_level_of(double ws, report_caches c)
{
    if (c.l1d > 0 && ws <= c.l1d)
        return LEVEL_L1;
    if (c.l2 > 0 && ws <= c.l2)
        return LEVEL_L2;
    if (c.l3 > 0 && ws <= c.l3)
        return LEVEL_L3;
    return LEVEL_MEMORY;
}

const char *cache_level_name(cache_level l)
{
    static const char *const names[] = {"L1", "L2", "L3", "memory"};
    return l < LEVEL_COUNT ? names[l] : "?";
}

double cache_level_size(cache_level l, report_caches c)
{
    switch (l) {
    case LEVEL_L1:
        return c.l1d;
    case LEVEL_L2:
        return c.l2;
    case LEVEL_L3:
        return c.l3;
    default:
        return 0;
    }
}

const char *bytes_human(double bytes, char *buf, size_t bufsize)
{
    if (!(bytes >= 0) || bytes > 1e18)
        bytes = 0;
    return size_format((size_t)llround(bytes), buf, bufsize);
}
