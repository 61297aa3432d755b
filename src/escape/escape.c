/* escape.c - one record, returned by value or through a heap pointer. */
#include "escape.h"

static struct user make(int64_t id)
{
    return (struct user){
        .id = id,
        .active = (id & 1) != 0,
        .score = (double)(id % 400) * 0.25,
    };
}

struct user escape_user_value(int64_t id)
{
    return make(id);
}

struct user *escape_user_heap(allocator *a, int64_t id)
{
    struct user *u = ALLOC_NEW(a, struct user);
    if (u)
        *u = make(id);
    return u;
}

double escape_expected_sum(size_t calls)
{
    double sum = 0;
    for (size_t i = 0; i < calls; i++) {
        struct user u = make((int64_t)i);
        if (u.active)
            sum += u.score;
    }
    return sum;
}
