/* knee.c - the first point after which a log-log curve stays flat. */
#include "knee.h"

#include "stride/curve_points.h"

#include <math.h>

static bool valid(const double *x, const double *y, size_t n, double slope)
{
    return n >= 2 && slope > 0 && isfinite(slope) && curve_points_valid(x, y, n);
}

/* Slope of the step from point i to point i + 1 on log-log axes. */
static double step_slope(const double *x, const double *y, size_t i)
{
    return log(y[i + 1] / y[i]) / log(x[i + 1] / x[i]);
}

bool knee_find(const double *x, const double *y, size_t n, double slope,
               knee_fit *out)
{
    if (!out || !valid(x, y, n, slope))
        return false;
    for (size_t i = 0; i + 1 < n; i++)
        if (step_slope(x, y, i) < slope && (i + 2 == n || step_slope(x, y, i + 1) < slope)) {
            *out = (knee_fit){.x = x[i], .index = i, .found = true};
            return true;
        }
    *out = (knee_fit){.x = x[n - 1], .index = n - 1, .found = false};
    return true;
}
