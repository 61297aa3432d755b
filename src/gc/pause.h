/*
 * pause.h - claim C4: how long a program stops for the collector, against
 * the live heap, in each collector mode.
 *
 * The program keeps 'live' small objects reachable from one array and
 * works in steps: each step allocates GC_PAUSE_STEP_ALLOCS new objects,
 * each replacing one at a random slot, so the live heap stays the same
 * size while garbage accumulates and the collector runs.  Every step is
 * timed: a step that ran a collection (or, in incremental mode, a slice
 * of one) takes longer by that much.  The pause a caller would see is the
 * step time (its 99th percentile and median are reported).  A step is
 * also stretched by anything else on the machine (the scheduler giving
 * the CPU away for a few ms), so the longest pause is taken from the
 * collector's own events: the longest and the median time the world was
 * stopped.
 *
 * A mode is fixed at the collector's start, so each run is a fresh
 * process: gc_pause_in_child starts this program again with
 * --child=pause:<mode>:<live>:<seed> and reads the figures it prints.
 */
#ifndef GC_PAUSE_H
#define GC_PAUSE_H

#include "collector.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define GC_PAUSE_STEP_ALLOCS 16
/* Steps per run: enough allocation for several collections at any live
 * size (GC_PAUSE_ALLOC_FACTOR times the live objects). */
#define GC_PAUSE_ALLOC_FACTOR 4

typedef struct gc_pause_figures {
    uint64_t live;            /* live objects */
    uint64_t steps;
    uint64_t step_p50_ns, step_p99_ns, step_max_ns;
    uint64_t collections;
    uint64_t stopped_ns, longest_stop_ns, median_stop_ns;
    uint64_t total_ns;        /* all steps */
    uint64_t heap_bytes;      /* the collector's heap at the end */
    uint64_t live_bytes;      /* in use after a final full collection */
} gc_pause_figures;

/* Runs the workload with 'live' objects (>= 1) in this process, whose
 * collector is started; seed picks the slots.  False when memory ran
 * out or live is 0. */
bool gc_pause_run(size_t live, uint64_t seed, gc_pause_figures *out);

/* The figures as one line of text, and back; false for a malformed line. */
int gc_pause_format(const gc_pause_figures *f, char *buf, size_t cap);
bool gc_pause_parse(const char *line, gc_pause_figures *out);

/*
 * Child side: spec "pause:<mode>:<live>:<seed>" starts the collector in
 * that mode, runs, and prints the line on stdout.  Returns the exit
 * status: 0, 1 when the run failed, 2 for a malformed spec.  The seed
 * travels in the spec: a child starts with none of its parent's options.
 */
int gc_pause_child_main(const char *spec);

/*
 * Parent side: runs 'program' (this one: "/proc/self/exe") with
 * --child=pause:<mode>:<live>:<seed> and fills *out from what it prints.
 * Returns 0, or the child's exit status (128 + signal when killed, 127
 * when it could not start or printed no figures).
 */
int gc_pause_in_child(const char *program, gc_mode mode, size_t live, uint64_t seed,
                      gc_pause_figures *out);

#endif /* GC_PAUSE_H */
