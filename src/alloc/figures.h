/*
 * figures.h - the exact figures of one alloc tree case, measured once,
 * untimed: malloc calls, peak bytes, what a refcounted drop left and
 * freed (counting allocator), and peak resident memory over a baseline
 * (a --child process, harness/case_rss.h).
 */
#ifndef ALLOC_FIGURES_H
#define ALLOC_FIGURES_H

#include "alloc/strategy.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct figures {
    const strategy *st;
    size_t n;
    uint64_t malloc_calls;
    size_t peak_bytes;
    size_t live_after_drop, freed_by_drop;
    size_t rss_bytes;
    bool rss_known;
} figures;

/* The figures of strategy st at n objects, measured at the first call
 * and remembered for later ones (up to FIGURES_MAX cases; past that the
 * last slot is measured again each time).  A persistent strategy is
 * measured in its steady state, the cycle after one that filled its
 * memory.  NULL when out of memory, the walk's sum was wrong or memory
 * leaked.  The RSS child runs 'program' (NULL: this program) with
 * --child=<strategy>:<n>; rss_known is false when it fails. */
const figures *figures_for(const char *program, const strategy *st, size_t n);

#endif /* ALLOC_FIGURES_H */
