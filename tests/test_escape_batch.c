/* test_escape_batch.c - escape's batches: every variant sums to the
 * expected total, and the exact allocation counts of each. */
#include "alloc/counting.h"
#include "escape/batch.h"
#include "escape/escape.h"

#include <criterion/criterion.h>
#include <math.h>
#include <string.h>

Test(escape_batch, every_variant_sums_right)
{
    counting_allocator c;
    counting_init(&c, alloc_libc());
    arena ar;
    arena_init(&ar, &c.base, 0);
    for (size_t i = 0; i < ESCAPE_VARIANT_COUNT; i++) {
        cr_assert_eq(escape_batch(escape_variants[i].v, &c.base, &ar),
                     escape_expected_sum(ESCAPE_CALLS), "%s", escape_variants[i].name);
        cr_assert_eq(escape_batch(escape_variants[i].v, &c.base, &ar),
                     escape_expected_sum(ESCAPE_CALLS), "%s, again", escape_variants[i].name);
    }
    arena_release(&ar);
    cr_assert_eq(c.stats.live_bytes, 0);
    cr_assert_str_eq(escape_variants[2].name, "arena");
}

Test(escape_batch, a_failed_allocation_gives_nan)
{
    counting_allocator c;
    counting_init(&c, alloc_libc());
    arena ar;
    arena_init(&ar, &c.base, 0);
    counting_fail_at(&c, 5);
    cr_assert(isnan(escape_batch(ON_HEAP, &c.base, &ar)));
    cr_assert_eq(c.stats.live_bytes, 0);
    arena_release(&ar);
}

Test(escape_batch, exact_counts)
{
    escape_counts v = escape_count_batch(BY_VALUE);
    cr_assert_eq(v.allocs_per_call, 0);
    cr_assert_eq(v.malloc_per_call, 0);
    cr_assert_eq(v.peak_bytes, 0);
    escape_counts h = escape_count_batch(ON_HEAP);
    cr_assert_eq(h.allocs_per_call, 1);
    cr_assert_eq(h.malloc_per_call, 1);
    cr_assert_eq(h.peak_bytes, sizeof(struct user));
    escape_counts a = escape_count_batch(IN_ARENA);
    cr_assert_eq(a.allocs_per_call, 1);
    cr_assert_lt(a.malloc_per_call, 0.01, "the arena's blocks only");
}
