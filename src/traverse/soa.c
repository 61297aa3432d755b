/* soa.c - struct of arrays: one array per field, so a loop reads only what it uses. */
#include "layout.h"

static void soa_free(layout *l, allocator *a)
{
    alloc_free(a, l->as.soa.id, l->n * sizeof *l->as.soa.id);
    alloc_free(a, l->as.soa.active, l->n * sizeof *l->as.soa.active);
    alloc_free(a, l->as.soa.score, l->n * sizeof *l->as.soa.score);
}

static bool soa_build(layout *l, const struct user *users, const size_t *order,
                      allocator *a)
{
    (void)order;
    l->as.soa.id = ALLOC_ARRAY(a, int64_t, l->n);
    l->as.soa.active = ALLOC_ARRAY(a, bool, l->n);
    l->as.soa.score = ALLOC_ARRAY(a, double, l->n);
    if (!l->as.soa.id || !l->as.soa.active || !l->as.soa.score) {
        soa_free(l, a);
        return false;
    }
    for (size_t i = 0; i < l->n; i++) {
        l->as.soa.id[i] = users[i].id;
        l->as.soa.active[i] = users[i].active;
        l->as.soa.score[i] = users[i].score;
    }
    return true;
}

static double soa_value_at(const void *data, size_t i)
{
    const layout *l = data;
    return layout_active_score(l->as.soa.active[i], l->as.soa.score[i]);
}

static double soa_sum(const layout *l)
{
    return layout_sum_indexed(l, l->n, soa_value_at);
}

const layout_kind layout_soa = {
    .name = "soa",
    .summary = "struct of arrays: one array per field; the loop skips id",
    .build = soa_build,
    .sum = soa_sum,
    .destroy = soa_free,
};
