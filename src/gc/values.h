/*
 * values.h - claim C2: the same n values in three shapes the collector
 * must trace differently.
 *
 *   graph     a linked list of small objects (a value and a pointer to
 *             the next): n objects, each one the marker must visit and
 *             scan for pointers, one after the other
 *   pointers  one array of n pointers to boxed values (pointer-free
 *             objects, GC_MALLOC_ATOMIC): n + 1 objects, the array
 *             scanned, each box visited but not scanned
 *   atomic    one pointer-free array of n values (GC_MALLOC_ATOMIC):
 *             one object, never scanned
 *
 * The collector must be started (collector.h).  A gc_values must itself
 * be where the collector looks (a static, or the stack): its root field
 * is what keeps the values alive.
 */
#ifndef GC_VALUES_H
#define GC_VALUES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum gc_layout {
    GC_LAYOUT_GRAPH,
    GC_LAYOUT_POINTERS,
    GC_LAYOUT_ATOMIC,
} gc_layout;

#define GC_LAYOUT_COUNT 3

/* "graph", "pointers", "atomic"; NULL for a bad layout. */
const char *gc_layout_name(gc_layout l);

typedef struct gc_values {
    gc_layout layout;
    size_t n;
    void *root;   /* the first node, the pointer array, or the value array */
} gc_values;

/* Builds the values 0 .. n-1 in layout l into *v.  Returns false when n is
 * 0, the layout is unknown, or memory ran out (*v is then empty and what
 * was built is left to the collector). */
bool gc_values_build(gc_values *v, gc_layout l, size_t n);

/* Sum of the values (n(n-1)/2 when intact), walking the layout. */
uint64_t gc_values_sum(const gc_values *v);

/* Objects the collector holds for n values in layout l. */
size_t gc_values_objects(gc_layout l, size_t n);

/* Forgets the values: the next collection may reclaim them. */
void gc_values_drop(gc_values *v);

/*
 * Frees every object of the values at once (GC_FREE) and forgets them.
 * Dropping is not enough between two measurements: the collector is
 * conservative, and a stale copy of the root in a caller's stack frame
 * keeps the whole structure alive.  That happened in a full run (the
 * 4194304 values behind pointers, 96 MiB, stayed live through every
 * "atomic" case after them and were marked in each).  Freed blocks are
 * the collector's again whatever still points at them.  Returns the
 * objects freed (gc_values_objects for an intact v, 0 for an empty one).
 */
size_t gc_values_free(gc_values *v);

#endif /* GC_VALUES_H */
