/*
 * stability.h - do two runs give the same verdicts?  Judges every claim on
 * both and says, claim by claim, whether its verdict stayed, whether only
 * a boundary size moved, or whether it flipped.
 *
 * A condition such as "the working set is past L1 (32 KiB), from 50.8 KiB"
 * names a cache level and the first size that held; the size moves by a
 * step or two between runs when the change is gradual.  So conditions are
 * compared twice: as written, and with their sizes after "from", "up to"
 * and "at least" left out (the levels alone).
 */
#ifndef REPORT_STABILITY_H
#define REPORT_STABILITY_H

#include "verdict.h"

#include <stdio.h>

typedef enum stability_kind {
    STABILITY_SAME,            /* the same phrase */
    STABILITY_BOUNDARY_MOVED,  /* the same once boundary sizes are left out */
    STABILITY_CONDITION_MOVED, /* same kind, other levels or parts */
    STABILITY_FLIPPED,         /* another kind of verdict */
} stability_kind;

/* How verdict b compares with verdict a. */
stability_kind stability_compare(const verdict *a, const verdict *b);

/* "same", "boundary moved", "condition moved", "flipped". */
const char *stability_kind_name(stability_kind k);

/* The condition with its boundary sizes left out, into out (cleared
 * first): "past L1 (32 KiB), from 50.8 KiB" becomes "past L1 (32 KiB)". */
void stability_levels_only(const char *condition, text *out);

/*
 * Judges every claim on run directories a and b and prints to out a
 * markdown table (claim, verdict on a, on b, outcome) and a count per
 * outcome.  Returns 0, or 1 when a run cannot be read (message on err).
 */
int stability_report(const char *a, const char *b, FILE *out, FILE *err);

#endif /* REPORT_STABILITY_H */
