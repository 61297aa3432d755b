/*
 * levels.h - the cache sizes the gallery places its sweeps and labels by.
 *
 * One function stands between the gallery and where sizes come from, so
 * the measured machine profile (src/harness/profile.h, being written) can
 * replace the reported sizes in one place.  Until then: the sizes sysfs
 * reports (harness/machine.h), else what glibc reads from CPUID
 * (sysconf), else a stated fallback per level.  An L3 above 128 MiB is
 * the host's, shared by every guest on it (a 2-vCPU guest here is told
 * 508 MiB): it is not used.
 */
#ifndef GALLERY_LEVELS_H
#define GALLERY_LEVELS_H

#include "harness/machine.h"

#include <stddef.h>

/* Fallbacks: common sizes of a current x86-64 core and its L3 slice. */
#define GALLERY_FALLBACK_L1 ((size_t)32 << 10)
#define GALLERY_FALLBACK_L2 ((size_t)1 << 20)
#define GALLERY_FALLBACK_L3 ((size_t)32 << 20)

/* Largest L3 believed to be this machine's own. */
#define GALLERY_MAX_OWN_L3 ((size_t)128 << 20)

typedef struct gallery_levels {
    size_t bytes[3];          /* L1d, L2, L3: always > 0 and ascending */
    const char *source[3];    /* "sysfs", "cpuid" or "fallback" per level */
} gallery_levels;

/*
 * The sizes from two reports (0 = not reported): each level from sysfs,
 * else from cpuid, else the fallback; an L3 above GALLERY_MAX_OWN_L3 counts
 * as not reported.  A level not larger than the one below it is replaced
 * by its fallback (or twice the level below, whichever is larger), so the
 * sizes always ascend.
 */
gallery_levels gallery_levels_pick(machine_caches sysfs, machine_caches cpuid);

/* gallery_levels_pick() of this machine's sysfs and sysconf reports. */
gallery_levels gallery_levels_now(void);

/* 1, 2 or 3 for a working set that fits in that level, 4 past all three. */
int gallery_level_of(const gallery_levels *l, size_t ws);

/* The level a working set is well inside: at least twice the level below
 * and at most half its own (4: at least twice the L3).  0 within a factor
 * two of a boundary, where a curve is between two levels: a verdict per
 * level reads only the sizes inside it. */
int gallery_level_inside(const gallery_levels *l, size_t ws);

#endif /* GALLERY_LEVELS_H */
