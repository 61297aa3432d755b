/*
 * levels.h - which measured cache level a working set falls in, for the
 * report.
 *
 * Verdicts are judged per level ("holds in L2, L3 and memory"), so where
 * a working set falls decides which sizes are pooled.  The sizes a system
 * reports may be the host's cache (a virtual machine told 508 MiB of L3)
 * or nothing at all (a container without /sys/.../cache): they never
 * decide here.  The levels come, in this order, from the run's
 * machine.json (build/bin/calibrate, harness/profile.h), from the run's
 * own stride/levels case (its l<k>_bytes counters), or from the profile
 * fallback; the report says which.  The reported sizes are kept beside,
 * for the machine card, unless MEMLAYOUT_IGNORE_REPORTED=1.
 */
#ifndef REPORT_LEVELS_H
#define REPORT_LEVELS_H

#include "harness/profile.h"
#include "run.h"

#include <stdbool.h>
#include <stddef.h>

/* Groups a working set can fall in: every cache level, then memory. */
#define LEVEL_SLOTS (PROFILE_MAX_LEVELS + 1)

typedef enum level_source {
    LEVELS_MACHINE_JSON,   /* <run>/machine.json, measured by calibrate */
    LEVELS_STRIDE_CASE,    /* the run's stride/levels case */
    LEVELS_FALLBACK,       /* neither: profile_fallback's sizes */
} level_source;

typedef struct report_levels {
    level_source source;
    machine_profile profile;   /* the levels that decide; source says why */
    report_caches reported;    /* the run's context; zeros when ignored */
    bool reported_ignored;     /* MEMLAYOUT_IGNORE_REPORTED=1 */
} report_levels;

/* The levels of a run, by the order above.  A machine.json that exists
 * but cannot be read is not silently skipped: its reason goes into the
 * source text of whatever is used instead. */
void report_levels_of_run(const report_run *run, report_levels *out);

/* The levels given by a stride/levels case of run, into *out; false
 * (out untouched) when the run has none or its counters are unusable. */
bool report_levels_from_stride(const report_run *run, machine_profile *out);

/* The level of ws bytes: 0 for L1 .. nlevels for memory. */
size_t level_of(const report_levels *lv, double ws);

/* "L1" .. "L4", "memory". */
const char *level_name(const report_levels *lv, size_t level);

/* The level's measured size in bytes; 0 for memory. */
double level_size(const report_levels *lv, size_t level);

/* How many groups there are: the cache levels and memory. */
size_t level_count(const report_levels *lv);

/* "machine.json", "the run's stride/levels case", "fallback". */
const char *level_source_name(level_source s);

/* "32 KiB", "1.5 MiB": a byte count for people (rounded). */
const char *bytes_human(double bytes, char *buf, size_t bufsize);

#endif /* REPORT_LEVELS_H */
