/*
 * level_pick.h - which element counts of a size sweep to show, one per
 * cache level.
 *
 * A sweep has many element counts; a table that explains it shows a few:
 * the largest count whose working set fits in L1d, in L2 and in L3, and
 * the largest count of all (past L3 when the sweep got there).  Used by
 * the model-versus-measured rows (src/report/model_rows.h), which decide
 * what the working set of a count is and whether the count is usable, for
 * the claims report and tools/explain_traverse.c alike.
 */
#ifndef EXPLAIN_LEVEL_PICK_H
#define EXPLAIN_LEVEL_PICK_H

#include <stddef.h>
#include <stdint.h>

enum {
    LEVEL_PICK_L1D,
    LEVEL_PICK_L2,
    LEVEL_PICK_L3,
    LEVEL_PICK_LARGEST,
    LEVEL_PICK_SLOTS,
};

#define LEVEL_PICK_NONE SIZE_MAX

/*
 * ws[0..n): the working set in bytes at each element count, counts
 * ascending; NAN (or a negative value) where the count is unusable (a
 * layout did not run it).  limits: the L1d, L2 and L3 sizes in bytes, 0
 * when unknown.
 *
 * Sets at[LEVEL_PICK_L1D..L3] to the largest usable index whose working
 * set is at most that level's size, and at[LEVEL_PICK_LARGEST] to the
 * largest usable index.  Each index is shown once, so a slot is
 * LEVEL_PICK_NONE when nothing fits, when its size is unknown, or when it
 * picked the same index as the last slot before it that was not NONE.
 * The largest usable index is therefore the last slot that is not NONE.
 */
void level_pick(const double *ws, size_t n, const double limits[3],
                size_t at[LEVEL_PICK_SLOTS]);

#endif /* EXPLAIN_LEVEL_PICK_H */
