/* model_table.c - predicted against measured ratios of traverse layouts,
 * per cache level, for the claims report. */
#include "model_table.h"

#include "model_compare.h"
#include "level_pick.h"
#include "traverse/model.h"
#include "levels.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COUNTS 512
#define MAX_REPS 1024   /* stats_ratio_ci's limit */

/* Both layouts' ns per element of each repetition at one element count,
 * and the working set there: the larger ws_bytes median. */
typedef struct point {
    double ns_a[MAX_REPS], ns_b[MAX_REPS];
    size_t na, nb;
    double ws;
} point;

/* One layout's samples and ws_bytes median at n elements; false when the
 * case is missing, failed or lacks a metric (or has more repetitions than
 * the bootstrap takes). */
static bool layout_at(const report_run *run, const char *layout, double n, double *ns,
                      size_t *count, double *ws)
{
    char name[128];
    snprintf(name, sizeof name, "traverse/%s/%.0f", layout, n);
    summary s;
    if (report_run_samples(run, name, MODEL_TABLE_METRIC, ns, MAX_REPS, count) != SAMPLE_OK ||
        *count > MAX_REPS || report_run_summary(run, name, "ws_bytes", &s) != SAMPLE_OK)
        return false;
    *ws = s.median;
    return true;
}

/* Both layouts of the pair at n elements, or false. */
static bool point_at(const report_run *run, const sweep_pair *p, double n, point *pt)
{
    double ws_a, ws_b;
    if (!layout_at(run, p->costly, n, pt->ns_a, &pt->na, &ws_a) ||
        !layout_at(run, p->cheap, n, pt->ns_b, &pt->nb, &ws_b))
        return false;
    pt->ws = fmax(ws_a, ws_b);
    return true;
}

/* Appends the levels as words: "L1", "L3 and memory", "L1, L2 and L3". */
static void levels_words(text *out, const char *const *levels, size_t n)
{
    for (size_t i = 0; i < n; i++)
        text_printf(out, "%s%s", i == 0 ? "" : i + 1 == n ? " and " : ", ", levels[i]);
}

/* The table of one pair, and the sentence on where it leaves the model. */
static void pair_table(const report_run *run, const sweep_pair *p, report_caches caches,
                       point *pt, text *out)
{
    double args[MAX_COUNTS], ws[MAX_COUNTS];
    char prefix[128];
    snprintf(prefix, sizeof prefix, "traverse/%s", p->costly);
    size_t n = report_run_args(run, prefix, args, MAX_COUNTS);
    if (n > MAX_COUNTS)
        n = MAX_COUNTS;
    for (size_t i = 0; i < n; i++)
        ws[i] = point_at(run, p, args[i], pt) ? pt->ws : NAN;
    const double limits[3] = {caches.l1d, caches.l2, caches.l3};
    size_t at[LEVEL_PICK_SLOTS];
    level_pick(ws, n, limits, at);

    text_printf(out, "**%s** (`%s` against `%s`):\n\n", p->label, p->costly, p->cheap);
    const char *slower[LEVEL_PICK_SLOTS], *faster[LEVEL_PICK_SLOTS];
    size_t rows = 0, nslower = 0, nfaster = 0;
    for (size_t k = 0; k < LEVEL_PICK_SLOTS; k++) {
        if (at[k] == LEVEL_PICK_NONE || !point_at(run, p, args[at[k]], pt))
            continue;
        if (rows++ == 0)
            text_printf(out, "| level | elements | working set | predicted (lines) | "
                             "measured [95%% interval] | model |\n"
                             "|---|---:|---:|---:|---|---|\n");
        const char *level = cache_level_name(cache_level_of(pt->ws, caches));
        char wsbuf[32], predicted[32], measured[64];
        layout_comparison c;
        bool ok = layout_compare(p->costly, pt->ns_a, pt->na, p->cheap, pt->ns_b, pt->nb, &c);
        double pred = ok ? c.predicted : traverse_model_ratio(p->costly, p->cheap);
        if (pred > 0)
            snprintf(predicted, sizeof predicted, "%.2fx", pred);
        else
            snprintf(predicted, sizeof predicted, "n/a");
        if (ok)
            stats_ratio_ci_format(&c.measured, measured, sizeof measured);
        else
            snprintf(measured, sizeof measured, "n/a");
        text_printf(out, "| %s | %.0f | %s | %s | %s | %s |\n", level, args[at[k]],
                    bytes_human(pt->ws, wsbuf, sizeof wsbuf), predicted, measured,
                    ok ? c.verdict : "n/a");
        if (ok && strcmp(c.verdict, "slower than lines predict") == 0)
            slower[nslower++] = level;
        if (ok && strcmp(c.verdict, "faster than lines predict") == 0)
            faster[nfaster++] = level;
    }
    if (rows == 0) {
        text_printf(out, "No element count that both `%s` and `%s` ran.\n\n", p->costly,
                    p->cheap);
    } else {
        text_printf(out, "\n");
        if (nslower || nfaster) {
            text_printf(out, "Model and measurement part by more than 2x");
            if (nslower) {
                text_printf(out, " in ");
                levels_words(out, slower, nslower);
                text_printf(out, " (slower than lines predict: latency, not bandwidth, sets "
                                 "the time, since dependent loads and records the allocator "
                                 "placed out of visiting order cannot be prefetched, and "
                                 "past the caches each line costs a memory round trip plus "
                                 "a page walk when the TLB misses)");
            }
            if (nslower && nfaster)
                text_printf(out, " and");
            if (nfaster) {
                text_printf(out, " in ");
                levels_words(out, faster, nfaster);
                text_printf(out, " (faster than lines predict: the data sits in a cache, "
                                 "the prefetcher hides the lines, or the loop's own "
                                 "instructions cost more than its loads)");
            }
            text_printf(out, ": that gap is where the lesson is.\n\n");
        }
    }
}

void model_table_markdown(const report_run *run, const sweep_pair *pairs, size_t npairs,
                          text *out)
{
    point *pt = malloc(sizeof *pt);
    if (!pt) {
        fputs("report: out of memory\n", stderr);
        exit(1);
    }
    report_caches caches = report_run_caches(run, "traverse");
    text_printf(out, "#### Model and significance\n\n");
    for (size_t i = 0; i < npairs; i++)
        pair_table(run, &pairs[i], caches, pt, out);
    text_printf(out, "How to read it: *predicted* is the ratio of cache lines per element "
                     "(src/traverse/model.h), the time ratio if memory bandwidth "
                     "were the only cost; *measured* is the ratio of median CPU ns per "
                     "element with its 95%% bootstrap interval over the repetitions "
                     "(\"within noise\" when it contains 1); *model* says whether the two "
                     "agree within a factor of two "
                     "(docs/experiments/traverse.md). The "
                     "verdict above comes from the rule stated with it (the sweep's "
                     "bootstrap interval), not from these rows.\n\n");
    free(pt);
}
