/* objtree.c - build, sum and free balanced trees of plain or counted nodes. */
#include "objtree.h"

static const size_t rc_tree_children[] = {
    offsetof(struct rc_tree_node, left),
    offsetof(struct rc_tree_node, right),
};

const rc_type rc_tree_node_type = RC_TYPE(rc_tree_node, rc_tree_children);

/* A node and n - 1 descendants split evenly between its two subtrees. */
static bool build(allocator *a, size_t n, uint64_t *next, struct tree_node **out)
{
    *out = NULL;
    if (n == 0)
        return true;
    struct tree_node *t = ALLOC_NEW(a, struct tree_node);
    if (!t)
        return false;
    *t = (struct tree_node){.value = (*next)++};
    size_t left = (n - 1) / 2;
    /* A failed subtree has freed itself and left its field NULL, so t
     * holds a valid (partial) tree for objtree_free. */
    if (!build(a, left, next, &t->left) || !build(a, n - 1 - left, next, &t->right)) {
        objtree_free(a, t);
        return false;
    }
    *out = t;
    return true;
}

bool objtree_build(allocator *a, size_t n, struct tree_node **root)
{
    uint64_t next = 0;
    return build(a, n, &next, root);
}

uint64_t objtree_sum(const struct tree_node *t)
{
    if (!t)
        return 0;
    return t->value + objtree_sum(t->left) + objtree_sum(t->right);
}

void objtree_free(allocator *a, struct tree_node *t)
{
    if (!t)
        return;
    objtree_free(a, t->left);
    objtree_free(a, t->right);
    alloc_free(a, t, sizeof *t);
}

static bool rc_build(allocator *a, size_t n, uint64_t *next, struct rc_tree_node **out)
{
    *out = NULL;
    if (n == 0)
        return true;
    struct rc_tree_node *t = rc_new(a, &rc_tree_node_type);
    if (!t)
        return false;
    t->value = (*next)++;
    size_t left = (n - 1) / 2;
    if (!rc_build(a, left, next, &t->left) || !rc_build(a, n - 1 - left, next, &t->right)) {
        rc_release(a, t);
        return false;
    }
    *out = t;
    return true;
}

bool objtree_rc_build(allocator *a, size_t n, struct rc_tree_node **root)
{
    uint64_t next = 0;
    return rc_build(a, n, &next, root);
}

uint64_t objtree_rc_sum(const struct rc_tree_node *t)
{
    if (!t)
        return 0;
    return t->value + objtree_rc_sum(t->left) + objtree_rc_sum(t->right);
}

uint64_t objtree_expected_sum(size_t n)
{
    uint64_t m = n;
    return m == 0 ? 0 : (m % 2 == 0 ? m / 2 * (m - 1) : (m - 1) / 2 * m);
}
