/*
 * model_rows.h - the model-versus-measured table of traverse layouts, as
 * data: one element count per cache level, and at each, every layout's
 * measured figures beside its comparison with a base layout.
 *
 * Two programs print it: the claims report (model_table.h: two layouts at
 * a time, the claim's costly one against its cheap one, in Markdown) and
 * tools/explain_traverse.c (every layout of a run against one, in plain
 * text).  They used to build it each in its own way; building it here
 * once means both pick the same counts (level_pick.h), read the same
 * repetitions and compare them the same way (model_compare.h).
 */
#ifndef REPORT_MODEL_ROWS_H
#define REPORT_MODEL_ROWS_H

#include "level_pick.h"
#include "model_compare.h"
#include "run.h"
#include "stats.h"

#include <stdbool.h>
#include <stddef.h>

/* Layouts one table compares: the traverse bench has seven. */
#define MODEL_ROWS_MAX_LAYOUTS 8

/* Element counts of a sweep that are considered, smallest first. */
#define MODEL_ROWS_MAX_COUNTS 512

/* One layout at one element count of a row. */
typedef struct model_cell {
    double ws;             /* median ws_bytes: the working set */
    double heap_per_elem;  /* median heap_bytes_per_elem; 0 when absent */
    summary ns;            /* the metric's median and range over repetitions */
    bool compared;         /* false for the base, or when the samples are
                              unusable for an interval */
    layout_comparison cmp; /* this layout against the base, when compared */
} model_cell;

/* The element count a table shows for one level slot (level_pick.h). */
typedef struct model_row {
    bool shown;            /* false: no count for this slot */
    double elements;
    double ws;             /* the largest working set of the layouts there */
    model_cell cells[MODEL_ROWS_MAX_LAYOUTS];   /* in the table's layout order */
} model_row;

typedef struct model_rows {
    const char *layouts[MODEL_ROWS_MAX_LAYOUTS];  /* those in the run, as asked */
    size_t nlayouts;
    size_t base;           /* index in layouts; nlayouts when base did not run */
    model_row rows[LEVEL_PICK_SLOTS];             /* by slot: L1d, L2, L3, largest */
} model_rows;

/*
 * Fills *out for the cases "traverse/<layout>/<n>" of run.
 *
 * layouts[0..nlayouts) are the candidates (nlayouts <= MAX_LAYOUTS; more
 * are ignored) and layouts[base] the one every other is compared with (a
 * base out of range leaves the table without rows, like one that did
 * not run).  A
 * layout is in the table when it ran (the metric of every repetition, at
 * most 1024 of them, and a ws_bytes) at any element count of the base
 * layout's sweep.  A count is usable when every layout in the table, and
 * at least two, ran it; its working set is the largest of theirs.
 * level_pick() then chooses the rows from the usable counts with
 * limits[0..3) (the L1d, L2 and L3 sizes in bytes, 0 when unknown).  In a
 * row, each layout but the base is compared with the base by
 * layout_compare() on the metric (e.g. "cpu_ns_per_item",
 * report_run_summary) of each repetition.
 *
 * Reading repetitions allocates; running out of memory exits (run.h).
 */
void model_rows_build(const report_run *run, const char *metric,
                      const char *const *layouts, size_t nlayouts, size_t base,
                      const double limits[3], model_rows *out);

/* True when at least one row is shown. */
bool model_rows_any(const model_rows *t);

#endif /* REPORT_MODEL_ROWS_H */
