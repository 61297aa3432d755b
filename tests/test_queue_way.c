/* test_queue_way.c - queue's four ways and --child runner: every message
 * arrives exactly once, and bad specs are refused. */
#include "alloc/counting.h"
#include "alloc/locked.h"
#include "queue/way.h"

#include <criterion/criterion.h>

Test(queue_way, names_in_registration_order)
{
    static const char *const names[] = {"bounded", "unbounded", "pool", "thread_per_item"};
    for (size_t v = 0; v < QUEUE_VARIANT_COUNT; v++)
        cr_assert_eq(queue_variant_named(names[v]), &queue_variants[v]);
    cr_assert_null(queue_variant_named("channel"));
    cr_assert_geq(queue_pool_workers(), 1);
}

Test(queue_way, every_way_delivers_every_message)
{
    for (size_t v = 0; v < QUEUE_VARIANT_COUNT; v++) {
        counting_allocator c;
        counting_init(&c, alloc_libc());
        locked_allocator l;
        locked_init(&l, &c.base);
        pipeline_result r = {0};
        cr_assert_eq(queue_run_way(queue_variants[v].way, 200, 0, &l.base, &r), 0, "%s",
                     queue_variants[v].name);
        locked_destroy(&l);
        pipeline_result want = pipeline_expected(200);
        cr_assert(pipeline_matches(&r, &want), "%s", queue_variants[v].name);
        cr_assert_eq(r.items, 200);
        cr_assert_eq(c.stats.live_bytes, 0, "%s", queue_variants[v].name);
    }
}

/* workers/<k> of S6 runs the pool with k workers, not one per CPU. */
Test(queue_way, the_pool_takes_a_number_of_workers)
{
    for (unsigned k = 1; k <= 3; k++) {
        counting_allocator c;
        counting_init(&c, alloc_libc());
        locked_allocator l;
        locked_init(&l, &c.base);
        pipeline_result r = {0};
        cr_assert_eq(queue_run_way(POOL, 300, k, &l.base, &r), 0, "k = %u", k);
        locked_destroy(&l);
        pipeline_result want = pipeline_expected(300);
        cr_assert(pipeline_matches(&r, &want), "k = %u", k);
        cr_assert_leq(r.peak_threads, k, "k = %u", k);
        cr_assert_eq(c.stats.live_bytes, 0);
    }
}

Test(queue_way, an_unknown_way_is_refused)
{
    pipeline_result r = {0};
    cr_assert_eq(queue_run_way((way)99, 10, 0, alloc_libc(), &r), -1);
    cr_assert_eq(r.items, 0);
}

Test(queue_way, child_runs_and_refuses_bad_specs)
{
    cr_assert_eq(queue_child_run("bounded:100"), 0);
    cr_assert_eq(queue_child_run("thread_per_item:10"), 0);
    cr_assert_eq(queue_child_run("bounded"), 2);
    cr_assert_eq(queue_child_run("channel:10"), 2);
}
