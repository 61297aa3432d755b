/*
 * falseshare.h - two threads each incrementing its own counter, placed
 * on one cache line, on lines apart, or on each thread's own stack.
 *
 * The counters are separate variables: no thread reads the other's, so
 * nothing is shared in the program's terms.  But a cache keeps a line in
 * one core's cache for writing at a time: two counters on one line make
 * it bounce between the cores on every increment (false sharing).  The
 * increments go through a volatile pointer, so each is a load and a store
 * of memory whatever the placement, and only the placement differs.
 *
 * The calling thread is one of the two; a second thread is started once.
 * A round starts when the caller bumps a round number the second thread
 * spins on, so both start within a few hundred nanoseconds (a sleeping
 * thread woken through the kernel takes tens of microseconds, as long as
 * a round of increments in one's own cache), and ends when both have
 * finished.  The waits yield the CPU between checks, for a busy machine.
 */
#ifndef GALLERY_FALSESHARE_H
#define GALLERY_FALSESHARE_H

#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Largest gap between the two counters: they live in one block of this
 * size, aligned to it. */
#define FALSESHARE_BLOCK 512

/* Adds 1 to *counter n times, each a load and a store. */
void falseshare_count(volatile uint64_t *counter, uint64_t n);

typedef struct falseshare_team {
    uint64_t increments;        /* per thread per round */
    bool local;                 /* counters on each thread's stack */
    uint64_t *block;            /* FALSESHARE_BLOCK bytes, aligned to it */
    volatile uint64_t *counter[2];
    uint64_t local_total[2];    /* what the local counters reached */
    pthread_t worker;
    atomic_uint_fast64_t round; /* bumped by the caller: go (or quit) */
    atomic_uint_fast64_t done;  /* the last round the worker finished */
    atomic_bool quit;
} falseshare_team;

/*
 * Sets up a team whose counters are 'gap' bytes apart (gap a multiple of
 * 8 from 8 to FALSESHARE_BLOCK - 8), or on each thread's own stack when
 * gap is 0, and starts the second thread.  False (nothing to stop) when
 * the gap is invalid, increments is 0, or memory or a thread cannot be
 * had.
 */
bool falseshare_start(falseshare_team *t, size_t gap, uint64_t increments);

/* One round: both threads add 'increments' to their own counter, at once. */
void falseshare_round(falseshare_team *t);

/* What thread i's counter holds now (0 or 1): rounds * increments. */
uint64_t falseshare_total(const falseshare_team *t, int i);

/* Stops the second thread and frees the team. */
void falseshare_stop(falseshare_team *t);

#endif /* GALLERY_FALSESHARE_H */
