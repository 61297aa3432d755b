/*
 * cycle_checks.c - part (c): the student's doubly linked list of counted
 * nodes, on a counting allocator: links both ways, the count of every
 * node, the objects a release frees and the objects it leaks, exactly.
 */
#include "../lab.h"
#include "parts.h"

#include "alloc/counting.h"

#include <inttypes.h>

#define N 1000

static counting_allocator c;

static struct lab_node *build(size_t n, lab_why *why)
{
    counting_init(&c, alloc_libc());
    struct lab_node *first = lab_list_build(&c.base, n);
    if (!first && n > 0)
        lab_fail(why, "lab_list_build(a, %zu) returned NULL", n);
    return first;
}

static bool links_both_ways(lab_why *why)
{
    counting_init(&c, alloc_libc());
    if (lab_list_build(&c.base, 0) || c.stats.live_blocks != 0)
        return lab_fail(why, "a list of 0 nodes is not NULL, or allocated something");
    size_t sizes[] = {1, 2, N};
    for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
        size_t n = sizes[k], i = 0;
        struct lab_node *first = build(n, why), *before = NULL;
        if (!first)
            return false;
        if (c.stats.live_blocks != n)
            return lab_fail(why, "%zu nodes allocated for a list of %zu", c.stats.live_blocks, n);
        for (struct lab_node *p = first; p; before = p, p = p->next, i++) {
            if (i == n)
                return lab_fail(why, "a list of %zu has more than %zu nodes by next", n, n);
            if (p->value != i)
                return lab_fail(why, "node %zu holds %" PRIu64, i, p->value);
            if (p->prev != before)
                return lab_fail(why, "node %zu of %zu: prev is %s", i, n,
                                p->prev ? "not the node before" : "NULL");
        }
        if (i != n)
            return lab_fail(why, "a list of %zu has %zu nodes by next", n, i);
        rc_release(&c.base, first); /* whatever it frees: c3 counts that */
    }
    return true;
}

static bool counts_one_reference_each(lab_why *why)
{
    struct lab_node *first = build(N, why);
    if (!first)
        return false;
    size_t i = 0;
    for (struct lab_node *p = first; p; p = p->next, i++)
        if (rc_count(p) != 1)
            return lab_fail(why, "node %zu has a count of %zu: 1 expected (%s)", i,
                            rc_count(p), i == 0 ? "ours" : "its predecessor's next");
    rc_release(&c.base, first);
    return true;
}

static bool release_frees_every_node(lab_why *why)
{
    struct lab_node *first = build(N, why);
    if (!first)
        return false;
    size_t freed = rc_release(&c.base, first);
    size_t leaked = c.stats.live_blocks;
    if (leaked != 0)
        return lab_fail(why, "releasing the first node freed %zu of %d nodes: %zu leaked "
                        "(%zu bytes)", freed, N, leaked, c.stats.live_bytes);
    if (freed != N)
        return lab_fail(why, "rc_release reported %zu nodes freed, %d were", freed, N);
    return lab_note(why, "%zu freed, 0 leaked", freed);
}

static bool failed_build_leaves_nothing(lab_why *why)
{
    enum { SHORT = 20 };
    for (uint64_t k = 1; k <= SHORT; k++) {
        counting_init(&c, alloc_libc());
        counting_fail_at(&c, k);
        struct lab_node *first = lab_list_build(&c.base, SHORT);
        if (first)
            return lab_fail(why, "allocation %" PRIu64 " of %d failed, yet a list came back",
                            k, SHORT);
        if (c.stats.live_blocks != 0)
            return lab_fail(why, "allocation %" PRIu64 " of %d failed: %zu nodes leaked",
                            k, SHORT, c.stats.live_blocks);
    }
    return true;
}

const lab_check lab_cycle_checks[] = {
    {"c1", 5, "1000 nodes hold 0..999, next and prev linked both ways", links_both_ways, NULL},
    {"c2", 5, "every node has a count of exactly 1", counts_one_reference_each, NULL},
    {"c3", 10, "releasing the first node frees all 1000; 0 leaked", release_frees_every_node, NULL},
    {"c4", 5, "an allocation that fails mid-list leaves nothing allocated", failed_build_leaves_nothing, NULL},
    {NULL, 0, NULL, NULL, NULL},
};
