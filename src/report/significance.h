/*
 * significance.h - is the difference between two cases real?  Their
 * ratio of medians with a 95% bootstrap interval (stats/bootstrap.h), and
 * what that says about a claim that the first costs more.
 *
 * The report used to call a difference "within noise" whenever the
 * min-to-max ranges over repetitions overlapped.  With five repetitions
 * spread over a whole run (interleaved, docs/measuring.md) one slow or
 * fast repetition is enough to make two ranges touch: a thread per
 * message held 1.96x the pool's memory by the medians, yet one of its
 * five children (280 KiB) fell below the pool's largest (296 KiB).  The
 * interval asks the question the verdict needs: could the medians' ratio
 * be 1?  The ranges are still shown beside it.
 */
#ifndef REPORT_SIGNIFICANCE_H
#define REPORT_SIGNIFICANCE_H

#include "stats/bootstrap.h"
#include "run.h"
#include "stats.h"
#include "verdict.h"

#include <stdbool.h>

/*
 * How close to its threshold a ratio is "on" it.  The interval describes
 * one run's repetitions and sizes; it cannot see how far the same level's
 * median moves from one run to the next.  Over eight full runs on one
 * machine (docs/claims.md, "How stable the verdicts are") half of the
 * levels' medians sat within 2.7% of their eight-run median, and L3's in-L1
 * ratio read 1.08-1.10 against 1.10: "holds" in one run, "below threshold"
 * in the next.  A ratio within 3% of the threshold, either side, is within
 * noise: the rule says what it cannot tell rather than flipping.
 */
#define RULE_THRESHOLD_BAND 1.03

/*
 * The status of "costly costs more than cheap" from the interval:
 *   COMPARE_AGAINST  it lies below 1
 *   COMPARE_NOISE    the ratio is within RULE_THRESHOLD_BAND of min_ratio
 *   COMPARE_SMALL    it lies wholly below min_ratio (it may contain 1)
 *   COMPARE_HOLDS    it lies above 1 and the ratio is at least min_ratio
 *   COMPARE_NOISE    otherwise: it reaches min_ratio, but contains 1 or
 *                    the ratio falls short of min_ratio
 */
compare_status ratio_ci_status(const ratio_ci *ci, double min_ratio);

/* A comparison taken whole as one part of a claim: holds, within noise,
 * or does not hold (below the threshold, or reversed). */
verdict_kind compare_verdict_kind(compare_status s);

typedef struct case_comparison {
    summary costly, cheap;  /* median and range of each */
    bool has_ci;            /* false: too few or unusable samples; the
                               status then comes from the ranges
                               (summary_compare) */
    ratio_ci ci;
    compare_status status;
    size_t processes;       /* the interval is over (run.h): 1, or the
                               processes that measured both cases */
} case_comparison;

/*
 * Compares case 'costly' with case 'cheap' on metric (as
 * report_run_summary reads it).  When later processes of the run measured
 * both again (at least two processes measured both), the interval
 * is over the processes (stats_group_ratio_ci, each process one group)
 * and its ratio the median of theirs: what drifts between processes then
 * widens it.  With one process that measured both, that process's
 * repetitions decide.  The summaries pool every process's repetitions.
 * Returns SAMPLE_OK and fills *out, or the status of the first case that
 * cannot be read (out untouched).
 */
sample_status compare_cases(const report_run *run, const char *costly,
                            const char *cheap, const char *metric, double min_ratio,
                            case_comparison *out);

/* " over 3 processes" into buf (size bytes) when c's interval is over
 * processes, else ""; returns buf: for the text beside an interval. */
const char *compare_processes_note(const case_comparison *c, char *buf, size_t size);

#endif /* REPORT_SIGNIFICANCE_H */
