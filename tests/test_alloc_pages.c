/* test_alloc_pages.c - the page allocator: whole pages, 2 MiB alignment for
 * huge pages, refused requests, resize keeps contents, counting on top. */
#include "alloc/counting.h"
#include "alloc/pages.h"
#include "harness/thp.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <string.h>
#include <unistd.h>

static void write_all(char *p, size_t len)
{
    for (size_t i = 0; i < len; i += 4096)
        p[i] = (char)i;
    p[len - 1] = 7;
}

Test(alloc_pages, small_blocks_are_page_aligned_and_usable)
{
    allocator *a = alloc_pages(PAGES_SMALL);
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    for (size_t size = 1; size <= ((size_t)1 << 20); size = size * 5 + 3) {
        char *p = alloc_bytes(a, size, 64);
        cr_assert_not_null(p, "size %zu", size);
        cr_assert_eq((uintptr_t)p % page, 0);
        write_all(p, size);
        alloc_free(a, p, size);
    }
}

Test(alloc_pages, huge_blocks_are_aligned_to_2_mib)
{
    allocator *a = alloc_pages(PAGES_HUGE);
    size_t len = 3 * PAGES_HUGE_SIZE + 100;
    char *p = alloc_bytes(a, len, 4096);
    cr_assert_not_null(p);
    cr_assert_eq((uintptr_t)p % PAGES_HUGE_SIZE, 0);
    write_all(p, len);
    /* Whether the kernel gave huge pages depends on the machine; only
     * that the figure is sane is certain. */
    long long huge = thp_huge_bytes(p, len);
    cr_assert_geq(huge, 0);
    cr_assert_leq(huge, (long long)len);
    alloc_free(a, p, len);
}

Test(alloc_pages, small_pages_are_never_huge)
{
    allocator *a = alloc_pages(PAGES_SMALL);
    size_t len = 8 * PAGES_HUGE_SIZE;
    char *p = alloc_bytes(a, len, 64);
    cr_assert_not_null(p);
    write_all(p, len);
    cr_assert_eq(thp_huge_bytes(p, len), 0, "MADV_NOHUGEPAGE must hold");
    alloc_free(a, p, len);
}

Test(alloc_pages, refuses_size_zero_bad_alignment_and_overflow)
{
    for (int k = 0; k < 2; k++) {
        allocator *a = alloc_pages(k ? PAGES_HUGE : PAGES_SMALL);
        cr_assert_null(alloc_bytes(a, 0, 8));
        cr_assert_null(alloc_bytes(a, 64, 0));
        cr_assert_null(alloc_bytes(a, 64, 48));
        cr_assert_null(alloc_bytes(a, 64, 2 * PAGES_HUGE_SIZE), "above the granule");
        cr_assert_null(alloc_bytes(a, SIZE_MAX - 10, 8));
        cr_assert_null(alloc_bytes(a, SIZE_MAX / 2, 8), "more than the address space");
        alloc_free(a, NULL, 64);
    }
}

Test(alloc_pages, resize_keeps_contents_and_a_failed_one_keeps_the_block)
{
    allocator *a = alloc_pages(PAGES_SMALL);
    char *p = a->resize(a, NULL, 0, 5000, 64);
    cr_assert_not_null(p);
    memset(p, 'x', 5000);
    char *q = a->resize(a, p, 5000, 100000, 64);
    cr_assert_not_null(q);
    for (size_t i = 0; i < 5000; i++)
        cr_assert_eq(q[i], 'x');
    cr_assert_null(a->resize(a, q, 100000, 0, 64));
    cr_assert_eq(q[4999], 'x', "still there");
    char *r = a->resize(a, q, 100000, 10, 64);
    cr_assert_not_null(r);
    cr_assert_eq(r[9], 'x');
    alloc_free(a, r, 10);
}

Test(alloc_pages, counts_through_a_counting_allocator)
{
    counting_allocator c;
    counting_init(&c, alloc_pages(PAGES_HUGE));
    void *p = alloc_bytes(&c.base, 12345, 64);
    cr_assert_not_null(p);
    cr_assert_eq(c.stats.live_bytes, 12345, "bytes asked for, not pages mapped");
    alloc_free(&c.base, p, 12345);
    cr_assert_eq(c.stats.live_bytes, 0);
}
