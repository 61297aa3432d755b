/*
 * pipeline.h - messages from a producer to worker threads, three ways:
 * through a bounded ring or an unbounded list to one slow consumer (claim
 * S3), and through a bounded pool of K workers or one new thread per
 * message (claim S4).  benches/queue.c times them; tests check that every
 * message arrives exactly once.
 *
 * A message is a record of PIPELINE_PAYLOAD bytes of text (a line of a
 * log, say), allocated by the producer and freed by whichever thread
 * processes it.  Processing is 'rounds' passes of a hash over the text:
 * CPU work whose cost grows with rounds, and whose result is kept.
 */
#ifndef PIPELINE_H
#define PIPELINE_H

#include "alloc/alloc.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PIPELINE_PAYLOAD 240

typedef struct pipeline_msg {
    uint64_t seq;                   /* 0, 1, 2, ... in production order */
    char payload[PIPELINE_PAYLOAD]; /* letters derived from seq */
} pipeline_msg;

typedef enum pipeline_queue { PIPELINE_BOUNDED, PIPELINE_UNBOUNDED } pipeline_queue;

/* What a run saw.  items, seq_sum, mix_sum and corrupt are the checksum
 * that pipeline_expected gives; the rest describe the run. */
typedef struct pipeline_result {
    uint64_t items;          /* messages processed */
    uint64_t seq_sum;        /* sum of their seq: a lost or repeated one shows */
    uint64_t mix_sum;        /* sum of a hash of each seq: so do swaps of sums */
    uint64_t corrupt;        /* messages whose text did not match their seq */
    uint64_t work;           /* the hashes' sum: the work's result, kept */
    size_t peak_queued;      /* most messages waiting in the queue at once */
    uint64_t producer_waits; /* pushes that waited for room (bounded only) */
    size_t peak_threads;     /* most worker threads alive at once */
    uint64_t create_retries; /* thread per item: creations retried after EAGAIN */
} pipeline_result;

/* The checksum fields every correct run over n messages has. */
pipeline_result pipeline_expected(uint64_t n);

/* True when got's checksum fields equal want's. */
bool pipeline_matches(const pipeline_result *got, const pipeline_result *want);

/* The work for one message (what each consumer computes). */
uint64_t pipeline_digest(const pipeline_msg *m, unsigned rounds);

/*
 * S3: the calling thread produces n messages as fast as it can into a
 * ring of 'capacity' slots (PIPELINE_BOUNDED; capacity is ignored for
 * PIPELINE_UNBOUNDED), and one consumer thread processes them.  All
 * allocation goes through 'a', which must be safe to use from two threads
 * (alloc/locked.h).  Returns 0, or an errno value: ENOMEM when an
 * allocation failed, or what pthread_create returned.  On every path all
 * threads are joined and every message freed.
 */
int pipeline_run_queue(pipeline_queue kind, uint64_t n, size_t capacity, unsigned rounds,
                       allocator *a, pipeline_result *out);

/*
 * S4, bounded: k worker threads (k >= 1) take messages from a ring of 2k
 * slots that the calling thread fills.  Errors as above (EINVAL for k 0).
 */
int pipeline_run_pool(uint64_t n, unsigned k, unsigned rounds, allocator *a,
                      pipeline_result *out);

/*
 * S4, unbounded: the calling thread starts one detached thread per
 * message (default attributes, so a default-size stack each) and waits
 * until all have finished.  When the system refuses a new thread (EAGAIN)
 * it waits for one to finish and tries again.  Errors as above.
 */
int pipeline_run_thread_per_item(uint64_t n, unsigned rounds, allocator *a,
                                 pipeline_result *out);

#endif /* PIPELINE_H */
