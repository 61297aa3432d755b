/* test_growable.c - the growable array: exact growth counts (closed forms for
 * x2 and +K), reserve, refusal of sizes that overflow, and every allocation
 * failure leaving the array as it was. */
#include "alloc/counting.h"
#include "growth/growable.h"

#include <criterion/criterion.h>
#include <stdalign.h>
#include <stdint.h>
#include <string.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

TestSuite(growable, .init = setup);

static const growable_method methods[] = {GROW_REALLOC, GROW_COPY};

static growable make(size_t policy, growable_method m, size_t elem_size)
{
    growable g;
    cr_assert_eq(growable_init(&g, elem_size, elem_size < 8 ? elem_size : 8,
                               &growth_policies[policy], m, &c.base),
                 GROWABLE_OK);
    return g;
}

/* Loops check with plain C and assert once: Criterion sends every
 * assertion to its runner, and millions of them clog it. */
static void push_u64s(growable *g, uint64_t from, size_t n)
{
    size_t i = 0;
    for (; i < n; i++) {
        uint64_t *slot = growable_push(g);
        if (!slot)
            break;
        *slot = from + i;
    }
    cr_assert_eq(i, n, "push %zu of %zu failed", i, n);
}

static void expect_u64s(const growable *g, size_t n)
{
    cr_assert_eq(g->len, n);
    size_t i = 0;
    while (i < n && *(const uint64_t *)growable_at(g, i) == i)
        i++;
    cr_assert_eq(i, n, "element %zu differs", i);
}

/* ceil(log2 n) for n >= 1. */
static size_t log2_ceil(size_t n)
{
    size_t k = 0;
    while (((size_t)1 << k) < n)
        k++;
    return k;
}

Test(growable, init_refuses_bad_arguments)
{
    growable g;
    const growth_policy *x2 = &growth_policies[GROWTH_X2];
    cr_assert_eq(growable_init(NULL, 8, 8, x2, GROW_COPY, &c.base), GROWABLE_BAD_ARGUMENT);
    cr_assert_eq(growable_init(&g, 0, 8, x2, GROW_COPY, &c.base), GROWABLE_BAD_ARGUMENT);
    cr_assert_eq(growable_init(&g, 8, 0, x2, GROW_COPY, &c.base), GROWABLE_BAD_ARGUMENT);
    cr_assert_eq(growable_init(&g, 12, 3, x2, GROW_COPY, &c.base), GROWABLE_BAD_ARGUMENT);
    cr_assert_eq(growable_init(&g, 12, 8, x2, GROW_COPY, &c.base), GROWABLE_BAD_ARGUMENT,
                 "element 1 would be misaligned");
    cr_assert_eq(growable_init(&g, 8, 8, NULL, GROW_COPY, &c.base), GROWABLE_BAD_ARGUMENT);
    cr_assert_eq(growable_init(&g, 8, 8, x2, GROW_COPY, NULL), GROWABLE_BAD_ARGUMENT);
    cr_assert_eq(growable_init(&g, 8, 8, x2, (growable_method)7, &c.base),
                 GROWABLE_BAD_ARGUMENT);
    cr_assert_null(g.data);
    cr_assert_eq(growable_reserve(NULL, 1), GROWABLE_BAD_ARGUMENT);
    cr_assert_eq(growable_reserve_more(NULL, 1), GROWABLE_BAD_ARGUMENT);
    cr_assert_eq(growable_append(NULL, "x", 1), GROWABLE_BAD_ARGUMENT);
    growable_release(NULL);
    cr_assert_eq(c.stats.alloc_calls, 0);
}

Test(growable, names_and_status_texts)
{
    cr_assert_str_eq(growable_method_name(GROW_REALLOC), "realloc");
    cr_assert_str_eq(growable_method_name(GROW_COPY), "copy");
    cr_assert_str_eq(growable_status_text(GROWABLE_OK), "ok");
    cr_assert_str_eq(growable_status_text(GROWABLE_NO_MEMORY), "out of memory");
    cr_assert_str_eq(growable_status_text(GROWABLE_TOO_LARGE), "size times count too large");
    cr_assert_str_eq(growable_status_text(GROWABLE_BAD_ARGUMENT), "bad argument");
    cr_assert_str_eq(growable_status_text((growable_status)99), "unknown status");
    cr_assert_str_eq(growable_status_text((growable_status)-1), "unknown status");
}

