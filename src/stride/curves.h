/*
 * curves.h - what the stride experiment's two curves say about this
 * machine: the cache levels in the pointer-chase curve and the bend of
 * the strided-read curve.
 *
 * The bench measures the curves (best ns per access at each size); this
 * module turns them into figures, so that the report and the plots can
 * derive the same figures from stored results, not only the bench:
 *   - levels (latency_levels.h) from the chase curve on huge pages when
 *     the kernel really backed the largest working set with them (then
 *     the curve shows the caches without the TLB's steps), else on base
 *     pages;
 *   - the bend of the read curve (knee.h): the stride from which each
 *     read needs a line of its own;
 *   - the median read time from the bend to half a page, and from twice
 *     the page size on.
 */
#ifndef STRIDE_CURVES_H
#define STRIDE_CURVES_H

#include "alloc/pages.h"
#include "harness/profile.h"
#include "stride/knee.h"
#include "stride/latency_levels.h"

#include <stdbool.h>
#include <stddef.h>

/* One point of the read curve: ns per read at one stride; 0 = not run. */
typedef struct stride_read_point {
    size_t stride;
    double best_ns;
} stride_read_point;

/* One point of the chase curve: ns per load on each kind of page
 * (indexed by pages_kind; 0 = not run), and the share of the buffer the
 * kernel backed with huge pages in the huge-page run. */
typedef struct stride_chase_point {
    size_t ws;
    double best_ns[2];
    double huge_fraction;
} stride_chase_point;

/* A huge-page curve counts when at least this share of its largest
 * working set was on huge pages. */
#define STRIDE_HUGE_ENOUGH 0.9

typedef struct stride_summary {
    bool have_levels;
    pages_kind levels_pages;    /* the curve the levels come from */
    levels_fit levels;
    double mem_ns_base_pages;   /* the chase at the largest working set */
    double mem_ns_huge_pages;   /* (0 when that case did not run) */
    bool have_bend;
    knee_fit bend;
    double read_ns_below_page;  /* median from the bend to page / 2; 0 = none */
    double read_ns_past_page;   /* median from 2 * page on; 0 = none */
} stride_summary;

/*
 * The curve the levels come from: PAGES_HUGE when the largest working set
 * whose huge-page case ran had at least STRIDE_HUGE_ENOUGH of it on huge
 * pages, else PAGES_SMALL.
 */
pages_kind stride_levels_pages(const stride_chase_point *chases, size_t nchases);

/*
 * Median best_ns of the read points with lo <= stride <= hi and a time;
 * 0 when there are none.
 */
double stride_median_read_ns(const stride_read_point *reads, size_t nreads,
                             size_t lo, size_t hi);

/* How many cache levels to look for in the chase curve: as many as the
 * run's calibration measured (the same kind of chase, so the bench's
 * curve has them too), or 3 when nothing was measured.  What the system
 * reports is not used: a guest may report the host's caches or none. */
size_t stride_levels_wanted(const machine_profile *profile);

/*
 * Summarizes both curves (points in ascending size; points not run have
 * best_ns 0 and are skipped).  'wanted' is how many cache levels to look
 * for (stride_levels_wanted(), 1..LEVELS_MAX); 'page_bytes' the base
 * page size.  Returns false when neither the levels nor the bend could be
 * found (too few points ran: a filter left them out); *out is then
 * zeroed.
 */
bool stride_summarize(const stride_read_point *reads, size_t nreads,
                      const stride_chase_point *chases, size_t nchases,
                      size_t wanted, size_t page_bytes, stride_summary *out);

#endif /* STRIDE_CURVES_H */
