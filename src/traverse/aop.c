/* aop.c - array of pointers: one allocation per record, an array of addresses. */
#include "layout.h"

/* layout.c allocates the records through this in index order, then
 * shuffles the slots of a scattered kind. */
static bool aop_store(void *slots, size_t i, const struct user *u, allocator *a)
{
    struct user *copy = ALLOC_NEW(a, struct user);
    if (!copy)
        return false;
    *copy = *u;
    ((struct user **)slots)[i] = copy;
    return true;
}

static void aop_release(void *slots, size_t i, allocator *a)
{
    alloc_free(a, ((struct user **)slots)[i], sizeof(struct user));
}

static double aop_value_at(const void *data, size_t i)
{
    const struct user *u = ((const struct user *const *)data)[i];
    return layout_active_score(u->active, u->score);
}

static double aop_sum(const layout *l)
{
    return layout_sum_indexed(l->as.aop, l->n, aop_value_at);
}

const layout_shape layout_aop_shape = {
    .sum = aop_sum,
    .slots = {sizeof(struct user *), alignof(struct user *), aop_store, aop_release},
};
