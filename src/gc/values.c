/* values.c - n values as a list of objects, boxed behind pointers, or flat. */
#include "values.h"

#include <gc/gc.h>

struct gc_node {
    struct gc_node *next;
    uint64_t value;
};

static const char *const layout_names[GC_LAYOUT_COUNT] = {"graph", "pointers", "atomic"};

const char *gc_layout_name(gc_layout l)
{
    return (unsigned)l < GC_LAYOUT_COUNT ? layout_names[l] : NULL;
}

/* Built back to front, so the list runs 0, 1, ... n-1 and each node is
 * allocated after the one it points to, as a program building a list by
 * prepending would. */
static void *build_graph(size_t n)
{
    struct gc_node *head = NULL;
    for (size_t i = n; i-- > 0;) {
        struct gc_node *node = GC_MALLOC(sizeof *node);
        if (!node)
            return NULL;
        node->value = i;
        node->next = head;
        head = node;
    }
    return head;
}

static void *build_pointers(size_t n)
{
    if (n > SIZE_MAX / sizeof(uint64_t *))
        return NULL;
    uint64_t **boxes = GC_MALLOC(n * sizeof *boxes);
    if (!boxes)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        boxes[i] = GC_MALLOC_ATOMIC(sizeof **boxes);
        if (!boxes[i])
            return NULL;
        *boxes[i] = i;
    }
    return boxes;
}

static void *build_atomic(size_t n)
{
    if (n > SIZE_MAX / sizeof(uint64_t))
        return NULL;
    uint64_t *values = GC_MALLOC_ATOMIC(n * sizeof *values);
    if (!values)
        return NULL;
    for (size_t i = 0; i < n; i++)
        values[i] = i;
    return values;
}

bool gc_values_build(gc_values *v, gc_layout l, size_t n)
{
    *v = (gc_values){.layout = l};
    if (n == 0 || !gc_layout_name(l))
        return false;
    void *root = l == GC_LAYOUT_GRAPH ? build_graph(n)
               : l == GC_LAYOUT_POINTERS ? build_pointers(n)
               : build_atomic(n);
    if (!root)
        return false;
    *v = (gc_values){.layout = l, .n = n, .root = root};
    return true;
}

uint64_t gc_values_sum(const gc_values *v)
{
    uint64_t sum = 0;
    switch (v->layout) {
    case GC_LAYOUT_GRAPH:
        for (const struct gc_node *p = v->root; p; p = p->next)
            sum += p->value;
        break;
    case GC_LAYOUT_POINTERS: {
        uint64_t *const *boxes = v->root;
        for (size_t i = 0; boxes && i < v->n; i++)
            sum += *boxes[i];
        break;
    }
    case GC_LAYOUT_ATOMIC: {
        const uint64_t *values = v->root;
        for (size_t i = 0; values && i < v->n; i++)
            sum += values[i];
        break;
    }
    }
    return sum;
}

size_t gc_values_objects(gc_layout l, size_t n)
{
    return l == GC_LAYOUT_GRAPH ? n : l == GC_LAYOUT_POINTERS ? n + 1 : 1;
}

void gc_values_drop(gc_values *v)
{
    v->root = NULL;
    v->n = 0;
}

size_t gc_values_free(gc_values *v)
{
    size_t freed = 0;
    if (v->layout == GC_LAYOUT_GRAPH) {
        for (struct gc_node *p = v->root, *next; p; p = next, freed++) {
            next = p->next;
            GC_FREE(p);
        }
    } else if (v->root) {
        if (v->layout == GC_LAYOUT_POINTERS) {
            uint64_t **boxes = v->root;
            for (size_t i = 0; i < v->n; i++, freed++)
                GC_FREE(boxes[i]);
        }
        GC_FREE(v->root);   /* the pointer array, or the value array */
        freed++;
    }
    gc_values_drop(v);
    return freed;
}
