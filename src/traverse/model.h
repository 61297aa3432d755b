/*
 * model.h - what each traverse layout should cost per element,
 * predicted from its records' sizes before anything is timed.
 *
 * The model counts, per element visited by the traverse bench's loop (sum
 * of score over active users): the bytes the layout holds, the blocks it
 * allocates, and the 64-byte cache lines the loop brings in, split into
 * lines at predictable addresses (a sequential stream the hardware
 * prefetcher can run ahead of) and lines at unpredictable ones.  It also
 * says whether the next element's address depends on this one's load (a
 * list), which no prefetcher and no out-of-order core can hide.
 *
 * Where blocks lie comes from a model of glibc malloc on 64-bit Linux: a
 * block of n bytes takes a chunk of max(32, round_up(n + 8, 16)) bytes,
 * and blocks allocated one after another on a fresh heap lie one after
 * another.  The traverse bench measures the real figure as
 * heap_bytes_per_elem (mallinfo2); the model is checked against it.
 *
 * The ratio of cache lines is the model's prediction of the ratio of
 * times when memory bandwidth is the limit (data far past the caches).
 * Inside L1 the loop's instructions, not lines, set the time, and for
 * unpredictable or dependent lines latency does: those are where the
 * measured ratio should leave the prediction, and the tools say so.
 */
#ifndef EXPLAIN_TRAVERSE_MODEL_H
#define EXPLAIN_TRAVERSE_MODEL_H

#include <stdbool.h>
#include <stddef.h>

typedef struct traverse_model {
    const char *layout;          /* layout_kind name: "aos", "list_scattered" */
    double bytes_per_elem;       /* bytes asked of the allocator per element */
    double heap_bytes_per_elem;  /* with malloc's chunk rounding (model) */
    double allocs_per_elem;      /* blocks per element, for large n */
    double seq_lines_per_elem;   /* lines read in address order */
    double rand_lines_per_elem;  /* lines at unpredictable addresses (expected) */
    int loads_to_value;          /* dependent loads from the index to the score */
    bool chained;                /* next element's address comes from this one */
} traverse_model;

/* Bytes malloc (glibc, 64-bit) sets aside for a request of n bytes. */
size_t malloc_chunk_model(size_t n);

/*
 * The expected number of cache lines that bytes [offset, offset + len) of
 * a block touch when the block starts at a random multiple of 'align'
 * (len > 0; align a power of two, at most 64): e.g. 1.25 for 16 bytes at
 * offset 8 of a 16-aligned block, which crosses a line one time in four.
 */
double lines_touched_expected(size_t offset, size_t len, size_t align);

/* The model of layout 'name', or false when there is none. */
bool traverse_model_of(const char *name, traverse_model *out);

/* Every layout the model knows, in the traverse bench's order. */
extern const char *const traverse_model_layouts[];
extern const size_t traverse_model_layout_count;

/* Cache lines per element, sequential and unpredictable together. */
static inline double traverse_model_lines(const traverse_model *m)
{
    return m->seq_lines_per_elem + m->rand_lines_per_elem;
}

/*
 * The model's predicted time ratio of layout a to layout b when bandwidth
 * limits both: lines(a) / lines(b).  Returns 0 when either is unknown.
 */
double traverse_model_ratio(const char *a, const char *b);

/*
 * How a measured ratio compares with the predicted one: "agrees" within a
 * factor of two either way, "slower than lines predict" when the measured
 * ratio is more than twice the prediction (latency, dependent loads, TLB),
 * "faster than lines predict" when it is less than half (prefetching,
 * caches holding the data, the loop's own cost dominating).  Both ratios
 * must be > 0; otherwise "no prediction".
 */
const char *traverse_model_verdict(double predicted, double measured);

#endif /* EXPLAIN_TRAVERSE_MODEL_H */
