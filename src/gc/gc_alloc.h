/*
 * gc_alloc.h - the suite's allocator interface (alloc/alloc.h) over the
 * collector's heap, so structures written for malloc, such as the
 * reference-counted rings of claim A2, can live under the collector.
 *
 * alloc is GC_MALLOC (zero-filled; scanned for pointers); free is
 * GC_FREE, as explicit as free(); resize is GC_REALLOC.  An object
 * nobody frees is reclaimed by a collection once nothing points to it.
 * The collector must be started (collector.h).  Stateless: one shared
 * instance.
 */
#ifndef GC_ALLOC_H
#define GC_ALLOC_H

#include "alloc/alloc.h"

allocator *alloc_gc(void);

#endif /* GC_ALLOC_H */
