/*
 * strategy.h - claim A1/A3's strategies for a tree of N small objects:
 * malloc/free per object, reference counting, a bump arena (released, or
 * reset and reused), a free-list pool.  Each one builds, walks and tears
 * down the tree (alloc/objtree.h) in a session that holds its state.
 */
#ifndef ALLOC_STRATEGY_H
#define ALLOC_STRATEGY_H

#include "alloc/arena.h"
#include "alloc/objtree.h"
#include "alloc/pool.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One strategy's state while a case runs.  'sys' is where memory comes
 * from in the end: libc, or a counting allocator over it. */
typedef struct session {
    allocator *sys;
    arena arena;
    pool pool;
    struct tree_node *root;
    struct rc_tree_node *rc_root;
    size_t freed_by_drop;     /* refcount: objects its last teardown freed */
} session;

typedef struct strategy {
    const char *name;     /* the <strategy> in alloc/<strategy>/<n> */
    bool persistent;      /* keeps memory from one cycle to the next */
    bool refcounted;      /* reports live_after_drop and freed_by_drop */
    /* False when out of memory; teardown must still be called. */
    bool (*build)(session *s, size_t n);
    uint64_t (*walk)(const session *s);
    void (*teardown)(session *s);
} strategy;

enum { ALLOC_STRATEGY_COUNT = 5 };
/* malloc, refcount, arena, arena_reset, pool: registration order. */
extern const strategy alloc_strategies[ALLOC_STRATEGY_COUNT];

/* The strategy called 'name', or NULL. */
const strategy *alloc_strategy_named(const char *name);

/* Starts a session over 'sys' (allocates nothing); end it with
 * session_finish, which releases what a persistent strategy kept. */
void session_start(session *s, allocator *sys);
void session_finish(session *s);

/* One build, walk and teardown; false when the build failed or the walk
 * returned a wrong sum.  Nothing of the tree is left after it. */
bool one_cycle(const strategy *st, session *s, size_t n);

/* --child=<strategy>:<n>: one cycle over libc in this fresh process, for
 * its peak resident memory.  Returns 0 when it ran and checked out, 1 on
 * a failed cycle, 2 for a spec it does not understand. */
int alloc_child_run(const char *spec);

#endif /* ALLOC_STRATEGY_H */
