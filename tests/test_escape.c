/* test_escape.c - A4: the value and the heap version make the same record;
 * the heap one allocates exactly once per call, and reports failure. */
#include "alloc/counting.h"
#include "escape/escape.h"

#include <criterion/criterion.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

TestSuite(escape, .init = setup);

Test(escape, both_versions_make_the_same_record)
{
    for (int64_t id = 0; id < 1000; id++) {
        struct user v = escape_user_value(id);
        struct user *h = escape_user_heap(&c.base, id);
        cr_assert_not_null(h);
        cr_assert_eq(v.id, id);
        cr_assert_eq(v.active, (id & 1) != 0);
        cr_assert_eq(v.score, (double)(id % 400) * 0.25);
        cr_assert_eq(h->id, v.id);
        cr_assert_eq(h->active, v.active);
        cr_assert_eq(h->score, v.score);
        alloc_free(&c.base, h, sizeof *h);
    }
}

Test(escape, the_heap_version_allocates_once_per_call)
{
    enum { CALLS = 10000 };
    double sum = 0;
    for (int64_t id = 0; id < CALLS; id++) {
        struct user *u = escape_user_heap(&c.base, id);
        cr_assert_not_null(u);
        if (u->active)
            sum += u->score;
        alloc_free(&c.base, u, sizeof *u);
    }
    cr_assert_eq(c.stats.alloc_calls, CALLS);
    cr_assert_eq(c.stats.free_calls, CALLS);
    cr_assert_eq(c.stats.bytes_allocated, CALLS * sizeof(struct user));
    cr_assert_eq(c.stats.peak_live_bytes, sizeof(struct user), "one record at a time");
    cr_assert_eq(sum, escape_expected_sum(CALLS));
}

Test(escape, the_value_version_touches_no_allocator)
{
    /* It takes no allocator at all; this pins down that the sum agrees. */
    double sum = 0;
    for (int64_t id = 0; id < 777; id++) {
        struct user u = escape_user_value(id);
        if (u.active)
            sum += u.score;
    }
    cr_assert_eq(sum, escape_expected_sum(777));
    cr_assert_eq(escape_expected_sum(0), 0);
}

Test(escape, the_heap_version_reports_a_failed_allocation)
{
    counting_fail_at(&c, 1);
    cr_assert_null(escape_user_heap(&c.base, 5));
    cr_assert_eq(c.stats.live_blocks, 0);
    struct user *u = escape_user_heap(&c.base, 5);
    cr_assert_not_null(u);
    alloc_free(&c.base, u, sizeof *u);
}
