/*
 * built.h - the layout a traverse case sums, built once and kept across
 * its repetitions, with what its sum must be and the memory it holds;
 * and the --child runner that builds one case alone.
 */
#ifndef TRAVERSE_BUILT_H
#define TRAVERSE_BUILT_H

#include "alloc/counting.h"
#include "harness/cli.h"
#include "traverse/layout.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct traverse_built {
    const layout_kind *kind;  /* NULL while nothing is built */
    size_t n;
    layout l;
    counting_allocator counter;
    double expected;          /* the reference sum of the generated records */
    size_t heap_bytes;        /* malloc's figure; 0 when unavailable */
    /* The first pass after the build, run untimed: its CPU seconds (the
     * clock of the verdicts) and the minor page faults it took.  It is kept out of the repetitions because
     * it can cost many times a later pass (45x at 34 MiB in one quiet run,
     * with the same CPU time as wall time), and Google Benchmark sizes every
     * repetition's iteration count from the first one. */
    double cold_pass_seconds;
    uint64_t cold_pass_faults;
    bool cold_pass_sum_ok;    /* the cold pass gave the expected sum */
} traverse_built;

/* Bytes one layout kind holds per record, measured by building 1024
 * records through a counting allocator (rounded up); 0 when it cannot be
 * built (out of memory). */
size_t measured_bytes_per_record(const layout_kind *kind, uint64_t seed);

/* Makes b hold kind's layout of n records generated from seed, unless it
 * holds exactly that already; after a build, runs the cold pass.  False when out of memory (b then holds
 * nothing).  Says on stderr when it builds 1 Mi records or more.  b starts
 * zeroed. */
bool traverse_built_ensure(traverse_built *b, const layout_kind *kind, size_t n,
                           uint64_t seed);

/* Frees b's layout; safe when nothing is built. */
void traverse_built_release(traverse_built *b);

/* --child=LAYOUT/ELEMENTS/PASSES, traverse's child_main: builds one case
 * with the default seed (after checking the memory it needs), traverses
 * it PASSES times and prints "<spec> sum <sum> after <passes> passes".  Returns 0,
 * 2 for a malformed spec, 1 when building fails or a sum is wrong. */
int traverse_child_run(const char *spec);

#endif /* TRAVERSE_BUILT_H */
