/* test_lqueue.c - the unbounded linked queue in one thread: FIFO, exact node
 * bytes, close, a refused node, destroy with items left. */
#include "alloc/counting.h"
#include "queue/lqueue.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

static void no_leak(void)
{
    cr_assert_eq(c.stats.live_bytes, 0, "%zu bytes still allocated", c.stats.live_bytes);
}

TestSuite(lqueue, .init = setup, .fini = no_leak);

static void *item(uintptr_t i)
{
    return (void *)(i + 1);
}

static uintptr_t index_of(void *p)
{
    return (uintptr_t)p - 1;
}

Test(lqueue, rejects_bad_arguments)
{
    lqueue q;
    cr_assert_eq(lqueue_init(NULL, &c.base), EINVAL);
    cr_assert_eq(lqueue_init(&q, NULL), EINVAL);
    lqueue_destroy(&q);
    lqueue_destroy(NULL);
}

Test(lqueue, fifo_with_one_node_per_item)
{
    lqueue q;
    cr_assert_eq(lqueue_init(&q, &c.base), 0);
    cr_assert_eq(c.stats.live_bytes, 0, "an empty queue holds nothing");
    void *p;
    cr_assert_not(lqueue_try_pop(&q, &p));
    for (uintptr_t i = 0; i < 1000; i++)
        cr_assert_eq(lqueue_push(&q, item(i)), 0);
    cr_assert_eq(c.stats.live_bytes, 1000 * lqueue_node_bytes());
    cr_assert_eq(queue_core_count(&q.core), 1000);
    for (uintptr_t i = 0; i < 1000; i++) {
        cr_assert(lqueue_pop(&q, &p));
        cr_assert_eq(index_of(p), i);
    }
    cr_assert_eq(c.stats.live_bytes, 0);
    queue_stats s = queue_core_stats(&q.core);
    cr_assert_eq(s.peak_count, 1000);
    cr_assert_eq(s.pushes, 1000);
    cr_assert_eq(s.pops, 1000);
    /* Empty again, then one item: head and tail both reset properly. */
    cr_assert_eq(lqueue_push(&q, item(5)), 0);
    cr_assert(lqueue_try_pop(&q, &p));
    cr_assert_eq(index_of(p), 5);
    lqueue_destroy(&q);
}

Test(lqueue, a_refused_node_leaves_the_queue_as_it_was)
{
    lqueue q;
    cr_assert_eq(lqueue_init(&q, &c.base), 0);
    cr_assert_eq(lqueue_push(&q, item(0)), 0);
    counting_fail_at(&c, 1);
    cr_assert_eq(lqueue_push(&q, item(1)), ENOMEM);
    cr_assert_eq(queue_core_count(&q.core), 1);
    cr_assert_eq(lqueue_push(&q, item(2)), 0);
    void *p;
    cr_assert(lqueue_pop(&q, &p));
    cr_assert_eq(index_of(p), 0);
    cr_assert(lqueue_pop(&q, &p));
    cr_assert_eq(index_of(p), 2);
    lqueue_destroy(&q);
}

Test(lqueue, close_and_destroy_with_items_left)
{
    lqueue q;
    cr_assert_eq(lqueue_init(&q, &c.base), 0);
    for (uintptr_t i = 0; i < 3; i++)
        cr_assert_eq(lqueue_push(&q, item(i)), 0);
    queue_core_close(&q.core);
    queue_core_close(&q.core);
    cr_assert_eq(lqueue_push(&q, item(9)), EPIPE);
    cr_assert_eq(c.stats.live_bytes, 3 * lqueue_node_bytes(), "a refused push keeps no node");
    void *p;
    cr_assert(lqueue_pop(&q, &p));
    lqueue_destroy(&q); /* two nodes still queued: freed here */
    lqueue_destroy(&q);
}

/* The tests with several threads are in tests/threaded/cases.c. */
