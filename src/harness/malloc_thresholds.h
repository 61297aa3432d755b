/*
 * malloc_thresholds.h - pin glibc malloc's mmap and trim thresholds, so a
 * case's timings do not depend on the cases that ran before it.
 *
 * glibc starts with both thresholds at 128 KiB, then raises them each
 * time a mapped block is freed (the trim threshold to twice the mmap
 * one).  Whether a freed heap top is given back to the kernel, and so
 * whether the next allocation faults its pages in again, then depends on
 * the program's history.  In the alloc bench this made one strategy run
 * at 20 ns per object in one run and 5.5 in the next, with the same code:
 * the difference was page faults.  mallopt turns the adjustment off.
 *
 * Under a preloaded malloc (jemalloc, mimalloc) mallopt reaches glibc's,
 * which is then unused: nothing changes, and the context says so only by
 * its allocator field.
 */
#ifndef MALLOC_THRESHOLDS_H
#define MALLOC_THRESHOLDS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct malloc_thresholds {
    size_t mmap;   /* blocks at least this big are mapped; 0: leave glibc's */
    size_t trim;   /* a free heap top above this goes back; 0: leave glibc's */
} malloc_thresholds;

/* Applies t with mallopt, before anything allocates.  Returns false when
 * glibc refuses a value (an mmap threshold above 32 MiB on 64-bit). */
bool malloc_thresholds_apply(malloc_thresholds t);

/* Records t in the run's context (malloc_mmap_threshold,
 * malloc_trim_threshold), after bench_cli_start. */
void malloc_thresholds_record(malloc_thresholds t);

#endif /* MALLOC_THRESHOLDS_H */
