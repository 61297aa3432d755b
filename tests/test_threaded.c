/* test_threaded.c - the multi-threaded cases of tests/threaded/cases.c under
 * make test (AddressSanitizer); make test-tsan runs the same cases under
 * ThreadSanitizer. */
#include "threaded/cases.h"

#include <criterion/criterion.h>

static void run(const char *name)
{
    const threaded_case *c = threaded_case_find(name);
    cr_assert_not_null(c, "no case %s", name);
    const char *problem = c->run();
    cr_assert_null(problem, "%s: %s", name, problem);
}

Test(threaded, ring_one_producer_one_consumer_in_order)
{
    run("ring_one_to_one");
}

Test(threaded, ring_three_producers_three_consumers)
{
    run("ring_many_to_many");
}

Test(threaded, ring_close_wakes_waiting_threads)
{
    run("ring_close_wakes");
}

Test(threaded, lqueue_producer_and_consumer)
{
    run("lqueue_producer_consumer");
}

Test(threaded, lqueue_close_wakes_a_consumer)
{
    run("lqueue_close_wakes");
}

Test(threaded, locked_allocator_shared_by_two_threads)
{
    run("locked_two_threads");
}

Test(threaded, pipelines_deliver_every_message_once)
{
    run("pipeline_every_way");
}

Test(threaded, pipelines_clean_up_after_every_failure)
{
    run("pipeline_every_failure");
}

Test(threaded, every_case_is_run_above)
{
    cr_assert_eq(threaded_case_count, 8, "add a Test for the new case");
    cr_assert_null(threaded_case_find("nope"));
}
