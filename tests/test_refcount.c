/* test_refcount.c - retain and release: a release to zero frees once, a
 * dropped root frees its whole tree at once (A1), cycles leak exactly
 * (A2) unless an arena releases them, a double release is caught. */
#include "alloc/arena.h"
#include "alloc/counting.h"
#include "alloc/objtree.h"
#include "alloc/rcring.h"
#include "alloc/refcount.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <stddef.h>

/* A node with one counted pointer: lists, rings and pairs. */
struct link {
    rc_header h;
    struct link *next;
    uint64_t value;
};

static const size_t link_children[] = {offsetof(struct link, next)};
static const rc_type link_type = RC_TYPE(link, link_children);

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

TestSuite(refcount, .init = setup);

Test(refcount, new_gives_a_zeroed_object_with_one_reference)
{
    struct link *l = rc_new(&c.base, &link_type);
    cr_assert_not_null(l);
    cr_assert_eq(rc_count(l), 1);
    cr_assert_null(l->next);
    cr_assert_eq(l->value, 0);
    cr_assert_eq(l->h.type, &link_type);
    cr_assert_eq(c.stats.live_bytes, sizeof *l);
    cr_assert_eq(rc_release(&c.base, l), 1);
}

Test(refcount, rc_type_takes_name_size_alignment_and_children_from_the_struct)
{
    cr_assert_str_eq(rc_tree_node_type.name, "rc_tree_node");
    cr_assert_eq(rc_tree_node_type.size, sizeof(struct rc_tree_node));
    cr_assert_eq(rc_tree_node_type.align, alignof(struct rc_tree_node));
    cr_assert_eq(rc_tree_node_type.nchildren, 2);
    cr_assert_eq(rc_tree_node_type.child_offsets[0], offsetof(struct rc_tree_node, left));
    cr_assert_eq(rc_tree_node_type.child_offsets[1], offsetof(struct rc_tree_node, right));
    cr_assert_str_eq(rc_link_type.name, "rc_link");
    cr_assert_eq(rc_link_type.size, sizeof(struct rc_link));
    cr_assert_eq(rc_link_type.align, alignof(struct rc_link));
    cr_assert_eq(rc_link_type.nchildren, 1);
    cr_assert_eq(rc_link_type.child_offsets[0], offsetof(struct rc_link, next));
    cr_assert_str_eq(link_type.name, "link");
    cr_assert_eq(link_type.size, sizeof(struct link));
    cr_assert_eq(link_type.nchildren, 1);
}

Test(refcount, new_refuses_an_invalid_type)
{
    rc_type small = {"small", sizeof(rc_header) - 1, alignof(rc_header), 0, NULL};
    rc_type odd = {"odd", 32, 12, 0, NULL};
    rc_type loose = {"loose", 32, 1, 0, NULL};
    cr_assert_null(rc_new(&c.base, &small));
    cr_assert_null(rc_new(&c.base, &odd));
    cr_assert_null(rc_new(&c.base, &loose));
    cr_assert_null(rc_new(&c.base, NULL));
    cr_assert_eq(c.stats.alloc_calls, 0);
}

Test(refcount, new_reports_a_failed_allocation)
{
    counting_fail_at(&c, 1);
    cr_assert_null(rc_new(&c.base, &link_type));
    cr_assert_eq(c.stats.live_blocks, 0);
}

Test(refcount, release_to_zero_frees_exactly_once)
{
    struct link *l = rc_new(&c.base, &link_type);
    cr_assert_eq(rc_retain(l), l);
    cr_assert_eq(rc_count(l), 2);
    cr_assert_eq(rc_release(&c.base, l), 0, "one reference is left");
    cr_assert_eq(c.stats.free_calls, 0);
    cr_assert_eq(rc_count(l), 1);
    cr_assert_eq(rc_release(&c.base, l), 1);
    cr_assert_eq(c.stats.free_calls, 1);
    cr_assert_eq(c.stats.live_blocks, 0);
}

Test(refcount, null_is_ignored)
{
    cr_assert_null(rc_retain(NULL));
    cr_assert_eq(rc_release(&c.base, NULL), 0);
}

/* The freed object stays readable in an arena, so the check sees its
 * count of zero and aborts. */
Test(refcount, a_double_release_is_caught, .signal = SIGABRT)
{
    arena a;
    arena_init(&a, alloc_libc(), 0);
    struct link *l = rc_new(&a.base, &link_type);
    cr_assert_eq(rc_release(&a.base, l), 1);
    rc_release(&a.base, l);
    cr_assert_fail("the second release returned");
}

Test(refcount, a_child_released_once_too_often_is_caught, .signal = SIGABRT)
{
    arena a;
    arena_init(&a, alloc_libc(), 0);
    struct link *child = rc_new(&a.base, &link_type);
    struct link *parent = rc_new(&a.base, &link_type);
    parent->next = child; /* hands over the caller's only reference */
    rc_release(&a.base, child); /* wrong: that reference is the parent's now */
    rc_release(&a.base, parent);
    cr_assert_fail("releasing the parent did not notice the dead child");
}

