/*
 * objtree.h - a balanced binary tree of small objects, one allocation per
 * node: the object graph the alloc experiment builds, walks and tears
 * down (claims A1, A3).
 *
 * Two node kinds hold the same data: a plain node (two child pointers and
 * a value, 24 bytes on 64-bit) that its owner frees node by node or all at
 * once with an arena, and a reference-counted node (the same fields after
 * an rc_header, 40 bytes) freed by releasing the root.  Nodes are
 * allocated in preorder (a node, then its left subtree, then its right)
 * and carry their preorder index as value, so the sum over a tree of n
 * nodes is n(n-1)/2 whatever the allocator: the walk's checksum.
 */
#ifndef OBJTREE_H
#define OBJTREE_H

#include "alloc.h"
#include "refcount.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct tree_node {
    struct tree_node *left, *right;
    uint64_t value;
};

struct rc_tree_node {
    rc_header h;
    struct rc_tree_node *left, *right;
    uint64_t value;
};

/* The rc_type of rc_tree_node (children: left, right). */
extern const rc_type rc_tree_node_type;

/*
 * Builds a tree of n nodes (n == 0: the empty tree, NULL) through 'a', one
 * allocation per node, and stores its root in *root.  Returns false when
 * an allocation fails, after freeing every node it had made (*root is
 * then NULL).  Depth is about log2(n).
 */
bool objtree_build(allocator *a, size_t n, struct tree_node **root);

/* Sum of the values: n(n-1)/2 for a tree of n nodes. */
uint64_t objtree_sum(const struct tree_node *root);

/* Frees every node through 'a', children before their parent.  Not needed
 * (and a waste of time) when 'a' is an arena about to be released. */
void objtree_free(allocator *a, struct tree_node *root);

/* The same three for counted nodes.  The tree holds one reference to each
 * node (its parent's, or the caller's for the root); free it with
 * rc_release(a, root), which returns the number of nodes freed. */
bool objtree_rc_build(allocator *a, size_t n, struct rc_tree_node **root);
uint64_t objtree_rc_sum(const struct rc_tree_node *root);

/* n(n-1)/2: what the sums must return. */
uint64_t objtree_expected_sum(size_t n);

#endif /* OBJTREE_H */
