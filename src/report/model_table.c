/* model_table.c - predicted against measured ratios of traverse layouts,
 * per cache level, for the claims report. */
#include "model_table.h"

#include "model_rows.h"
#include "traverse/model.h"
#include "levels.h"
#include "xalloc.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Appends the levels as words: "L1", "L3 and memory", "L1, L2 and L3". */
static void levels_words(text *out, const char *const *levels, size_t n)
{
    for (size_t i = 0; i < n; i++)
        text_printf(out, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", levels[i]);
}

/* The two ways a level can part from the model (model_compare.h's words),
 * and why each happens: the sentence under a table names the levels. */
static const struct {
    const char *verdict, *why;
} gaps[2] = {
    {"slower than lines predict",
     "latency, not bandwidth, sets the time, since dependent loads and records the "
     "allocator placed out of visiting order cannot be prefetched, and past the caches "
     "each line costs a memory round trip plus a page walk when the TLB misses"},
    {"faster than lines predict",
     "the data sits in a cache, the prefetcher hides the lines, or the loop's own "
     "instructions cost more than its loads"},
};

/* The table of one pair, and the sentence on where it leaves the model:
 * the rows of the costly layout against the cheap one (model_rows.h). */
static void pair_table(const report_run *run, const sweep_pair *p, const report_levels *lv,
                       model_rows *t, text *out, data_table *data)
{
    /* The measured L1, L2, L3 (0: not measured on this machine). */
    const double limits[3] = {level_size(lv, 0), level_size(lv, 1), level_size(lv, 2)};
    const char *const layouts[2] = {p->costly, p->cheap};
    model_rows_build(run, MODEL_TABLE_METRIC, layouts, 2, 1, limits, t);

    text_printf(out, "**%s** (`%s` against `%s`):\n\n", p->label, p->costly, p->cheap);
    const char *gap_at[2][LEVEL_PICK_SLOTS];   /* by gaps[] */
    size_t rows = 0, ngap[2] = {0, 0};
    for (size_t k = 0; k < LEVEL_PICK_SLOTS; k++) {
        const model_row *row = &t->rows[k];
        if (!row->shown)
            continue;
        if (rows++ == 0)
            text_printf(out, "| level | elements | working set | predicted (lines) | "
                             "measured [95%% interval] | model |\n"
                             "|---|---:|---:|---:|---|---|\n");
        const char *level = level_name(lv, level_of(lv, row->ws));
        char wsbuf[32], predicted[32], measured[64];
        /* A row is shown only where both ran: cells[0] is the costly one. */
        const layout_comparison c = row->cells[0].cmp;
        bool ok = row->cells[0].compared;
        double pred = ok ? c.predicted : traverse_model_ratio(p->costly, p->cheap);
        if (pred > 0)
            snprintf(predicted, sizeof predicted, "%.2fx", pred);
        else
            snprintf(predicted, sizeof predicted, "n/a");
        if (ok)
            stats_ratio_ci_format(&c.measured, measured, sizeof measured);
        else
            snprintf(measured, sizeof measured, "n/a");
        text_printf(out, "| %s | %.0f | %s | %s | %s | %s |\n", level, row->elements,
                    bytes_human(row->ws, wsbuf, sizeof wsbuf), predicted, measured,
                    ok ? c.verdict : "n/a");
        if (data) {
            data_table_text(data, p->label);
            data_table_text(data, level);
            data_table_number(data, row->elements);
            data_table_number(data, row->ws);
            data_table_number(data, pred > 0 ? pred : NAN);
            data_table_number(data, ok ? c.measured.ratio : NAN);
            data_table_number(data, ok ? c.measured.lo : NAN);
            data_table_number(data, ok ? c.measured.hi : NAN);
            data_table_text(data, ok ? c.verdict : NULL);
        }
        for (size_t g = 0; g < 2; g++)
            if (ok && strcmp(c.verdict, gaps[g].verdict) == 0)
                gap_at[g][ngap[g]++] = level;
    }
    if (rows == 0) {
        text_printf(out, "No element count that both `%s` and `%s` ran.\n\n", p->costly,
                    p->cheap);
        return;
    }
    text_printf(out, "\n");
    if (!ngap[0] && !ngap[1])
        return;
    text_printf(out, "Model and measurement part by more than 2x");
    for (size_t g = 0; g < 2; g++) {
        if (!ngap[g])
            continue;
        text_printf(out, "%s in ", g && ngap[0] ? " and" : "");
        levels_words(out, gap_at[g], ngap[g]);
        text_printf(out, " (%s: %s)", gaps[g].verdict, gaps[g].why);
    }
    text_printf(out, ": that gap is where the lesson is.\n\n");
}

/* The markdown into out and, when data is not NULL, the rows into it. */
static void model_table(const report_run *run, const sweep_pair *pairs, size_t npairs,
                        text *out, data_table *data)
{
    model_rows t;
    report_levels *lv = malloc(sizeof *lv);
    if (!lv)
        report_out_of_memory();
    report_levels_of_run(run, lv);
    text_printf(out, "#### Model and significance\n\n");
    for (size_t i = 0; i < npairs; i++)
        pair_table(run, &pairs[i], lv, &t, out, data);
    text_printf(out, "How to read it: *predicted* is the ratio of cache lines per element "
                     "(src/traverse/model.h), the time ratio if memory bandwidth "
                     "were the only cost; *measured* is the ratio of median CPU ns per "
                     "element with its 95%% bootstrap interval over the repetitions "
                     "(\"within noise\" when it reaches the threshold but also 1); *model* "
                     "says whether the two "
                     "agree within a factor of two "
                     "(docs/experiments/traverse.md). The "
                     "verdict above pools every size of a level (docs/claims.md); these "
                     "rows are one size each.\n\n");
    free(lv);
}

void model_table_markdown(const report_run *run, const sweep_pair *pairs, size_t npairs,
                          text *out)
{
    model_table(run, pairs, npairs, out, NULL);
}

void model_table_claim(const report_run *run, const sweep_pair *pairs, size_t npairs,
                       claim_result *out)
{
    static const char *const columns[] = {
        "pair", "level", "elements", "working set (bytes)", "predicted (lines)",
        "measured", "lo", "hi", "model"};
    data_table *data = claim_result_add_table(out, "Model and significance", false);
    for (size_t i = 0; i < sizeof columns / sizeof columns[0]; i++)
        data_table_column(data, columns[i]);
    model_table(run, pairs, npairs, &out->body, data);
}
