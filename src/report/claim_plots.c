/* claim_plots.c - the plot files of a claim that a run has (claim_plots.h). */
#include "claim_plots.h"

#include <stdio.h>
#include <unistd.h>

static bool readable(const char *dir, const char *name, const char *ext)
{
    char path[4096];
    int len = snprintf(path, sizeof path, "%s/plots/%s%s", dir, name, ext);
    return len > 0 && (size_t)len < sizeof path && access(path, R_OK) == 0;
}

size_t claim_plots_named(const claim_rule *rule)
{
    size_t n = 0;
    while (n < CLAIM_MAX_PLOTS && rule->plots[n])
        n++;
    return n;
}

size_t claim_plots_in_run(const char *dir, const claim_rule *rule, claim_plot *out)
{
    size_t n = 0;
    for (size_t k = 0; k < claim_plots_named(rule); k++) {
        claim_plot p = {rule->plots[k], readable(dir, rule->plots[k], ".png"),
                        readable(dir, rule->plots[k], ".svg")};
        if (p.png || p.svg)
            out[n++] = p;
    }
    return n;
}
