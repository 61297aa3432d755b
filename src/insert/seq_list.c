/* seq_list.c - positional insert and remove in a singly linked list, by walking. */
#include "seq_list.h"

#include "harness/rng.h"

void seq_list_init(seq_list *l, allocator *a)
{
    *l = (seq_list){.a = a};
}

/* The link that points at position pos (pos <= len): the head for 0,
 * otherwise the next field of node pos - 1, reached by pos - 1 hops. */
static seq_node **link_to(seq_list *l, size_t pos)
{
    if (pos == 0)
        return &l->head;
    seq_node *p = l->head;
    for (size_t i = 1; i < pos; i++)
        p = p->next;
    l->hops += pos - 1;
    return &p->next;
}

seq_status seq_list_insert(seq_list *l, size_t pos, int64_t v)
{
    if (pos > l->len)
        return SEQ_BAD_POSITION;
    seq_node *node = ALLOC_NEW(l->a, seq_node);
    if (!node)
        return SEQ_NO_MEMORY;
    seq_node **link = link_to(l, pos);
    *node = (seq_node){.next = *link, .value = v};
    *link = node;
    l->len++;
    return SEQ_OK;
}

seq_status seq_list_remove(seq_list *l, size_t pos, int64_t *out)
{
    if (pos >= l->len)
        return SEQ_BAD_POSITION;
    seq_node **link = link_to(l, pos);
    seq_node *node = *link;
    *link = node->next;
    if (out)
        *out = node->value;
    alloc_free(l->a, node, sizeof *node);
    l->len--;
    return SEQ_OK;
}

seq_status seq_list_build_scattered(seq_list *l, const int64_t *values, size_t n,
                                    uint64_t seed, allocator *scratch)
{
    if (l->len != 0)
        return SEQ_BAD_POSITION;
    if (n == 0)
        return SEQ_OK;
    seq_node **nodes = ALLOC_ARRAY(scratch, seq_node *, n);
    size_t *order = ALLOC_ARRAY(scratch, size_t, n);
    size_t made = 0;
    seq_status st = nodes && order ? SEQ_OK : SEQ_NO_MEMORY;
    while (st == SEQ_OK && made < n) {
        nodes[made] = ALLOC_NEW(l->a, seq_node);
        if (nodes[made])
            made++;
        else
            st = SEQ_NO_MEMORY;
    }
    if (st == SEQ_OK) {
        /* Position i of the list gets the order[i]-th node allocated. */
        rng r = rng_seeded(seed);
        rng_permutation(&r, order, n);
        for (size_t i = n; i-- > 0;) {
            seq_node *node = nodes[order[i]];
            *node = (seq_node){.next = l->head, .value = values[i]};
            l->head = node;
        }
        l->len = n;
    } else if (nodes) {
        for (size_t i = 0; i < made; i++)
            alloc_free(l->a, nodes[i], sizeof(seq_node));
    }
    if (order)
        alloc_free(scratch, order, n * sizeof *order);
    if (nodes)
        alloc_free(scratch, nodes, n * sizeof *nodes);
    return st;
}

void seq_list_destroy(seq_list *l)
{
    seq_node *p = l->head;
    while (p) {
        seq_node *next = p->next;
        alloc_free(l->a, p, sizeof *p);
        p = next;
    }
    l->head = NULL;
    l->len = 0;
}
