/*
 * way.h - the four ways claims S3 and S4 hand messages from a producer to
 * work: a bounded ring, an unbounded linked queue, a pool of one worker
 * per CPU, one new thread per message (queue/pipeline.h runs them), with
 * the parameters that fix each.
 */
#ifndef QUEUE_WAY_H
#define QUEUE_WAY_H

#include "alloc/alloc.h"
#include "queue/pipeline.h"

#include <stddef.h>
#include <stdint.h>

/* Slots of the bounded ring: a buffered channel of a thousand messages,
 * a few hundred KiB, whatever the input. */
#define RING_CAPACITY 1024
/* Hash passes per message (each about 240 dependent multiply-xors): the
 * S3 consumer must be slower than the producer, which only allocates and
 * fills a message; the S4 work is heavier than handing a message over, as
 * parsing or transforming a record would be. */
#define QUEUE_ROUNDS 2
#define POOL_ROUNDS 16

typedef enum way { BOUNDED, UNBOUNDED, POOL, PER_ITEM } way;

typedef struct queue_variant {
    const char *name;         /* the <variant> of queue/<variant>/<messages> */
    way way;
} queue_variant;

enum { QUEUE_VARIANT_COUNT = 4 };
/* bounded, unbounded, pool, thread_per_item: registration order. */
extern const queue_variant queue_variants[QUEUE_VARIANT_COUNT];

/* The variant called 'name', or NULL. */
const queue_variant *queue_variant_named(const char *name);

/* Workers of the pool: the CPUs online (1 when unknown). */
unsigned queue_pool_workers(void);

/* Runs n messages the way w, allocating them from 'a' (which must be
 * thread-safe), results in *out.  'workers' is the pool's size (POOL
 * only; 0: queue_pool_workers()).  Returns 0 or an errno value (a thread
 * or an allocation refused); -1 for a way it does not know. */
int queue_run_way(way w, uint64_t n, unsigned workers, allocator *a, pipeline_result *out);

/* --child=<variant>:<messages>: one run over a locked counting allocator,
 * checked.  Returns 0, 1 when it failed or the result is wrong, 2 for a
 * bad spec; says why on stderr. */
int queue_child_run(const char *spec);

#endif /* QUEUE_WAY_H */
