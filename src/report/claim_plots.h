/*
 * claim_plots.h - the plot files of a claim that a run really has.
 *
 * A claim's row names the plots that show it (rules.c); a run has
 * whichever of them `make plots` drew, as PNG, SVG or both.  report.md
 * and report.json link only those files: a link to a plot the run does
 * not have is a dead link for a reader (issue 19).
 */
#ifndef REPORT_CLAIM_PLOTS_H
#define REPORT_CLAIM_PLOTS_H

#include "rules.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct claim_plot {
    const char *name;   /* the rule's plot name, no extension */
    bool png, svg;      /* <dir>/plots/<name>.png, .svg is readable */
} claim_plot;

/* The rule's plots with at least one file in <dir>/plots/, in the rule's
 * order, into out (room for CLAIM_MAX_PLOTS); returns how many. */
size_t claim_plots_in_run(const char *dir, const claim_rule *rule, claim_plot *out);

/* The number of plots the rule names, drawn or not. */
size_t claim_plots_named(const claim_rule *rule);

#endif /* REPORT_CLAIM_PLOTS_H */
