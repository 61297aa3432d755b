/* bootstrap.c - ratio of medians and its percentile bootstrap interval. */
#include "bootstrap.h"

#include "harness/rng.h"
#include "median_dist.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Samples per case this module accepts: repetitions of one benchmark case
 * are a handful; the bound keeps scratch space on the stack. */
#define MAX_SAMPLES 1024

static int cmp_double(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

double stats_median_sorted(const double *s, size_t n)
{
    return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

void stats_sort(double *v, size_t n)
{
    if (n > 1)
        qsort(v, n, sizeof *v, cmp_double);
}

double stats_median_in_place(double *v, size_t n)
{
    if (n == 0)
        return NAN;
    stats_sort(v, n);
    return stats_median_sorted(v, n);
}

double stats_median(const double *x, size_t n)
{
    double s[MAX_SAMPLES];
    if (n == 0 || n > MAX_SAMPLES)
        return NAN;
    memcpy(s, x, n * sizeof *x);
    return stats_median_in_place(s, n);
}

static bool samples_usable(const double *x, size_t n)
{
    if (!x || n == 0 || n > MAX_SAMPLES)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isfinite(x[i]) || !(x[i] > 0))
            return false;
    return true;
}

/* The median of n draws with replacement from x[0..n). */
static double resampled_median(rng *r, const double *x, size_t n, double *scratch)
{
    for (size_t i = 0; i < n; i++)
        scratch[i] = x[rng_below(r, n)];
    return stats_median_in_place(scratch, n);
}

/* The q-quantile of sorted v[0..n) by linear interpolation between the
 * closest ranks (the "type 7" rule of R and NumPy's default). */
static double quantile_sorted(const double *v, size_t n, double q)
{
    double pos = q * (double)(n - 1);
    size_t i = (size_t)pos;
    if (i + 1 >= n)
        return v[n - 1];
    double frac = pos - (double)i;
    return v[i] + frac * (v[i + 1] - v[i]);
}

/* The lower and upper quantiles of median(a') / median(b') over
 * 'resamples' draws a', b' seeded with 'seed'. */
static bool resampled_quantiles(const double *a, size_t na, const double *b, size_t nb,
                                double lower, double upper, unsigned resamples,
                                uint64_t seed, double *lo, double *hi)
{
    double *ratios = malloc(resamples * sizeof *ratios);
    if (!ratios)
        return false;
    double scratch[MAX_SAMPLES];
    rng r = rng_seeded(seed);
    for (unsigned k = 0; k < resamples; k++) {
        double ma = resampled_median(&r, a, na, scratch);
        double mb = resampled_median(&r, b, nb, scratch);
        ratios[k] = ma / mb;
    }
    stats_sort(ratios, resamples);
    *lo = quantile_sorted(ratios, resamples, lower);
    *hi = quantile_sorted(ratios, resamples, upper);
    free(ratios);
    return true;
}

bool stats_ratio_ci(const double *a, size_t na, const double *b, size_t nb,
                    double level, unsigned resamples, uint64_t seed,
                    ratio_ci *out)
{
    if (!out || !samples_usable(a, na) || !samples_usable(b, nb) ||
        !(level > 0 && level < 1) || resamples < 100)
        return false;
    ratio_ci res = {
        .ratio = stats_median(a, na) / stats_median(b, nb),
        .level = level,
    };
    double lower = (1 - level) / 2, upper = (1 + level) / 2;
    /* Odd sizes (the suite's 3 and 5 repetitions): the distribution the
     * draws would estimate, computed exactly (median_dist.h), in
     * microseconds where 4000 draws took a millisecond per pair. */
    bool exact = stats_ratio_ci_is_exact(na, nb);
    if (exact ? !median_dist_ratio_quantiles(a, na, b, nb, lower, upper, &res.lo, &res.hi)
              : !resampled_quantiles(a, na, b, nb, lower, upper, resamples, seed, &res.lo,
                                     &res.hi))
        return false;
    res.within_noise = res.lo <= 1 && 1 <= res.hi;
    *out = res;
    return true;
}

bool stats_ratio_ci_is_exact(size_t na, size_t nb)
{
    return na % 2 == 1 && nb % 2 == 1 && na <= MEDIAN_DIST_MAX && nb <= MEDIAN_DIST_MAX;
}

bool stats_ratio_ci95(const double *a, size_t na, const double *b, size_t nb,
                      ratio_ci *out)
{
    return stats_ratio_ci(a, na, b, nb, 0.95, BOOTSTRAP_DEFAULT_RESAMPLES,
                          BOOTSTRAP_DEFAULT_SEED, out);
}

/* True when every size of the group can be resampled. */
static bool group_usable(const size_samples *sizes, size_t n)
{
    if (!sizes || n == 0 || n > MAX_SAMPLES)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!samples_usable(sizes[i].costly, sizes[i].ncostly) ||
            !samples_usable(sizes[i].cheap, sizes[i].ncheap))
            return false;
    return true;
}

bool stats_group_ratio_ci(const size_samples *sizes, size_t n, double level,
                          unsigned resamples, uint64_t seed, ratio_ci *out)
{
    if (!out || !group_usable(sizes, n) || !(level > 0 && level < 1) || resamples < 100)
        return false;
    double *ratios = malloc(resamples * sizeof *ratios);
    if (!ratios)
        return false;
    double scratch[MAX_SAMPLES], per_size[MAX_SAMPLES];
    for (size_t i = 0; i < n; i++)
        per_size[i] = stats_median(sizes[i].costly, sizes[i].ncostly) /
                      stats_median(sizes[i].cheap, sizes[i].ncheap);
    double ratio = stats_median(per_size, n);
    rng r = rng_seeded(seed);
    for (unsigned k = 0; k < resamples; k++) {
        for (size_t i = 0; i < n; i++) {
            const size_samples *s = &sizes[rng_below(&r, n)];
            double ma = resampled_median(&r, s->costly, s->ncostly, scratch);
            double mb = resampled_median(&r, s->cheap, s->ncheap, scratch);
            per_size[i] = ma / mb;
        }
        ratios[k] = stats_median(per_size, n);
    }
    stats_sort(ratios, resamples);
    ratio_ci res = {
        .ratio = ratio,
        .lo = quantile_sorted(ratios, resamples, (1 - level) / 2),
        .hi = quantile_sorted(ratios, resamples, (1 + level) / 2),
        .level = level,
    };
    free(ratios);
    res.within_noise = res.lo <= 1 && 1 <= res.hi;
    *out = res;
    return true;
}

bool stats_group_ratio_ci95(const size_samples *sizes, size_t n, ratio_ci *out)
{
    return stats_group_ratio_ci(sizes, n, 0.95, BOOTSTRAP_DEFAULT_RESAMPLES,
                                BOOTSTRAP_DEFAULT_SEED, out);
}

const char *stats_ratio_ci_format(const ratio_ci *r, char *buf, size_t size)
{
    snprintf(buf, size, "%.3g [%.3g, %.3g]%s", r->ratio, r->lo, r->hi,
             r->within_noise ? " within noise" : "");
    return buf;
}
