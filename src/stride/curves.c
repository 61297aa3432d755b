/* curves.c - cache levels and the read bend from the stride experiment's curves. */
#include "stride/curves.h"

#include "stats/bootstrap.h"

#include <stdint.h>
#include <stdlib.h>

/* The most points either curve has (the bench registers fewer). */
#define CURVE_MAX 256

pages_kind stride_levels_pages(const stride_chase_point *chases, size_t nchases)
{
    for (size_t i = nchases; i-- > 0;)
        if (chases[i].best_ns[PAGES_HUGE] > 0)
            return chases[i].huge_fraction >= STRIDE_HUGE_ENOUGH ? PAGES_HUGE
                                                                 : PAGES_SMALL;
    return PAGES_SMALL;
}

size_t stride_levels_wanted(const machine_profile *profile)
{
    if (!profile || !profile->measured || profile->nlevels == 0)
        return 3;
    return profile->nlevels < LEVELS_MAX ? profile->nlevels : LEVELS_MAX;
}

double stride_median_read_ns(const stride_read_point *reads, size_t nreads,
                             size_t lo, size_t hi)
{
    double v[CURVE_MAX];
    size_t n = 0;
    for (size_t i = 0; i < nreads && n < CURVE_MAX; i++)
        if (reads[i].best_ns > 0 && reads[i].stride >= lo && reads[i].stride <= hi)
            v[n++] = reads[i].best_ns;
    if (n == 0)
        return 0;
    return stats_median_in_place(v, n);
}

/* Levels of the chase curve on pages of 'kind'; false when too few
 * sizes ran. */
static bool find_levels(const stride_chase_point *chases, size_t nchases,
                        pages_kind kind, size_t wanted, levels_fit *fit)
{
    double bytes[CURVE_MAX], ns[CURVE_MAX];
    size_t n = 0;
    for (size_t i = 0; i < nchases && n < CURVE_MAX; i++)
        if (chases[i].best_ns[kind] > 0) {
            bytes[n] = (double)chases[i].ws;
            ns[n++] = chases[i].best_ns[kind];
        }
    levels_params params = LEVELS_DEFAULTS;
    params.wanted = wanted;
    return levels_find(bytes, ns, n, &params, fit);
}

/* Where the read curve stops rising; false when too few strides ran or
 * it rises to the end. */
static bool find_bend(const stride_read_point *reads, size_t nreads, knee_fit *fit)
{
    double x[CURVE_MAX], y[CURVE_MAX];
    size_t n = 0;
    for (size_t i = 0; i < nreads && n < CURVE_MAX; i++)
        if (reads[i].best_ns > 0) {
            x[n] = (double)reads[i].stride;
            y[n++] = reads[i].best_ns;
        }
    return knee_find(x, y, n, KNEE_DEFAULT_SLOPE, fit) && fit->found;
}

bool stride_summarize(const stride_read_point *reads, size_t nreads,
                      const stride_chase_point *chases, size_t nchases,
                      size_t wanted, size_t page_bytes, stride_summary *out)
{
    *out = (stride_summary){0};
    out->levels_pages = stride_levels_pages(chases, nchases);
    out->have_levels = find_levels(chases, nchases, out->levels_pages, wanted,
                                   &out->levels);
    out->have_bend = find_bend(reads, nreads, &out->bend);
    if (!out->have_levels && !out->have_bend) {
        *out = (stride_summary){0};
        return false;
    }
    if (out->have_levels && nchases > 0) {
        out->mem_ns_base_pages = chases[nchases - 1].best_ns[PAGES_SMALL];
        out->mem_ns_huge_pages = chases[nchases - 1].best_ns[PAGES_HUGE];
    }
    if (out->have_bend) {
        out->read_ns_below_page =
            stride_median_read_ns(reads, nreads, (size_t)out->bend.x, page_bytes / 2);
        out->read_ns_past_page =
            stride_median_read_ns(reads, nreads, page_bytes * 2, SIZE_MAX);
    }
    return true;
}
