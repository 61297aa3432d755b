/* cases.c - multi-threaded checks of ring, lqueue, locked allocator and pipelines. */
#include "cases.h"

#include "alloc/counting.h"
#include "alloc/locked.h"
#include "queue/lqueue.h"
#include "queue/pipeline.h"
#include "queue/ring.h"

#include <errno.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char message[256];

__attribute__((format(printf, 1, 2)))
static const char *failed(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    return message;
}

/* Items are small integers disguised as pointers (never dereferenced). */
static void *item(uintptr_t i)
{
    return (void *)(i + 1);
}

static uintptr_t index_of(void *p)
{
    return (uintptr_t)p - 1;
}

/* --- the ring: producers push disjoint ranges, consumers tally ---------- */

#define ITEMS 20000
#define MAX_THREADS 4

typedef struct tally {
    ring r;
    lqueue q;
    bool use_ring;
    unsigned char seen[ITEMS];
    pthread_mutex_t mu;
    uint64_t sum;
} tally;

typedef struct range {
    tally *t;
    uintptr_t from, to;
} range;

static void *produce(void *arg)
{
    range *p = arg;
    for (uintptr_t i = p->from; i < p->to; i++) {
        int err = p->t->use_ring ? ring_push(&p->t->r, item(i)) : lqueue_push(&p->t->q, item(i));
        if (err)
            return (void *)1;
    }
    return NULL;
}

/* Returns (void *)1 when this consumer saw its items in increasing order. */
static void *consume(void *arg)
{
    tally *t = arg;
    void *p;
    uintptr_t last = 0;
    uintptr_t ordered = 1;
    while (t->use_ring ? ring_pop(&t->r, &p) : lqueue_pop(&t->q, &p)) {
        uintptr_t i = index_of(p);
        pthread_mutex_lock(&t->mu);
        if (i < ITEMS)
            t->seen[i]++;
        t->sum += i;
        pthread_mutex_unlock(&t->mu);
        if (i < last)
            ordered = 0;
        last = i;
    }
    return (void *)ordered;
}

/* Every item exactly once (and in order when 'want_order'). */
static const char *run_tally(tally *t, size_t producers, size_t consumers, bool want_order)
{
    pthread_t pt[MAX_THREADS], ct[MAX_THREADS];
    range pa[MAX_THREADS];
    size_t made_c = 0, made_p = 0;
    const char *problem = NULL;
    for (; made_c < consumers; made_c++)
        if (pthread_create(&ct[made_c], NULL, consume, t) != 0)
            break;
    for (; made_c == consumers && made_p < producers; made_p++) {
        pa[made_p] = (range){t, ITEMS * made_p / producers, ITEMS * (made_p + 1) / producers};
        if (pthread_create(&pt[made_p], NULL, produce, &pa[made_p]) != 0)
            break;
    }
    for (size_t k = 0; k < made_p; k++) {
        void *err;
        pthread_join(pt[k], &err);
        if (err)
            problem = failed("a push failed");
    }
    if (t->use_ring)
        queue_core_close(&t->r.core);
    else
        queue_core_close(&t->q.core);
    bool ordered = true;
    for (size_t k = 0; k < made_c; k++) {
        void *in_order;
        pthread_join(ct[k], &in_order);
        ordered = ordered && in_order;
    }
    if (made_c < consumers || made_p < producers)
        return failed("could not start the threads");
    if (problem)
        return problem;
    for (size_t i = 0; i < ITEMS; i++)
        if (t->seen[i] != 1)
            return failed("item %zu arrived %d times", i, t->seen[i]);
    if (t->sum != (uint64_t)ITEMS * (ITEMS - 1) / 2)
        return failed("checksum %llu", (unsigned long long)t->sum);
    if (want_order && !ordered)
        return failed("one producer and one consumer, yet out of order");
    return NULL;
}

static const char *ring_threads(size_t producers, size_t consumers, size_t capacity)
{
    counting_allocator c;
    counting_init(&c, alloc_libc());
    tally *t = calloc(1, sizeof *t);
    if (!t)
        return failed("out of memory");
    t->use_ring = true;
    pthread_mutex_init(&t->mu, NULL);
    const char *problem = NULL;
    if (ring_init(&t->r, capacity, &c.base) != 0) {
        problem = failed("ring_init");
    } else {
        problem = run_tally(t, producers, consumers, producers == 1 && consumers == 1);
        queue_stats s = queue_core_stats(&t->r.core);
        if (!problem && (s.pushes != ITEMS || s.pops != ITEMS || s.peak_count > capacity))
            problem = failed("stats: %llu pushes, %llu pops, peak %zu",
                             (unsigned long long)s.pushes, (unsigned long long)s.pops,
                             s.peak_count);
        ring_destroy(&t->r);
    }
    pthread_mutex_destroy(&t->mu);
    free(t);
    if (!problem && c.stats.live_bytes != 0)
        problem = failed("%zu bytes leak", c.stats.live_bytes);
    return problem;
}

