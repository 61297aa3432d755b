/*
 * explain_traverse.c - the traverse model's predicted ratios beside the
 * ratios a run measured, per cache level, with a bootstrap interval.
 *
 * Run:    make layout RUN=results/<run>   (or build/bin/explain_traverse
 *         --run=DIR [--base=aos])
 * Input:  DIR/traverse.json (Google Benchmark JSON from benches/traverse.c),
 *         read with the run as the report reads it (repetitions the host
 *         slowed left out), and the run's measured levels (machine.json,
 *         or its stride/levels case).
 * Output: plain text on stdout.  For element counts chosen per cache level
 *         (the largest count at which the working set of every layout in
 *         the run fits in each of the first three levels the run
 *         measured, src/report/levels.h, as the claims report picks them,
 *         and the largest count every layout in the run ran), one row per
 *         layout: working set, heap bytes per element measured
 *         and modelled, cache lines
 *         per element (model), median ns per element and its range over
 *         the repetitions, the model's ratio to the base layout (lines),
 *         the measured ratio of medians with its 95% bootstrap interval,
 *         and whether they agree within a factor of two (src/report/model_compare.h).
 *         The rows are the claims report's model table (src/report/model_rows.h),
 *         every layout against one instead of two at a time.
 * Units:  ns per element = 1e9 / items_per_second of each repetition.
 * Claims: L1, L3, L4, L5; docs/experiments/traverse.md says how to read it.
 */
#include "harness/sizes.h"
#include "report/levels.h"
#include "report/model_rows.h"
#include "report/run.h"
#include "report/tool_args.h"
#include "stats/bootstrap.h"
#include "traverse/latency_model.h"
#include "traverse/model.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The metric of the table: wall-clock ns per element, as the plots show. */
#define METRIC "ns_per_item"

/* What the run's context says of the run. */
typedef struct run_info {
    char mode[16];
    char load[64];
} run_info;

static void usage(FILE *f)
{
    fprintf(f, "usage: explain_traverse [--run=DIR] [--base=LAYOUT] [--stride-run=DIR2]\n"
               "Reads DIR/traverse.json (default DIR results/latest) and prints the\n"
               "model's predicted time ratios to LAYOUT (default aos) beside the\n"
               "measured ones, per measured cache level, then predicted ns per\n"
               "element at the largest size from the measured latencies.  The levels\n"
               "are DIR2's (default DIR): its machine.json, or its stride/levels\n"
               "case.\nLayouts:");
    for (size_t i = 0; i < traverse_model_layout_count; i++)
        fprintf(f, " %s", traverse_model_layouts[i]);
    fprintf(f, "\n");
}

static int layout_index(const char *name)
{
    for (size_t i = 0; i < traverse_model_layout_count; i++)
        if (strcmp(traverse_model_layouts[i], name) == 0)
            return (int)i;
    return -1;
}

/* The mode and load average of the run's context. */
static void read_info(const report_run *file, run_info *info)
{
    const char *mode = report_run_context(file, "traverse", "mode");
    snprintf(info->mode, sizeof info->mode, "%s", mode ? mode : "unknown");
    double load[3];
    for (size_t k = 0; k < 3; k++)
        load[k] = report_run_context_item(file, "traverse", "load_avg", k);
    if (!isnan(load[0]) && !isnan(load[1]) && !isnan(load[2]) &&
        isnan(report_run_context_item(file, "traverse", "load_avg", 3)))
        snprintf(info->load, sizeof info->load, "%.2f %.2f %.2f", load[0], load[1], load[2]);
    else
        snprintf(info->load, sizeof info->load, "unknown");
}

/* One row of the table (model_rows.h): every layout of the run at one
 * element count, against the base. */
static void print_level(const model_rows *t, const model_row *row, const char *what)
{
    char b1[32], b2[32];
    const char *base = t->layouts[t->base];
    printf("== %s: %.0f elements (largest working set %s) ==\n", what, row->elements,
           size_format((size_t)row->ws, b1, sizeof b1));
    printf("  %-15s %10s %11s %9s %20s %9s  %-34s %s\n", "layout", "ws",
           "heap B/el", "lines/el", "ns/el median [range]", "predicted",
           "measured ratio [95% CI]", "model vs measured");
    for (size_t l = 0; l < t->nlayouts; l++) {
        traverse_model m;
        traverse_model_of(t->layouts[l], &m);
        const model_cell *c = &row->cells[l];
        char heap[32], nsrange[48], ci95[64];
        if (c->heap_per_elem > 0)
            snprintf(heap, sizeof heap, "%.0f (%.0f)", c->heap_per_elem,
                     m.heap_bytes_per_elem);
        else
            snprintf(heap, sizeof heap, "? (%.0f)", m.heap_bytes_per_elem);
        snprintf(nsrange, sizeof nsrange, "%.3g [%.3g-%.3g]", c->ns.median, c->ns.min,
                 c->ns.max);
        const char *verdict = "";
        if (l == t->base) {
            snprintf(ci95, sizeof ci95, "(base)");
        } else if (c->compared) {
            stats_ratio_ci_format(&c->cmp.measured, ci95, sizeof ci95);
            verdict = c->cmp.verdict;
        } else {
            snprintf(ci95, sizeof ci95, "n/a");
        }
        printf("  %-15s %10s %11s %9.3f %20s %8.2fx  %-34s %s\n", m.layout,
               size_format((size_t)c->ws, b2, sizeof b2), heap, traverse_model_lines(&m),
               nsrange, traverse_model_ratio(m.layout, base), ci95, verdict);
    }
    printf("\n");
}

