/*
 * bootstrap.h - is a difference between two cases real?  The ratio of
 * their medians with a bootstrap confidence interval.
 *
 * Given the repetitions of case A and of case B (e.g. ns per element of
 * each repetition), the ratio is median(A) / median(B).  The interval is
 * the percentile bootstrap: draw A and B again with replacement, each
 * from its own samples and at its own size, many times; take the ratio of
 * medians of every draw; the interval runs between the (1 - level)/2 and
 * (1 + level)/2 quantiles of those ratios.  When it contains 1 the
 * difference is "within noise": these repetitions cannot tell A from B.
 *
 * With few repetitions (3 to 5) a resampled median can only be one of the
 * samples, so the interval is coarse and tends to be wide: honest about
 * how little 5 repetitions say.  With 3 on both sides the 95% interval is
 * always [min(A) / max(B), max(A) / min(B)]: each extreme median has
 * probability 7/27, and (7/27)^2 > 2.5%.
 *
 * When both sizes are odd (up to MEDIAN_DIST_MAX) the draws' distribution
 * is computed exactly instead of drawn (median_dist.h): the same interval
 * that many draws converge to, without their cost or their jitter.  Other
 * sizes are drawn from a seeded generator (rng.h), so the same samples
 * and seed always give the same interval.
 */
#ifndef STATS_BOOTSTRAP_H
#define STATS_BOOTSTRAP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct ratio_ci {
    double ratio;      /* median(a) / median(b) */
    double lo, hi;     /* the confidence interval of the ratio */
    double level;      /* e.g. 0.95 */
    bool within_noise; /* lo <= 1 <= hi */
} ratio_ci;

/* Resamples used unless told otherwise, where sizes are drawn (an even
 * size): enough for stable 2.5% and 97.5% quantiles, and about a
 * millisecond per pair of cases. */
#define BOOTSTRAP_DEFAULT_RESAMPLES 4000
#define BOOTSTRAP_DEFAULT_SEED UINT64_C(0xb0075742a9)

/* The median of x[0..n) (mean of the middle two when n is even); x is
 * not modified.  n must be > 0 and at most 1024 (else NAN). */
double stats_median(const double *x, size_t n);

/* The same median of s[0..n) already sorted ascending, any n > 0: the one
 * median rule of the suite, for callers that sort anyway (report/stats.h). */
double stats_median_sorted(const double *s, size_t n);

/* The median of v[0..n), sorting v ascending on the way (any n; NAN for
 * 0): for a caller whose values are its own scratch. */
double stats_median_in_place(double *v, size_t n);

/* Sorts v[0..n) ascending. */
void stats_sort(double *v, size_t n);

/*
 * Fills *out for samples a[0..na) and b[0..nb): ratio of medians and its
 * 'level' bootstrap interval: exact when stats_ratio_ci_is_exact(na, nb)
 * (the q-quantile is then the smallest ratio whose probability up to it
 * reaches q), else from 'resamples' draws seeded with 'seed'.
 * Returns false, leaving *out untouched, when an argument is unusable:
 * na or nb is 0 or above 1024, a sample is not finite and > 0 (times and
 * rates are positive), level is not in (0, 1), resamples < 100 (checked
 * even when the interval is exact, so that a caller's mistake shows
 * whatever its sizes), or, when drawing, malloc cannot give the scratch
 * array (resamples doubles, freed before returning).
 */
bool stats_ratio_ci(const double *a, size_t na, const double *b, size_t nb,
                    double level, unsigned resamples, uint64_t seed,
                    ratio_ci *out);

/* True when stats_ratio_ci computes the interval for these sizes exactly
 * rather than by drawing: both odd and at most MEDIAN_DIST_MAX (31). */
bool stats_ratio_ci_is_exact(size_t na, size_t nb);

/* stats_ratio_ci with level 0.95 and the default resamples and seed. */
bool stats_ratio_ci95(const double *a, size_t na, const double *b, size_t nb,
                      ratio_ci *out);

/* The repetitions of one size of a compared pair: the claim's costly
 * case and its cheap one. */
typedef struct size_samples {
    const double *costly;
    size_t ncostly;
    const double *cheap;
    size_t ncheap;
} size_samples;

/*
 * The ratio of a group of sizes (a cache level): the median over sizes of
 * each size's ratio of medians, with a two-stage percentile bootstrap
 * interval.  Each of 'resamples' draws takes n sizes with replacement and,
 * within each drawn size, each case's repetitions with replacement; the
 * draw's figure is the median of those sizes' ratios of medians.  So the
 * interval is wide when sizes disagree as well as when repetitions do, and
 * one noisy size among several moves it little.  Returns false (out
 * untouched) when n is 0 or above 1024, any size's samples are unusable
 * (as stats_ratio_ci), level is not in (0, 1), resamples < 100, or
 * malloc fails.
 */
bool stats_group_ratio_ci(const size_samples *sizes, size_t n, double level,
                          unsigned resamples, uint64_t seed, ratio_ci *out);

/* stats_group_ratio_ci with level 0.95 and the default resamples and seed. */
bool stats_group_ratio_ci95(const size_samples *sizes, size_t n, ratio_ci *out);

/* The ratio and interval as words for a report: "1.23 [1.10, 1.40]",
 * followed by " within noise" when the interval contains 1.  Writes at
 * most size bytes to buf (always terminated) and returns buf. */
const char *stats_ratio_ci_format(const ratio_ci *r, char *buf, size_t size);

#endif /* STATS_BOOTSTRAP_H */
