/*
 * seq_array.h - a dynamic array of int64 with insert and remove at any
 * position.
 *
 * The elements sit in one block, in order.  Inserting at position p moves
 * the len - p elements after it one place right (memmove), removing moves
 * them back: O(n) bytes copied, but copied in bulk, through the caches
 * and the prefetcher at memory bandwidth.  This is the array side of the
 * insert experiment (claim L2); seq_list.h is the other side.
 *
 * The block grows by doubling when full, through the allocator given at
 * init (resize); it never shrinks.  moved_bytes counts every byte the
 * shifts copied, exactly, so a benchmark can report the work done.
 */
#ifndef SEQ_ARRAY_H
#define SEQ_ARRAY_H

#include "alloc/alloc.h"
#include "seq.h"

#include <stddef.h>
#include <stdint.h>

typedef struct seq_array {
    int64_t *data;         /* len elements in use, room for cap */
    size_t len, cap;
    allocator *a;
    uint64_t moved_bytes;  /* bytes shifted by inserts and removals */
} seq_array;

/* An empty array that will allocate from 'a'.  Allocates nothing. */
void seq_array_init(seq_array *s, allocator *a);

/* Makes room for at least 'cap' elements.  SEQ_NO_MEMORY when the
 * allocator refuses or cap * 8 bytes would overflow; the array is then
 * unchanged.  Never shrinks. */
seq_status seq_array_reserve(seq_array *s, size_t cap);

/* Inserts v before position pos (0 <= pos <= len; pos == len appends),
 * doubling the block first when it is full.  SEQ_BAD_POSITION or
 * SEQ_NO_MEMORY leave the array unchanged.  Invalidates pointers into
 * data. */
seq_status seq_array_insert(seq_array *s, size_t pos, int64_t v);

/* Removes the element at pos (pos < len) and stores it in *out (out may be
 * NULL).  SEQ_BAD_POSITION leaves the array unchanged.  Cannot run out of
 * memory. */
seq_status seq_array_remove(seq_array *s, size_t pos, int64_t *out);

/* Frees the block; the array is empty and may be used again. */
void seq_array_destroy(seq_array *s);

#endif /* SEQ_ARRAY_H */