static const char *ring_one_to_one(void)
{
    return ring_threads(1, 1, 4);
}

static const char *ring_many_to_many(void)
{
    return ring_threads(3, 3, 2);
}

static void *pop_one(void *arg)
{
    void *p = NULL;
    return ring_pop(arg, &p) ? p : (void *)-1;
}

static void *push_one(void *arg)
{
    return (void *)(intptr_t)ring_push(arg, item(7));
}

static const char *ring_close_wakes(void)
{
    counting_allocator c;
    counting_init(&c, alloc_libc());
    ring r;
    void *got;
    if (ring_init(&r, 1, &c.base) != 0)
        return failed("ring_init");
    pthread_t consumer;
    if (pthread_create(&consumer, NULL, pop_one, &r) != 0)
        return failed("pthread_create");
    queue_core_close(&r.core); /* before or while it waits: either way it must return */
    pthread_join(consumer, &got);
    ring_destroy(&r);
    if (got != (void *)-1)
        return failed("a pop on a closed empty ring returned an item");

    if (ring_init(&r, 1, &c.base) != 0 || ring_push(&r, item(0)) != 0)
        return failed("ring_init or push");
    pthread_t producer;
    if (pthread_create(&producer, NULL, push_one, &r) != 0)
        return failed("pthread_create");
    queue_core_close(&r.core);
    pthread_join(producer, &got);
    void *p = NULL;
    bool first = ring_try_pop(&r, &p);
    ring_destroy(&r);
    if ((intptr_t)got != EPIPE)
        return failed("a push blocked on a full ring returned %d on close", (int)(intptr_t)got);
    if (!first || index_of(p) != 0)
        return failed("the item pushed before the close is lost");
    return c.stats.live_bytes ? failed("%zu bytes leak", c.stats.live_bytes) : NULL;
}

/* --- the linked queue ----------------------------------------------------- */

static const char *lqueue_producer_consumer(void)
{
    counting_allocator c;
    counting_init(&c, alloc_libc());
    /* Nodes are allocated by the producer and freed by the consumer. */
    locked_allocator shared;
    locked_init(&shared, &c.base);
    tally *t = calloc(1, sizeof *t);
    if (!t)
        return failed("out of memory");
    pthread_mutex_init(&t->mu, NULL);
    const char *problem = lqueue_init(&t->q, &shared.base) ? failed("lqueue_init")
                                                          : run_tally(t, 1, 1, true);
    lqueue_destroy(&t->q);
    pthread_mutex_destroy(&t->mu);
    free(t);
    locked_destroy(&shared);
    if (!problem && (c.stats.alloc_calls != ITEMS || c.stats.live_bytes != 0))
        problem = failed("%llu nodes allocated, %zu bytes left",
                         (unsigned long long)c.stats.alloc_calls, c.stats.live_bytes);
    return problem;
}

static void *lq_pop_one(void *arg)
{
    void *p = NULL;
    return lqueue_pop(arg, &p) ? p : (void *)-1;
}

static const char *lqueue_close_wakes(void)
{
    counting_allocator c;
    counting_init(&c, alloc_libc());
    lqueue q;
    if (lqueue_init(&q, &c.base) != 0)
        return failed("lqueue_init");
    pthread_t t;
    if (pthread_create(&t, NULL, lq_pop_one, &q) != 0)
        return failed("pthread_create");
    queue_core_close(&q.core);
    void *got;
    pthread_join(t, &got);
    lqueue_destroy(&q);
    return got == (void *)-1 ? NULL : failed("a pop on a closed empty queue returned an item");
}

/* --- the locked allocator ------------------------------------------------- */

#define CHURN 20000

static void *churn(void *arg)
{
    allocator *a = arg;
    for (int i = 0; i < CHURN; i++) {
        size_t size = (size_t)(i % 100) + 1;
        void *p = alloc_bytes(a, size, 8);
        if (!p)
            return (void *)1;
        alloc_free(a, p, size);
    }
    return NULL;
}

static const char *locked_two_threads(void)
{
    counting_allocator c;
    counting_init(&c, alloc_libc());
    locked_allocator l;
    locked_init(&l, &c.base);
    pthread_t t[2];
    int made = 0;
    for (; made < 2; made++)
        if (pthread_create(&t[made], NULL, churn, &l.base) != 0)
            break;
    bool ok = made == 2;
    for (int k = 0; k < made; k++) {
        void *err;
        pthread_join(t[k], &err);
        ok = ok && !err;
    }
    locked_destroy(&l);
    if (!ok)
        return failed("a thread failed");
    if (c.stats.alloc_calls != 2 * CHURN || c.stats.free_calls != 2 * CHURN ||
        c.stats.live_blocks != 0)
        return failed("counts: %llu allocs, %llu frees, %zu live",
                      (unsigned long long)c.stats.alloc_calls,
                      (unsigned long long)c.stats.free_calls, c.stats.live_blocks);
    return NULL;
}

