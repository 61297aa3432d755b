/* curve_points.c - positive finite points, x strictly increasing. */
#include "stride/curve_points.h"

#include <math.h>

bool curve_points_valid(const double *x, const double *y, size_t n)
{
    if (!x || !y)
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i]) || x[i] <= 0 || y[i] <= 0)
            return false;
        if (i > 0 && !(x[i] > x[i - 1]))
            return false;
    }
    return true;
}
