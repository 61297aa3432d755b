/*
 * cycle.c - part (c) of the lab: a doubly linked list of reference-counted
 * nodes (src/alloc/refcount.h).
 *
 * As given, the list works, but both of a node's pointers are counted
 * references: each node holds its neighbours and is held by them, so
 * dropping the first node frees nothing and the whole list leaks.
 * Task (docs/lab.md): make prev a weak reference, so that rc_release of
 * the first node frees every node, and keep the list linked both ways.
 */
#include "lab.h"

#include <stddef.h>

static const size_t counted[] = {
    offsetof(struct lab_node, next),
    offsetof(struct lab_node, prev),
};

const rc_type lab_node_type = {
    .name = "lab_node",
    .size = sizeof(struct lab_node),
    .align = alignof(struct lab_node),
    .nchildren = 2,
    .child_offsets = counted,
};

struct lab_node *lab_list_build(allocator *a, size_t n)
{
    struct lab_node *first = NULL, *last = NULL;
    for (size_t i = 0; i < n; i++) {
        struct lab_node *node = rc_new(a, &lab_node_type);
        if (!node) {
            rc_release(a, first);
            return NULL;
        }
        node->value = i;
        node->prev = rc_retain(last);
        if (last)
            last->next = node;
        else
            first = node;
        last = node;
    }
    return first;
}
