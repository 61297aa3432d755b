/*
 * locked.h - any allocator made safe to share between threads, by one mutex
 * around every call.
 *
 * The counting allocator keeps plain counters; wrapped in a locked
 * allocator it gives exact figures for memory allocated in one thread and
 * freed in another (a producer and its consumers).  The lock costs tens of
 * nanoseconds per call, which matters for a benchmark only if the two
 * variants compared allocate differently often.
 */
#ifndef LOCKED_H
#define LOCKED_H

#include "alloc.h"

#include <pthread.h>

typedef struct locked_allocator {
    allocator base;           /* first: a locked_allocator* is an allocator* */
    allocator *inner;
    pthread_mutex_t mu;
} locked_allocator;

/* Wraps 'inner', which the caller keeps owning. */
void locked_init(locked_allocator *l, allocator *inner);

/* Releases the lock.  No thread may be using the allocator. */
void locked_destroy(locked_allocator *l);

#endif /* LOCKED_H */
