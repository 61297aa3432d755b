/*
 * seq_list.h - a singly linked list of int64 with insert and remove at any
 * position.
 *
 * Each element is a node of its own (a next pointer and the value, 16
 * bytes), allocated from the allocator given at init: libc malloc (which
 * holds 32 bytes per node), or a pool of 16-byte slots (alloc/pool.h).
 * Linking a node in or out is O(1), but reaching position p means
 * following p links from the head, one dependent load each: O(n) loads
 * that cannot overlap.  This is the list side of the insert experiment
 * (claim L2); seq_array.h is the other side.
 *
 * hops counts every link followed to reach a position, exactly, so a
 * benchmark can report the work done.
 */
#ifndef SEQ_LIST_H
#define SEQ_LIST_H

#include "alloc/alloc.h"
#include "seq.h"

#include <stddef.h>
#include <stdint.h>

typedef struct seq_node {
    struct seq_node *next;
    int64_t value;
} seq_node;

typedef struct seq_list {
    seq_node *head;
    size_t len;
    allocator *a;     /* where nodes come from */
    uint64_t hops;    /* links followed to reach positions */
} seq_list;

/* An empty list whose nodes will come from 'a' (requests of
 * sizeof(seq_node) bytes, aligned to alignof(seq_node)).  Allocates
 * nothing. */
void seq_list_init(seq_list *l, allocator *a);

/* Inserts v before position pos (0 <= pos <= len): walks pos - 1 links to
 * the node before it.  SEQ_BAD_POSITION or SEQ_NO_MEMORY leave the list
 * unchanged. */
seq_status seq_list_insert(seq_list *l, size_t pos, int64_t v);

/* Removes the element at pos (pos < len), stores it in *out (out may be
 * NULL) and frees its node.  SEQ_BAD_POSITION leaves the list unchanged. */
seq_status seq_list_remove(seq_list *l, size_t pos, int64_t *out);

/*
 * Appends values[0..n) to an empty list, with the nodes scattered: the
 * nodes are allocated one after another (so an allocator places them
 * next to each other) but linked in a random order drawn from 'seed', so
 * neighbours in the list are unrelated in memory, as after many inserts
 * at random positions.  The temporary arrays this needs come from
 * 'scratch' and are freed before returning.  SEQ_NO_MEMORY (nothing
 * allocated is kept, the list stays empty) or SEQ_BAD_POSITION (the list
 * is not empty: unchanged).
 */
seq_status seq_list_build_scattered(seq_list *l, const int64_t *values, size_t n,
                                    uint64_t seed, allocator *scratch);

/* Frees every node; the list is empty and may be used again. */
void seq_list_destroy(seq_list *l);

#endif /* SEQ_LIST_H */
