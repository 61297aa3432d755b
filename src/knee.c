/* knee.c - the level a curve settles at, and where it first gets there. */
#include "knee.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool valid(const double *x, const double *y, size_t n, double fraction)
{
    if (!x || !y || n < 3 || !(fraction > 0 && fraction <= 1))
        return false;
    for (size_t i = 0; i < n; i++) {
        if (!isfinite(x[i]) || !isfinite(y[i]) || x[i] <= 0 || y[i] <= 0)
            return false;
        if (i > 0 && !(x[i] > x[i - 1]))
            return false;
    }
    return true;
}

static int compare_double(const void *a, const void *b)
{
    double p = *(const double *)a, q = *(const double *)b;
    return (p > q) - (p < q);
}

bool knee_find(const double *x, const double *y, size_t n, double fraction,
               knee_fit *out)
{
    if (!out || !valid(x, y, n, fraction))
        return false;
    /* The upper half of the x range on a log scale: x >= sqrt(x0 * xn). */
    double middle = sqrt(x[0]) * sqrt(x[n - 1]);
    size_t from = 0;
    while (from < n - 1 && x[from] < middle)
        from++;
    size_t k = n - from;
    double *upper = malloc(k * sizeof *upper);
    if (!upper)
        return false;
    memcpy(upper, y + from, k * sizeof *upper);
    qsort(upper, k, sizeof *upper, compare_double);
    double level = k % 2 ? upper[k / 2] : (upper[k / 2 - 1] + upper[k / 2]) / 2;
    free(upper);

    double limit = fraction * level;
    size_t j = 0;
    while (j < n && !(y[j] >= limit && (j + 1 == n || y[j + 1] >= limit)))
        j++;
    double bend;
    if (j == 0)
        bend = x[0];
    else if (j == n)
        bend = x[n - 1];
    else {
        double f = (limit - y[j - 1]) / (y[j] - y[j - 1]);
        f = f < 0 ? 0 : f > 1 ? 1 : f;
        bend = exp2(log2(x[j - 1]) + f * (log2(x[j]) - log2(x[j - 1])));
    }
    *out = (knee_fit){.x = bend, .level = level, .level_from = from};
    return true;
}
