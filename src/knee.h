/*
 * knee.h - where a rising curve levels off.
 *
 * Reading one value every S bytes costs more per read as S grows, until
 * each read needs a cache line of its own; from there the time per read
 * stays about level.  The bend is found from the data alone: the level is
 * the median of y over the upper half of the x range (on a log scale),
 * and the bend is the smallest x at which y reaches a chosen fraction of
 * that level (log-interpolated between the two measured points around
 * it).  With fraction 0.9, a curve that rises in proportion to x and then
 * stays flat bends at 0.9 times the x where it stops rising.
 */
#ifndef KNEE_H
#define KNEE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct knee_fit {
    double x;          /* where the curve reaches fraction * level */
    double level;      /* the level at large x */
    size_t level_from; /* index of the first point of the upper half */
} knee_fit;

/* The fraction the stride experiment uses. */
#define KNEE_DEFAULT_FRACTION 0.9

/*
 * Finds the bend of x[i] -> y[i], i < n: x strictly ascending, all values
 * finite and > 0, n >= 3, 0 < fraction <= 1.  A single point above the
 * threshold followed by one below it does not count as reaching it (one
 * noisy reading does not make a bend).  Returns false (out untouched) for
 * bad arguments.  When the first point is already at the threshold, the
 * bend is x[0]; when no point reaches it, x[n-1].
 */
bool knee_find(const double *x, const double *y, size_t n, double fraction,
               knee_fit *out);

#endif /* KNEE_H */
