/* textgen.c - seeded lines of printable bytes with chosen length distributions. */
#include "textgen.h"

#include "harness/named.h"
#include "harness/rng.h"

#include <stdbool.h>

const line_dist line_dists[] = {
    {"short", "0-16 bytes a line (ids, numbers, short CSV rows)", 0, 16, 0, 0, 0},
    {"medium", "40-120 bytes a line (a typical log line)", 40, 120, 0, 0, 0},
    {"long", "500-1500 bytes a line (long records)", 500, 1500, 0, 0, 0},
    {"skewed", "20-100 bytes, and 1 line in 1000 of 64-192 KiB (a heavy tail)",
     20, 100, 1000, (size_t)64 << 10, (size_t)192 << 10},
};
const size_t line_dist_count = sizeof line_dists / sizeof line_dists[0];

const line_dist *line_dist_find(const char *name)
{
    NAMED_FIRST(line_dist);
    return named_find(line_dists, line_dist_count, sizeof line_dists[0], name);
}

/* 64 printable characters: 6 random bits pick one. */
static const char alphabet[64] =
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ,";

static size_t uniform(rng *r, size_t lo, size_t hi)
{
    return lo + (size_t)rng_below(r, (uint64_t)(hi - lo) + 1);
}

/* len printable bytes, ten from each random number. */
static void fill_line(char *p, size_t len, rng *r)
{
    size_t i = 0;
    while (i < len) {
        uint64_t bits = rng_next(r);
        for (int k = 0; k < 10 && i < len; k++, bits >>= 6)
            p[i++] = alphabet[bits & 63];
    }
}

size_t textgen_fill(char *text, size_t len, const line_dist *d, uint64_t seed)
{
    rng r = rng_seeded(seed);
    size_t pos = 0, lines = 0;
    while (pos < len) {
        bool rare = d->rare_per_million &&
                    rng_below(&r, 1000000) < d->rare_per_million;
        size_t n = rare ? uniform(&r, d->rare_min, d->rare_max)
                        : uniform(&r, d->min, d->max);
        if (n > len - pos - 1)
            n = len - pos - 1;
        fill_line(text + pos, n, &r);
        text[pos + n] = '\n';
        pos += n + 1;
        lines++;
    }
    return lines;
}
