/*
 * sweep.h - judge "X costs more than Y" over a size sweep.
 *
 * Most timing claims compare two variants of one bench at every size of a
 * sweep ("traverse/list_inorder/<n>" against "traverse/aos/<n>").  At each
 * size the two cases are compared by their ratio of medians and its 95%
 * bootstrap interval (significance.h; the ranges over repetitions when
 * there are too few samples): the claim holds there, is within noise, is
 * real but smaller than the rule's threshold, or goes the other way.  The verdict is the simplest shape
 * that fits those outcomes along the sweep, sizes ascending:
 *
 *   everywhere        -> holds; the sizes that did not are exceptions
 *   nowhere           -> within noise, when that is the commonest outcome;
 *                        otherwise does not hold
 *   from a size on    -> holds only when "the working set is past L2
 *                        (1 MiB), from 2 MiB": the last cache the first
 *                        holding size has outgrown, and that size
 *   up to a size      -> holds only when "the working set fits in L2
 *                        (1 MiB), up to 768 KiB"
 *   none of these     -> holds only when "the working set is in L1 (32
 *                        KiB) or L3 (32 MiB)": the levels where more than
 *                        half the sizes hold
 *
 * A step must get at least two more sizes right than "everywhere" or
 * "nowhere", with at least three sizes on its failing side, and a shape
 * may get at most one size in five wrong.  So a noisy size, or two, at an
 * end of the sweep stay exceptions, and a claim that changes near a size
 * keeps its verdict when the exact size where it changes moves by a step
 * between two runs.  The note beside the verdict gives every level's
 * outcomes.
 *
 * A sweep can compare several pairs at once (a list in order and scattered,
 * each against the array); a size then holds only if every pair holds
 * there, and each pair also gets its own verdict.
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
    sweep_pair pairs[SWEEP_MAX_PAIRS];
    size_t npairs;
} sweep_spec;

typedef struct sweep_point {
    double arg;               /* the case's argument (element count) */
    double ws;                /* bytes: the largest working set compared */
    cache_level level;        /* where ws falls */
    summary costly[SWEEP_MAX_PAIRS], cheap[SWEEP_MAX_PAIRS];
    double ratio[SWEEP_MAX_PAIRS];          /* medians: costly / cheap */
    bool has_ci[SWEEP_MAX_PAIRS];           /* ci[] known (significance.h) */
    ratio_ci ci[SWEEP_MAX_PAIRS];           /* the ratio's 95% interval */
    compare_status status[SWEEP_MAX_PAIRS];
    compare_status overall;   /* the worst over the pairs */
} sweep_point;

typedef struct sweep {
    const sweep_spec *spec;
    report_caches caches;
    sweep_point *points;      /* by arg ascending */
    size_t npoints;
} sweep;

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

/* One line for the summary: the median ratio per level for each pair,
 * "list in order / array: 1.9x in L1, 2.3x in L2, 3.1x in memory". */
void sweep_figures(const sweep *s, text *out);

/* Markdown: per pair its verdict and a table by level (ratio of medians,
 * its range over the level's sizes, how many sizes hold), then every size
 * with both medians and ranges, in a collapsed block. */
void sweep_markdown(const sweep *s, text *out);

/*
 * The whole of a claim decided by one sweep: measures it, and fills out
 * with the verdict over all pairs (or "not measured" and why), the
 * figures line and the markdown.  Most timing rules are this one call.
 */
void sweep_claim(const sweep_spec *spec, const report_run *run, claim_result *out);

/*
 * One part of a claim made of several (see verdict_combine): measures the
 * sweep, sets *part (initialized by the caller; free its condition), and
 * appends its figures and, under the heading 'title', its markdown to out.
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