/* A1: the moment the root's last reference goes, every node goes. */
Test(refcount, dropping_the_root_frees_the_whole_tree_at_once)
{
    struct rc_tree_node *root;
    cr_assert(objtree_rc_build(&c.base, 1000, &root));
    cr_assert_eq(c.stats.live_blocks, 1000);
    cr_assert_eq(c.stats.live_bytes, 1000 * sizeof(struct rc_tree_node));
    cr_assert_eq(rc_release(&c.base, root), 1000);
    cr_assert_eq(c.stats.live_blocks, 0);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(refcount, a_subtree_held_elsewhere_survives_the_root)
{
    struct rc_tree_node *root;
    cr_assert(objtree_rc_build(&c.base, 15, &root));
    /* 15 nodes: the root, then two subtrees of 7. */
    struct rc_tree_node *kept = rc_retain(root->left);
    cr_assert_eq(rc_release(&c.base, root), 8);
    cr_assert_eq(c.stats.live_blocks, 7);
    cr_assert_eq(objtree_rc_sum(kept), 1 + 2 + 3 + 4 + 5 + 6 + 7);
    cr_assert_eq(rc_release(&c.base, kept), 7);
    cr_assert_eq(c.stats.live_blocks, 0);
}

/* A list as long as a deep recursion would overflow the stack with. */
Test(refcount, a_long_list_is_freed_without_recursion)
{
    enum { N = 1000000 };
    struct link *head = NULL;
    for (int i = 0; i < N; i++) {
        struct link *l = rc_new(&c.base, &link_type);
        cr_assert_not_null(l);
        l->next = head;
        head = l;
    }
    cr_assert_eq(rc_release(&c.base, head), N);
    cr_assert_eq(c.stats.live_blocks, 0);
}

/* A ring of n links that the caller no longer references. */
static struct rc_link *ring(allocator *a, size_t n)
{
    struct rc_link *any;
    cr_assert(rc_ring_make(a, n, &any), "ring of %zu", n);
    cr_assert_eq(rc_count(any), 1, "held by its neighbour only");
    return any;
}

/* A2: a pair, a self-loop and rings leak exactly their objects. */
Test(refcount, cycles_leak_every_object_exactly)
{
    size_t sizes[] = {1, 2, 3, 1000};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        size_t n = sizes[i];
        struct rc_link *r = ring(&c.base, n);
        cr_assert_eq(c.stats.live_blocks, n, "ring of %zu", n);
        cr_assert_eq(c.stats.live_bytes, n * sizeof(struct rc_link), "ring of %zu", n);
        cr_assert_eq(rc_ring_break(&c.base, r), n);
        cr_assert_eq(c.stats.live_blocks, 0);
    }
}

Test(refcount, two_objects_pointing_at_each_other_leak_both)
{
    struct link *a = rc_new(&c.base, &link_type);
    struct link *b = rc_new(&c.base, &link_type);
    a->next = rc_retain(b);
    b->next = rc_retain(a);
    cr_assert_eq(rc_release(&c.base, a), 0);
    cr_assert_eq(rc_release(&c.base, b), 0);
    cr_assert_eq(rc_count(a), 1);
    cr_assert_eq(rc_count(b), 1);
    cr_assert_eq(c.stats.live_blocks, 2);
    cr_assert_eq(c.stats.live_bytes, 2 * sizeof(struct link));
    struct link *next = a->next;
    a->next = NULL;
    cr_assert_eq(rc_release(&c.base, next), 2, "cut by hand, both go");
}

/* A2 and the arena: the same leaked ring goes with the arena's release. */
Test(refcount, an_arena_frees_a_leaked_cycle_with_its_release)
{
    arena a;
    arena_init(&a, &c.base, 0);
    ring(&a.base, 1000);
    cr_assert_geq(c.stats.live_bytes, 1000 * sizeof(struct rc_link));
    arena_release(&a);
    cr_assert_eq(c.stats.live_bytes, 0);
    cr_assert_eq(c.stats.live_blocks, 0);
}

Test(refcount, a_failed_ring_frees_what_it_made)
{
    for (uint64_t k = 1;; k++) {
        counting_fail_at(&c, k);
        struct rc_link *any = (void *)1;
        bool ok = rc_ring_make(&c.base, 10, &any);
        counting_fail_at(&c, 0);
        if (ok) {
            cr_assert_eq(k, 11);
            cr_assert_eq(rc_ring_break(&c.base, any), 10);
            break;
        }
        cr_assert_null(any);
        cr_assert_eq(c.stats.live_blocks, 0, "leak after failing request %llu",
                     (unsigned long long)k);
    }
    struct rc_link *none;
    cr_assert_not(rc_ring_make(&c.base, 0, &none), "a ring needs a link");
}

Test(refcount, a_failed_tree_build_frees_what_it_made)
{
    for (uint64_t k = 1;; k++) {
        counting_fail_at(&c, k);
        struct rc_tree_node *root = (void *)1;
        bool ok = objtree_rc_build(&c.base, 25, &root);
        counting_fail_at(&c, 0);
        if (ok) {
            cr_assert_eq(k, 26, "25 allocations, the 26th request never made");
            cr_assert_eq(rc_release(&c.base, root), 25);
            break;
        }
        cr_assert_null(root);
        cr_assert_eq(c.stats.live_blocks, 0, "leak after failing request %llu",
                     (unsigned long long)k);
    }
}
