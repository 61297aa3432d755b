/* pipeline.c - producer/consumer over a ring or a list; a worker pool; a thread per item. */
#include "pipeline.h"

#include "lqueue.h"
#include "ring.h"

#include <errno.h>
#include <pthread.h>
#include <string.h>

/* SplitMix64's finalizer: a different-looking number per seq, so that two
 * errors cannot cancel out in a plain sum. */
static uint64_t mix(uint64_t x)
{
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

static char letter(uint64_t seq, size_t j)
{
    return (char)('a' + (seq + j) % 26);
}

pipeline_result pipeline_expected(uint64_t n)
{
    /* Computed apart from the runs (n(n-1)/2, halving the even factor
     * first), so a run cannot agree with itself by construction. */
    pipeline_result r = {.items = n};
    r.seq_sum = n % 2 == 0 ? n / 2 * (n > 0 ? n - 1 : 0) : (n - 1) / 2 * n;
    for (uint64_t i = 0; i < n; i++)
        r.mix_sum += mix(i);
    return r;
}

bool pipeline_matches(const pipeline_result *got, const pipeline_result *want)
{
    return got->items == want->items && got->seq_sum == want->seq_sum &&
           got->mix_sum == want->mix_sum && got->corrupt == want->corrupt;
}

uint64_t pipeline_digest(const pipeline_msg *m, unsigned rounds)
{
    /* FNV-1a, each round seeded by the last: the rounds cannot be merged
     * or skipped by the compiler. */
    uint64_t h = 0xcbf29ce484222325u;
    for (unsigned r = 0; r < rounds; r++)
        for (size_t j = 0; j < PIPELINE_PAYLOAD; j++)
            h = (h ^ (unsigned char)m->payload[j]) * 0x100000001b3u;
    return h;
}

static pipeline_msg *make_msg(allocator *a, uint64_t seq)
{
    pipeline_msg *m = ALLOC_NEW(a, pipeline_msg);
    if (!m)
        return NULL;
    m->seq = seq;
    for (size_t j = 0; j < PIPELINE_PAYLOAD; j++)
        m->payload[j] = letter(seq, j);
    return m;
}

/* Processes and frees one message, adding it to *t. */
static void consume(pipeline_msg *m, unsigned rounds, allocator *a, pipeline_result *t)
{
    t->items++;
    t->seq_sum += m->seq;
    t->mix_sum += mix(m->seq);
    if (m->payload[0] != letter(m->seq, 0) ||
        m->payload[PIPELINE_PAYLOAD - 1] != letter(m->seq, PIPELINE_PAYLOAD - 1))
        t->corrupt++;
    t->work += pipeline_digest(m, rounds);
    alloc_free(a, m, sizeof *m);
}

static void add_checksums(pipeline_result *to, const pipeline_result *from)
{
    to->items += from->items;
    to->seq_sum += from->seq_sum;
    to->mix_sum += from->mix_sum;
    to->corrupt += from->corrupt;
    to->work += from->work;
}

/* --- S3: one producer, one consumer, a bounded or an unbounded queue --- */

typedef struct queue_run {
    pipeline_queue kind;
    ring ring;
    lqueue list;
    unsigned rounds;
    allocator *a;
    pipeline_result totals; /* the consumer's, read after the join */
} queue_run;

static void *queue_consumer(void *arg)
{
    queue_run *q = arg;
    void *item;
    while (q->kind == PIPELINE_BOUNDED ? ring_pop(&q->ring, &item)
                                       : lqueue_pop(&q->list, &item))
        consume(item, q->rounds, q->a, &q->totals);
    return NULL;
}

int pipeline_run_queue(pipeline_queue kind, uint64_t n, size_t capacity, unsigned rounds,
                       allocator *a, pipeline_result *out)
{
    *out = (pipeline_result){0};
    queue_run q = {.kind = kind, .rounds = rounds, .a = a};
    int err = kind == PIPELINE_BOUNDED ? ring_init(&q.ring, capacity, a)
                                       : lqueue_init(&q.list, a);
    if (err)
        return err;
    queue_core *core = kind == PIPELINE_BOUNDED ? &q.ring.core : &q.list.core;
    pthread_t consumer;
    err = pthread_create(&consumer, NULL, queue_consumer, &q);
    bool started = err == 0;
    if (started) {
        for (uint64_t i = 0; i < n && err == 0; i++) {
            pipeline_msg *m = make_msg(a, i);
            if (!m) {
                err = ENOMEM;
                break;
            }
            err = kind == PIPELINE_BOUNDED ? ring_push(&q.ring, m) : lqueue_push(&q.list, m);
            if (err)
                alloc_free(a, m, sizeof *m); /* not taken: still ours */
        }
        /* The consumer drains what is queued, then sees the close. */
        queue_core_close(core);
        pthread_join(consumer, NULL);
    }
    *out = q.totals;
    out->peak_threads = started ? 1 : 0;
    queue_stats s = queue_core_stats(core);
    out->peak_queued = s.peak_count;
    out->producer_waits = s.full_waits; /* 0 for the list: its push never waits */
    if (kind == PIPELINE_BOUNDED)
        ring_destroy(&q.ring);
    else
        lqueue_destroy(&q.list);
    return err;
}

/* --- S4: a pool of k workers over a small ring --------------------------- */

typedef struct pool_worker {
    ring *jobs;
    unsigned rounds;
    allocator *a;
    pipeline_result totals;
} pool_worker;

static void *pool_work(void *arg)
{
    pool_worker *w = arg;
    void *item;
    while (ring_pop(w->jobs, &item))
        consume(item, w->rounds, w->a, &w->totals);
    return NULL;
}

int pipeline_run_pool(uint64_t n, unsigned k, unsigned rounds, allocator *a,
                      pipeline_result *out)
{
    *out = (pipeline_result){0};
    if (k == 0)
        return EINVAL;
    ring jobs;
    int err = ring_init(&jobs, 2 * (size_t)k, a);
    if (err)
        return err;
    pool_worker *workers = ALLOC_ARRAY(a, pool_worker, k);
    pthread_t *threads = ALLOC_ARRAY(a, pthread_t, k);
    unsigned started = 0;
    if (!workers || !threads)
        err = ENOMEM;
    for (; err == 0 && started < k; started++) {
        workers[started] = (pool_worker){.jobs = &jobs, .rounds = rounds, .a = a};
        err = pthread_create(&threads[started], NULL, pool_work, &workers[started]);
        if (err)
            break;
    }
    for (uint64_t i = 0; i < n && err == 0; i++) {
        pipeline_msg *m = make_msg(a, i);
        if (!m)
            err = ENOMEM;
        else if ((err = ring_push(&jobs, m)) != 0)
            alloc_free(a, m, sizeof *m);
    }
    queue_core_close(&jobs.core);
    for (unsigned t = 0; t < started; t++) {
        pthread_join(threads[t], NULL);
        add_checksums(out, &workers[t].totals);
    }
    out->peak_threads = started;
    queue_stats s = queue_core_stats(&jobs.core);
    out->peak_queued = s.peak_count;
    out->producer_waits = s.full_waits;
    if (threads)
        alloc_free(a, threads, k * sizeof *threads);
    if (workers)
        alloc_free(a, workers, k * sizeof *workers);
    ring_destroy(&jobs);
    return err;
}

/* --- S4: one detached thread per message ---------------------------------- */

typedef struct spawn_group {
    pthread_mutex_t mu;
    pthread_cond_t changed;   /* a thread finished */
    size_t alive, peak_alive;
    unsigned rounds;
    allocator *a;
    pipeline_result totals;
} spawn_group;

typedef struct spawn_job {
    spawn_group *group;
    pipeline_msg *msg;
} spawn_job;

static void *spawned(void *arg)
{
    spawn_job *job = arg;
    spawn_group *g = job->group;
    pipeline_result mine = {0};
    consume(job->msg, g->rounds, g->a, &mine);
    alloc_free(g->a, job, sizeof *job);
    pthread_mutex_lock(&g->mu);
    add_checksums(&g->totals, &mine);
    g->alive--;
    pthread_cond_signal(&g->changed);
    pthread_mutex_unlock(&g->mu);
    return NULL;
}

/* Starts a detached thread for job; counts it alive first, so the peak
 * includes threads the system is still setting up. */
static int spawn(spawn_group *g, spawn_job *job, pthread_attr_t *detached)
{
    pthread_mutex_lock(&g->mu);
    g->alive++;
    if (g->alive > g->peak_alive)
        g->peak_alive = g->alive;
    pthread_mutex_unlock(&g->mu);
    pthread_t t;
    int err = pthread_create(&t, detached, spawned, job);
    if (err) {
        pthread_mutex_lock(&g->mu);
        g->alive--;
        pthread_mutex_unlock(&g->mu);
    }
    return err;
}

int pipeline_run_thread_per_item(uint64_t n, unsigned rounds, allocator *a,
                                 pipeline_result *out)
{
    *out = (pipeline_result){0};
    spawn_group g = {.rounds = rounds, .a = a};
    pthread_mutex_init(&g.mu, NULL);
    pthread_cond_init(&g.changed, NULL);
    pthread_attr_t detached;
    pthread_attr_init(&detached);
    pthread_attr_setdetachstate(&detached, PTHREAD_CREATE_DETACHED);
    int err = 0;
    for (uint64_t i = 0; i < n && err == 0; i++) {
        pipeline_msg *m = make_msg(a, i);
        spawn_job *job = m ? ALLOC_NEW(a, spawn_job) : NULL;
        if (!job) {
            if (m)
                alloc_free(a, m, sizeof *m);
            err = ENOMEM;
            break;
        }
        *job = (spawn_job){&g, m};
        while ((err = spawn(&g, job, &detached)) == EAGAIN) {
            /* Too many threads for the system: wait for one to end. */
            out->create_retries++;
            pthread_mutex_lock(&g.mu);
            size_t before = g.alive;
            while (g.alive > 0 && g.alive >= before)
                pthread_cond_wait(&g.changed, &g.mu);
            bool none_left = g.alive == 0 && before == 0;
            pthread_mutex_unlock(&g.mu);
            if (none_left)
                break; /* refused with no thread running: give up */
        }
        if (err) {
            alloc_free(a, job, sizeof *job);
            alloc_free(a, m, sizeof *m);
        }
    }
    pthread_mutex_lock(&g.mu);
    while (g.alive > 0)
        pthread_cond_wait(&g.changed, &g.mu);
    pthread_mutex_unlock(&g.mu);
    pthread_attr_destroy(&detached);
    /* A detached thread may still be returning from spawned() after its
     * last unlock; the mutex and condvar outlive it, as glibc allows
     * destroying them once no thread waits or holds them. */
    pthread_cond_destroy(&g.changed);
    pthread_mutex_destroy(&g.mu);
    pipeline_result checks = g.totals;
    add_checksums(out, &checks);
    out->peak_threads = g.peak_alive;
    return err;
}
