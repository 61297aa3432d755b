/* compare.c - predicted and measured ratio of two traverse layouts together. */
#include "compare.h"

#include "traverse_model.h"

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
        .verdict = traverse_model_verdict(predicted, measured.ratio),
    };
    return true;
}
