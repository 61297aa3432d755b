/* model_compare.c - predicted and measured ratio of two traverse layouts together. */
#include "model_compare.h"

#include "traverse/model.h"

#include <string.h>

/* The point verdict, kept only when the whole interval agrees with it:
 * a ratio more than twice the prediction whose interval reaches back
 * within a factor of two is noise, not a finding. */
static const char *interval_verdict(double predicted, const ratio_ci *m)
{
    const char *point = traverse_model_verdict(predicted, m->ratio);
    if (!(predicted > 0))
        return point;
    if (strcmp(point, "slower than lines predict") == 0 && !(m->lo > 2 * predicted))
        return "too noisy to tell";
    if (strcmp(point, "faster than lines predict") == 0 && !(m->hi < predicted / 2))
        return "too noisy to tell";
    return point;
}

bool layout_compare(const char *a, const double *ns_a, size_t na, const char *b,
                    const double *ns_b, size_t nb, layout_comparison *out)
{
    ratio_ci measured;
    if (!out || !stats_ratio_ci95(ns_a, na, ns_b, nb, &measured))
        return false;
    double predicted = traverse_model_ratio(a, b);
    *out = (layout_comparison){
        .predicted = predicted,
        .measured = measured,
        .verdict = interval_verdict(predicted, &measured),
    };
    return true;
}
