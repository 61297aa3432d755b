/*
 * policy.h - how a dynamic array picks its next capacity, as data.
 *
 * Every policy is one row of growth_policies[]: a few numbers read by one
 * function, growth_next_capacity(), never a function of its own.  The rows:
 *
 *   prealloc  exact fit: the capacity becomes what is needed, nothing more.
 *             The bench reserves N up front, so it never grows at all.
 *   x2        capacity doubles (or jumps to what is needed, if more).
 *   x1.5      capacity grows by half, rounded down.
 *   plus_k    capacity grows by K = 4096 elements: linear, not geometric.
 *   go        the Go runtime's append (Go 1.22 and later, unchanged up to the
 *             sources read): src/runtime/slice.go growslice + nextslicecap
 *             (golang/go commit 00a0fc3f, a Go 1.24+ snapshot: it calls
 *             sys.GetCallerPC), src/runtime/msize.go roundupsize (commit
 *             528bafa0) and the size classes of
 *             src/internal/runtime/gc/sizeclasses.go (commit 100ffa1b).
 *             Below 256 elements capacity doubles; from 256 on it grows by
 *             c += (c + 768) / 4 (1.25x for large c); a need above twice the
 *             capacity is taken as is; then the bytes are rounded up to the
 *             allocator's size class (small objects) or to 8 KiB pages, and
 *             the capacity is what fits in them.  Element types here hold
 *             no pointers ("noscan"), so no malloc header is added.
 *   cpython   CPython's list_resize (CPython 3.9 and later, unchanged through
 *             the source read: Objects/listobject.c at python/cpython commit
 *             003264fb, a 3.14-era snapshot; checked against CPython 3.11.7's
 *             sys.getsizeof on the machine this was written on):
 *             new = (need + need/8 + 6) rounded down to a multiple of 4, from
 *             the length needed rather than the old capacity; when the
 *             request is larger than that over-allocation, just the need
 *             rounded up to a multiple of 4.
 *
 * Capacities are in elements.  Only growth is modelled: shrinking (CPython
 * reallocates when a list falls below half its capacity) is not.
 */
#ifndef GROWTH_POLICY_H
#define GROWTH_POLICY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One step of growth from 'base': floor(base * num / den) + add. */
typedef struct growth_step {
    uint32_t num, den;
    size_t add;
} growth_step;

/* What the step grows from. */
typedef enum growth_base {
    GROWTH_FROM_CAPACITY, /* the old capacity (x2, Go, ...) */
    GROWTH_FROM_NEED      /* the length that must fit (CPython) */
} growth_base;

/* What happens when one step does not reach the need (a bulk append). */
typedef enum growth_shortfall {
    GROWTH_TAKE_NEED,        /* the need itself (Rust's Vec does the same) */
    GROWTH_GO_RULE,          /* need > 2 * capacity: the need; otherwise
                              * repeat the step until it is reached */
    GROWTH_CPYTHON_RULE      /* the need when it exceeds the over-allocation
                              * (need - length > new - need) */
} growth_shortfall;

typedef struct growth_policy {
    const char *name;        /* as in case names: "x2", "go", ... */
    const char *rule;        /* one line for people: what the numbers mean */
    growth_base base;
    size_t threshold;        /* base < threshold: 'small' step, else 'large' */
    growth_step small, large;
    growth_shortfall shortfall;
    size_t multiple;         /* capacity rounded to a multiple of this many
                              * elements (down if that still fits the need,
                              * else up); 0 or 1: no rounding */
    bool go_size_classes;    /* round the bytes up to Go's size classes */
} growth_policy;

/* Indexes into growth_policies[], in the order the bench reports them. */
enum {
    GROWTH_PREALLOC,
    GROWTH_X2,
    GROWTH_X1_5,
    GROWTH_PLUS_K,
    GROWTH_GO,
    GROWTH_CPYTHON,
    GROWTH_POLICY_COUNT
};

/* The additive step of plus_k, in elements. */
#define GROWTH_PLUS_K_ELEMENTS 4096

extern const growth_policy growth_policies[GROWTH_POLICY_COUNT];

/* The policy with this name, or NULL. */
const growth_policy *growth_policy_find(const char *name);

/*
 * The capacity, in elements, an array of 'elem_size'-byte elements moves to
 * when it holds 'len' elements in 'cap' and must hold 'need' (> cap).
 * Always >= need.  Returns 0 when need elements would not fit in memory at
 * all (need * elem_size above PTRDIFF_MAX), and 0 for bad arguments
 * (need <= cap, len > cap, elem_size 0).  When the policy's own
 * arithmetic would overflow, the result is the need (as Go does).
 */
size_t growth_next_capacity(const growth_policy *p, size_t cap, size_t len,
                            size_t need, size_t elem_size);

/*
 * What n single appends to an empty array cost under a policy, worked out
 * from the policy alone (no memory is allocated): the figures a GROW_COPY
 * growable reports, so tests and benches can check one against the other.
 * With 'reserve', the array first reserves exactly n (the prealloc case).
 */
typedef struct growth_plan {
    size_t capacity;          /* elements, after the n appends */
    uint64_t growths;         /* capacity increases, first allocation included */
    uint64_t reallocations;   /* growths of an existing block */
    uint64_t bytes_copied;    /* elements carried over, in bytes */
    uint64_t peak_bytes;      /* old + new block during the largest copy, or
                               * the final block if larger */
} growth_plan;

/* Fills *out; returns false (out zeroed) when a capacity would not fit in
 * memory (see growth_next_capacity) or for bad arguments. */
bool growth_plan_appends(const growth_policy *p, size_t elem_size, size_t n,
                         bool reserve, growth_plan *out);

/* Go's roundupsize for pointer-free objects: the bytes mallocgc hands out
 * for a request of 'size' bytes (a size class up to 32760 bytes, else a
 * multiple of 8 KiB).  Returns 'size' when rounding would overflow. */
size_t growth_go_roundupsize(size_t size);

#endif /* GROWTH_POLICY_H */
