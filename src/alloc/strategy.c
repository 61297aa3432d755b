/* strategy.c - five ways to allocate, walk and free one tree of objects. */
#include "alloc/strategy.h"

#include "alloc/rcring.h"
#include "harness/named.h"

#include <stdalign.h>
#include <stdio.h>

#define POOL_SLOTS 4096

static bool malloc_build(session *s, size_t n)
{
    return objtree_build(s->sys, n, &s->root);
}

static uint64_t plain_walk(const session *s)
{
    return objtree_sum(s->root);
}

static void malloc_teardown(session *s)
{
    objtree_free(s->sys, s->root);
    s->root = NULL;
}

static bool refcount_build(session *s, size_t n)
{
    return objtree_rc_build(s->sys, n, &s->rc_root);
}

static uint64_t refcount_walk(const session *s)
{
    return objtree_rc_sum(s->rc_root);
}

static void refcount_teardown(session *s)
{
    s->freed_by_drop = rc_release(s->sys, s->rc_root);
    s->rc_root = NULL;
}

static bool arena_build(session *s, size_t n)
{
    arena_init(&s->arena, s->sys, ARENA_DEFAULT_BLOCK);
    return objtree_build(&s->arena.base, n, &s->root);
}

/* No walk over the nodes: the arena's blocks hold them all. */
static void arena_teardown(session *s)
{
    arena_release(&s->arena);
    s->root = NULL;
}

static bool arena_reset_build(session *s, size_t n)
{
    return objtree_build(&s->arena.base, n, &s->root);
}

static void arena_reset_teardown(session *s)
{
    arena_reset(&s->arena);
    s->root = NULL;
}

static bool pool_build(session *s, size_t n)
{
    if (!pool_init(&s->pool, s->sys, sizeof(struct tree_node),
                   alignof(struct tree_node), POOL_SLOTS))
        return false;
    return objtree_build(&s->pool.base, n, &s->root);
}

/* Each node back on the free list, as a structure kept in a pool is
 * destroyed when the pool outlives it; then the slabs go. */
static void pool_teardown(session *s)
{
    objtree_free(&s->pool.base, s->root);
    pool_release(&s->pool);
    s->root = NULL;
}

const strategy alloc_strategies[ALLOC_STRATEGY_COUNT] = {
    {"malloc", false, false, malloc_build, plain_walk, malloc_teardown},
    {"refcount", false, true, refcount_build, refcount_walk, refcount_teardown},
    {"arena", false, false, arena_build, plain_walk, arena_teardown},
    {"arena_reset", true, false, arena_reset_build, plain_walk, arena_reset_teardown},
    {"pool", false, false, pool_build, plain_walk, pool_teardown},
};

const strategy *alloc_strategy_named(const char *name)
{
    NAMED_FIRST(strategy);
    return named_find(alloc_strategies, ALLOC_STRATEGY_COUNT, sizeof alloc_strategies[0], name);
}

void session_start(session *s, allocator *sys)
{
    *s = (session){.sys = sys};
    /* Only arena_reset uses it across cycles; init allocates nothing. */
    arena_init(&s->arena, sys, ARENA_DEFAULT_BLOCK);
}

void session_finish(session *s)
{
    arena_release(&s->arena);
}

bool one_cycle(const strategy *st, session *s, size_t n)
{
    if (!st->build(s, n)) {
        st->teardown(s);
        return false;
    }
    uint64_t sum = st->walk(s);
    st->teardown(s);
    return sum == objtree_expected_sum(n);
}

int alloc_child_run(const char *spec)
{
    char name[32];
    size_t n;
    if (sscanf(spec, "%31[a-z_]:%zu", name, &n) != 2)
        return 2;
    const strategy *st = alloc_strategy_named(name);
    if (!st)
        return 2;
    session s;
    session_start(&s, alloc_libc());
    bool ok = one_cycle(st, &s, n);
    session_finish(&s);
    return ok ? 0 : 1;
}
