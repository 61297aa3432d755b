/* test_pipeline.c - the checksums and the work of the pipelines.  The runs
 * themselves start threads: tests/threaded/cases.c checks them (every
 * message once, bounds, every allocation failure), under make test and
 * make test-tsan. */
#include "queue/pipeline.h"

#include "alloc/counting.h"

#include <criterion/criterion.h>
#include <errno.h>

Test(pipeline, expected_checksums)
{
    pipeline_result r = pipeline_expected(0);
    cr_assert_eq(r.items, 0);
    cr_assert_eq(r.seq_sum, 0);
    cr_assert_eq(r.mix_sum, 0);
    cr_assert_eq(pipeline_expected(1).seq_sum, 0);
    cr_assert_eq(pipeline_expected(4).seq_sum, 6);
    cr_assert_eq(pipeline_expected(5).seq_sum, 10);
    cr_assert_eq(pipeline_expected(1000000).seq_sum, 499999500000u);
    pipeline_result a = pipeline_expected(100), b = a;
    cr_assert(pipeline_matches(&a, &b));
    b.corrupt = 1;
    cr_assert_not(pipeline_matches(&a, &b));
    b = a;
    b.mix_sum++;
    cr_assert_not(pipeline_matches(&a, &b));
    b = a;
    b.items--;
    cr_assert_not(pipeline_matches(&a, &b));
}

Test(pipeline, digest_depends_on_rounds_and_text)
{
    pipeline_msg a = {.seq = 0}, b = {.seq = 0};
    for (size_t j = 0; j < PIPELINE_PAYLOAD; j++)
        a.payload[j] = b.payload[j] = 'x';
    cr_assert_eq(pipeline_digest(&a, 2), pipeline_digest(&b, 2));
    cr_assert_neq(pipeline_digest(&a, 1), pipeline_digest(&a, 2));
    b.payload[PIPELINE_PAYLOAD - 1] = 'y';
    cr_assert_neq(pipeline_digest(&a, 1), pipeline_digest(&b, 1));
}

Test(pipeline, a_pool_of_no_workers_is_refused)
{
    counting_allocator c;
    counting_init(&c, alloc_libc());
    pipeline_result r;
    cr_assert_eq(pipeline_run_pool(10, 0, 1, &c.base, &r), EINVAL);
    cr_assert_eq(c.stats.alloc_calls, 0);
    cr_assert_eq(r.items, 0);
}
