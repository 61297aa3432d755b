/* median_dist.c - exact bootstrap distribution of an odd-sized sample's
 * median, and the quantiles of a ratio of two such medians. */
#include "median_dist.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* P(Binomial(n, p) >= m).  For n up to MEDIAN_DIST_MAX every binomial
 * coefficient is an integer a double holds exactly (C(31, 15) < 2^29)
 * and no power underflows, so the terms are summed as they stand. */
static double binomial_tail(size_t n, double p, size_t m)
{
    if (p >= 1)
        return 1;
    double sum = 0, choose = 1;   /* C(n, k), built up from C(n, 0) */
    for (size_t k = 0; k <= n; k++) {
        if (k >= m)
            sum += choose * pow(p, (double)k) * pow(1 - p, (double)(n - k));
        choose = choose * (double)(n - k) / (double)(k + 1);
    }
    return sum;
}

bool median_dist_odd(size_t n, double *prob)
{
    if (n == 0 || n % 2 == 0 || n > MEDIAN_DIST_MAX)
        return false;
    size_t m = (n + 1) / 2;
    double below = 0;   /* P(median <= x(j)) for the previous j */
    for (size_t j = 1; j <= n; j++) {
        double upto = binomial_tail(n, (double)j / (double)n, m);
        prob[j - 1] = upto - below;
        below = upto;
    }
    return true;
}

typedef struct weighted {
    double value, prob;
} weighted;

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static int cmp_weighted(const void *x, const void *y)
{
    return cmp_double(&((const weighted *)x)->value, &((const weighted *)y)->value);
}

/* The samples sorted into s and their median probabilities into p; false
 * for a size median_dist_odd refuses or a value that is not finite and
 * > 0 (a NaN would leave the sort without an order). */
static bool sorted_dist(const double *x, size_t n, double *s, double *p)
{
    if (!x || !median_dist_odd(n, p))
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]) || !(x[i] > 0))
            return false;
    memcpy(s, x, n * sizeof *x);
    qsort(s, n, sizeof *s, cmp_double);
    return true;
}

/* The smallest value of sorted v[0..n) whose cumulative probability
 * reaches q.  The last value when rounding keeps the sum just under q. */
static double quantile_of(const weighted *v, size_t n, double q)
{
    double cum = 0;
    for (size_t i = 0; i < n; i++) {
        cum += v[i].prob;
        if (cum >= q)
            return v[i].value;
    }
    return v[n - 1].value;
}

bool median_dist_ratio_quantiles(const double *a, size_t na, const double *b, size_t nb,
                                 double lower, double upper, double *lo, double *hi)
{
    double sa[MEDIAN_DIST_MAX], pa[MEDIAN_DIST_MAX], sb[MEDIAN_DIST_MAX],
        pb[MEDIAN_DIST_MAX];
    weighted ratios[MEDIAN_DIST_MAX * MEDIAN_DIST_MAX];
    if (!lo || !hi || !(lower > 0 && lower <= upper && upper < 1) ||
        !sorted_dist(a, na, sa, pa) || !sorted_dist(b, nb, sb, pb))
        return false;
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            ratios[i * nb + j] = (weighted){sa[i] / sb[j], pa[i] * pb[j]};
    qsort(ratios, na * nb, sizeof *ratios, cmp_weighted);
    *lo = quantile_of(ratios, na * nb, lower);
    *hi = quantile_of(ratios, na * nb, upper);
    return true;
}
