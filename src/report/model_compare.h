/*
 * model_compare.h - one call for a report: two traverse layouts' predicted ratio
 * (cache lines, traverse/model.h) beside their measured ratio of medians
 * with its bootstrap interval (stats/bootstrap.h), and the verdict.
 */
#ifndef EXPLAIN_COMPARE_H
#define EXPLAIN_COMPARE_H

#include "stats/bootstrap.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct layout_comparison {
    double predicted;     /* lines(a) / lines(b); 0 when a layout is unknown */
    ratio_ci measured;    /* median(ns_a) / median(ns_b), 95% interval */
    /* traverse_model_verdict() of the two ratios, except that "slower"
     * needs the whole interval above twice the prediction and "faster"
     * the whole interval below half of it; otherwise "too noisy to tell".
     * "no prediction" for an unknown layout. */
    const char *verdict;
} layout_comparison;

/*
 * Compares layout a (samples ns_a[0..na), e.g. ns per element of each
 * repetition at one size) with layout b.  Returns false, leaving *out
 * untouched, when the samples are unusable (see stats_ratio_ci); an
 * unknown layout name is not an error: predicted is 0 and the verdict
 * "no prediction".
 */
bool layout_compare(const char *a, const double *ns_a, size_t na, const char *b,
                    const double *ns_b, size_t nb, layout_comparison *out);

#endif /* EXPLAIN_COMPARE_H */
