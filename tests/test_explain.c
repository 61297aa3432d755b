/* test_explain.c - record descriptors, cache-line arithmetic and the
 * traverse model, against the compiler's layout and the counting allocator. */
#include "alloc/counting.h"
#include "report/model_compare.h"
#include "traverse/record_catalog.h"
#include "traverse/model.h"
#include "traverse/layout.h"
#include "traverse/user.h"

#include <criterion/criterion.h>
#include <stdlib.h>

Test(record, user_is_24_bytes_with_7_of_padding_after_active)
{
    const record_desc *r = &record_user;
    cr_assert_eq(r->size, 24);
    cr_assert_eq(r->align, 8);
    cr_assert_eq(record_payload(r), 17);
    cr_assert_eq(record_padding(r), 7);
    cr_assert_eq(record_padding_after(r, 0), 0); /* id */
    cr_assert_eq(record_padding_after(r, 1), 7); /* active */
    cr_assert_eq(record_padding_after(r, 2), 0); /* score */
}

Test(record, reordering_user_moves_its_padding_to_the_end)
{
    const record_desc *r = &record_user_reordered;
    cr_assert_eq(r->size, 24);
    cr_assert_eq(record_padding(r), 7);
    cr_assert_eq(record_padding_after(r, 2), 7);
}

Test(record, narrow_user_is_16_bytes)
{
    cr_assert_eq(record_user_narrow.size, 16);
    cr_assert_eq(record_padding(&record_user_narrow), 3);
    cr_assert_float_eq(record_per_line(&record_user_narrow), 4.0, 1e-12);
}

Test(record, every_descriptor_is_consistent)
{
    for (size_t i = 0; i < suite_record_count; i++)
        cr_assert(record_desc_valid(suite_records[i]), "%s", suite_records[i]->name);
    cr_assert_eq(record_find("struct user"), &record_user);
    cr_assert_null(record_find("struct nothing"));
}

Test(record, invalid_descriptors_are_rejected)
{
    static const record_field overlap[] = {{"a", "int", 0, 8}, {"b", "int", 4, 4}};
    static const record_field outside[] = {{"a", "int", 0, 16}};
    record_desc r = {"x", "", 8, 8, overlap, 2};
    cr_assert_not(record_desc_valid(&r));
    r.fields = outside;
    r.nfields = 1;
    cr_assert_not(record_desc_valid(&r));
    r.size = 12; /* not a multiple of the alignment */
    cr_assert_not(record_desc_valid(&r));
}

Test(record, line_spans)
{
    line_span s = line_span_of(0, 1);
    cr_assert_eq(s.first, 0);
    cr_assert_eq(s.last, 0);
    s = line_span_of(56, 16); /* crosses from line 0 into line 1 */
    cr_assert_eq(s.first, 0);
    cr_assert_eq(s.last, 1);
    s = line_span_of(64, 64);
    cr_assert_eq(s.first, 1);
    cr_assert_eq(s.last, 1);
}

Test(record, aos_soa_and_aop_lines_of_the_user)
{
    /* Element 2 of struct user: id at 48, active at 56 (line 0), score
     * at 64 (line 1). */
    cr_assert_eq(record_aos_field_lines(&record_user, 2, 1).first, 0);
    cr_assert_eq(record_aos_field_lines(&record_user, 2, 2).first, 1);
    /* No field of any element straddles a line: 8-byte fields at 8-byte
     * aligned offsets never do. */
    for (size_t i = 0; i < 64; i++)
        for (size_t f = 0; f < record_user.nfields; f++) {
            line_span s = record_aos_field_lines(&record_user, i, f);
            cr_assert_eq(s.first, s.last);
        }
    cr_assert_eq(record_soa_field_lines(&record_user, 63, 1).first, 0);
    cr_assert_eq(record_soa_field_lines(&record_user, 64, 1).first, 1);
    cr_assert_eq(record_soa_field_lines(&record_user, 8, 2).first, 1);
    cr_assert_eq(record_aop_slot_lines(7).first, 0);
    cr_assert_eq(record_aop_slot_lines(8).first, 1);
    cr_assert_float_eq(record_useful_share(&record_user, 0x6), 9.0 / 24, 1e-12);
}

