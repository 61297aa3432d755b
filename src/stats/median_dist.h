/*
 * median_dist.h - the exact bootstrap distribution of a median, and of a
 * ratio of two medians, for samples of odd size: what resampling
 * estimates, computed without drawing.
 *
 * Draw n values with replacement from the sorted samples x(1) <= ... <=
 * x(n), n odd.  The median of the draw is its m-th smallest value, m =
 * (n + 1) / 2, so it is at most x(j) exactly when at least m of the n
 * draws fall on ranks 1..j, each draw doing so with probability j / n:
 *
 *     P(median <= x(j)) = P(Binomial(n, j/n) >= m)
 *
 * and the median is x(j) with the difference of two neighbouring terms.
 * The medians of two independent samples are independent, so the ratio of
 * medians takes the na * nb values x(i) / y(j) with the products of those
 * probabilities.  For n = 3 the probabilities are 7/27, 13/27, 7/27.
 *
 * Why: the report and compare drew 4000 resamples per compared case; on
 * 10^5 cases that was minutes.  This is O(n^2) for the probabilities and
 * O(na nb log(na nb)) for the ratio, deterministic, and is the value the
 * resampling converges to (on the reference run and a quick run, every
 * one of 1693 intervals came out the same as with 4000 draws).  An even n has a median that is the mean of
 * two draws; stats/bootstrap.c resamples for those.
 */
#ifndef STATS_MEDIAN_DIST_H
#define STATS_MEDIAN_DIST_H

#include <stdbool.h>
#include <stddef.h>

/* Odd sample sizes up to this are computed exactly: repetitions of a
 * case are a handful, and the bound keeps the ratio's na * nb values on
 * the stack (15 KiB), so that nothing here can fail for want of memory. */
#define MEDIAN_DIST_MAX 31

/*
 * For a sample of n values, n odd and 1 <= n <= MEDIAN_DIST_MAX: sets
 * prob[j] (j < n) to the probability that the median of n draws with
 * replacement is the (j+1)-th smallest value (by rank: equal values each
 * keep their own share).  Depends on n only; the prob sum to 1 (to
 * rounding).  Returns false, leaving prob untouched, for an even, zero or
 * too large n.
 */
bool median_dist_odd(size_t n, double *prob);

/*
 * The 'lower' and 'upper' quantiles (0 < lower <= upper < 1) of the
 * bootstrap distribution of median(a) / median(b), for samples a[0..na)
 * and b[0..nb) in any order, both sizes odd and at most MEDIAN_DIST_MAX,
 * every value finite and > 0.  The q-quantile is the smallest ratio whose
 * cumulative probability reaches q.  Returns false, leaving *lo and *hi
 * untouched, when a size, a pointer, a value or a quantile is unusable.
 */
bool median_dist_ratio_quantiles(const double *a, size_t na, const double *b, size_t nb,
                                 double lower, double upper, double *lo, double *hi);

#endif /* STATS_MEDIAN_DIST_H */
