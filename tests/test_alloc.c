/* test_alloc.c - the libc and counting allocators: alignment, exact counts,
 * injected failures, overflow refusal. */
#include "alloc/alloc.h"
#include "alloc/counting.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

TestSuite(alloc_libc);
TestSuite(counting, .init = setup);

Test(alloc_libc, aligns_every_power_of_two_up_to_4096)
{
    allocator *a = alloc_libc();
    for (size_t align = 1; align <= 4096; align *= 2) {
        void *p = alloc_bytes(a, 24, align);
        cr_assert_not_null(p, "align %zu", align);
        cr_assert_eq((uintptr_t)p % align, 0, "align %zu gave %p", align, p);
        memset(p, 0xab, 24);
        alloc_free(a, p, 24);
    }
}

Test(alloc_libc, refuses_size_zero_and_bad_alignment)
{
    allocator *a = alloc_libc();
    cr_assert_null(alloc_bytes(a, 0, 8));
    cr_assert_null(alloc_bytes(a, 16, 0));
    cr_assert_null(alloc_bytes(a, 16, 24));
}

Test(alloc_libc, resize_keeps_contents_and_overalignment)
{
    allocator *a = alloc_libc();
    unsigned char *p = alloc_bytes(a, 100, 256);
    cr_assert_not_null(p);
    for (int i = 0; i < 100; i++)
        p[i] = (unsigned char)i;
    unsigned char *q = a->resize(a, p, 100, 5000, 256);
    cr_assert_not_null(q);
    cr_assert_eq((uintptr_t)q % 256, 0);
    for (int i = 0; i < 100; i++)
        cr_assert_eq(q[i], i);
    alloc_free(a, q, 5000);
}

Test(alloc_libc, array_refuses_a_wrapping_product)
{
    allocator *a = alloc_libc();
    cr_assert_null(alloc_array(a, SIZE_MAX / 8 + 1, 8, 8));
    cr_assert_null(ALLOC_ARRAY(a, double, SIZE_MAX / 4));
}

Test(counting, starts_at_zero)
{
    cr_assert_eq(c.stats.alloc_calls, 0);
    cr_assert_eq(c.stats.live_bytes, 0);
    cr_assert_eq(c.stats.peak_live_bytes, 0);
}

Test(counting, counts_calls_bytes_live_and_peak)
{
    allocator *a = &c.base;
    void *p = alloc_bytes(a, 100, 8);
    void *q = alloc_bytes(a, 28, 4);
    cr_assert_eq(c.stats.alloc_calls, 2);
    cr_assert_eq(c.stats.live_bytes, 128);
    cr_assert_eq(c.stats.live_blocks, 2);
    alloc_free(a, p, 100);
    cr_assert_eq(c.stats.live_bytes, 28);
    cr_assert_eq(c.stats.peak_live_bytes, 128);
    cr_assert_eq(c.stats.peak_live_blocks, 2);
    alloc_free(a, q, 28);
    alloc_free(a, NULL, 0);
    cr_assert_eq(c.stats.free_calls, 2, "free(NULL) is not a call");
    cr_assert_eq(c.stats.live_bytes, 0);
    cr_assert_eq(c.stats.bytes_allocated, 128);
}

Test(counting, counts_a_refused_request_as_failed)
{
    cr_assert_null(alloc_bytes(&c.base, 0, 8));
    cr_assert_eq(c.stats.failed_calls, 1);
    cr_assert_eq(c.stats.alloc_calls, 0);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(counting, alloc_string_copies_and_terminates_or_says_no)
{
    char *s = alloc_string(&c.base, "linexyz", 4);
    cr_assert_not_null(s);
    cr_assert_str_eq(s, "line");
    cr_assert_eq(c.stats.live_bytes, 5, "the bytes and a NUL");
    alloc_free(&c.base, s, 5);
    char *empty = alloc_string(&c.base, "", 0);
    cr_assert_not_null(empty);
    cr_assert_str_eq(empty, "");
    alloc_free(&c.base, empty, 1);
    cr_assert_null(alloc_string(&c.base, "x", SIZE_MAX), "len + 1 would wrap");
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(counting, resize_counts_growth_and_both_blocks_while_moving)
{
    allocator *a = &c.base;
    void *p = a->resize(a, NULL, 0, 64, 8);
    cr_assert_not_null(p);
    cr_assert_eq(c.stats.alloc_calls, 1, "resize of NULL is an allocation");
    /* Over-aligned blocks always move (libc realloc cannot keep 256). */
    void *q = a->resize(a, p, 64, 1024, 256);
    cr_assert_not_null(q);
    cr_assert_neq(q, p);
    cr_assert_eq(c.stats.resize_calls, 1);
    cr_assert_eq(c.stats.resize_moves, 1);
    cr_assert_eq(c.stats.live_bytes, 1024);
    cr_assert_eq(c.stats.peak_live_bytes, 64 + 1024);
    cr_assert_eq(c.stats.bytes_allocated, 1024);
    void *r = a->resize(a, q, 1024, 512, 256);
    cr_assert_not_null(r);
    cr_assert_eq(c.stats.live_bytes, 512);
    cr_assert_eq(c.stats.bytes_allocated, 1024, "shrinking hands out nothing");
    alloc_free(a, r, 512);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(counting, fails_exactly_the_chosen_request)
{
    allocator *a = &c.base;
    counting_fail_at(&c, 3);
    void *p1 = alloc_bytes(a, 8, 8);
    void *p2 = alloc_bytes(a, 8, 8);
    void *p3 = alloc_bytes(a, 8, 8);
    void *p4 = alloc_bytes(a, 8, 8);
    cr_assert_not_null(p1);
    cr_assert_not_null(p2);
    cr_assert_null(p3);
    cr_assert_not_null(p4, "only the chosen request fails");
    cr_assert_eq(c.stats.failed_calls, 1);
    cr_assert_eq(c.stats.live_blocks, 3);
    alloc_free(a, p1, 8);
    alloc_free(a, p2, 8);
    alloc_free(a, p4, 8);
}

Test(counting, failed_resize_leaves_the_block_intact)
{
    allocator *a = &c.base;
    char *p = alloc_bytes(a, 16, 8);
    strcpy(p, "still here");
    counting_fail_at(&c, 1);
    cr_assert_null(a->resize(a, p, 16, 4096, 8));
    cr_assert_str_eq(p, "still here");
    cr_assert_eq(c.stats.live_bytes, 16);
    alloc_free(a, p, 16);
}

Test(counting, fail_at_zero_turns_injection_off)
{
    counting_fail_at(&c, 1);
    counting_fail_at(&c, 0);
    void *p = alloc_bytes(&c.base, 8, 8);
    cr_assert_not_null(p);
    alloc_free(&c.base, p, 8);
}

Test(counting, reset_keeps_what_is_still_live)
{
    allocator *a = &c.base;
    void *p = alloc_bytes(a, 40, 8);
    void *q = alloc_bytes(a, 60, 8);
    alloc_free(a, q, 60);
    counting_reset_stats(&c);
    cr_assert_eq(c.stats.alloc_calls, 0);
    cr_assert_eq(c.stats.live_bytes, 40);
    cr_assert_eq(c.stats.peak_live_bytes, 40);
    cr_assert_eq(c.stats.live_blocks, 1);
    alloc_free(a, p, 40);
}
