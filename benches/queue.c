/*
 * queue.c - backpressure and bounded concurrency: what a bounded queue and
 * a bounded worker pool save over their unbounded counterparts.
 *
 * Claims S3, S4, S6 (docs/claims.md, docs/experiments/queue.md), over the messages of
 * src/queue/pipeline.h (a 248-byte record each, allocated by the producer and
 * freed by the thread that processes it):
 *   S3  queue/bounded/<items>    a producer as fast as it can go and one
 *       queue/unbounded/<items>  slow consumer (QUEUE_ROUNDS hash passes
 *                                per message), through a ring of
 *                                RING_CAPACITY slots whose push waits when
 *                                full, or through a linked list that takes
 *                                everything
 *   S4  queue/pool/<items>           POOL_ROUNDS hash passes per message by
 *       queue/thread_per_item/<items> a pool of one worker per online CPU
 *                                fed through a small ring (2 slots per
 *                                worker), or by a new detached thread per
 *                                message
 *   S6  queue/workers/<k>        the same pool's work on WORKERS_ITEMS
 *                                messages (--quick: WORKERS_QUICK) by
 *                                k = 1, 2, 4, 8 workers: the speedup over
 *                                one worker, and where more workers stop
 *                                helping (each message a 240-byte line of
 *                                text, hashed POOL_ROUNDS times)
 *
 * Files:  benches/queue.c, src/queue/ (tests/test_ring.c, test_lqueue.c,
 *         test_pipeline.c, test_queue_way.c), plots/queue.gp,
 *         src/report/rules/queue.c,
 *         docs/experiments/queue.md, docs/lessons/queue.md, make demo-queue.
 * Run:    make bench BENCH=queue            (or build/bin/queue --help)
 * Sizes:  1000, 10000, ... messages (x10) while the messages fit in
 *         --max-ws bytes (default 256 MiB: up to 1000000 messages;
 *         --quick: 16 MiB, up to 10000); pool and thread_per_item stop
 *         at S4_MAX messages: their work per message is heavier, and a
 *         thread costs tens of microseconds to start.
 * Timed:  one whole run per iteration: start the threads, produce and
 *         process every message, join.  items_per_second is messages per
 *         second (flatten.jq's ns_* columns: ns per message).
 * Memory: every call of a case but workers/<k> (so every repetition) also runs it once
 *         alone in a fresh process (--child, peak_rss.h) for its own peak
 *         resident set: how many threads live at once depends on
 *         scheduling, so the figure varies, and the report weighs its
 *         spread over repetitions as it does a time's.
 * Output: Google Benchmark JSON; per case the counters
 *           items               messages per run
 *           peak_queued_items   most messages waiting in the queue at once
 *           peak_queued_bytes   most heap bytes held at once: messages in
 *                               flight, queue nodes or slots, thread
 *                               bookkeeping (counting allocator, exact)
 *           producer_waits      pushes that waited for room (backpressure)
 *           queue_capacity      bounded only: the ring's slots (RING_CAPACITY)
 *           peak_threads        most worker threads alive at once (not
 *                               "threads": Google Benchmark's own field)
 *           create_retries      thread creations refused and retried
 *           workers             workers/<k>: k
 *           cpus_online         workers/<k>: the CPUs online
 *           process_cpu_ns_per_item
 *                               workers/<k>: CPU time of the whole process
 *                               (producer and workers, user and kernel)
 *                               per message
 *           peak_rss_bytes, baseline_rss_bytes, rss_over_baseline
 *                               the child's VmHWM, that of a child doing
 *                               nothing, and their difference
 * Check:  every message must arrive exactly once and intact (count, sum
 *         and hashed sum of sequence numbers, text checked); otherwise the
 *         case fails and the program exits 1.
 */
