/* boxed.c - the Python-like layout: a list of pointers to headed objects. */
#include "boxed.h"

#include "layout.h"

static const struct box_type box_type_int = {"int"};
static const struct box_type box_type_float = {"float"};
static const struct box_type box_type_bool = {"bool"};
static const struct box_type box_type_user = {"User"};

/* The two bool singletons; their refcount is never touched here. */
const struct box_header box_true = {1, &box_type_bool};
const struct box_header box_false = {1, &box_type_bool};

static void box_user_free(struct box_user *u, allocator *a)
{
    if (!u)
        return;
    alloc_free(a, u->id, sizeof *u->id);
    alloc_free(a, u->score, sizeof *u->score);
    alloc_free(a, u, sizeof *u);
}

/* Allocated in the order Python would create them for
 * User(id=..., active=..., score=...): the int, the float, then the
 * instance. */
static struct box_user *box_user_new(const struct user *src, allocator *a)
{
    struct box_int *id = ALLOC_NEW(a, struct box_int);
    struct box_float *score = id ? ALLOC_NEW(a, struct box_float) : NULL;
    struct box_user *u = score ? ALLOC_NEW(a, struct box_user) : NULL;
    if (!u) {
        alloc_free(a, score, sizeof *score);
        alloc_free(a, id, sizeof *id);
        return NULL;
    }
    *id = (struct box_int){{1, &box_type_int}, src->id};
    *score = (struct box_float){{1, &box_type_float}, src->score};
    *u = (struct box_user){
        .h = {1, &box_type_user},
        .id = id,
        .active = src->active ? &box_true : &box_false,
        .score = score,
    };
    return u;
}

static bool boxed_store(void *slots, size_t i, const struct user *u, allocator *a)
{
    struct box_user *item = box_user_new(u, a);
    ((struct box_user **)slots)[i] = item;
    return item != NULL;
}

static void boxed_release(void *slots, size_t i, allocator *a)
{
    box_user_free(((struct box_user **)slots)[i], a);
}

/* Reads the score object for every element, active or not, as
 * sum(u.score * u.active for u in users) would: the same loads for every
 * record, and no branch to mispredict. */
static double boxed_value_at(const void *data, size_t i)
{
    const struct box_user *u = ((const struct box_user *const *)data)[i];
    return layout_active_score(u->active == &box_true, u->score->value);
}

static double boxed_sum(const layout *l)
{
    return layout_sum_indexed(l->as.boxed, l->n, boxed_value_at);
}

const layout_shape layout_boxed_shape = {
    .sum = boxed_sum,
    .slots = {sizeof(struct box_user *), alignof(struct box_user *), boxed_store,
              boxed_release},
};
