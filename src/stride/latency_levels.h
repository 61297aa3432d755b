/*
 * latency_levels.h - cache levels found in a measured latency curve.
 *
 * A pointer chase (chase.h) over growing working sets gives a curve that
 * is flat while the set fits in one cache level and steps up when it
 * spills into the next.  This module turns such a curve into figures other
 * code can use in place of the sizes the system reports (which, on a
 * virtual machine, may be the host's):
 *
 *   1. Plateaus: from the smallest size up, the longest run of neighbouring
 *      sizes whose latencies stay within a factor 'flat' of each other is
 *      a plateau when it spans at least a factor 'min_span' of working
 *      sets (a doubling, by default); the search goes on after it.  Sizes
 *      between plateaus are transitions.  The latency of a plateau is the
 *      median of its points.
 *   2. Merging: a plateau not at least 'min_step' times slower than the
 *      one before is merged into it (with what lies between), and while
 *      there are more than wanted + 1 plateaus, the two neighbours with
 *      the smallest ratio are merged: a machine may show fewer levels than
 *      it reports, never more.  The last plateau is memory.
 *   3. Boundaries: the effective capacity of a level is the working set at
 *      which the curve first rises 'rise' of the way from this level's
 *      latency to the next one's (log-interpolated between the two
 *      measured sizes around the crossing; a single point above, followed
 *      by one below, does not count).  With rise = 0.25, a cache that
 *      keeps a share h of a random working set reaches the threshold near
 *      h = 0.75: just past its real capacity.
 */
#ifndef LATENCY_LEVELS_H
#define LATENCY_LEVELS_H

#include <stdbool.h>
#include <stddef.h>

#define LEVELS_MAX 6

typedef struct levels_fit {
    size_t count;               /* cache levels found, 0..wanted */
    size_t first[LEVELS_MAX + 1]; /* index of each plateau's first point */
    size_t last[LEVELS_MAX + 1];  /* ...and of its last */
    double ns[LEVELS_MAX + 1];  /* latency of each level; ns[count] is memory */
    double bytes[LEVELS_MAX];   /* effective capacity of each cache level */
} levels_fit;

typedef struct levels_params {
    size_t wanted;     /* most cache levels to report (what the system reports), 1..LEVELS_MAX */
    double rise;       /* 0 < rise < 1: where between two levels the boundary is */
    double min_step;   /* > 1: least latency ratio between a level and the next */
    double flat;       /* > 1: largest latency ratio within a plateau */
    double min_span;   /* > 1: smallest ratio of last to first size of a plateau */
} levels_params;

/* The stride experiment's parameters: 3 levels wanted unless the system
 * reports another number. */
#define LEVELS_DEFAULTS {.wanted = 3, .rise = 0.25, .min_step = 1.6, .flat = 1.35, .min_span = 2.0}

/* The calibration's (build/bin/calibrate, every run's machine.json): up to
 * 4 levels, and a plateau may span 1.5x of working sets.  On the project's
 * guest the host's shared L3 keeps as little as 2.5 to 4 MiB of a chase
 * on some runs; at a span of 2.0 that plateau was no level, L2 was
 * reported as 4.2 MiB and every size of L3 was judged as L2 (a full run of
 * 2026-12-04; on the four other runs of that day both spans give the same
 * levels, within 3%). */
#define LEVELS_CALIBRATE {.wanted = 4, .rise = 0.25, .min_step = 1.6, .flat = 1.35, .min_span = 1.5}

/*
 * Finds the levels of the curve bytes[i] -> ns[i], i < n: sizes strictly
 * ascending, every value finite and > 0.  Returns false (out untouched)
 * for bad arguments (n == 0, a parameter out of range, unsorted sizes, a
 * non-positive or non-finite value) and when the curve has no plateau at
 * all (it never stays flat over a span of min_span).
 */
bool levels_find(const double *bytes, const double *ns, size_t n,
                 const levels_params *params, levels_fit *out);

#endif /* LATENCY_LEVELS_H */