Test(growable, starts_empty_without_allocating)
{
    growable g = make(GROWTH_X2, GROW_COPY, 8);
    cr_assert_null(g.data);
    cr_assert_eq(g.len, 0);
    cr_assert_eq(g.cap, 0);
    cr_assert_eq(growable_reserve(&g, 0), GROWABLE_OK);
    cr_assert_eq(growable_reserve_more(&g, 0), GROWABLE_OK);
    cr_assert_eq(growable_append(&g, NULL, 0), GROWABLE_OK, "nothing to append");
    growable_release(&g);
    cr_assert_eq(c.stats.alloc_calls, 0);
    cr_assert_eq(g.stats.growths, 0);
}

Test(growable, first_append_allocates_the_policys_first_capacity)
{
    static const size_t first[GROWTH_POLICY_COUNT] = {
        [GROWTH_PREALLOC] = 1, [GROWTH_X2] = 1, [GROWTH_X1_5] = 1,
        [GROWTH_PLUS_K] = GROWTH_PLUS_K_ELEMENTS, [GROWTH_GO] = 1, [GROWTH_CPYTHON] = 4};
    for (size_t p = 0; p < GROWTH_POLICY_COUNT; p++) {
        growable g = make(p, GROW_REALLOC, 8);
        push_u64s(&g, 0, 1);
        cr_assert_eq(g.cap, first[p], "%s", growth_policies[p].name);
        cr_assert_eq(g.stats.growths, 1);
        cr_assert_eq(g.stats.reallocations, 0);
        growable_release(&g);
    }
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(growable, x2_counts_match_the_closed_form)
{
    for (size_t m = 0; m < 2; m++) {
        for (size_t n = 1; n <= 600; n++) {
            counting_init(&c, alloc_libc());
            growable g = make(GROWTH_X2, methods[m], 8);
            push_u64s(&g, 0, n);
            size_t k = log2_ceil(n);
            uint64_t copied = 8 * (((uint64_t)1 << k) - 1);
            cr_assert_eq(g.cap, (size_t)1 << k, "n %zu", n);
            cr_assert_eq(g.stats.growths, k + 1, "n %zu", n);
            cr_assert_eq(g.stats.reallocations, k, "n %zu", n);
            if (methods[m] == GROW_COPY) {
                cr_assert_eq(g.stats.bytes_copied, copied, "n %zu", n);
                cr_assert_eq(g.stats.moves, k);
                cr_assert_eq(c.stats.alloc_calls, k + 1);
                cr_assert_eq(c.stats.free_calls, k);
                uint64_t peak = k == 0 ? 8 : 8 * (((uint64_t)1 << k) + ((uint64_t)1 << (k - 1)));
                cr_assert_eq(c.stats.peak_live_bytes, peak, "old and new both live, n %zu", n);
            } else {
                cr_assert_eq(g.stats.bytes_copied, 0);
                cr_assert_leq(g.stats.bytes_relocated, copied);
                cr_assert_eq(c.stats.alloc_calls, 1);
                cr_assert_eq(c.stats.resize_calls, k);
                cr_assert_eq(c.stats.resize_moves, g.stats.moves);
            }
            cr_assert_eq(c.stats.live_bytes, 8 * g.cap);
            expect_u64s(&g, n);
            growable_release(&g);
            cr_assert_eq(c.stats.live_bytes, 0);
        }
    }
}

Test(growable, plus_k_counts_match_the_closed_form)
{
    const size_t k = GROWTH_PLUS_K_ELEMENTS;
    static const size_t sizes[] = {1, 4096, 4097, 8192, 3 * 4096 + 5, 10000};
    for (size_t m = 0; m < 2; m++) {
        for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
            size_t n = sizes[i], blocks = (n + k - 1) / k;
            growable g = make(GROWTH_PLUS_K, methods[m], 8);
            push_u64s(&g, 0, n);
            cr_assert_eq(g.cap, blocks * k);
            cr_assert_eq(g.stats.reallocations, blocks - 1, "n %zu", n);
            /* Growth j (1 <= j < blocks) copies j * K full elements. */
            uint64_t copied = 8 * (uint64_t)k * blocks * (blocks - 1) / 2;
            if (methods[m] == GROW_COPY)
                cr_assert_eq(g.stats.bytes_copied, copied, "n %zu", n);
            else
                cr_assert_leq(g.stats.bytes_relocated, copied);
            expect_u64s(&g, n);
            growable_release(&g);
        }
    }
    cr_assert_eq(c.stats.live_bytes, 0);
}

