/* aop.c - array of pointers: one allocation per record, an array of addresses. */
#include "layout.h"

static void aop_free_records(struct user **ptrs, size_t count, allocator *a)
{
    for (size_t i = 0; i < count; i++)
        alloc_free(a, ptrs[i], sizeof(struct user));
}

/* Records are allocated in index order, so malloc places them roughly in
 * that order; a scattered layout then stores record order[k] at slot k,
 * which sends consecutive slots to unrelated addresses. */
static bool aop_build(layout *l, const struct user *users, const size_t *order,
                      allocator *a)
{
    struct user **ptrs = ALLOC_ARRAY(a, struct user *, l->n);
    if (!ptrs)
        return false;
    for (size_t i = 0; i < l->n; i++) {
        ptrs[i] = ALLOC_NEW(a, struct user);
        if (!ptrs[i]) {
            aop_free_records(ptrs, i, a);
            alloc_free(a, ptrs, l->n * sizeof *ptrs);
            return false;
        }
        *ptrs[i] = users[i];
    }
    if (order) {
        /* Permute in place through a cycle walk would need a visited bit
         * per slot; a second array is simpler and only lives during setup. */
        struct user **visit = ALLOC_ARRAY(a, struct user *, l->n);
        if (!visit) {
            aop_free_records(ptrs, l->n, a);
            alloc_free(a, ptrs, l->n * sizeof *ptrs);
            return false;
        }
        for (size_t k = 0; k < l->n; k++)
            visit[k] = ptrs[order[k]];
        alloc_free(a, ptrs, l->n * sizeof *ptrs);
        ptrs = visit;
    }
    l->as.aop = ptrs;
    return true;
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

static void aop_destroy(layout *l, allocator *a)
{
    aop_free_records(l->as.aop, l->n, a);
    alloc_free(a, l->as.aop, l->n * sizeof *l->as.aop);
}

const layout_shape layout_aop_shape = {
    .build = aop_build,
    .sum = aop_sum,
    .destroy = aop_destroy,
};
