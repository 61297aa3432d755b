/* aos.c - array of structs: every record inline in one allocation. */
#include "layout.h"

static bool aos_store(void *slots, size_t i, const struct user *u, allocator *a)
{
    (void)a;
    ((struct user *)slots)[i] = *u;
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

static size_t aos_spans(const layout *l, layout_span out[LAYOUT_MAX_SPANS])
{
    out[0] = (layout_span){l->as.aos, l->n * sizeof *l->as.aos};
    return 1;
}

const layout_shape layout_aos_shape = {
    .sum = aos_sum,
    .spans = aos_spans,
    .slots = {sizeof(struct user), alignof(struct user), aos_store, NULL},
};
