/* test_ring.c - the bounded ring in one thread: FIFO order across the
 * wrap, full and empty edges, close, bad arguments. */
#include "alloc/counting.h"
#include "queue/ring.h"

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

TestSuite(ring, .init = setup, .fini = no_leak);

/* Items are small integers disguised as pointers (never dereferenced). */
static void *item(uintptr_t i)
{
    return (void *)(i + 1);
}

static uintptr_t index_of(void *p)
{
    return (uintptr_t)p - 1;
}

Test(ring, rejects_bad_arguments_and_owns_nothing_after)
{
    ring r;
    cr_assert_eq(ring_init(NULL, 4, &c.base), EINVAL);
    cr_assert_eq(ring_init(&r, 0, &c.base), EINVAL);
    ring_destroy(&r);
    cr_assert_eq(ring_init(&r, 4, NULL), EINVAL);
    ring_destroy(&r);
    cr_assert_eq(ring_init(&r, SIZE_MAX / 2, &c.base), EINVAL, "the slot array would overflow");
    ring_destroy(&r);
    ring_destroy(NULL);
    counting_fail_at(&c, 1);
    cr_assert_eq(ring_init(&r, 4, &c.base), ENOMEM);
    ring_destroy(&r);
    cr_assert_eq(c.stats.alloc_calls, 0);
}

Test(ring, holds_exactly_its_capacity_in_fifo_order)
{
    ring r;
    cr_assert_eq(ring_init(&r, 3, &c.base), 0);
    cr_assert_eq(c.stats.live_bytes, 3 * sizeof(void *), "one slot per item, nothing else");
    void *p;
    cr_assert_not(ring_try_pop(&r, &p), "empty");
    for (uintptr_t i = 0; i < 3; i++)
        cr_assert_eq(ring_try_push(&r, item(i)), 0);
    cr_assert_eq(ring_try_push(&r, item(9)), EAGAIN, "full");
    cr_assert_eq(queue_core_count(&r.core), 3);
    for (uintptr_t i = 0; i < 3; i++) {
        cr_assert(ring_try_pop(&r, &p));
        cr_assert_eq(index_of(p), i);
    }
    cr_assert_not(ring_try_pop(&r, &p));
    ring_destroy(&r);
}

Test(ring, keeps_order_across_the_wrap_many_times)
{
    ring r;
    cr_assert_eq(ring_init(&r, 5, &c.base), 0);
    uintptr_t next_in = 0, next_out = 0;
    /* Push 3, pop 2, so head and tail walk round the ring many times. */
    for (int round = 0; round < 100; round++) {
        for (int k = 0; k < 3 && queue_core_count(&r.core) < 5; k++)
            cr_assert_eq(ring_push(&r, item(next_in++)), 0);
        for (int k = 0; k < 2; k++) {
            void *p;
            cr_assert(ring_try_pop(&r, &p));
            cr_assert_eq(index_of(p), next_out++);
        }
    }
    queue_stats s = queue_core_stats(&r.core);
    cr_assert_eq(s.pushes, next_in);
    cr_assert_eq(s.pops, next_out);
    cr_assert_eq(s.peak_count, 5);
    cr_assert_eq(s.full_waits, 0);
    void *p;
    while (ring_try_pop(&r, &p))
        cr_assert_eq(index_of(p), next_out++);
    cr_assert_eq(next_out, next_in);
    ring_destroy(&r);
}

Test(ring, capacity_one)
{
    ring r;
    cr_assert_eq(ring_init(&r, 1, &c.base), 0);
    void *p;
    for (uintptr_t i = 0; i < 10; i++) {
        cr_assert_eq(ring_try_push(&r, item(i)), 0);
        cr_assert_eq(ring_try_push(&r, item(i)), EAGAIN);
        cr_assert(ring_pop(&r, &p));
        cr_assert_eq(index_of(p), i);
    }
    ring_destroy(&r);
}

Test(ring, close_refuses_pushes_and_drains_the_rest)
{
    ring r;
    cr_assert_eq(ring_init(&r, 4, &c.base), 0);
    cr_assert_eq(ring_push(&r, item(0)), 0);
    cr_assert_eq(ring_push(&r, item(1)), 0);
    queue_core_close(&r.core);
    queue_core_close(&r.core);
    cr_assert_eq(ring_push(&r, item(2)), EPIPE);
    cr_assert_eq(ring_try_push(&r, item(2)), EPIPE);
    void *p;
    cr_assert(ring_pop(&r, &p));
    cr_assert_eq(index_of(p), 0);
    cr_assert(ring_pop(&r, &p));
    cr_assert_eq(index_of(p), 1);
    cr_assert_not(ring_pop(&r, &p), "closed and empty: no wait, no item");
    ring_destroy(&r);
}

/* The tests with several threads are in tests/threaded/cases.c, run by
 * test_threaded.c and, under ThreadSanitizer, by make test-tsan. */