/* --- the pipelines -------------------------------------------------------- */

static const char *const way_names[] = {"bounded", "unbounded", "pool", "thread_per_item"};

static int run_way(int way, uint64_t n, allocator *a, pipeline_result *out)
{
    switch (way) {
    case 0:
        return pipeline_run_queue(PIPELINE_BOUNDED, n, 8, 1, a, out);
    case 1:
        return pipeline_run_queue(PIPELINE_UNBOUNDED, n, 0, 1, a, out);
    case 2:
        return pipeline_run_pool(n, 3, 1, a, out);
    default:
        return pipeline_run_thread_per_item(n, 1, a, out);
    }
}

static const char *pipeline_every_way(void)
{
    const uint64_t sizes[] = {0, 1, 2, 1000};
    for (int way = 0; way < 4; way++)
        for (size_t i = 0; i < 4; i++) {
            counting_allocator c;
            counting_init(&c, alloc_libc());
            locked_allocator l;
            locked_init(&l, &c.base);
            pipeline_result got;
            int err = run_way(way, sizes[i], &l.base, &got);
            locked_destroy(&l);
            pipeline_result want = pipeline_expected(sizes[i]);
            if (err)
                return failed("%s, n %llu: error %d", way_names[way],
                              (unsigned long long)sizes[i], err);
            if (!pipeline_matches(&got, &want))
                return failed("%s, n %llu: %llu items, checksum differs", way_names[way],
                              (unsigned long long)sizes[i], (unsigned long long)got.items);
            if (c.stats.live_bytes)
                return failed("%s leaks %zu bytes", way_names[way], c.stats.live_bytes);
            if (way == 0 && got.peak_queued > 8)
                return failed("bounded: %zu queued in a ring of 8", got.peak_queued);
            if (way == 2 && sizes[i] > 0 && (got.peak_queued > 6 || got.peak_threads != 3))
                return failed("pool: %zu queued, %zu threads", got.peak_queued,
                              got.peak_threads);
            /* Messages held at once: the ring's, one being made, one being
             * processed, plus the slots. */
            if (way == 0 && c.stats.peak_live_bytes >
                                10 * sizeof(pipeline_msg) + 8 * sizeof(void *))
                return failed("bounded: %zu bytes held at the peak", c.stats.peak_live_bytes);
        }
    return NULL;
}

static const char *pipeline_every_failure(void)
{
    for (int way = 0; way < 4; way++) {
        for (uint64_t k = 1;; k++) {
            if (k >= 100)
                return failed("%s never succeeds", way_names[way]);
            counting_allocator c;
            counting_init(&c, alloc_libc());
            counting_fail_at(&c, k);
            locked_allocator l;
            locked_init(&l, &c.base);
            pipeline_result r;
            int err = run_way(way, 20, &l.base, &r);
            locked_destroy(&l);
            if (c.stats.live_bytes)
                return failed("%s, failing request %llu: %zu bytes leak", way_names[way],
                              (unsigned long long)k, c.stats.live_bytes);
            if (c.stats.failed_calls == 0) {
                pipeline_result want = pipeline_expected(20);
                if (err || !pipeline_matches(&r, &want))
                    return failed("%s: wrong result without a failure", way_names[way]);
                break;
            }
            if (err != ENOMEM)
                return failed("%s, failing request %llu: error %d, expected ENOMEM",
                              way_names[way], (unsigned long long)k, err);
            if (r.items >= 20)
                return failed("%s, failing request %llu: all 20 processed anyway",
                              way_names[way], (unsigned long long)k);
        }
    }
    return NULL;
}

const threaded_case threaded_cases[] = {
    {"ring_one_to_one", ring_one_to_one},
    {"ring_many_to_many", ring_many_to_many},
    {"ring_close_wakes", ring_close_wakes},
    {"lqueue_producer_consumer", lqueue_producer_consumer},
    {"lqueue_close_wakes", lqueue_close_wakes},
    {"locked_two_threads", locked_two_threads},
    {"pipeline_every_way", pipeline_every_way},
    {"pipeline_every_failure", pipeline_every_failure},
};
const size_t threaded_case_count = sizeof threaded_cases / sizeof threaded_cases[0];

const threaded_case *threaded_case_find(const char *name)
{
    for (size_t i = 0; i < threaded_case_count; i++)
        if (strcmp(threaded_cases[i].name, name) == 0)
            return &threaded_cases[i];
    return NULL;
}
