/*
 * latency_model.h - the traverse model in nanoseconds, from the latencies
 * and bandwidth the stride experiment measured on this machine.
 *
 * traverse/model.h counts cache lines per element; this turns them into
 * time.  Where a layout's working set lives is the smallest measured
 * (effective) cache level that holds it, else memory.  Then per element:
 *
 *   stream_ns = seq lines * line bytes / memory bandwidth
 *               (memory only: inside a cache, streamed lines cost little
 *               next to the loop's own instructions, so it is left at 0)
 *   random_ns = random lines * that level's latency
 *
 * For a chained layout (a list: the next address is in this node) the
 * random lines cannot overlap, so stream_ns + random_ns is the
 * prediction.  Otherwise the core can have several misses in flight
 * (memory-level parallelism), so it is an upper bound.
 */
#ifndef EXPLAIN_LATENCY_MODEL_H
#define EXPLAIN_LATENCY_MODEL_H

#include "model.h"

#include <stdbool.h>
#include <stddef.h>

#define LATENCY_MAX_LEVELS 4

/* What the stride experiment measured (its stride/levels case). */
typedef struct machine_levels {
    size_t count;                          /* cache levels found */
    size_t bytes[LATENCY_MAX_LEVELS];      /* effective capacity, ascending */
    double ns[LATENCY_MAX_LEVELS];         /* latency of a load that hits it */
    double mem_ns;                         /* latency past the last level */
    double mem_bytes_per_ns;               /* read bandwidth from memory; 0 unknown */
    double line_bytes;                     /* 64 unless measured otherwise */
} machine_levels;

typedef struct latency_prediction {
    int level;          /* index into machine_levels, or -1 for memory */
    double latency_ns;  /* of that level */
    double stream_ns;   /* per element */
    double random_ns;   /* per element */
    double total_ns;    /* stream_ns + random_ns */
    bool upper_bound;   /* true unless chained or no random lines */
} latency_prediction;

/*
 * Predicts model m at a working set of ws_bytes on machine lv.  Returns
 * false when lv is unusable: latencies not > 0 or not ascending,
 * capacities not ascending, count above LATENCY_MAX_LEVELS, or the data
 * lives in memory and mem_ns is not > 0.
 */
bool latency_predict(const traverse_model *m, double ws_bytes,
                     const machine_levels *lv, latency_prediction *out);

#endif /* EXPLAIN_LATENCY_MODEL_H */
