/* layout.c - the table of layout kinds, and building any of them. */
#include "layout.h"

#include "harness/rng.h"

#include <string.h>

/* The order of this table is the order of cases and of plot legends. */
const layout_kind layout_kinds[] = {
    {"aos", &layout_aos_shape, false,
     "array of structs: records inline, one allocation"},
    {"soa", &layout_soa_shape, false,
     "struct of arrays: one array per field; the loop skips id"},
    {"aop_inorder", &layout_aop_shape, false,
     "array of pointers to records allocated one by one, in order"},
    {"aop_scattered", &layout_aop_shape, true,
     "array of pointers to the same records, in shuffled order"},
    {"list_inorder", &layout_list_shape, false,
     "singly linked list, nodes linked in allocation order"},
    {"list_scattered", &layout_list_shape, true,
     "singly linked list, the same nodes linked in shuffled order"},
    {"boxed", &layout_boxed_shape, false,
     "Python-like list: pointers to objects with refcount+type headers"},
};
const size_t layout_kind_count = sizeof layout_kinds / sizeof layout_kinds[0];

const layout_kind *layout_find(const char *name)
{
    for (size_t i = 0; i < layout_kind_count; i++)
        if (strcmp(layout_kinds[i].name, name) == 0)
            return &layout_kinds[i];
    return NULL;
}

bool layout_build(layout *l, const layout_kind *kind, const struct user *users,
                  size_t n, uint64_t seed, allocator *a)
{
    *l = (layout){.kind = kind, .n = n};
    if (n == 0)
        return true;
    size_t *order = NULL;
    bool ok = false;
    if (kind->scattered) {
        order = ALLOC_ARRAY(a, size_t, n);
        if (!order)
            goto done;
        rng r = rng_seeded(seed);
        rng_permutation(&r, order, n);
    }
    ok = kind->shape->build(l, users, order, a);
done:
    alloc_free(a, order, n * sizeof *order);
    if (!ok)
        *l = (layout){.kind = kind};
    return ok;
}

void layout_destroy(layout *l, allocator *a)
{
    if (l->n > 0)
        l->kind->shape->destroy(l, a);
    *l = (layout){.kind = l->kind};
}
