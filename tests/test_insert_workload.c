/* test_insert_workload.c - insert's ring, reference pass and kept sequences:
 * exact pair counts, every variant agreeing with the reference, and the
 * sums a run of passes must leave. */
#include "insert/workload.h"

#include <criterion/criterion.h>
#include <string.h>

static insert_ring ring;
static insert_built built;

static void teardown(void)
{
    insert_built_release(&built);
    insert_ring_release(&ring);
}

TestSuite(insert_workload, .fini = teardown);

Test(insert_workload, ring_pairs_are_clamped)
{
    cr_assert(insert_ring_hold(&ring, 100, 7));
    cr_assert_eq(ring.k, 4096);
    cr_assert_eq(ring.inserted_sum, 4096 * 4095 / 2);
    cr_assert(insert_ring_hold(&ring, 1000, 7));
    cr_assert_eq(ring.k, 2097);
    cr_assert(insert_ring_hold(&ring, 1 << 20, 7));
    cr_assert_eq(ring.k, 8);
    bool in_range = true;
    for (size_t j = 0; j < ring.k; j++)
        in_range &= ring.ins[j] <= ring.n && ring.rem[j] <= ring.n;
    cr_assert(in_range);
}

Test(insert_workload, same_n_keeps_the_ring)
{
    cr_assert(insert_ring_hold(&ring, 500, 1));
    const size_t *ins = ring.ins;
    uint64_t hash = ring.ref_hash;
    cr_assert(insert_ring_hold(&ring, 500, 99), "the seed is not looked at again");
    cr_assert_eq(ring.ins, ins);
    cr_assert_eq(ring.ref_hash, hash);
    insert_ring_release(&ring);
    insert_ring_release(&ring);
    cr_assert_eq(ring.n, 0);
    cr_assert_null(ring.ins);
}

Test(insert_workload, every_variant_matches_the_reference)
{
    for (size_t n = 100; n <= 10000; n *= 10) {
        cr_assert(insert_ring_hold(&ring, n, 42));
        for (int v = 0; v < INSERT_VARIANT_COUNT; v++) {
            cr_assert_null(insert_build(&built, &ring, (insert_variant)v, n, 42),
                           "%s at %zu", insert_variant_names[v], n);
            cr_assert_eq(insert_len(&built), n);
            /* 0..n-1, then one pass: the values inserted, less those removed. */
            int64_t want = (int64_t)(n * (n - 1) / 2) + ring.inserted_sum - ring.ref_removed;
            cr_assert_eq(built.sum, want);
            bool failed = false;
            int64_t removed = insert_pass(&built, &ring, &failed);
            int64_t sum;
            uint64_t hash;
            insert_contents(&built, &sum, &hash);
            cr_assert_not(failed);
            cr_assert_eq(sum, want + ring.inserted_sum - removed);
            cr_assert_eq(insert_len(&built), n);
        }
    }
    cr_assert_str_eq(insert_variant_names[INSERT_LIST_POOL], "list_pool");
}

Test(insert_workload, counts_only_the_structure)
{
    cr_assert(insert_ring_hold(&ring, 1000, 3));
    cr_assert_null(insert_build(&built, &ring, INSERT_ARRAY, 1000, 3));
    cr_assert_eq(built.counter.stats.live_bytes, 1001 * sizeof(int64_t));
    cr_assert_eq(built.counter.stats.live_blocks, 1);
    cr_assert_null(insert_build(&built, &ring, INSERT_LIST, 1000, 3));
    cr_assert_eq(built.counter.stats.live_blocks, 1000);
    cr_assert_eq(built.counter.stats.live_bytes, 1000 * sizeof(seq_node));
    cr_assert_gt(built.list.hops, 0);
}

Test(insert_workload, release_is_safe_when_not_built)
{
    insert_built_release(&built);
    cr_assert_not(built.ready);
}
