/* stats.c - median and range of repetitions, and comparing two ranges. */
#include "stats.h"

#include "stats/bootstrap.h"
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

summary summary_of(const double *v, size_t n)
{
    summary s = {0, 0, 0, 0};
    if (n == 0)
        return s;
    double *sorted = malloc(n * sizeof *sorted);
    if (!sorted)
        report_out_of_memory();
    memcpy(sorted, v, n * sizeof *sorted);
    s.median = stats_median_in_place(sorted, n);
    s.n = n;
    s.min = sorted[0];
    s.max = sorted[n - 1];
    free(sorted);
    return s;
}

bool summary_overlap(summary a, summary b)
{
    return a.min <= b.max && b.min <= a.max;
}

compare_status summary_compare(summary costly, summary cheap, double min_ratio)
{
    if (summary_overlap(costly, cheap))
        return COMPARE_NOISE;
    if (costly.max < cheap.min)
        return COMPARE_AGAINST;
    /* Ranges apart, costly above: large enough? */
    if (cheap.median > 0 && costly.median / cheap.median >= min_ratio)
        return COMPARE_HOLDS;
    return COMPARE_SMALL;
}

compare_status compare_worse(compare_status a, compare_status b)
{
    return a > b ? a : b;
}

/* Each outcome's words for people and its token in report.json. */
static const struct {
    const char *name, *token;
} status_words[] = {
    [COMPARE_HOLDS] = {"holds", "holds"},
    [COMPARE_SMALL] = {"below threshold", "below_threshold"},
    [COMPARE_NOISE] = {"within noise", "within_noise"},
    [COMPARE_AGAINST] = {"reversed", "reversed"},
};

const char *compare_status_name(compare_status s)
{
    return (unsigned)s <= COMPARE_AGAINST ? status_words[s].name : "?";
}

const char *compare_status_token(compare_status s)
{
    return (unsigned)s <= COMPARE_AGAINST ? status_words[s].token : "?";
}
