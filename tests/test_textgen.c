/* test_textgen.c - generated texts: repeatable, printable, newline-ended,
 * with line lengths inside each distribution's ranges. */
#include "lines/textgen.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static char *text_of(size_t len, const line_dist *d, uint64_t seed, size_t *lines)
{
    char *t = malloc(len ? len : 1);
    cr_assert_not_null(t);
    *lines = textgen_fill(t, len, d, seed);
    return t;
}

Test(textgen, names_are_found)
{
    cr_assert_eq(line_dist_count, 4);
    for (size_t i = 0; i < line_dist_count; i++)
        cr_assert_eq(line_dist_find(line_dists[i].name), &line_dists[i]);
    cr_assert_null(line_dist_find("huge"));
}

Test(textgen, the_same_seed_gives_the_same_bytes)
{
    size_t n1, n2, n3;
    char *a = text_of(100000, &line_dists[1], 7, &n1);
    char *b = text_of(100000, &line_dists[1], 7, &n2);
    char *c = text_of(100000, &line_dists[1], 8, &n3);
    cr_assert_eq(memcmp(a, b, 100000), 0);
    cr_assert_eq(n1, n2);
    cr_assert_neq(memcmp(a, c, 100000), 0);
    free(a);
    free(b);
    free(c);
}

Test(textgen, empty_and_one_byte_texts)
{
    size_t lines;
    char *t = text_of(0, &line_dists[0], 1, &lines);
    cr_assert_eq(lines, 0);
    free(t);
    t = text_of(1, &line_dists[2], 1, &lines);
    cr_assert_eq(lines, 1);
    cr_assert_eq(t[0], '\n');
    free(t);
}

Test(textgen, lines_stay_inside_their_ranges)
{
    size_t len = (size_t)4 << 20;
    for (size_t k = 0; k < line_dist_count; k++) {
        const line_dist *d = &line_dists[k];
        size_t lines;
        char *t = text_of(len, d, 42, &lines);
        cr_assert_eq(t[len - 1], '\n', "%s", d->name);
        size_t counted = 0, rare = 0, pos = 0;
        while (pos < len) {
            char *nl = memchr(t + pos, '\n', len - pos);
            cr_assert_not_null(nl);
            size_t n = (size_t)(nl - (t + pos));
            for (size_t i = pos; i < pos + n; i++)
                cr_assert(t[i] >= ' ' && t[i] <= '~', "%s: byte %d", d->name, t[i]);
            bool last = (size_t)(nl - t) == len - 1;
            bool usual = n >= d->min && n <= d->max;
            bool is_rare = d->rare_per_million && n >= d->rare_min && n <= d->rare_max;
            cr_assert(usual || is_rare || last, /* the last line is cut to fit */
                      "%s: line %zu has %zu bytes", d->name, counted, n);
            rare += is_rare && !usual;
            counted++;
            pos += n + 1;
        }
        cr_assert_eq(counted, lines, "%s", d->name);
        if (d->rare_per_million)
            cr_assert_gt(rare, 0, "%s: no line from the rare range", d->name);
        free(t);
    }
}