#include "alloc/counting.h"
#include "alloc/locked.h"
#include "harness/case_rss.h"
#include "harness/cli.h"
#include "harness/fail_case.h"
#include "harness/register.h"
#include "harness/timing.h"
#include "queue/pipeline.h"
#include "queue/way.h"
#include "shim/bench.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const bench_program queue_program = {
    .name = "queue",
    .purpose = "A fast producer and a slow consumer thread through a bounded ring (push waits when full) or an unbounded linked queue: peak queued bytes, peak resident memory and messages per second against the number of messages.\n\n"
               "Then the same kind of messages processed by a pool of one worker per CPU or by one new thread each.  --max-ws bounds the bytes of all messages of the largest run.  Then the pool's work by 1, 2, 4 and 8 workers: the speedup over one, and where adding workers stops helping.  Claims S3, S4, S6.",
    .max_ws = {.full = (size_t)256 << 20, .quick = (size_t)16 << 20},
    .child_main = queue_child_run,
    /* S6 compares the pool at one size. */
    .replicate = "^queue/workers/",
    .threads = true,
};

/* The largest S4 run: a thread costs tens of microseconds to start, and
 * the rates do not change past a few thousand messages. */
#define S4_MAX 10000

#define MAX_SIZES 16

/* S6: messages per run, and the pool sizes tried: past 2x the CPUs of
 * any machine this suite targets the answer is known. */
#define WORKERS_ITEMS 10000
#define WORKERS_QUICK 2000
static const int64_t worker_counts[] = {1, 2, 4, 8};
/* S6 has one size, so its interval rests on its repetitions alone, and on
 * 2 CPUs the pool's time is bimodal (two workers ran as fast as one in 2
 * of 5 repetitions, 1.6x slower in the others): with 5 the median follows
 * which mode 3 of them hit.  Three times the run's repetitions, ~5 s. */
#define WORKERS_REPETITION_FACTOR 3

/* Times one whole run of n messages per iteration, the way w ('workers'
 * for the pool, 0: one per CPU), over a locked counting allocator; every
 * run is checked and a failure named by 'what' ends the case.  Returns
 * the last run, with the allocator's peak in *peak_bytes and, unless
 * process_cpu_s is NULL, the CPU seconds of the whole process (every
 * thread, exited ones too) over the runs in *process_cpu_s. */
static pipeline_result timed_runs(bench_state *s, const char *what, way w, unsigned workers,
                                  uint64_t n, size_t *peak_bytes, double *process_cpu_s)
{
    pipeline_result want = pipeline_expected(n);
    counting_allocator c;
    counting_init(&c, alloc_libc());
    locked_allocator l;
    locked_init(&l, &c.base);
    pipeline_result r = {0};
    double cpu_start = timing_cpu_now();
    while (bench_keep_running(s, 1)) {
        int err = queue_run_way(w, n, workers, &l.base, &r);
        /* The hashes' sum is the work's only result: kept, so the
         * consumers' loops cannot be dropped. */
        bench_do_not_optimize(&r.work);
        if (err) {
            bench_fail_casef(s, "%s: %s", what, strerror(err));
            continue; /* keep_running now returns false */
        }
        if (!pipeline_matches(&r, &want))
            bench_fail_casef(s, "%s: %" PRIu64 " of %" PRIu64 " messages, "
                             "%" PRIu64 " corrupt, checksum mismatch", what, r.items, n,
                             r.corrupt);
    }
    if (process_cpu_s)
        *process_cpu_s = timing_cpu_now() - cpu_start;
    locked_destroy(&l);
    *peak_bytes = c.stats.peak_live_bytes;
    return r;
}

/* S6: the pool's work by k workers; wall-clock time per message. */
/* user: the messages of a run (a uint64_t). */
static void workers_case(bench_state *s, const void *user)
{
    unsigned k = (unsigned)bench_arg(s, 0);
    uint64_t n = *(const uint64_t *)user;
    char what[32];
    snprintf(what, sizeof what, "%u workers", k);
    size_t peak_bytes;
    double process_cpu_s;
    pipeline_result r = timed_runs(s, what, POOL, k, n, &peak_bytes, &process_cpu_s);
    if (bench_error_occurred(s))
        return;
    bench_set_items_processed(s, bench_iterations(s) * (int64_t)n);
    /* Google Benchmark's cpu_time is the calling thread's (the producer):
     * this is the pool's too, so the report can tell CPU work from the
     * wall time the threads spent waiting for each other. */
    bench_set_counter(s, "process_cpu_ns_per_item",
                      process_cpu_s * 1e9 / ((double)bench_iterations(s) * (double)n),
                      BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "items", (double)n, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "workers", k, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "cpus_online", queue_pool_workers(), BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "peak_threads", (double)r.peak_threads, BENCH_COUNTER_PLAIN);
}