/* The model's machine: the run's measured levels, memory latency and
 * sequential read bandwidth (the calibration's, harness/profile.h).  False with
 * the reason in 'why' when a latency it needs was not measured. */
static bool model_levels(const report_levels *rl, machine_levels *lv, char *why, size_t whysize)
{
    const machine_profile *p = &rl->profile;
    memset(lv, 0, sizeof *lv);
    lv->count = p->nlevels < LATENCY_MAX_LEVELS ? p->nlevels : LATENCY_MAX_LEVELS;
    for (size_t k = 0; k < lv->count; k++) {
        lv->bytes[k] = p->level[k].bytes;
        lv->ns[k] = p->level[k].ns;
        if (!(lv->ns[k] > 0)) {
            snprintf(why, whysize, "L%zu's latency was not measured (levels from %s)", k + 1,
                     level_source_name(rl->source));
            return false;
        }
    }
    lv->mem_ns = p->memory_ns;
    /* The model counts 64-byte lines (traverse/model.h): a machine that
     * moves two at a time (a measured 128-byte unit) moves the same bytes. */
    lv->line_bytes = 64;
    lv->mem_bytes_per_ns = p->read_bytes_per_s > 0 ? p->read_bytes_per_s / 1e9 : 0;
    if (lv->count == 0 || !(lv->mem_ns > 0)) {
        snprintf(why, whysize, "no measured levels or memory latency (levels from %s)",
                 level_source_name(rl->source));
        return false;
    }
    return true;
}

/* Within a factor of two of the prediction, or which way it misses. */
static const char *ns_verdict(double predicted, double measured)
{
    if (measured > 2 * predicted)
        return "slower than predicted";
    if (measured < predicted / 2)
        return "faster than predicted";
    return "agrees";
}

/* Predicted ns per element from the measured latencies and bandwidth,
 * beside the measured median, at count index ci. */
static void print_latency(const model_rows *t, const model_row *row,
                          const machine_levels *lv, const char *src)
{
    char b1[32];
    printf("== In nanoseconds, from the latencies the run measured (%s),\n"
           "   at %.0f elements ==\n  levels:", src, row->elements);
    for (size_t k = 0; k < lv->count; k++)
        printf(" L%zu %s %.3g ns,", k + 1, size_format(lv->bytes[k], b1, sizeof b1),
               lv->ns[k]);
    printf(" memory %.3g ns", lv->mem_ns);
    if (lv->mem_bytes_per_ns > 0)
        printf(", %.3g GB/s (10^9 bytes/s) reading in order", lv->mem_bytes_per_ns);
    printf("\n  %-15s %10s %8s %9s %9s %10s %10s %9s  %s\n", "layout", "ws", "lives in",
           "stream", "random", "predicted", "measured", "meas/pred", "");
    for (size_t l = 0; l < t->nlayouts; l++) {
        traverse_model m;
        traverse_model_of(t->layouts[l], &m);
        const model_cell *c = &row->cells[l];
        latency_prediction p;
        if (!latency_predict(&m, c->ws, lv, &p))
            continue;
        char where[16];
        if (p.level >= 0)
            snprintf(where, sizeof where, "L%d", p.level + 1);
        else
            snprintf(where, sizeof where, "memory");
        double med = c->ns.median;
        printf("  %-15s %10s %8s %6.3g ns %6.3g ns", m.layout,
               size_format((size_t)c->ws, b1, sizeof b1), where, p.stream_ns,
               p.random_ns);
        if (p.total_ns > 0)
            printf(" %7.3g ns %7.3g ns %8.2fx  %s%s\n", p.total_ns, med, med / p.total_ns,
                   ns_verdict(p.total_ns, med),
                   p.upper_bound ? " (prediction is an upper bound)" : "");
        else
            printf(" %10s %7.3g ns %9s  (no line cost predicted inside a cache)\n", "-", med,
                   "-");
    }
    printf("  stream = seq lines x %.0f B / the bandwidth above (memory only); random =\n"
           "  random lines x the latency where the data lives.\n",
           lv->line_bytes);
    printf("\n");
}

