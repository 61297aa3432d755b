/*
 * sizes.h - byte sizes as people write them, and working-set sweeps.
 *
 * Sweeps step geometrically from well inside L1 to far past the last
 * cache, with extra points near each measured cache boundary where the
 * curves bend (pmbw and lmbench do the same), and none wasted where
 * nothing changes.
 */
#ifndef SIZES_H
#define SIZES_H

#include <stdbool.h>
#include <stddef.h>

#include "harness/profile.h"

/*
 * Parses "4096", "64K", "64KiB", "512M", "1G", "1GiB", "2T" (binary
 * multiples; "B" alone means bytes).  Returns false for anything else:
 * empty, signs, spaces, fractions, unknown suffixes, or a value that does
 * not fit in size_t.
 */
bool size_parse(const char *text, size_t *bytes);

/* Writes "1.5 GiB", "64 KiB", "100 B" into buf (at least 16 bytes). */
const char *size_format(size_t bytes, char *buf, size_t bufsize);

/*
 * Fills out[] with sizes from lo to hi inclusive (both included), ascending
 * and unique: 'per_octave' points per doubling, except within a factor of
 * two of each of marks[0..nmarks) (marks of 0 are ignored), where the
 * points are 'dense_per_octave' per doubling anchored on the mark, and
 * none of the sparser grid.  No two points are closer than half a dense
 * step (overlapping windows), but for the ends.  Returns how many sizes
 * were written, at most cap.  Sizes are rounded to multiples of 'granule'.
 */
size_t size_sweep(size_t lo, size_t hi, int per_octave, const size_t *marks,
                  size_t nmarks, int dense_per_octave, size_t granule,
                  size_t *out, size_t cap);

/* The last cache assumed when no level was measured (no machine.json):
 * 64 MiB, so that the even part of a sweep (to twice that, 128 MiB)
 * still covers the largest last-level caches in common use.  A smaller
 * guess would end it before such a cache ends; a larger one costs a few
 * points. */
#define SIZES_FALLBACK_LLC ((size_t)64 << 20)

/*
 * The working sets of a sweep through the caches, from 4 KiB to 'top'
 * (inclusive), ascending, unique, multiples of 'granule': two per
 * doubling, and four per doubling within a factor of two of each level
 * the profile MEASURED (where the curves bend), up to twice the last
 * measured level; one per doubling from there on, where curves are flat
 * or climb steadily and each point costs seconds.  Sizes the system
 * reports (sysfs, CPUID) are never used: on a virtual machine they may be
 * the host's or absent.  A fallback profile (nothing measured) gets no
 * dense points and stays at two per doubling to twice SIZES_FALLBACK_LLC.
 * With 'quick', one per doubling throughout.  Returns how many were
 * written (at most cap); 0 when top < 4096, granule is 0, cap is 0 or
 * profile is NULL.
 */
size_t size_cache_sweep(size_t top, bool quick, const machine_profile *profile,
                        size_t granule, size_t *out, size_t cap);

#endif /* SIZES_H */
