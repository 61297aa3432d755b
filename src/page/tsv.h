/*
 * tsv.h - curves from a run's data/<bench>.tsv (scripts/plot.sh via
 * plots/flatten.jq): a header "# variant arg ns_med ... <counters>"
 * naming the columns, then one row per case, variant first.  The page
 * reads two of its columns per variant to draw two runs in one chart.
 */
#ifndef PAGE_TSV_H
#define PAGE_TSV_H

#include <stdbool.h>
#include <stddef.h>

typedef struct tsv_curve {
    char *variant;      /* as the file has it (escape before showing) */
    double *x, *y;      /* points with both values finite and > 0 */
    size_t n;
} tsv_curve;

typedef struct tsv_curves {
    tsv_curve *curve;   /* in order of first appearance */
    size_t count;
} tsv_curves;

/*
 * Reads the columns named xcol and ycol of path, one curve per variant;
 * with only (a NULL-terminated list) not NULL, only those variants.
 * Returns false with a message in err when the file cannot be read, has
 * no header or lacks a column; curves is then empty.
 */
bool tsv_read_curves(const char *path, const char *xcol, const char *ycol,
                     const char *const *only, tsv_curves *curves, char *err, size_t errsize);

void tsv_curves_free(tsv_curves *curves);

#endif /* PAGE_TSV_H */
