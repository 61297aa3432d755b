/*
 * cycle.c - reference solution of part (c): next is a counted reference,
 * prev a weak one.
 *
 * With both pointers counted, neighbours hold each other at a count of at
 * least one and dropping the first node frees nothing.  Counting only
 * next makes the references a chain, first to last: releasing the first
 * node takes its count to zero, and the release walks the list.  prev
 * stays a plain pointer that is never retained or released; it is safe to
 * follow only while the node before is alive, which a list freed from its
 * first node guarantees.
 */
#include "lab.h"

#include <stddef.h>

static const size_t counted[] = {offsetof(struct lab_node, next)};

const rc_type lab_node_type = {
    .name = "lab_node",
    .size = sizeof(struct lab_node),
    .align = alignof(struct lab_node),
    .nchildren = 1,
    .child_offsets = counted,
};

struct lab_node *lab_list_build(allocator *a, size_t n)
{
    struct lab_node *first = NULL, *last = NULL;
    for (size_t i = 0; i < n; i++) {
        struct lab_node *node = rc_new(a, &lab_node_type);
        if (!node) {
            rc_release(a, first); /* frees the chain built so far */
            return NULL;
        }
        node->value = i;
        node->prev = last;        /* weak: no rc_retain */
        if (last)
            last->next = node;    /* the reference rc_new gave us moves here */
        else
            first = node;         /* ...or stays ours, for the first node */
        last = node;
    }
    return first;
}
