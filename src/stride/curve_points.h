/*
 * curve_points.h - the precondition both curve fits of stride share
 * (knee.h, latency_levels.h): every point is a positive finite (x, y),
 * x strictly increasing, as a log-log fit needs.
 */
#ifndef STRIDE_CURVE_POINTS_H
#define STRIDE_CURVE_POINTS_H

#include <stdbool.h>
#include <stddef.h>

/* True when x and y are non-NULL and every point i < n has finite x[i] > 0
 * and y[i] > 0, with x[i] > x[i - 1].  True for n = 0: callers say how
 * many points they need. */
bool curve_points_valid(const double *x, const double *y, size_t n);

#endif /* STRIDE_CURVE_POINTS_H */
