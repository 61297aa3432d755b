/*
 * stats.h - median and range over repetitions, and what two ranges say.
 *
 * A verdict compares medians, and trusts a difference only when the
 * min-to-max ranges over repetitions do not overlap: two runs of the same
 * code on a busy machine can differ by a few per cent, and a difference
 * smaller than that spread says nothing.
 */
#ifndef REPORT_STATS_H
#define REPORT_STATS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct summary {
    size_t n;       /* repetitions; 0: nothing measured (other fields 0) */
    double median;  /* middle value; mean of the two middle ones for even n */
    double min, max;
} summary;

/* Summary of v[0..n).  Does not change v (sorts a copy); n == 0 gives an
 * empty summary.  Exits (status 1) when out of memory. */
summary summary_of(const double *v, size_t n);

/* True when [a.min, a.max] and [b.min, b.max] share at least one point. */
bool summary_overlap(summary a, summary b);

/*
 * How a measured "costly" case compares with a "cheap" one, for a claim
 * that says the costly one takes longer (or holds more):
 *   COMPARE_HOLDS    ranges apart, and the medians' ratio costly/cheap is
 *                    at least min_ratio
 *   COMPARE_SMALL    ranges apart and costly is larger, but by less than
 *                    min_ratio: real, yet too small to back the claim
 *   COMPARE_NOISE    the ranges overlap: within noise
 *   COMPARE_AGAINST  ranges apart and costly is the smaller one
 * Listed from most to least supportive of the claim after HOLDS; see
 * compare_worse().
 */
typedef enum compare_status {
    COMPARE_HOLDS,
    COMPARE_SMALL,
    COMPARE_NOISE,
    COMPARE_AGAINST,
} compare_status;

compare_status summary_compare(summary costly, summary cheap, double min_ratio);

/* The less supportive of two statuses (AGAINST < NOISE < SMALL < HOLDS):
 * a point compared in two ways holds only as well as its weaker half. */
compare_status compare_worse(compare_status a, compare_status b);

/* "holds", "below threshold", "within noise", "reversed". */
const char *compare_status_name(compare_status s);

/* The same as a token of report.json: "holds", "below_threshold",
 * "within_noise", "reversed". */
const char *compare_status_token(compare_status s);

#endif /* REPORT_STATS_H */
