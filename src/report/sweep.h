/*
 * sweep.h - judge "X costs more than Y" over a size sweep, level by level.
 *
 * Most timing claims compare two variants of one bench at every size of a
 * sweep ("traverse/list_inorder/<n>" against "traverse/aos/<n>").  Sizes
 * are pooled by the measured cache level their working set falls in
 * (levels.h): a level's ratio is the median of its sizes' ratios of
 * medians, with a bootstrap interval over sizes and repetitions
 * (stats_group_ratio_ci).  Each level then holds (interval above 1, ratio
 * at least the threshold), is below threshold (interval wholly under it),
 * reversed (interval below 1) or within noise (otherwise:
 * significance.h); the claim reads from the levels:
 *
 *   some levels hold, none says otherwise -> holds (L2, L3, memory;
 *                                            within noise in L1)
 *   some hold, some below or reversed     -> holds only when "the working
 *                                            set is in L3 or memory"
 *   none holds, all within noise          -> within noise
 *   none holds, otherwise                 -> does not hold
 *
 * One noisy size moves its level's median of ratios by one rank at most:
 * it cannot flip a level.  The rule and thresholds are in docs/claims.md.
 * A claim whose sizes are not working sets (messages, calls: spec
 * no_levels) pools every size into one group and names no level.
 *
 * A sweep can compare several pairs at once; a level then holds only if
 * every pair holds there, and each pair also gets its own verdict.
 */
#ifndef REPORT_SWEEP_H
#define REPORT_SWEEP_H

#include "stats/bootstrap.h"
#include "levels.h"
#include "run.h"
#include "stats.h"
#include "verdict.h"

#include <stddef.h>

#define SWEEP_MAX_PAIRS 4

typedef struct sweep_pair {
    const char *costly;   /* variant the claim says takes longer: "list_inorder" */
    const char *cheap;    /* ...than this one: "aos" */
    const char *label;    /* for people: "list in order / array" */
} sweep_pair;

typedef struct sweep_spec {
    const char *bench;        /* "traverse": cases are <bench>/<variant>/<arg> */
    const char *metric;       /* compared: "cpu_ns_per_item" (run.h) */
    const char *ws_counter;   /* working set of a case, bytes: "ws_bytes" */
    double min_ratio;         /* costly/cheap medians needed to hold: 1.10 */
    const char *unit;         /* of the metric: "ns per element" when NULL */
    bool no_levels;           /* the working set is not what varies: one
                                 group, no cache-level labels */
    sweep_pair pairs[SWEEP_MAX_PAIRS];
    size_t npairs;
} sweep_spec;

/* Repetitions kept per case and size for the bootstrap: a full run has
 * 5; more are ignored, in file order. */
#define SWEEP_MAX_REPS 32

typedef struct sweep_point {
    double arg;               /* the case's argument (element count) */
    double ws;                /* bytes: the largest working set compared */
    size_t level;             /* where ws falls (levels.h) */
    summary costly[SWEEP_MAX_PAIRS], cheap[SWEEP_MAX_PAIRS];
    double ratio[SWEEP_MAX_PAIRS];          /* medians: costly / cheap */
    bool has_ci[SWEEP_MAX_PAIRS];           /* ci[] known (significance.h) */
    ratio_ci ci[SWEEP_MAX_PAIRS];           /* this size's 95% interval */
    compare_status status[SWEEP_MAX_PAIRS]; /* this size alone: shown, not judged */
    compare_status overall;   /* the worst over the pairs */
    /* The repetitions, for the level's bootstrap. */
    double costly_reps[SWEEP_MAX_PAIRS][SWEEP_MAX_REPS];
    double cheap_reps[SWEEP_MAX_PAIRS][SWEEP_MAX_REPS];
    size_t ncostly[SWEEP_MAX_PAIRS], ncheap[SWEEP_MAX_PAIRS];
} sweep_point;

typedef struct sweep {
    const sweep_spec *spec;
    report_levels levels;
    sweep_point *points;      /* by arg ascending */
    size_t npoints;
} sweep;

/* The group every size falls in when the spec has no_levels. */
#define SWEEP_ALL_SIZES ((size_t)-1)

/* One level's outcome for one pair (or, pair < 0, the worst pair). */
typedef struct sweep_level {
    size_t level;             /* levels.h index, or SWEEP_ALL_SIZES */
    size_t nsizes;
    double ws_lo, ws_hi;      /* the working sets of its sizes */
    bool has_ci;              /* false: too few or unusable samples */
    ratio_ci ci;              /* median of per-size ratios, 95% interval */
    compare_status status;
} sweep_level;

/*
 * The outcome of every group that has sizes, in level order, into
 * out[0..LEVEL_SLOTS); returns how many.  Without an interval (a sample
 * that is 0 or not finite) a group's status is the commonest of its
 * sizes' own statuses (the worse on a tie).
 */
size_t sweep_levels(const sweep *s, int pair, sweep_level out[LEVEL_SLOTS]);

/* "L2" or, for SWEEP_ALL_SIZES, "all sizes". */
const char *sweep_level_name(const sweep *s, size_t level);

/* The spec's unit: "ns per element" unless it names another. */
const char *sweep_unit(const sweep_spec *spec);

/*
 * Measures the sweep: the args every variant of every pair has.  Returns
 * true when there is at least one such point.  Otherwise returns false and
 * writes why into 'why' (no case for a variant, a failed case, a case
 * without the metric) for a "not measured" verdict.  Free with sweep_free
 * either way.
 */
bool sweep_measure(sweep *s, const sweep_spec *spec, const report_run *run,
                   text *why);

void sweep_free(sweep *s);

/* The verdict over all pairs (pair < 0) or for pair alone. */
void sweep_judge(const sweep *s, int pair, verdict *v);

/* One line for the summary: each level's ratio and interval for each
 * pair, "list in order / array: 1.9x [1.8, 2.0] in L1, 3.1x [2.9, 3.3] in
 * memory". */
void sweep_figures(const sweep *s, text *out);

/* Markdown: the levels' source, per pair its verdict and a table by
 * level (sizes, working sets, ratio and interval, outcome), then every
 * size with both medians and ranges, in a collapsed block. */
void sweep_markdown(const sweep *s, text *out);

/*
 * The whole of a claim decided by one sweep: measures it, and fills out
 * with the verdict over all pairs (or "not measured" and why), the
 * figures line and the markdown, and as data (verdict.h) the spec's unit
 * and threshold, each pair's level groups and the every-size table.
 * Most timing rules are this one call.
 */
void sweep_claim(const sweep_spec *spec, const report_run *run, claim_result *out);

/*
 * One part of a claim made of several (see verdict_combine): measures the
 * sweep, sets *part (initialized by the caller; free its condition), and
 * appends its figures and, under the heading 'title', its markdown to out,
 * and its data (levels with the pairs named "<title>: <pair>", table).
 */
void sweep_claim_part(const sweep_spec *spec, const report_run *run,
                      const char *title, verdict *part, claim_result *out);

/*
 * A claim made of n sweeps, each a part named names[i] (heading and
 * verdict_combine name): "holds only when, for <name>, ...".  At most
 * SWEEP_MAX_PARTS parts.
 */
#define SWEEP_MAX_PARTS 4
void sweep_claim_parts(const sweep_spec *const *specs, const char *const *names,
                       size_t n, const report_run *run, claim_result *out);

#endif /* REPORT_SWEEP_H */
