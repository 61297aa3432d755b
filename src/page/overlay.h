/*
 * overlay.h - two runs in one chart: the page's side-by-side mode draws
 * the curves of the run and of the run it is compared with on shared
 * axes (solid and dashed, one colour per variant), from each run's
 * data/<bench>.tsv.  Drawn here as SVG, not by gnuplot, so the page
 * needs no second plotting pass; each point has a <title>, shown on hover
 * by the browser itself.
 */
#ifndef PAGE_OVERLAY_H
#define PAGE_OVERLAY_H

#include <stdbool.h>
#include <stdio.h>

#include "page/tsv.h"

/* Which charts an experiment gets, and from which columns. */
typedef struct overlay_spec {
    const char *experiment;   /* report.json's "experiment" */
    const char *bench;        /* data/<bench>.tsv */
    const char *title;
    const char *xcol, *ycol;  /* column names of the TSV header */
    const char *xlabel, *ylabel;
    bool xbytes;              /* x is a size: label in KiB/MiB */
    const char *const *only;  /* variants drawn; NULL: all */
} overlay_spec;

/* The specs for an experiment: *count of them (0 when it has none). */
const overlay_spec *overlay_specs(const char *experiment, size_t *count);

/*
 * Draws a and b (names label_a, label_b) as one <figure>; returns false,
 * writing a note instead, when neither has a point.
 */
bool overlay_chart(FILE *out, const overlay_spec *spec, const tsv_curves *a,
                   const char *label_a, const tsv_curves *b, const char *label_b);

/* Reads spec's columns of both runs and draws the chart; a run without
 * the file contributes no curve (the note says so). */
bool overlay_runs(FILE *out, const overlay_spec *spec, const char *dir_a, const char *label_a,
                  const char *dir_b, const char *label_b);

#endif /* PAGE_OVERLAY_H */