/* The capacities the array went through for n appends of elem_size bytes
 * must be the ones growth_next_capacity gives from empty, and its counts
 * the ones growth_plan_appends predicts. */
static void expect_policy_sequence(size_t policy, growable_method m, size_t elem_size,
                                   size_t n)
{
    const growth_policy *p = &growth_policies[policy];
    growable g;
    cr_assert_eq(growable_init(&g, elem_size, 8, p, m, &c.base), GROWABLE_OK);
    size_t want = 0, i = 0;
    unsigned char elem[64] = {0};
    for (; i < n; i++) {
        if (g.len == g.cap)
            want = growth_next_capacity(p, want, want, want + 1, elem_size);
        void *slot = growable_push(&g);
        if (!slot || g.cap != want)
            break;
        memcpy(slot, elem, elem_size);
    }
    cr_assert_eq(i, n, "%s, %zu bytes, append %zu: capacity %zu, want %zu", p->name,
                 elem_size, i + 1, g.cap, want);
    growth_plan plan;
    cr_assert(growth_plan_appends(p, elem_size, n, false, &plan));
    cr_assert_eq(g.stats.growths, plan.growths, "%s", p->name);
    cr_assert_eq(g.stats.reallocations, plan.reallocations, "%s", p->name);
    if (m == GROW_COPY)
        cr_assert_eq(g.stats.bytes_copied, plan.bytes_copied, "%s", p->name);
    growable_release(&g);
}

