/* sizes.c - parse and print byte sizes; build geometric size sweeps. */
#include "sizes.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool size_parse(const char *text, size_t *bytes)
{
    if (!text || !isdigit((unsigned char)text[0]))
        return false;
    errno = 0;
    char *end;
    unsigned long long value = strtoull(text, &end, 10);
    if (errno == ERANGE)
        return false;
    unsigned shift = 0;
    switch (toupper((unsigned char)*end)) {
    case 'K': shift = 10; end++; break;
    case 'M': shift = 20; end++; break;
    case 'G': shift = 30; end++; break;
    case 'T': shift = 40; end++; break;
    default: break;
    }
    if (shift && (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0))
        end += strlen(end);
    else if (!shift && strcmp(end, "B") == 0)
        end++;
    if (*end != '\0')
        return false;
    if (value > (SIZE_MAX >> shift))
        return false;
    *bytes = (size_t)value << shift;
    return true;
}

const char *size_format(size_t bytes, char *buf, size_t bufsize)
{
    static const char *const units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = (double)bytes;
    size_t u = 0;
    while (v >= 1024 && u + 1 < sizeof units / sizeof units[0]) {
        v /= 1024;
        u++;
    }
    if (u == 0 || v == floor(v))
        snprintf(buf, bufsize, "%.0f %s", v, units[u]);
    else
        snprintf(buf, bufsize, "%.1f %s", v, units[u]);
    return buf;
}

static int compare_size(const void *a, const void *b)
{
    size_t x = *(const size_t *)a, y = *(const size_t *)b;
    return (x > y) - (x < y);
}

/* Whether v lies within a factor of two of one of marks[0..nmarks). */
static bool in_dense_window(double v, const size_t *marks, size_t nmarks)
{
    for (size_t m = 0; m < nmarks; m++)
        if (marks[m] && v >= marks[m] / 2.0 * (1 - 1e-9) && v <= marks[m] * 2.0 * (1 + 1e-9))
            return true;
    return false;
}

static size_t add_point(size_t *out, size_t count, size_t cap, double v,
                        size_t lo, size_t hi, size_t granule)
{
    size_t s = (size_t)llround(v / (double)granule) * granule;
    if (s < lo)
        s = lo;
    if (s > hi)
        s = hi;
    if (count < cap)
        out[count++] = s;
    return count;
}

size_t size_sweep(size_t lo, size_t hi, int per_octave, const size_t *marks,
                  size_t nmarks, int dense_per_octave, size_t granule,
                  size_t *out, size_t cap)
{
    if (lo == 0 || hi < lo || per_octave < 1 || granule == 0 || cap == 0)
        return 0;
    size_t count = 0;
    bool densify = dense_per_octave > per_octave;
    double step = exp2(1.0 / per_octave);
    /* Inside a mark's window only the window's own points: the even grid
     * is not aligned with them, and its points there would sit a few per
     * cent from one, each costing a case and telling nothing new. */
    for (double v = (double)lo; v < (double)hi * (1 - 1e-9); v *= step)
        if (!densify || !in_dense_window(v, marks, nmarks))
            count = add_point(out, count, cap, v, lo, hi, granule);
    count = add_point(out, count, cap, (double)hi, lo, hi, granule);
    if (densify) {
        double dense = exp2(1.0 / dense_per_octave);
        for (size_t m = 0; m < nmarks; m++) {
            if (marks[m] == 0)
                continue;
            for (double v = marks[m] / 2.0; v <= marks[m] * 2.0 * (1 + 1e-9); v *= dense)
                if (v >= (double)lo && v <= (double)hi)
                    count = add_point(out, count, cap, v, lo, hi, granule);
        }
    }
    qsort(out, count, sizeof *out, compare_size);
    /* Two windows that overlap (levels less than four times apart), or
     * an end just past a grid point, leave points closer than half a
     * step: keep the first of such a pair, but always the ends. */
    double closest = exp2(0.5 / (densify ? dense_per_octave : per_octave));
    size_t unique = 0;
    for (size_t i = 0; i < count; i++) {
        bool near = unique > 0 && (double)out[i] < (double)out[unique - 1] * closest;
        if (near && i + 1 == count && unique > 1)
            out[unique - 1] = out[i];
        else if (!near || unique == 0)
            out[unique++] = out[i];
    }
    return unique;
}

size_t size_cache_sweep(size_t top, bool quick, const machine_profile *profile,
                        size_t granule, size_t *out, size_t cap)
{
    enum { LO = 4096 };
    if (top < LO || granule == 0 || cap == 0 || !profile)
        return 0;
    /* Only measured levels place points: a guessed boundary would spend
     * them where nothing may bend. */
    size_t marks[PROFILE_MAX_LEVELS] = {0};
    size_t nmarks = profile->measured ? profile->nlevels : 0;
    for (size_t k = 0; k < nmarks && k < PROFILE_MAX_LEVELS; k++)
        marks[k] = profile->level[k].bytes;
    size_t last = nmarks ? marks[nmarks - 1] : SIZES_FALLBACK_LLC;
    /* On the granule, so that both parts below end and start on one size. */
    size_t sparse_from = 2 * last / granule * granule;
    if (sparse_from > top || quick)
        sparse_from = top;
    size_t count = size_sweep(LO, sparse_from, quick ? 1 : 2, marks, quick ? 0 : nmarks,
                              4, granule, out, cap);
    if (sparse_from < top && count < cap)
        count += size_sweep(sparse_from, top, 1, NULL, 0, 0, granule, out + count,
                            cap - count);
    /* Both parts hold sparse_from: keep it once. */
    size_t unique = 0;
    for (size_t i = 0; i < count; i++)
        if (unique == 0 || out[i] > out[unique - 1])
            out[unique++] = out[i];
    return unique;
}
