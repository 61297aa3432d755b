/*
 * fresh.h - claims C2 and C3 measured in a fresh process each time.
 *
 * The collector's heap never shrinks, and a full collection costs a part
 * that grows with the heap, whatever is live in it (every block's mark
 * bits cleared and swept, besides the roots scanned): with 1024 list
 * nodes live, one collection took 22 us on a fresh heap and 48 us once
 * 160 MiB had been mapped and left free.  Measured in one process, a case
 * paid for the heap the cases before it had grown, so the order of the
 * cases decided the smallest sizes: a pointer-free array measured after
 * the largest list took longer to collect than the list of 1024 measured
 * first, and "reversed" and "holds" took turns from run to run.  Here
 * each measurement starts the collector afresh, so it sees the heap its
 * own structure needs and nothing else.
 *
 *   values:<layout>:<n>   (C2) the n values built in one layout
 *                         (values.h), then full collections timed
 *   cache:<keep|drop>:<steps>   (C3) the cache run for 'steps' steps
 *                         (cache.h) with its own collections, then full
 *                         collections timed with the cache alive
 *
 * In both, at least GC_FRESH_MIN_COLLECTIONS full collections are timed,
 * and more until GC_FRESH_MIN_NS have passed: a collection of a few
 * thousand objects takes tens of microseconds, one clock read's worth of
 * noise only when repeated.
 */
#ifndef GC_FRESH_H
#define GC_FRESH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "values.h"

#define GC_FRESH_MIN_COLLECTIONS 5
#define GC_FRESH_MIN_NS 20000000u
#define GC_FRESH_MAX_COLLECTIONS 1000

typedef struct gc_fresh_figures {
    uint64_t n;               /* values, or the cache's steps */
    uint64_t collections;     /* full collections timed */
    uint64_t mark_ns;         /* marking in one, their median (collector events) */
    uint64_t stopped_ns;      /* world stopped in one, their median */
    uint64_t run_ns;          /* C3: the cache's steps; C2: 0 */
    uint64_t run_collections; /* C3: collections the steps set off */
    uint64_t run_stopped_ns;  /* C3: world stopped in those */
    uint64_t objects;         /* C2: objects the values are; C3: results held */
    uint64_t heap_bytes;      /* the collector's heap at the end */
    uint64_t live_bytes;      /* in use after a full collection, structure alive */
    uint64_t live_before_bytes; /* in use before the structure was built */
    uint64_t intact;          /* 1 when the structure summed as built */
} gc_fresh_figures;

/* Makes the children this process starts from now on run at the same
 * addresses each time (no address space randomization).  The collector
 * scans its roots conservatively, and where they lie against its heap
 * changed what a collection cost: 1024 pointer-free values took 14 us a
 * collection in most processes and 21-23 us in about one in three, and
 * 12-15 us in every one without the randomization.  Returns false when
 * the kernel refused (the children then run randomized). */
bool gc_fresh_fixed_layout(void);

/* In this process, whose collector is started (stop-the-world): builds or
 * runs the structure, times the collections, frees it.  False when n is 0,
 * the layout is unknown, or memory ran out; a structure that did not sum
 * as built returns true with intact 0. */
bool gc_fresh_values(gc_layout layout, size_t n, gc_fresh_figures *out);
bool gc_fresh_cache(bool keeps_all, size_t steps, size_t result_bytes,
                    gc_fresh_figures *out);

/* The figures as one line of text, and back; false for a malformed line. */
int gc_fresh_format(const gc_fresh_figures *f, char *buf, size_t cap);
bool gc_fresh_parse(const char *line, gc_fresh_figures *out);

/* Child side: spec "values:<layout>:<n>" or "cache:<keep|drop>:<steps>"
 * (results of result_bytes) starts the collector, measures, prints the
 * line on stdout.  Returns 0, 1 when the measurement failed, 2 for a
 * malformed spec. */
int gc_fresh_child_main(const char *spec, size_t result_bytes);

/* Parent side: runs 'program' ("/proc/self/exe") with --child=<spec> and
 * fills *out from what it prints.  Returns 0, or the child's exit status
 * (128 + signal when killed, 127 when it could not start or printed no
 * figures). */
int gc_fresh_in_child(const char *program, const char *spec, gc_fresh_figures *out);

#endif /* GC_FRESH_H */
