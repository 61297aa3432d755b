/*
 * levels.h - which cache level a working set falls in, by the run's sizes.
 *
 * Verdicts that depend on size name the level ("past the L2 size") as well
 * as the bytes, from the cache sizes the run's context reports.  On a
 * virtual machine these are what the guest is told, which may not be what
 * it gets; the report prints the sizes it used.
 */
#ifndef REPORT_LEVELS_H
#define REPORT_LEVELS_H

#include "run.h"

typedef enum cache_level {
    LEVEL_L1,
    LEVEL_L2,
    LEVEL_L3,
    LEVEL_MEMORY,     /* past every reported cache */
    LEVEL_COUNT,
} cache_level;

/* The smallest level whose reported size holds ws bytes; levels reported
 * as 0 (unknown) are skipped, so with no sizes at all everything is
 * LEVEL_MEMORY. */
cache_level cache_level_of(double ws, report_caches c);

/* "L1", "L2", "L3", "memory". */
const char *cache_level_name(cache_level l);

/* The reported size of a cache level in bytes; 0 for LEVEL_MEMORY or an
 * unknown size. */
double cache_level_size(cache_level l, report_caches c);

/* "32 KiB", "1.5 MiB": a byte count for people (rounded). */
const char *bytes_human(double bytes, char *buf, size_t bufsize);

#endif /* REPORT_LEVELS_H */