Test(growable, every_policy_grows_through_its_sequence)
{
    for (size_t p = 0; p < GROWTH_POLICY_COUNT; p++) {
        /* Exact fit copies n^2 / 2 elements: keep it small. */
        size_t n = p == GROWTH_PREALLOC ? 2000 : 20000;
        for (size_t m = 0; m < 2; m++) {
            expect_policy_sequence(p, methods[m], 8, n);
            expect_policy_sequence(p, methods[m], 24, n);
        }
    }
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(growable, reserve_means_zero_reallocations)
{
    for (size_t p = 0; p < GROWTH_POLICY_COUNT; p++) {
        for (size_t m = 0; m < 2; m++) {
            counting_init(&c, alloc_libc());
            growable g = make(p, methods[m], 8);
            cr_assert_eq(growable_reserve(&g, 1000), GROWABLE_OK);
            cr_assert_eq(g.cap, 1000, "exactly what was asked");
            push_u64s(&g, 0, 1000);
            cr_assert_eq(g.stats.growths, 1);
            cr_assert_eq(g.stats.reallocations, 0);
            cr_assert_eq(g.stats.bytes_copied, 0);
            cr_assert_eq(c.stats.alloc_calls, 1);
            cr_assert_eq(c.stats.resize_calls, 0);
            cr_assert_eq(c.stats.peak_live_bytes, 8000);
            cr_assert_eq(growable_reserve(&g, 10), GROWABLE_OK, "smaller: nothing to do");
            cr_assert_eq(g.cap, 1000);
            expect_u64s(&g, 1000);
            growable_release(&g);
        }
    }
}

/* Everything a failed call must leave as it was. */
static void expect_unchanged(const growable *now, const growable *before)
{
    cr_assert_eq(now->data, before->data);
    cr_assert_eq(now->len, before->len);
    cr_assert_eq(now->cap, before->cap);
    cr_assert_eq(memcmp(&now->stats, &before->stats, sizeof now->stats), 0);
}

Test(growable, sizes_that_overflow_are_refused_not_wrapped)
{
    for (size_t m = 0; m < 2; m++) {
        growable g = make(GROWTH_X2, methods[m], 8);
        push_u64s(&g, 0, 3);
        growable before = g;
        uint64_t calls = c.requests;
        cr_assert_eq(growable_reserve(&g, SIZE_MAX), GROWABLE_TOO_LARGE);
        cr_assert_eq(growable_reserve(&g, (size_t)PTRDIFF_MAX / 8 + 1), GROWABLE_TOO_LARGE);
        cr_assert_eq(growable_reserve(&g, SIZE_MAX / 8 + 1), GROWABLE_TOO_LARGE,
                     "times 8 this wraps to a small number");
        cr_assert_eq(growable_reserve_more(&g, SIZE_MAX), GROWABLE_TOO_LARGE);
        cr_assert_eq(growable_reserve_more(&g, SIZE_MAX - 2), GROWABLE_TOO_LARGE);
        cr_assert_eq(growable_reserve_more(&g, (size_t)PTRDIFF_MAX / 8), GROWABLE_TOO_LARGE);
        uint64_t one = 7;
        cr_assert_eq(growable_append(&g, &one, SIZE_MAX / 8 + 1), GROWABLE_TOO_LARGE);
        expect_unchanged(&g, &before);
        cr_assert_eq(c.requests, calls, "refused before asking the allocator");
        expect_u64s(&g, 3);
        growable_release(&g);
    }
    growable big;
    cr_assert_eq(growable_init(&big, 4096, 8, &growth_policies[GROWTH_GO], GROW_COPY, &c.base),
                 GROWABLE_OK);
    cr_assert_eq(growable_reserve_more(&big, (size_t)PTRDIFF_MAX / 4096 + 1), GROWABLE_TOO_LARGE);
    cr_assert_null(big.data);
}

Test(growable, every_allocation_failure_leaves_the_array_unchanged)
{
    const size_t n = 300;
    for (size_t p = 0; p < GROWTH_POLICY_COUNT; p++) {
        for (size_t m = 0; m < 2; m++) {
            /* Fail the k-th request, for every k, until a run has none. */
            for (uint64_t k = 1;; k++) {
                counting_init(&c, alloc_libc());
                counting_fail_at(&c, k);
                growable g = make(p, methods[m], 8);
                size_t failures = 0;
                while (g.len < n) {
                    growable before = g;
                    growable_status s = growable_reserve_more(&g, 1);
                    if (s != GROWABLE_OK) {
                        cr_assert_eq(s, GROWABLE_NO_MEMORY);
                        expect_unchanged(&g, &before);
                        expect_u64s(&g, g.len);
                        failures++;
                        continue; /* the next request succeeds */
                    }
                    uint64_t value = g.len;
                    *(uint64_t *)growable_push(&g) = value;
                }
                expect_u64s(&g, n);
                growable_release(&g);
                cr_assert_eq(c.stats.live_bytes, 0, "%s, k %lu: leaked",
                             growth_policies[p].name, (unsigned long)k);
                if (c.stats.failed_calls == 0)
                    break;
                cr_assert_eq(failures, 1);
            }
        }
    }
}

Test(growable, a_failed_push_returns_null_and_a_failed_reserve_changes_nothing)
{
    growable g = make(GROWTH_X2, GROW_REALLOC, 8);
    push_u64s(&g, 0, 4);
    growable before = g;
    counting_fail_at(&c, 1);
    cr_assert_null(growable_push(&g), "full array, refused growth");
    expect_unchanged(&g, &before);
    counting_fail_at(&c, 1);
    cr_assert_eq(growable_reserve(&g, 100), GROWABLE_NO_MEMORY);
    counting_fail_at(&c, 1);
    uint64_t more[10] = {0};
    cr_assert_eq(growable_append(&g, more, 10), GROWABLE_NO_MEMORY);
    expect_unchanged(&g, &before);
    expect_u64s(&g, 4);
    growable_release(&g);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(growable, bulk_append_grows_once_by_the_bulk_rule)
{
    uint64_t v[10];
    for (size_t i = 0; i < 10; i++)
        v[i] = i;
    /* Go: append([]int64(nil), 5 values) has capacity 6. */
    growable go = make(GROWTH_GO, GROW_COPY, 8);
    cr_assert_eq(growable_append(&go, v, 5), GROWABLE_OK);
    cr_assert_eq(go.cap, 6);
    cr_assert_eq(go.stats.growths, 1);
    expect_u64s(&go, 5);
    growable_release(&go);
    /* CPython: a one-element list extended by 10 has capacity 12. */
    growable py = make(GROWTH_CPYTHON, GROW_REALLOC, 8);
    cr_assert_eq(growable_append(&py, v, 1), GROWABLE_OK);
    cr_assert_eq(py.cap, 4);
    cr_assert_eq(growable_append(&py, v + 1, 9), GROWABLE_OK);
    cr_assert_eq(growable_append(&py, v, 0), GROWABLE_OK);
    cr_assert_eq(py.cap, 12);
    expect_u64s(&py, 10);
    cr_assert_eq(growable_append(&py, NULL, 3), GROWABLE_BAD_ARGUMENT);
    growable_release(&py);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(growable, over_aligned_elements_stay_aligned_while_growing)
{
    struct wide {
        alignas(64) unsigned char bytes[64];
    };
    for (size_t m = 0; m < 2; m++) {
        growable g;
        cr_assert_eq(growable_init(&g, sizeof(struct wide), alignof(struct wide),
                                   &growth_policies[GROWTH_X1_5], methods[m], &c.base),
                     GROWABLE_OK);
        for (size_t i = 0; i < 100; i++) {
            struct wide *w = growable_push(&g);
            cr_assert_not_null(w);
            cr_assert_eq((uintptr_t)w % 64, 0, "element %zu", i);
            memset(w->bytes, (int)i, sizeof w->bytes);
        }
        for (size_t i = 0; i < 100; i++)
            cr_assert_eq(((struct wide *)growable_at(&g, i))->bytes[63], (unsigned char)i);
        growable_release(&g);
    }
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(growable, release_keeps_settings_and_stats_and_allows_reuse)
{
    growable g = make(GROWTH_CPYTHON, GROW_COPY, 8);
    push_u64s(&g, 0, 10);
    growable_stats stats = g.stats;
    growable_release(&g);
    cr_assert_null(g.data);
    cr_assert_eq(g.len, 0);
    cr_assert_eq(g.cap, 0);
    cr_assert_eq(memcmp(&g.stats, &stats, sizeof stats), 0);
    cr_assert_eq(g.policy, &growth_policies[GROWTH_CPYTHON]);
    growable_release(&g); /* twice is harmless */
    push_u64s(&g, 0, 5);
    expect_u64s(&g, 5);
    growable_release(&g);
    cr_assert_eq(c.stats.live_bytes, 0);
}

/* An allocator whose resize always moves the block (new block, copy, free
 * the old), so that which moves count as remapped is known exactly. */
static void *always_moves(allocator *self, void *ptr, size_t old_size, size_t new_size,
                          size_t align)
{
    (void)self;
    allocator *libc = alloc_libc();
    void *p = alloc_bytes(libc, new_size, align);
    if (p) {
        memcpy(p, ptr, old_size);
        alloc_free(libc, ptr, old_size);
    }
    return p;
}

static void *mover_alloc(allocator *self, size_t size, size_t align)
{
    (void)self;
    return alloc_bytes(alloc_libc(), size, align);
}

static void mover_free(allocator *self, void *ptr, size_t size)
{
    (void)self;
    alloc_free(alloc_libc(), ptr, size);
}

/* x2 to 1025 8-byte elements: blocks of 8, 16, ... 8192 bytes move 11
 * times; with the remap size at 1024 bytes, the moves out of blocks of
 * 1024 to 8192 bytes (128 + 256 + 512 + 1024 elements held) are the large
 * ones.  0 classes none, and the copy method none ever. */
Test(growable, moves_of_blocks_past_the_remap_size_are_counted_apart)
{
    allocator mover = {mover_alloc, mover_free, always_moves};
    static const struct {
        size_t remap_min;
        uint64_t large_moves, bytes_remapped;
    } want[] = {{0, 0, 0}, {1024, 4, 8 * (128 + 256 + 512 + 1024)}, {1, 11, 8 * 2047},
                {SIZE_MAX, 0, 0}};
    for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
        for (size_t m = 0; m < 2; m++) {
            growable g;
            cr_assert_eq(growable_init(&g, 8, 8, &growth_policies[GROWTH_X2], methods[m],
                                       &mover),
                         GROWABLE_OK);
            cr_assert_eq(g.remap_min_bytes, 0, "init classes no move as remapped");
            g.remap_min_bytes = want[i].remap_min;
            push_u64s(&g, 0, 1025);
            cr_assert_eq(g.stats.moves, 11);
            bool realloc = methods[m] == GROW_REALLOC;
            cr_assert_eq(g.stats.large_moves, realloc ? want[i].large_moves : 0,
                         "remap from %zu, %s", want[i].remap_min,
                         growable_method_name(methods[m]));
            cr_assert_eq(g.stats.bytes_remapped, realloc ? want[i].bytes_remapped : 0);
            expect_u64s(&g, 1025);
            growable_release(&g);
        }
    }
}
