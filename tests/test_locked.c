/* test_locked.c - the locked allocator forwards every call and every
 * refusal.  Its use from several threads: tests/threaded/cases.c. */
#include "alloc/counting.h"
#include "alloc/locked.h"

#include <criterion/criterion.h>
#include <string.h>

static counting_allocator c;
static locked_allocator l;

static void setup(void)
{
    counting_init(&c, alloc_libc());
    locked_init(&l, &c.base);
}

static void teardown(void)
{
    locked_destroy(&l);
    cr_assert_eq(c.stats.live_bytes, 0);
}

TestSuite(locked, .init = setup, .fini = teardown);

Test(locked, forwards_alloc_resize_free_and_failures)
{
    allocator *a = &l.base;
    char *p = alloc_bytes(a, 100, 64);
    cr_assert_not_null(p);
    cr_assert_eq((uintptr_t)p % 64, 0);
    memset(p, 1, 100);
    p = a->resize(a, p, 100, 5000, 64);
    cr_assert_not_null(p);
    cr_assert_eq(p[99], 1);
    alloc_free(a, p, 5000);
    cr_assert_eq(c.stats.alloc_calls, 1);
    cr_assert_eq(c.stats.resize_calls, 1);
    cr_assert_eq(c.stats.free_calls, 1);
    counting_fail_at(&c, 1);
    cr_assert_null(alloc_bytes(a, 8, 8), "the inner allocator's refusal comes through");
}

/* Two threads sharing it: tests/threaded/cases.c (locked_two_threads). */
