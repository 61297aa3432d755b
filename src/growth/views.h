/*
 * views.h - claim G3's workload: what a 10-element view of a 1 MiB buffer
 * keeps alive, against a copy of those 10 elements.
 *
 * keep_views makes m buffers of VIEW_BUFFER_ELEMS int64 values (as if read
 * from a file) and keeps, for each, either a view of its first VIEW_LEN
 * elements (which keeps the whole buffer: the view's capacity runs to its
 * end) or a copy of them (the buffer is freed).  Values are distinct
 * across buffers, so a view of the wrong buffer is caught.
 */
#ifndef GROWTH_VIEWS_H
#define GROWTH_VIEWS_H

#include "alloc/alloc.h"
#include "growth/slice.h"

#include <stdbool.h>
#include <stddef.h>

#define VIEW_BUFFER_ELEMS ((size_t)(1 << 20) / sizeof(int64_t)) /* 1 MiB */
#define VIEW_LEN 10

typedef struct view_case {
    const char *name;   /* "keep_view" or "keep_copy" */
    bool copy;
} view_case;

enum { VIEW_CASE_COUNT = 2 };
extern const view_case view_cases[VIEW_CASE_COUNT];

/* The view case whose name 'spec' starts with, or NULL. */
const view_case *view_case_prefixing(const char *spec);

/* Fills kept[0..m-1] (m slots) with a view or a copy of each of m new
 * buffers allocated from 'a'.  False when out of memory: everything made
 * so far is released then. */
bool keep_views(const view_case *v, allocator *a, slice_i64 *kept, size_t m);

/* True when each of the m kept slices holds VIEW_LEN elements, the first
 * ones of its own buffer. */
bool views_hold_their_values(const slice_i64 *kept, size_t m);

/* Frees what keep_views kept (the buffers for views, the copies for
 * copies) back to 'a'. */
void release_views(slice_i64 *kept, size_t m, allocator *a);

#endif /* GROWTH_VIEWS_H */
