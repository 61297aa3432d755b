/* list.c - singly linked list: one allocation per node, reached only by 'next'. */
#include "layout.h"
#include "list.h"

static void list_free_nodes(struct user_node *head, allocator *a)
{
    while (head) {
        struct user_node *next = head->next;
        alloc_free(a, head, sizeof *head);
        head = next;
    }
}

static bool list_build_inorder(layout *l, const struct user *users,
                               allocator *a)
{
    struct user_node *head = NULL, **tail = &head;
    for (size_t i = 0; i < l->n; i++) {
        struct user_node *node = ALLOC_NEW(a, struct user_node);
        if (!node) {
            list_free_nodes(head, a);
            return false;
        }
        *node = (struct user_node){.user = users[i]};
        *tail = node;
        tail = &node->next;
    }
    l->as.list = head;
    return true;
}

/* Nodes are allocated in index order but linked in visit order, so the
 * walk jumps between unrelated addresses.  Setup keeps a temporary array
 * of node addresses to link them. */
static bool list_build_scattered(layout *l, const struct user *users,
                                 const size_t *order, allocator *a)
{
    if (l->n == 0) {
        l->as.list = NULL;
        return true;
    }
    struct user_node **nodes = ALLOC_ARRAY(a, struct user_node *, l->n);
    if (!nodes)
        return false;
    for (size_t i = 0; i < l->n; i++) {
        nodes[i] = ALLOC_NEW(a, struct user_node);
        if (!nodes[i]) {
            for (size_t j = 0; j < i; j++)
                alloc_free(a, nodes[j], sizeof **nodes);
            alloc_free(a, nodes, l->n * sizeof *nodes);
            return false;
        }
        *nodes[i] = (struct user_node){.user = users[i]};
    }
    for (size_t k = 0; k + 1 < l->n; k++)
        nodes[order[k]]->next = nodes[order[k + 1]];
    l->as.list = nodes[order[0]];
    alloc_free(a, nodes, l->n * sizeof *nodes);
    return true;
}

static bool list_build(layout *l, const struct user *users, const size_t *order,
                       allocator *a)
{
    return order ? list_build_scattered(l, users, order, a)
                 : list_build_inorder(l, users, a);
}

/* One running sum: each node's address comes from the previous node, so
 * the loads form one chain whatever the additions do. */
static double list_sum(const layout *l)
{
    double sum = 0;
    for (const struct user_node *p = l->as.list; p; p = p->next)
        sum += layout_active_score(p->user.active, p->user.score);
    return sum;
}

static void list_destroy(layout *l, allocator *a)
{
    list_free_nodes(l->as.list, a);
}

const layout_shape layout_list_shape = {
    .build = list_build,
    .sum = list_sum,
    .destroy = list_destroy,
};
