/* layout.c - the table of layout kinds, building any of them, and the
 * array of slots the indexed shapes share. */
#include "layout.h"

#include "harness/named.h"
#include "harness/rng.h"

#include <string.h>

/* The order of this table is the order of cases and of plot legends. */
const layout_kind layout_kinds[] = {
    {"aos", &layout_aos_shape, false, "array of structs: records inline, one allocation"},
    {"soa", &layout_soa_shape, false, "struct of arrays: one array per field; the loop skips id"},
    {"aop_inorder", &layout_aop_shape, false, "array of pointers to records allocated one by one, in order"},
    {"aop_scattered", &layout_aop_shape, true, "array of pointers to the same records, in shuffled order"},
    {"list_inorder", &layout_list_shape, false, "singly linked list, nodes linked in allocation order"},
    {"list_scattered", &layout_list_shape, true, "singly linked list, the same nodes linked in shuffled order"},
    {"boxed", &layout_boxed_shape, false, "Python-like list: pointers to objects with refcount+type headers"},
};
const size_t layout_kind_count = sizeof layout_kinds / sizeof layout_kinds[0];

const layout_kind *layout_find(const char *name)
{
    NAMED_FIRST(layout_kind);
    return named_find(layout_kinds, layout_kind_count, sizeof layout_kinds[0], name);
}

/* Frees what slots[0..count) point to, then the array of n slots. */
static void slots_free(const layout_slots *s, void *slots, size_t count, size_t n,
                       allocator *a)
{
    if (s->release)
        for (size_t i = 0; i < count; i++)
            s->release(slots, i, a);
    alloc_free(a, slots, n * s->size);
}

/* Records are stored in index order, so what the slots point to is
 * allocated in that order and malloc places it roughly so; a scattered
 * kind then moves slot order[k] to slot k, which sends consecutive slots
 * to unrelated addresses. */
static bool slots_build(layout *l, const layout_slots *s, const struct user *users,
                        const size_t *order, allocator *a)
{
    char *slots = alloc_array(a, l->n, s->size, s->align);
    if (!slots)
        return false;
    for (size_t i = 0; i < l->n; i++) {
        if (!s->store(slots, i, &users[i], a)) {
            slots_free(s, slots, i, l->n, a);
            return false;
        }
    }
    if (order) {
        /* Permuting in place through a cycle walk would need a visited bit
         * per slot; a second array is simpler and only lives during setup. */
        char *visit = alloc_array(a, l->n, s->size, s->align);
        if (!visit) {
            slots_free(s, slots, l->n, l->n, a);
            return false;
        }
        for (size_t k = 0; k < l->n; k++)
            memcpy(visit + k * s->size, slots + order[k] * s->size, s->size);
        alloc_free(a, slots, l->n * s->size);
        slots = visit;
    }
    l->as.slots = slots;
    return true;
}

bool layout_build(layout *l, const layout_kind *kind, const struct user *users,
                  size_t n, uint64_t seed, allocator *a)
{
    *l = (layout){.kind = kind, .n = n};
    if (n == 0)
        return true;
    const layout_shape *shape = kind->shape;
    size_t *order = NULL;
    bool ok = false;
    if (kind->scattered) {
        order = ALLOC_ARRAY(a, size_t, n);
        if (!order)
            goto done;
        rng r = rng_seeded(seed);
        rng_permutation(&r, order, n);
    }
    ok = shape->slots.store ? slots_build(l, &shape->slots, users, order, a)
                            : shape->build(l, users, order, a);
done:
    alloc_free(a, order, n * sizeof *order);
    if (!ok)
        *l = (layout){.kind = kind};
    return ok;
}

void layout_destroy(layout *l, allocator *a)
{
    if (l->n > 0) {
        const layout_shape *shape = l->kind->shape;
        if (shape->slots.store)
            slots_free(&shape->slots, l->as.slots, l->n, l->n, a);
        else
            shape->destroy(l, a);
    }
    *l = (layout){.kind = l->kind};
}
