/*
 * sizes.h - byte sizes as people write them, and working-set sweeps.
 *
 * Sweeps step geometrically from well inside L1 to far past the last
 * cache, with extra points near each cache boundary where the curves bend
 * (pmbw and lmbench do the same), and none wasted where nothing changes.
 */
#ifndef SIZES_H
#define SIZES_H

#include <stdbool.h>
#include <stddef.h>

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
 * and unique: 'per_octave' points per doubling everywhere, and
 * 'dense_per_octave' points per doubling within a factor of two of each
 * of marks[0..nmarks) (marks of 0 are ignored).  Returns how many sizes
 * were written, at most cap.  Sizes are rounded to multiples of 'granule'.
 */
size_t size_sweep(size_t lo, size_t hi, int per_octave, const size_t *marks,
                  size_t nmarks, int dense_per_octave, size_t granule,
                  size_t *out, size_t cap);

#endif /* SIZES_H */
