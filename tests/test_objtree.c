/* test_objtree.c - the alloc experiment's trees: one allocation per node,
 * exact bytes, the checksum, balance, and every failed allocation cleaned
 * up; on libc, an arena and a pool. */
#include "alloc/arena.h"
#include "alloc/counting.h"
#include "alloc/pool.h"
#include "alloc/objtree.h"

#include <criterion/criterion.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

TestSuite(objtree, .init = setup);

static const size_t sizes[] = {0, 1, 2, 3, 7, 8, 100, 1000};
#define NSIZES (sizeof sizes / sizeof sizes[0])

static size_t height(const struct tree_node *t)
{
    if (!t)
        return 0;
    size_t l = height(t->left), r = height(t->right);
    return 1 + (l > r ? l : r);
}

Test(objtree, expected_sum_is_n_times_n_minus_one_over_two)
{
    cr_assert_eq(objtree_expected_sum(0), 0);
    cr_assert_eq(objtree_expected_sum(1), 0);
    cr_assert_eq(objtree_expected_sum(4), 6);
    cr_assert_eq(objtree_expected_sum(5), 10);
    cr_assert_eq(objtree_expected_sum((size_t)1 << 32),
                 ((uint64_t)1 << 31) * (((uint64_t)1 << 32) - 1));
}

Test(objtree, one_allocation_per_node_and_exact_bytes)
{
    for (size_t i = 0; i < NSIZES; i++) {
        size_t n = sizes[i];
        struct tree_node *root = (void *)1;
        cr_assert(objtree_build(&c.base, n, &root));
        cr_assert_eq(c.stats.alloc_calls, n, "n = %zu", n);
        cr_assert_eq(c.stats.live_bytes, n * sizeof(struct tree_node));
        cr_assert_eq(objtree_sum(root), objtree_expected_sum(n));
        objtree_free(&c.base, root);
        cr_assert_eq(c.stats.free_calls, n);
        cr_assert_eq(c.stats.live_blocks, 0);
        counting_reset_stats(&c);
    }
}

Test(objtree, the_tree_is_balanced)
{
    struct tree_node *root;
    cr_assert(objtree_build(&c.base, 1000, &root));
    cr_assert_eq(height(root), 10, "1000 nodes fit in 10 levels");
    objtree_free(&c.base, root);
    cr_assert(objtree_build(&c.base, 1023, &root));
    cr_assert_eq(height(root), 10, "a full tree");
    objtree_free(&c.base, root);
}

Test(objtree, counted_nodes_one_allocation_each_freed_by_one_release)
{
    for (size_t i = 0; i < NSIZES; i++) {
        size_t n = sizes[i];
        struct rc_tree_node *root = (void *)1;
        cr_assert(objtree_rc_build(&c.base, n, &root));
        cr_assert_eq(c.stats.alloc_calls, n);
        cr_assert_eq(c.stats.live_bytes, n * sizeof(struct rc_tree_node));
        cr_assert_eq(objtree_rc_sum(root), objtree_expected_sum(n));
        cr_assert_eq(rc_release(&c.base, root), n);
        cr_assert_eq(c.stats.live_blocks, 0);
        counting_reset_stats(&c);
    }
}

Test(objtree, every_failed_allocation_is_cleaned_up)
{
    for (uint64_t k = 1;; k++) {
        counting_fail_at(&c, k);
        struct tree_node *root = (void *)1;
        bool ok = objtree_build(&c.base, 20, &root);
        counting_fail_at(&c, 0);
        if (ok) {
            cr_assert_eq(k, 21);
            objtree_free(&c.base, root);
            break;
        }
        cr_assert_null(root);
        cr_assert_eq(c.stats.live_blocks, 0, "leak after failing request %llu",
                     (unsigned long long)k);
    }
}

Test(objtree, on_an_arena_the_parent_sees_blocks_not_nodes)
{
    arena a;
    arena_init(&a, &c.base, 4096);
    struct tree_node *root;
    cr_assert(objtree_build(&a.base, 1000, &root));
    cr_assert_eq(objtree_sum(root), objtree_expected_sum(1000));
    /* 24-byte nodes, 4080 usable bytes a block: 170 nodes per block. */
    cr_assert_eq(c.stats.alloc_calls, (1000 + 169) / 170);
    arena_release(&a);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(objtree, on_a_pool_nodes_go_back_to_the_free_list)
{
    pool p;
    cr_assert(pool_init(&p, &c.base, sizeof(struct tree_node),
                        alignof(struct tree_node), 256));
    struct tree_node *root;
    cr_assert(objtree_build(&p.base, 1000, &root));
    cr_assert_eq(c.stats.alloc_calls, 4, "1000 nodes in slabs of 256");
    cr_assert_eq(p.live, 1000);
    objtree_free(&p.base, root);
    cr_assert_eq(p.live, 0);
    cr_assert(objtree_build(&p.base, 1000, &root), "again, from the free list");
    cr_assert_eq(c.stats.alloc_calls, 4, "no new slab");
    cr_assert_eq(objtree_sum(root), objtree_expected_sum(1000));
    pool_release(&p);
    cr_assert_eq(c.stats.live_bytes, 0);
}
