/* aos.c - array of structs: every record inline in one allocation. */
#include "layout.h"

static bool aos_build(layout *l, const struct user *users, const size_t *order,
                      allocator *a)
{
    (void)order;
    l->as.aos = ALLOC_ARRAY(a, struct user, l->n);
    if (!l->as.aos)
        return false;
    for (size_t i = 0; i < l->n; i++)
        l->as.aos[i] = users[i];
    return true;
}

static double aos_value_at(const void *data, size_t i)
{
    const struct user *u = (const struct user *)data + i;
    return layout_active_score(u->active, u->score);
}

static double aos_sum(const layout *l)
{
    return layout_sum_indexed(l->as.aos, l->n, aos_value_at);
}

static void aos_destroy(layout *l, allocator *a)
{
    alloc_free(a, l->as.aos, l->n * sizeof(struct user));
}

const layout_shape layout_aos_shape = {
    .build = aos_build,
    .sum = aos_sum,
    .destroy = aos_destroy,
};