static void queue_case(bench_state *s, const void *user)
{
    const queue_variant *v = user;
    uint64_t n = (uint64_t)bench_arg(s, 0);
    char spec[64];
    snprintf(spec, sizeof spec, "%s:%" PRIu64, v->name, n);
    case_rss rss = case_rss_measure_each(spec);
    if (rss.status != 0) {
        bench_fail_casef(s, "the child measuring peak RSS failed (status %d)",
                         rss.status);
        return;
    }
    size_t peak_bytes;
    pipeline_result r = timed_runs(s, v->name, v->way, 0, n, &peak_bytes, NULL);
    if (bench_error_occurred(s))
        return;
    bench_set_items_processed(s, bench_iterations(s) * (int64_t)n);
    bench_set_counter(s, "items", (double)n, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "peak_queued_items", (double)r.peak_queued, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "peak_queued_bytes", (double)peak_bytes, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "producer_waits", (double)r.producer_waits, BENCH_COUNTER_PLAIN);
    /* The bound S3's rule holds the bounded queue's peak to, in the case
     * itself: a queue that overran it must read "does not hold". */
    if (v->way == BOUNDED)
        bench_set_counter(s, "queue_capacity", RING_CAPACITY, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "peak_threads", (double)r.peak_threads, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "create_retries", (double)r.create_retries, BENCH_COUNTER_PLAIN);
    case_rss_report(s, &rss);
}

int main(int argc, char **argv)
{
    bench_options o = bench_cli_start(&queue_program, argc, argv);
    uint64_t sizes[MAX_SIZES];
    size_t nsizes = 0;
    uint64_t largest = o.max_ws / sizeof(pipeline_msg);
    for (uint64_t n = 1000; n <= largest && nsizes < MAX_SIZES; n *= 10)
        sizes[nsizes++] = n;
    if (nsizes == 0)
        sizes[nsizes++] = largest > 0 ? largest : 1;
    /* The unbounded queue may hold every message at once, plus a node and
     * malloc's overhead each. */
    bench_cli_require_memory((size_t)sizes[nsizes - 1] * (sizeof(pipeline_msg) + 64),
                             "the unbounded queue at the largest size");
    char buf[32];
    snprintf(buf, sizeof buf, "%d", RING_CAPACITY);
    bench_add_context("queue_ring_capacity", buf);
    snprintf(buf, sizeof buf, "%u", queue_pool_workers());
    bench_add_context("queue_pool_workers", buf);
    snprintf(buf, sizeof buf, "%d", QUEUE_ROUNDS);
    bench_add_context("queue_consumer_rounds", buf);
    snprintf(buf, sizeof buf, "%d", POOL_ROUNDS);
    bench_add_context("queue_pool_rounds", buf);

    int64_t args[MAX_SIZES];
    for (size_t v = 0; v < QUEUE_VARIANT_COUNT; v++) {
        size_t count = 0;
        for (size_t i = 0; i < nsizes; i++)
            if (queue_variants[v].way == BOUNDED || queue_variants[v].way == UNBOUNDED ||
                sizes[i] <= S4_MAX)
                args[count++] = (int64_t)sizes[i];
        if (bench_register_named((bench_def){.run = queue_case, .user = &queue_variants[v],
                                             .args = args, .nargs = count},
                                 "queue/%s", queue_variants[v].name) != 0)
            return 2;
    }
    static uint64_t workers_items;
    workers_items = o.quick ? WORKERS_QUICK : WORKERS_ITEMS;
    if (bench_register_named((bench_def){.run = workers_case, .user = &workers_items,
                                         .args = worker_counts,
                                         .nargs = sizeof worker_counts / sizeof worker_counts[0],
                                         .repetitions = WORKERS_REPETITION_FACTOR *
                                                        bench_cli_repetitions()},
                             "queue/workers") != 0)
        return 2;
    return bench_cli_finish();
}
