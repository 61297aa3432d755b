/* way.c - run messages through one of the four ways of S3/S4, or alone. */
#include "queue/way.h"

#include "alloc/counting.h"
#include "alloc/locked.h"
#include "harness/named.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

const queue_variant queue_variants[QUEUE_VARIANT_COUNT] = {
    {"bounded", BOUNDED},
    {"unbounded", UNBOUNDED},
    {"pool", POOL},
    {"thread_per_item", PER_ITEM},
};

const queue_variant *queue_variant_named(const char *name)
{
    NAMED_FIRST(queue_variant);
    return named_find(queue_variants, QUEUE_VARIANT_COUNT, sizeof queue_variants[0], name);
}

unsigned queue_pool_workers(void)
{
    long cpus = sysconf(_SC_NPROCESSORS_ONLN);
    return cpus > 0 ? (unsigned)cpus : 1;
}

int queue_run_way(way w, uint64_t n, unsigned workers, allocator *a, pipeline_result *out)
{
    switch (w) {
    case BOUNDED:
        return pipeline_run_queue(PIPELINE_BOUNDED, n, RING_CAPACITY, QUEUE_ROUNDS, a, out);
    case UNBOUNDED:
        return pipeline_run_queue(PIPELINE_UNBOUNDED, n, 0, QUEUE_ROUNDS, a, out);
    case POOL:
        return pipeline_run_pool(n, workers ? workers : queue_pool_workers(), POOL_ROUNDS, a,
                                 out);
    case PER_ITEM:
        return pipeline_run_thread_per_item(n, POOL_ROUNDS, a, out);
    }
    return -1;
}

int queue_child_run(const char *spec)
{
    char name[32];
    unsigned long long n;
    if (sscanf(spec, "%31[^:]:%llu", name, &n) != 2 || !queue_variant_named(name)) {
        fprintf(stderr, "queue: bad child spec '%s'\n", spec);
        return 2;
    }
    counting_allocator c;
    counting_init(&c, alloc_libc());
    locked_allocator l;
    locked_init(&l, &c.base);
    pipeline_result r;
    int err = queue_run_way(queue_variant_named(name)->way, n, 0, &l.base, &r);
    locked_destroy(&l);
    pipeline_result want = pipeline_expected(n);
    if (err || !pipeline_matches(&r, &want)) {
        fprintf(stderr, "queue: %s over %llu messages: %s\n", name, n,
                err ? strerror(err) : "checksum mismatch");
        return 1;
    }
    return 0;
}