int main(int argc, char **argv)
{
    const char *dir = "results/latest", *base_name = "aos", *stride_dir = NULL;
    const tool_option opts[] = {
        {.name = "--run=", .value = &dir},
        {.name = "--stride-run=", .value = &stride_dir},
        /* an empty name is refused below, as a layout that does not exist */
        {.name = "--base=", .value = &base_name, .empty_ok = true},
    };
    const tool_cli cli = {"explain_traverse", usage, opts, sizeof opts / sizeof opts[0],
                          NULL};
    int status = tool_args_parse(&cli, argc, argv, stdout, stderr);
    if (status >= 0)
        return status;
    int base = layout_index(base_name);
    if (base < 0) {
        fprintf(stderr, "explain_traverse: no layout called '%s'\n", base_name);
        usage(stderr);
        return 2;
    }
    char msg[4300];
    report_run run;
    if (!report_run_load(&run, dir, msg, sizeof msg)) {
        fprintf(stderr, "explain_traverse: cannot read the run: %s\n", msg);
        return 1;
    }
    if (!report_run_has_bench(&run, "traverse")) {
        fprintf(stderr, "explain_traverse: %s has no traverse.json\n", dir);
        report_run_free(&run);
        return 1;
    }
    /* The levels the claims report judges by: this run's, or DIR2's. */
    report_levels rl;
    const char *levels_dir = stride_dir ? stride_dir : dir;
    if (strcmp(levels_dir, dir) != 0) {
        report_run other;
        if (!report_run_load(&other, levels_dir, msg, sizeof msg)) {
            fprintf(stderr, "explain_traverse: cannot read the levels' run: %s\n", msg);
            report_run_free(&run);
            return 1;
        }
        report_levels_of_run(&other, &rl);
        report_run_free(&other);
    } else {
        report_levels_of_run(&run, &rl);
    }
    /* The fallback's sizes are the suite's guess, not this machine's. */
    const char *how = rl.source == LEVELS_FALLBACK ? "assumed" : "measured";
    double limits[3];
    for (size_t k = 0; k < 3; k++)
        limits[k] = k < rl.profile.nlevels ? level_size(&rl, k) : 0;
    /* One count per cache level, every layout of the run against the
     * base: the claims report's table (src/report/model_rows.h). */
    run_info info;
    read_info(&run, &info);
    model_rows t;
    model_rows_build(&run, METRIC, traverse_model_layouts, traverse_model_layout_count,
                     (size_t)base, limits, &t);
    report_run_free(&run);
    if (t.nlayouts == 0) {
        fprintf(stderr, "explain_traverse: %s/traverse.json holds no successful traverse cases\n",
                dir);
        return 1;
    }
    if (t.base == t.nlayouts) {
        fprintf(stderr, "explain_traverse: %s/traverse.json has no %s cases to compare with\n",
                dir, base_name);
        return 1;
    }

    printf("Predicted versus measured, traverse (sum score of active users), run %s\n"
           "(mode %s, load average at start %s; cache levels %s, from %s of\n"
           "%s).  predicted = cache lines per element relative to %s\n"
           "(src/traverse/model.h): the time ratio if memory bandwidth were the only\n"
           "cost.  measured = ratio of median ns per element, 95%% bootstrap interval\n"
           "over the repetitions (those the host slowed left out, as in the report);\n"
           "\"within noise\" when it contains 1.  heap B/el: measured by mallinfo2\n"
           "(model in brackets).\n\n",
           dir, info.mode, info.load, how, level_source_name(rl.source), levels_dir, base_name);
    char b[32];
    const model_row *last = NULL;
    for (size_t k = 0; k < LEVEL_PICK_SLOTS; k++) {
        char what[96];
        if (k == LEVEL_PICK_LARGEST)
            snprintf(what, sizeof what, "largest size every layout in the run ran");
        else if (limits[k] > 0)
            snprintf(what, sizeof what, "every layout in the run fits in %s (%s, %s)",
                     level_name(&rl, k), size_format((size_t)limits[k], b, sizeof b), how);
        else
            continue;
        if (!t.rows[k].shown) {
            if (k != LEVEL_PICK_LARGEST)
                printf("== %s: no size in this run ==\n\n", what);
            continue;
        }
        print_level(&t, &t.rows[k], what);
        last = &t.rows[k];
    }
    machine_levels lv;
    char why[4200];
    if (last && model_levels(&rl, &lv, why, sizeof why))
        print_latency(&t, last, &lv, level_source_name(rl.source));
    else
        printf("(Predictions in ns left out: %s.  They need the run's measured\n"
               " latencies: make bench runs the calibration first.)\n\n",
               !last ? "no size every layout in the run ran" : why);
    printf("\"slower than lines predict\" (the whole interval above twice the\n"
           "prediction): latency, not bandwidth, sets the time (dependent loads,\n"
           "unpredictable addresses, TLB misses).  \"faster than lines predict\" (the\n"
           "whole interval below half): the data sits in a cache or the prefetcher\n"
           "hides the lines, or the loop's own instructions cost more than its loads.\n"
           "\"too noisy to tell\": the median ratio is off by a factor of two but its\n"
           "interval is not.  Inside the caches a ratio pulled toward 1 (either\n"
           "verdict) means the loop's own instructions, not its lines, set the time.\n");
    return 0;
}
