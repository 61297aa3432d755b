/* test_span_sum.c - the sequential sum traverse sets beside aos and soa:
 * it reads exactly the bytes their kernels read, and nothing for the
 * layouts that follow pointers. */
#include "alloc/counting.h"
#include "traverse/layout.h"
#include "traverse/span_sum.h"
#include "traverse/user.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define SEED 99

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

TestSuite(span_sum, .init = setup);

static uint64_t bits_of(double d)
{
    uint64_t b;
    memcpy(&b, &d, sizeof b);
    return b;
}

/* n generated records (a block even for none, so free() is always right). */
static struct user *users_of(size_t n)
{
    struct user *u = malloc((n ? n : 1) * sizeof *u);
    cr_assert_not_null(u);
    user_generate(u, n, SEED);
    return u;
}

static const size_t sizes[] = {0, 1, 2, 7, 8, 9, 511, 512, 513, 1000, 1537};
#define NSIZES (sizeof sizes / sizeof sizes[0])

Test(span_sum, only_the_contiguous_layouts_have_spans)
{
    for (size_t k = 0; k < layout_kind_count; k++) {
        const char *name = layout_kinds[k].name;
        bool contiguous = strcmp(name, "aos") == 0 || strcmp(name, "soa") == 0;
        cr_assert_eq(layout_has_spans(&layout_kinds[k]), contiguous, "%s", name);
    }
    cr_assert_not(layout_has_spans(NULL));
}

Test(span_sum, spans_cover_the_bytes_the_kernel_reads)
{
    for (size_t s = 0; s < NSIZES; s++) {
        size_t n = sizes[s];
        struct user *u = users_of(n);
        for (size_t k = 0; k < layout_kind_count; k++) {
            const layout_kind *kind = &layout_kinds[k];
            layout l;
            cr_assert(layout_build(&l, kind, u, n, SEED, &c.base));
            size_t want = !layout_has_spans(kind)              ? 0
                          : kind->shape->bytes_read_per_record ? kind->shape->bytes_read_per_record * n
                                                               : c.stats.live_bytes;
            cr_assert_eq(layout_span_bytes(&l), want, "%s, n = %zu", kind->name, n);
            if (!layout_has_spans(kind))
                cr_assert_eq(layout_span_sum(&l), 0, "%s, n = %zu", kind->name, n);
            layout_destroy(&l, &c.base);
        }
        free(u);
    }
}

/* What read_sum_bytes gives for n bytes that start on a word boundary
 * (malloc's blocks do): each whole word as a little-endian number, then
 * the tail's bytes one by one. */
static uint64_t aligned_bytes_sum(const unsigned char *b, size_t n)
{
    uint64_t sum = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8)
        for (size_t j = 0; j < 8; j++)
            sum += (uint64_t)b[i + j] << (8 * j);
    for (; i < n; i++)
        sum += b[i];
    return sum;
}

/* The sums, from the records: soa reads the activities (0 or 1, a byte
 * each) as words and each score's bits; aos reads its three words per
 * record, the middle one being the activity with the padding a struct
 * copy left beside it. */
Test(span_sum, sums_every_byte_read)
{
    for (size_t s = 0; s < NSIZES; s++) {
        size_t n = sizes[s];
        struct user *u = users_of(n);
        layout soa, aos;
        cr_assert(layout_build(&soa, layout_find("soa"), u, n, SEED, &c.base));
        cr_assert(layout_build(&aos, layout_find("aos"), u, n, SEED, &c.base));
        cr_assert_eq((uintptr_t)soa.as.soa.active % 8, 0);
        unsigned char *active = malloc(n ? n : 1);
        cr_assert_not_null(active);
        for (size_t i = 0; i < n; i++)
            active[i] = u[i].active;
        uint64_t want_soa = aligned_bytes_sum(active, n), want_aos = 0;
        free(active);
        for (size_t i = 0; i < n; i++) {
            uint64_t middle;
            memcpy(&middle, (const char *)&aos.as.aos[i] + sizeof(int64_t), sizeof middle);
            want_soa += bits_of(u[i].score);
            want_aos += (uint64_t)u[i].id + middle + bits_of(u[i].score);
        }
        cr_assert_eq(layout_span_sum(&soa), want_soa, "soa, n = %zu", n);
        cr_assert_eq(layout_span_sum(&aos), want_aos, "aos, n = %zu", n);
        layout_destroy(&soa, &c.base);
        layout_destroy(&aos, &c.base);
        free(u);
    }
}
