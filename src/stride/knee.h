/*
 * knee.h - where a rising curve stops rising.
 *
 * Reading one value every S bytes costs more per read as S grows, until
 * each read needs a cache line of its own; from there the time per read
 * stays about level (until the next effect, such as the page size, adds
 * a step of its own).  On log-log axes the first part rises with a slope
 * near 1 (twice the stride, twice the time) and the second is flat.  The
 * bend is the first point from which the curve rises less than 'slope'
 * (in log y per log x) over each of the next two steps: one flat step
 * after a noisy point is not enough.  With slope 0.5, "flat" means the
 * time grows by less than a factor 1.41 when the stride doubles.
 */
#ifndef KNEE_H
#define KNEE_H

#include <stdbool.h>
#include <stddef.h>

typedef struct knee_fit {
    double x;        /* where the curve stops rising: x[index] */
    size_t index;
    bool found;      /* false: it rises to the end (x is then x[n-1]) */
} knee_fit;

/* The slope the stride experiment uses. */
#define KNEE_DEFAULT_SLOPE 0.5

/*
 * Finds the bend of x[i] -> y[i], i < n: x strictly ascending, all values
 * finite and > 0, n >= 2, slope > 0.  Returns false (out untouched) for
 * bad arguments.  A curve flat from the start bends at x[0].
 */
bool knee_find(const double *x, const double *y, size_t n, double slope,
               knee_fit *out);

#endif /* KNEE_H */
