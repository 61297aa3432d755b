/*
 * levels.h - the cache sizes the gallery places its sweeps and labels by.
 *
 * One function stands between the gallery and where sizes come from.
 * The run's measured machine profile (harness/profile.h: machine.json,
 * found through MEMLAYOUT_PROFILE) decides, as it does for every other
 * sweep (harness/sizes.h): the levels calibrate's pointer chase found,
 * all of them and nothing else.  Only when there is no measured level (no
 * profile, an unreadable one, or one that found no cache) does the
 * gallery fall back to what the system reports, and says so: the sizes
 * sysfs reports (harness/machine.h), else what glibc reads from CPUID
 * (sysconf), else a stated size per level.  A reported L3 above 128 MiB
 * is the host's, shared by every guest on it (a 2-vCPU guest here is
 * told 508 MiB): it is not used.  With MEMLAYOUT_IGNORE_REPORTED=1 the
 * reported sizes are not read, and the fallback is the stated sizes.
 */
#ifndef GALLERY_LEVELS_H
#define GALLERY_LEVELS_H

#include "harness/machine.h"
#include "harness/profile.h"

#include <stdbool.h>
#include <stddef.h>

/* Fallbacks: common sizes of a current x86-64 core and its L3 slice. */
#define GALLERY_FALLBACK_L1 ((size_t)32 << 10)
#define GALLERY_FALLBACK_L2 ((size_t)1 << 20)
#define GALLERY_FALLBACK_L3 ((size_t)32 << 20)

/* Largest L3 believed to be this machine's own. */
#define GALLERY_MAX_OWN_L3 ((size_t)128 << 20)

/* "Past the caches" should be this many times the last level: a random
 * walk over it then finds under 1/32 of its lines in that level. */
#define GALLERY_PAST_MULTIPLE 32

/* As many levels as a profile can measure. */
#define GALLERY_MAX_LEVELS PROFILE_MAX_LEVELS

typedef struct gallery_levels {
    size_t n;                                /* cache levels: 1 .. GALLERY_MAX_LEVELS */
    size_t bytes[GALLERY_MAX_LEVELS];        /* bytes[0..n): > 0 and ascending */
    const char *source[GALLERY_MAX_LEVELS];  /* "measured", or the fallback's
                                                "sysfs", "cpuid", "fallback" */
    bool measured;                           /* every level from the profile */
} gallery_levels;

/*
 * The sizes from the reports alone (0 = not reported): three levels, each
 * from sysfs, else from cpuid, else the fallback; an L3 above
 * GALLERY_MAX_OWN_L3 counts as not reported.  A level not larger than the
 * one below it is replaced by its fallback (or twice the level below,
 * whichever is larger), so the sizes always ascend.  measured is false.
 */
gallery_levels gallery_levels_reported(machine_caches sysfs, machine_caches cpuid);

/*
 * The levels to use: the profile's measured levels when it has at least
 * one (every one of them, source "measured"), else
 * gallery_levels_reported(sysfs, cpuid).  A NULL profile, a fallback
 * profile (measured false) and a measured one with no level all fall back.
 */
gallery_levels gallery_levels_pick(const machine_profile *profile, machine_caches sysfs,
                                   machine_caches cpuid);

/* gallery_levels_pick() of the given profile (the run's: bench_cli_profile())
 * and this machine's sysfs and sysconf reports; neither report is read
 * when MEMLAYOUT_IGNORE_REPORTED=1 or the profile measured a level. */
gallery_levels gallery_levels_now(const machine_profile *profile);

/* The largest cache level's size: what "past the caches" is measured from. */
size_t gallery_last_level(const gallery_levels *l);

/*
 * The size of the buffers "past the caches": max_ws (what --max-ws or the
 * program's default allows), rounded down to whole pages of page_bytes
 * (the page-local orders need them), whatever the last level measured.
 * It was GALLERY_PAST_MULTIPLE times the last level until 2026-12-06,
 * and on this project's guest, whose shared 32 MiB L3 the calibration
 * measured at 2.1 to 10 MiB, that moved X6: base against huge pages read
 * 1.0x over 72 and 114 MiB, 1.3-1.7x over 164 and 256 MiB in the same
 * two batches.  A walk meant to miss every cache loses nothing by being
 * larger.  0 when that leaves less than a page, page_bytes is 0, or l has
 * no level.
 */
size_t gallery_past_bytes(const gallery_levels *l, size_t max_ws, size_t page_bytes);

/* Whether past is under GALLERY_PAST_MULTIPLE times l's last level (a
 * --max-ws too small for this machine): the program then says so. */
bool gallery_past_short(const gallery_levels *l, size_t past);

/* 1 .. n for a working set that fits in that level, n + 1 past them all. */
int gallery_level_of(const gallery_levels *l, size_t ws);

/* The level a working set is well inside: at least twice the level below
 * and at most half its own (n + 1: at least twice the last level).  0
 * within a factor two of a boundary, where a curve is between two levels. */
int gallery_level_inside(const gallery_levels *l, size_t ws);

#endif /* GALLERY_LEVELS_H */
