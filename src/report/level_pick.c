/* level_pick.c - one element count per cache level of a size sweep. */
#include "level_pick.h"

/* The largest usable index with ws at most limit (limit 0: any), or NONE. */
static size_t largest_within(const double *ws, size_t n, double limit)
{
    size_t best = LEVEL_PICK_NONE;
    for (size_t i = 0; i < n; i++)
        if (ws[i] >= 0 && (limit == 0 || ws[i] <= limit))   /* false for NAN */
            best = i;
    return best;
}

void level_pick(const double *ws, size_t n, const double limits[3],
                size_t at[LEVEL_PICK_SLOTS])
{
    size_t last = LEVEL_PICK_NONE;
    for (size_t k = 0; k < LEVEL_PICK_SLOTS; k++) {
        size_t i;
        if (k == LEVEL_PICK_LARGEST)
            i = largest_within(ws, n, 0);
        else
            i = limits[k] > 0 ? largest_within(ws, n, limits[k]) : LEVEL_PICK_NONE;
        at[k] = i != last ? i : LEVEL_PICK_NONE;
        if (at[k] != LEVEL_PICK_NONE)
            last = at[k];
    }
}
