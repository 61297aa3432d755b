/*
 * slice.h - a view of an array: pointer, length, capacity, as Go's slice header.
 *
 * A slice does not own its elements; it describes a window on an array
 * someone else allocated.  Copying a slice_i64 copies the three words, not
 * the elements, so two copies see (and change) the same elements: the
 * article's point that a slice header is a descriptor over an array.  A
 * C struct holding an array (int64_t v[3] inside a struct) is the other
 * case: assigning it copies every element, as a Go array does.
 *
 * A small view of a big array keeps the big array in use: whoever frees
 * the array must wait until no view needs it.  slice_i64_clone() copies
 * the viewed elements into a block of their own, so the big array can go.
 */
#ifndef SLICE_H
#define SLICE_H

#include "alloc/alloc.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct slice_i64 {
    int64_t *ptr;   /* first element of the view */
    size_t len;     /* elements visible */
    size_t cap;     /* elements from ptr to the end of the array */
} slice_i64;

/* A view of array[0..len) in an array of cap elements (len <= cap; the
 * caller guarantees it). */
static inline slice_i64 slice_i64_of(int64_t *array, size_t len, size_t cap)
{
    return (slice_i64){array, len, cap};
}

/*
 * Go's s[lo:hi]: the elements lo..hi-1 of s, sharing its array; the
 * capacity runs to the end of s's capacity.  Returns false (and leaves
 * *out alone) unless lo <= hi <= s.cap, as Go panics.
 */
bool slice_i64_sub(slice_i64 s, size_t lo, size_t hi, slice_i64 *out);

/*
 * Copies s's elements into a new block of exactly s.len elements from 'a':
 * Go's append([]T(nil), s...).  The copy shares nothing with s.  An empty
 * s gives an empty slice and allocates nothing.  Returns false when the
 * allocation fails (*out untouched).  Free the copy with slice_i64_free().
 */
bool slice_i64_clone(slice_i64 s, allocator *a, slice_i64 *out);

/*
 * Frees the block a slice starts at and spans: s->ptr must be the start of
 * a block of s->cap elements from 'a' (a clone, or a view at offset 0 of
 * a whole array).  Leaves *s empty.  An empty slice is a no-op.
 */
void slice_i64_free(slice_i64 *s, allocator *a);

#endif /* SLICE_H */
