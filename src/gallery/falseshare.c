/* falseshare.c - two threads, two counters, one round at a time. */
#include "falseshare.h"

#include <sched.h>
#include <stdlib.h>
#include <string.h>

void falseshare_count(volatile uint64_t *counter, uint64_t n)
{
    for (uint64_t i = 0; i < n; i++)
        *counter += 1;
}

/* Thread i's share of a round. */
static void play(falseshare_team *t, int i)
{
    if (t->local) {
        /* On this thread's own stack: a line no other core writes. */
        volatile uint64_t mine = 0;
        falseshare_count(&mine, t->increments);
        t->local_total[i] += mine;
    } else {
        falseshare_count(t->counter[i], t->increments);
    }
}

/* Waits until *value differs from 'seen' and returns the new value. */
static uint64_t wait_change(atomic_uint_fast64_t *value, uint64_t seen)
{
    uint64_t now;
    while ((now = atomic_load_explicit(value, memory_order_acquire)) == seen)
        sched_yield();   /* returns at once when no one else wants the CPU */
    return now;
}

static void *worker_main(void *arg)
{
    falseshare_team *t = arg;
    uint64_t seen = 0;
    for (;;) {
        seen = wait_change(&t->round, seen);
        if (atomic_load(&t->quit))
            return NULL;
        play(t, 1);
        atomic_store_explicit(&t->done, seen, memory_order_release);
    }
}

bool falseshare_start(falseshare_team *t, size_t gap, uint64_t increments)
{
    memset(t, 0, sizeof *t);
    if (increments == 0 || gap % 8 || gap > FALSESHARE_BLOCK - 8)
        return false;
    t->increments = increments;
    t->local = gap == 0;
    t->block = aligned_alloc(FALSESHARE_BLOCK, FALSESHARE_BLOCK);
    if (!t->block)
        return false;
    memset(t->block, 0, FALSESHARE_BLOCK);
    t->counter[0] = t->block;
    t->counter[1] = t->block + gap / sizeof *t->block;
    atomic_init(&t->round, 0);
    atomic_init(&t->done, 0);
    atomic_init(&t->quit, false);
    if (pthread_create(&t->worker, NULL, worker_main, t) != 0) {
        free(t->block);
        t->block = NULL;
        return false;
    }
    return true;
}

void falseshare_round(falseshare_team *t)
{
    uint64_t round = atomic_load(&t->round) + 1;
    atomic_store_explicit(&t->round, round, memory_order_release);
    play(t, 0);
    while (atomic_load_explicit(&t->done, memory_order_acquire) != round)
        sched_yield();
}

uint64_t falseshare_total(const falseshare_team *t, int i)
{
    return t->local ? t->local_total[i] : *t->counter[i];
}

void falseshare_stop(falseshare_team *t)
{
    atomic_store(&t->quit, true);
    atomic_fetch_add(&t->round, 1);
    pthread_join(t->worker, NULL);
    free(t->block);
    t->block = NULL;
}
