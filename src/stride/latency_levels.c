/* latency_levels.c - plateaus and boundaries of a latency-versus-working-set curve. */
#include "latency_levels.h"

#include "stats/bootstrap.h"
#include "stride/curve_points.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* A run of points [first, last] and its median latency. */
typedef struct plateau {
    size_t first, last;
    double ns;
} plateau;

/* Median of ns[first..last], sorting a copy in scratch. */
static double median_of(const double *ns, size_t first, size_t last, double *scratch)
{
    size_t k = last - first + 1;
    memcpy(scratch, ns + first, k * sizeof *scratch);
    return stats_median_in_place(scratch, k);
}

/* Step 1: plateaus from the left, each the longest flat run from its
 * first point; at most 'cap' of them.  Returns how many. */
static size_t find_plateaus(const double *bytes, const double *ns, size_t n,
                            const levels_params *p, plateau *out, size_t cap,
                            double *scratch)
{
    size_t count = 0, i = 0;
    while (i < n && count < cap) {
        double lo = ns[i], hi = ns[i];
        size_t j = i;
        while (j + 1 < n) {
            double l = fmin(lo, ns[j + 1]), h = fmax(hi, ns[j + 1]);
            if (h > l * p->flat)
                break;
            lo = l;
            hi = h;
            j++;
        }
        if (bytes[j] >= bytes[i] * p->min_span) {
            out[count++] = (plateau){i, j, median_of(ns, i, j, scratch)};
            i = j + 1;
        } else {
            i++;
        }
    }
    return count;
}

/* Merges plateau k + 1 into plateau k, with the points between them. */
static size_t merge_next(plateau *pl, size_t count, size_t k, const double *ns,
                         double *scratch)
{
    pl[k].last = pl[k + 1].last;
    pl[k].ns = median_of(ns, pl[k].first, pl[k].last, scratch);
    memmove(pl + k + 1, pl + k + 2, (count - k - 2) * sizeof *pl);
    return count - 1;
}

/* Step 2: no plateau that is not clearly slower than the one before, and
 * no more than 'most'. */
static size_t merge_plateaus(plateau *pl, size_t count, size_t most,
                             const levels_params *p, const double *ns, double *scratch)
{
    for (size_t k = 0; k + 1 < count;) {
        if (pl[k + 1].ns < pl[k].ns * p->min_step)
            count = merge_next(pl, count, k, ns, scratch);
        else
            k++;
    }
    while (count > most) {
        size_t best = 0;
        for (size_t k = 1; k + 1 < count; k++)
            if (pl[k + 1].ns / pl[k].ns < pl[best + 1].ns / pl[best].ns)
                best = k;
        count = merge_next(pl, count, best, ns, scratch);
    }
    return count;
}

/* Step 3: where the curve first rises above 'limit' from index a on: the
 * first point above it whose next point (if any) is above it too, so one
 * noisy point does not end a level; log-interpolated against the point
 * before. */
static double crossing(const double *bytes, const double *ns, size_t n,
                       size_t a, double limit)
{
    size_t j = a;
    while (j < n && !(ns[j] > limit && (j + 1 == n || ns[j + 1] > limit)))
        j++;
    if (j == a)
        return bytes[a];
    if (j == n)
        return bytes[n - 1];
    double f = (limit - ns[j - 1]) / (ns[j] - ns[j - 1]);
    f = f < 0 ? 0 : f > 1 ? 1 : f;
    return exp2(log2(bytes[j - 1]) + f * (log2(bytes[j]) - log2(bytes[j - 1])));
}

static bool valid(const double *bytes, const double *ns, size_t n,
                  const levels_params *p)
{
    if (!bytes || !ns || !p || n == 0 || p->wanted < 1 || p->wanted > LEVELS_MAX ||
        !(p->rise > 0 && p->rise < 1) || !(p->min_step > 1) || !(p->flat > 1) ||
        !(p->min_span > 1) || !isfinite(p->flat) || !isfinite(p->min_span))
        return false;
    return curve_points_valid(bytes, ns, n);
}

bool levels_find(const double *bytes, const double *ns, size_t n,
                 const levels_params *params, levels_fit *out)
{
    if (!out || !valid(bytes, ns, n, params))
        return false;
    double *scratch = malloc(n * sizeof *scratch);
    /* Room for every plateau the sweep can hold before merging. */
    plateau *pl = malloc(n * sizeof *pl);
    bool ok = scratch && pl;
    size_t count = 0;
    if (ok)
        count = find_plateaus(bytes, ns, n, params, pl, n, scratch);
    ok = ok && count > 0;
    if (ok) {
        count = merge_plateaus(pl, count, params->wanted + 1, params, ns, scratch);
        levels_fit fit = {.count = count - 1};
        for (size_t k = 0; k < count; k++) {
            fit.first[k] = pl[k].first;
            fit.last[k] = pl[k].last;
            fit.ns[k] = pl[k].ns;
        }
        for (size_t k = 0; k + 1 < count; k++) {
            double limit = pl[k].ns + params->rise * (pl[k + 1].ns - pl[k].ns);
            fit.bytes[k] = crossing(bytes, ns, n, pl[k].first, limit);
        }
        *out = fit;
    }
    free(scratch);
    free(pl);
    return ok;
}
