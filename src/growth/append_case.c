/* append_case.c - growth's append variants: kernels, checks and the table. */
#include "growth/append_case.h"

#include "traverse/user.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static bool append_u64(growable *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        uint64_t *slot = growable_push(g);
        if (!slot)
            return false;
        *slot = i;
    }
    return true;
}

static bool check_u64(const growable *g, size_t n)
{
    const uint64_t *v = (const uint64_t *)g->data;
    for (size_t i = 0; i < n; i++)
        if (v[i] != i)
            return false;
    return g->len == n;
}

/* Record i: id i + 1, every other one active, a score that is exact in a
 * double.  Values cheap to make, so the time is the append's. */
static inline struct user user_record(size_t i)
{
    return (struct user){(int64_t)i + 1, (i & 1) != 0, (double)(i & 1023) * 0.25};
}

static bool append_users(growable *g, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        struct user *slot = growable_push(g);
        if (!slot)
            return false;
        *slot = user_record(i);
    }
    return true;
}

static bool check_users(const growable *g, size_t n)
{
    const struct user *u = (const struct user *)g->data;
    for (size_t i = 0; i < n; i++) {
        struct user want = user_record(i);
        if (u[i].id != want.id || u[i].active != want.active || u[i].score != want.score)
            return false;
    }
    return g->len == n;
}

const element_kind element_kinds[ELEMENT_KIND_COUNT] = {
    [ELEMENT_U64] = {"u64", sizeof(uint64_t), alignof(uint64_t), append_u64, check_u64},
    [ELEMENT_USER] = {"user", sizeof(struct user), alignof(struct user), append_users,
                      check_users},
};

append_case append_cases[APPEND_CASE_COUNT];

void append_cases_make(void)
{
    size_t k = 0;
    for (size_t t = 0; t < ELEMENT_KIND_COUNT; t++) {
        for (size_t p = 0; p < GROWTH_POLICY_COUNT; p++) {
            for (int m = 0; m < 2; m++) {
                append_case *c = &append_cases[k];
                c->kind = &element_kinds[t];
                c->policy = &growth_policies[p];
                c->method = m == 0 ? GROW_REALLOC : GROW_COPY;
                c->reserve = p == GROWTH_PREALLOC;
                if (c->reserve) {
                    snprintf(c->name, sizeof c->name, "%s/%s", element_kinds[t].name,
                             c->policy->name);
                    k++;
                    break; /* a reserved array never grows: one method */
                }
                snprintf(c->name, sizeof c->name, "%s/%s/%s", element_kinds[t].name,
                         c->policy->name, growable_method_name(c->method));
                k++;
            }
        }
    }
}

const append_case *append_case_find(const char *name)
{
    for (size_t i = 0; i < APPEND_CASE_COUNT; i++)
        if (strcmp(append_cases[i].name, name) == 0)
            return &append_cases[i];
    return NULL;
}

bool append_case_build(const append_case *c, allocator *a, size_t n, growable *g)
{
    if (growable_init(g, c->kind->size, c->kind->align, c->policy, c->method, a) != GROWABLE_OK)
        return false;
    /* With the threshold pinned, a moved block of that size or more was
     * mapped, so realloc moved it with mremap: pages, not bytes. */
    g->remap_min_bytes = GROWTH_MMAP_THRESHOLD;
    if (c->reserve && growable_reserve(g, n) != GROWABLE_OK)
        return false;
    return c->kind->append(g, n);
}

bool append_case_matches_plan(const append_case *c, const growable *g, size_t n)
{
    growth_plan plan;
    if (!growth_plan_appends(c->policy, c->kind->size, n, c->reserve, &plan))
        return false;
    if (g->cap != plan.capacity || g->stats.growths != plan.growths ||
        g->stats.reallocations != plan.reallocations)
        return false;
    /* Only the copy method's bytes are the policy's: realloc moves or not. */
    return c->method == GROW_REALLOC || g->stats.bytes_copied == plan.bytes_copied;
}
