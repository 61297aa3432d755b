/* test_line_texts.c - lines' kept texts: made once per distribution and
 * size, two sizes held, another distribution frees them; totals compared. */
#include "lines/texts.h"

#include <criterion/criterion.h>

TestSuite(line_texts, .fini = line_texts_free);

Test(line_texts, made_once_and_kept_per_size)
{
    const line_dist *d = &line_dists[0];
    const line_text *a = line_text_for(d, 4096, 1);
    cr_assert_not_null(a);
    cr_assert_eq(a->len, 4096);
    cr_assert_gt(a->expected.lines, 0);
    const char *bytes = a->bytes;
    const line_text *b = line_text_for(d, 8192, 1);
    cr_assert_neq(b, a);
    cr_assert_eq(line_text_for(d, 4096, 1)->bytes, bytes, "both sizes are held");
    line_totals got;
    cr_assert_eq(linepass_run(a->bytes, a->len, LINE_MODE_VIEW, 1024, alloc_libc(),
                              alloc_libc(), &got), 0);
    cr_assert(line_totals_same(&got, &a->expected));
    got.digest++;
    cr_assert_not(line_totals_same(&got, &a->expected));
}

Test(line_texts, another_distribution_replaces_both)
{
    cr_assert_geq(line_dist_count, 2);
    line_text_for(&line_dists[0], 4096, 1);
    line_text_for(&line_dists[0], 8192, 1);
    const line_text *t = line_text_for(&line_dists[1], 4096, 1);
    cr_assert_eq(t->dist, &line_dists[1]);
    const line_text *again = line_text_for(&line_dists[1], 8192, 1);
    cr_assert_neq(again, t);
    cr_assert_eq(t->dist, &line_dists[1], "the other slot took the second size");
}