Test(model, malloc_chunks_and_expected_lines)
{
    cr_assert_eq(malloc_chunk_model(1), 32);
    cr_assert_eq(malloc_chunk_model(24), 32);
    cr_assert_eq(malloc_chunk_model(25), 48);
    cr_assert_eq(malloc_chunk_model(40), 48);
    cr_assert_float_eq(lines_touched_expected(8, 16, 16), 1.25, 1e-12);
    cr_assert_float_eq(lines_touched_expected(0, 64, 64), 1.0, 1e-12);
    cr_assert_float_eq(lines_touched_expected(60, 8, 64), 2.0, 1e-12);
    cr_assert_float_eq(lines_touched_expected(0, 1, 1), 1.0, 1e-12);
}

Test(model, ratios_and_verdicts)
{
    cr_assert_float_eq(traverse_model_ratio("aos", "aos"), 1.0, 1e-12);
    cr_assert_float_eq(traverse_model_ratio("list_scattered", "aos"),
                       1.25 / (24.0 / 64), 1e-12);
    cr_assert_float_eq(traverse_model_ratio("soa", "aos"), 9.0 / 24, 1e-12);
    cr_assert_eq(traverse_model_ratio("nothing", "aos"), 0);
    traverse_model m;
    cr_assert_not(traverse_model_of("nothing", &m));
    cr_assert_not(traverse_model_of(NULL, &m));
    cr_assert_str_eq(traverse_model_verdict(2, 3.9), "agrees");
    cr_assert_str_eq(traverse_model_verdict(2, 4.1), "slower than lines predict");
    cr_assert_str_eq(traverse_model_verdict(2, 0.9), "faster than lines predict");
    cr_assert_str_eq(traverse_model_verdict(0, 1), "no prediction");
}

/* The model's bytes and blocks per element are what the counting
 * allocator sees when the bench's layouts are built: n * bytes exactly,
 * n * allocs blocks plus the few arrays of the layout. */
Test(model, bytes_and_blocks_match_the_counting_allocator)
{
    cr_assert_eq(traverse_model_layout_count, layout_kind_count);
    enum { N = 1000 };
    struct user *users = malloc(N * sizeof *users);
    cr_assert_not_null(users);
    user_generate(users, N, 42);
    for (size_t k = 0; k < layout_kind_count; k++) {
        const layout_kind *kind = &layout_kinds[k];
        traverse_model m;
        cr_assert(traverse_model_of(kind->name, &m), "%s", kind->name);
        counting_allocator c;
        counting_init(&c, alloc_libc());
        layout l;
        cr_assert(layout_build(&l, kind, users, N, 7, &c.base));
        cr_assert_eq((double)c.stats.live_bytes, m.bytes_per_elem * N, "%s", kind->name);
        double extra_blocks = (double)c.stats.live_blocks - m.allocs_per_elem * N;
        cr_assert(extra_blocks >= 0 && extra_blocks <= 3, "%s: %g", kind->name,
                  extra_blocks);
        cr_assert(m.heap_bytes_per_elem >= m.bytes_per_elem);
        cr_assert(traverse_model_lines(&m) > 0);
        layout_destroy(&l, &c.base);
    }
    free(users);
}

Test(compare, predicted_measured_and_verdict_together)
{
    double list[] = {100, 110, 120}, aos[] = {1, 1.1, 1.2};
    layout_comparison c;
    cr_assert(layout_compare("list_scattered", list, 3, "aos", aos, 3, &c));
    cr_assert_float_eq(c.predicted, 1.25 / 0.375, 1e-12);
    cr_assert_float_eq(c.measured.ratio, 110 / 1.1, 1e-9);
    cr_assert_not(c.measured.within_noise);
    cr_assert_str_eq(c.verdict, "slower than lines predict");

    cr_assert(layout_compare("mystery", list, 3, "aos", aos, 3, &c));
    cr_assert_eq(c.predicted, 0);
    cr_assert_str_eq(c.verdict, "no prediction");

    /* Ratio 5 against a prediction of 2, but an interval reaching down to
     * about 1: too noisy to call slower. */
    double noisy[] = {1, 5, 5, 5, 60}, one[] = {1, 1, 1, 1, 1};
    cr_assert(layout_compare("list_inorder", noisy, 5, "aos", one, 5, &c));
    cr_assert_eq(c.measured.ratio, 5);
    cr_assert(c.measured.lo < 4);
    cr_assert_str_eq(c.verdict, "too noisy to tell");

    c.predicted = 42;
    cr_assert_not(layout_compare("aos", list, 0, "soa", aos, 3, &c));
    cr_assert_not(layout_compare("aos", list, 3, "soa", aos, 3, NULL));
    cr_assert_eq(c.predicted, 42);
}
