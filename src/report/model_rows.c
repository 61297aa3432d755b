/* model_rows.c - the model-versus-measured rows of traverse layouts, built
 * once for the claims report and for tools/explain_traverse.c. */
#include "model_rows.h"

#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Repetitions a cell may have: stats_ratio_ci's limit. */
enum { MAX_REPS = 1024 };

/* The repetitions of one layout at n elements. */
typedef struct reps {
    double ns[MAX_REPS];
    size_t n;
} reps;

/* Layout 'layout' at n elements: its metric per repetition into r, its
 * figures into *c.  False when it did not run there (missing, failed, no
 * such metric, no ws_bytes, or more repetitions than an interval takes). */
static bool cell_at(const report_run *run, const char *metric, const char *layout, double n,
                    reps *r, model_cell *c)
{
    char name[160];
    report_case_name_at(name, sizeof name, n, "traverse/%s", layout);
    summary ws, heap;
    if (report_run_samples(run, name, metric, r->ns, MAX_REPS, &r->n) != SAMPLE_OK ||
        r->n > MAX_REPS || report_run_summary(run, name, "ws_bytes", &ws) != SAMPLE_OK)
        return false;
    *c = (model_cell){.ws = ws.median, .ns = summary_of(r->ns, r->n)};
    if (report_run_summary(run, name, "heap_bytes_per_elem", &heap) == SAMPLE_OK)
        c->heap_per_elem = heap.median;
    return true;
}

/* The element counts of layout's sweep, ascending, at most MAX_COUNTS. */
static size_t counts_of(const report_run *run, const char *layout, double *counts)
{
    char prefix[160];
    snprintf(prefix, sizeof prefix, "traverse/%s", layout);
    size_t n = report_run_args(run, prefix, counts, MODEL_ROWS_MAX_COUNTS);
    return n < MODEL_ROWS_MAX_COUNTS ? n : MODEL_ROWS_MAX_COUNTS;
}

/* True when layout ran at any count of its own sweep: a run filtered to
 * some layouts (--benchmark_filter) is compared over those. */
static bool ran_any(const report_run *run, const char *metric, const char *layout, reps *r,
                    double *counts)
{
    model_cell c;
    size_t n = counts_of(run, layout, counts);
    for (size_t i = 0; i < n; i++)
        if (cell_at(run, metric, layout, counts[i], r, &c))
            return true;
    return false;
}

/* The working set at n elements when every layout of t ran there (the
 * largest of theirs), else NAN: what level_pick reads. */
static double usable_ws(const report_run *run, const char *metric, const model_rows *t,
                        double n, reps *r)
{
    double ws = 0;
    model_cell c;
    if (t->nlayouts < 2)
        return NAN;
    for (size_t l = 0; l < t->nlayouts; l++) {
        if (!cell_at(run, metric, t->layouts[l], n, r, &c))
            return NAN;
        ws = fmax(ws, c.ws);
    }
    return ws;
}

/* Row at n elements: every layout's cell, each compared with the base. */
static void fill_row(const report_run *run, const char *metric, const model_rows *t, double n,
                     reps *base, reps *other, model_row *row)
{
    row->shown = true;
    row->elements = n;
    row->ws = 0;
    const char *base_name = t->layouts[t->base];
    cell_at(run, metric, base_name, n, base, &row->cells[t->base]);   /* usable: it ran */
    for (size_t l = 0; l < t->nlayouts; l++) {
        model_cell *c = &row->cells[l];
        if (l != t->base) {
            cell_at(run, metric, t->layouts[l], n, other, c);
            c->compared = layout_compare(t->layouts[l], other->ns, other->n, base_name,
                                         base->ns, base->n, &c->cmp);
        }
        row->ws = fmax(row->ws, c->ws);
    }
}

void model_rows_build(const report_run *run, const char *metric,
                      const char *const *layouts, size_t nlayouts, size_t base,
                      const double limits[3], model_rows *out)
{
    /* Scratch: two layouts' repetitions and a sweep's counts and working
     * sets, about 24 KiB; kept off the stack of a report's deep calls. */
    reps *r = calloc(2, sizeof *r);
    double *counts = calloc(2 * MODEL_ROWS_MAX_COUNTS, sizeof *counts);
    if (!r || !counts)
        report_out_of_memory();
    double *ws = counts + MODEL_ROWS_MAX_COUNTS;
    memset(out, 0, sizeof *out);
    if (nlayouts > MODEL_ROWS_MAX_LAYOUTS)
        nlayouts = MODEL_ROWS_MAX_LAYOUTS;
    out->base = MODEL_ROWS_MAX_LAYOUTS;
    for (size_t l = 0; l < nlayouts; l++) {
        if (!ran_any(run, metric, layouts[l], &r[0], counts))
            continue;
        if (l == base)
            out->base = out->nlayouts;
        out->layouts[out->nlayouts++] = layouts[l];
    }
    if (out->base == MODEL_ROWS_MAX_LAYOUTS) {
        out->base = out->nlayouts;   /* the base did not run: no rows */
    } else {
        size_t n = counts_of(run, layouts[base], counts);
        for (size_t i = 0; i < n; i++)
            ws[i] = usable_ws(run, metric, out, counts[i], &r[0]);
        size_t at[LEVEL_PICK_SLOTS];
        level_pick(ws, n, limits, at);
        for (size_t k = 0; k < LEVEL_PICK_SLOTS; k++)
            if (at[k] != LEVEL_PICK_NONE)
                fill_row(run, metric, out, counts[at[k]], &r[0], &r[1], &out->rows[k]);
    }
    free(counts);
    free(r);
}

bool model_rows_any(const model_rows *t)
{
    for (size_t k = 0; k < LEVEL_PICK_SLOTS; k++)
        if (t->rows[k].shown)
            return true;
    return false;
}
