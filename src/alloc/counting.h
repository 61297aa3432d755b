/*
 * counting.h - an allocator that counts every call and byte, exactly.
 *
 * It forwards to a parent allocator and keeps the figures the suite reports
 * as memory: calls, bytes handed out, live bytes and blocks, and their
 * peaks.  These are the bytes the program asked for; the parent's own
 * per-block overhead (malloc's chunk headers and rounding) is not in them
 * (heap.h measures that side).  It can also be told to fail its k-th
 * request, so tests can drive every out-of-memory path.
 */
#ifndef COUNTING_H
#define COUNTING_H

#include "alloc.h"

#include <stdint.h>

typedef struct alloc_stats {
    uint64_t alloc_calls;     /* successful allocations (resize of NULL too) */
    uint64_t free_calls;      /* frees of non-NULL blocks */
    uint64_t resize_calls;    /* successful resizes of existing blocks */
    uint64_t resize_moves;    /* ...of which returned a different address */
    uint64_t failed_calls;    /* allocations and resizes that returned NULL */
    uint64_t bytes_allocated; /* total bytes handed out, including resize growth */
    size_t live_bytes;
    size_t peak_live_bytes;   /* counts old + new while a moving resize copies */
    size_t live_blocks;
    size_t peak_live_blocks;
} alloc_stats;

typedef struct counting_allocator {
    allocator base;           /* first: a counting_allocator* is an allocator* */
    allocator *parent;
    alloc_stats stats;
    uint64_t requests;        /* alloc and resize calls seen, failed or not */
    uint64_t fail_at;         /* 0: never fail; k: fail the k-th request */
} counting_allocator;

/* Starts counting from zero on top of 'parent' (alloc_libc() usually). */
void counting_init(counting_allocator *c, allocator *parent);

/* Makes the k-th request from now fail (k >= 1), and only that one; 0 turns
 * failure injection off. */
void counting_fail_at(counting_allocator *c, uint64_t k);

/* Zeroes the counters but keeps live_bytes/live_blocks (memory still held)
 * and makes peaks start again from the live figures. */
void counting_reset_stats(counting_allocator *c);

#endif /* COUNTING_H */
