/* layout.c - the table of layout kinds, and building any of them. */
#include "layout.h"

#include "harness/rng.h"

#include <string.h>

/* The order of this table is the order of cases and of plot legends. */
const layout_kind *const layout_kinds[] = {
    &layout_aos,          &layout_soa,          &layout_aop_inorder,
    &layout_aop_scattered, &layout_list_inorder, &layout_list_scattered,
    &layout_boxed,
};
const size_t layout_kind_count = sizeof layout_kinds / sizeof layout_kinds[0];

const layout_kind *layout_find(const char *name)
{
    for (size_t i = 0; i < layout_kind_count; i++)
        if (strcmp(layout_kinds[i]->name, name) == 0)
            return layout_kinds[i];
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
    ok = kind->build(l, users, order, a);
done:
    alloc_free(a, order, n * sizeof *order);
    if (!ok)
        *l = (layout){.kind = kind};
    return ok;
}

void layout_destroy(layout *l, allocator *a)
{
    if (l->n > 0)
        l->kind->destroy(l, a);
    *l = (layout){.kind = l->kind};
}
