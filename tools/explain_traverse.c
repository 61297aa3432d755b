/*
 * explain_traverse.c - the traverse model's predicted ratios beside the
 * ratios a run measured, per cache level, with a bootstrap interval.
 *
 * Run:    make layout RUN=results/<run>   (or build/bin/explain_traverse
 *         --run=DIR [--base=aos])
 * Input:  DIR/traverse.json (Google Benchmark JSON from benches/traverse.c).
 * Output: plain text on stdout.  For element counts chosen per cache level
 *         (the largest count at which the working set of every layout in
 *         the run fits in L1d, in L2, in L3 as the run's context reports
 *         them, and the largest count every layout in the run ran), one
 *         row per layout: working
 *         set, heap bytes per element measured and modelled, cache lines
 *         per element (model), median ns per element and its range over
 *         the repetitions, the model's ratio to the base layout (lines),
 *         the measured ratio of medians with its 95% bootstrap interval,
 *         and whether they agree within a factor of two (src/report/model_compare.h).
 * Units:  ns per element = 1e9 / items_per_second of each repetition.
 * Claims: L1, L3, L4, L5; docs/experiments/traverse.md says how to read it.
 */
#include "report/model_compare.h"
#include "traverse/latency_model.h"
#include "report/level_pick.h"
#include "report/run.h"
#include "traverse/model.h"
#include "harness/sizes.h"
#include "stats/bootstrap.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_COUNTS 256
#define MAX_REPS 64

/* One case of the run: every repetition's ns per element and the medians
 * of its counters. */
typedef struct cell {
    size_t reps;
    double ns[MAX_REPS];
    double ws_bytes, heap_per_elem;
} cell;

typedef struct run {
    size_t counts[MAX_COUNTS]; /* element counts seen, ascending */
    size_t ncounts;
    cell *cells;               /* [layout][count index] */
    size_t l1d, l2, l3;
    char mode[16];
    char load[64];
} run;

static cell *cell_at(run *r, size_t layout, size_t count_index)
{
    return &r->cells[layout * MAX_COUNTS + count_index];
}

static void usage(FILE *f)
{
    fprintf(f, "usage: explain_traverse [--run=DIR] [--base=LAYOUT] [--stride-run=DIR2]\n"
               "Reads DIR/traverse.json (default DIR results/latest) and prints the\n"
               "model's predicted time ratios to LAYOUT (default aos) beside the\n"
               "measured ones, per cache level; then, when DIR2/stride.json (default\n"
               "DIR2 = DIR) holds the stride bench's measured latencies, predicted\n"
               "ns per element at the largest size.  Layouts:");
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

static size_t count_index(run *r, size_t n)
{
    size_t i = 0;
    while (i < r->ncounts && r->counts[i] < n)
        i++;
    if (i < r->ncounts && r->counts[i] == n)
        return i;
    if (r->ncounts == MAX_COUNTS)
        return MAX_COUNTS;
    /* Insert n at i, shifting the counts and every layout's cells. */
    for (size_t l = 0; l < traverse_model_layout_count; l++)
        memmove(cell_at(r, l, i + 1), cell_at(r, l, i),
                (r->ncounts - i) * sizeof(cell));
    memmove(&r->counts[i + 1], &r->counts[i], (r->ncounts - i) * sizeof r->counts[0]);
    for (size_t l = 0; l < traverse_model_layout_count; l++)
        memset(cell_at(r, l, i), 0, sizeof(cell));
    r->counts[i] = n;
    r->ncounts++;
    return i;
}

static size_t context_size(const report_run *file, const char *key)
{
    const char *s = report_run_context(file, "traverse", key);
    return s ? (size_t)strtoull(s, NULL, 10) : 0;
}

/* One median of a counter the bench writes alike in every repetition. */
static double counter_of(const report_run *file, const char *name, const char *counter)
{
    summary s;
    return report_run_summary(file, name, counter, &s) == SAMPLE_OK ? s.median : 0;
}

/* Reads the repetitions of traverse/<layout>/<n> cases that did not fail,
 * through the claims report's reader (src/report/run.h): the same case
 * names, and NaN in the file read as "no value". */
static bool load_run(const char *dir, run *r)
{
    char path[4096], msg[4300];
    snprintf(path, sizeof path, "%s/traverse.json", dir);
    report_run file;
    if (!report_run_load_file(&file, path, msg, sizeof msg)) {
        fprintf(stderr, "explain_traverse: cannot read %s\n", msg);
        return false;
    }
    r->l1d = context_size(&file, "sysfs_l1d_bytes");
    r->l2 = context_size(&file, "sysfs_l2_bytes");
    r->l3 = context_size(&file, "sysfs_l3_bytes");
    const char *mode = report_run_context(&file, "traverse", "mode");
    snprintf(r->mode, sizeof r->mode, "%s", mode ? mode : "unknown");
    double load[3];
    for (size_t k = 0; k < 3; k++)
        load[k] = report_run_context_item(&file, "traverse", "load_avg", k);
    if (!isnan(load[0]) && !isnan(load[1]) && !isnan(load[2]) &&
        isnan(report_run_context_item(&file, "traverse", "load_avg", 3)))
        snprintf(r->load, sizeof r->load, "%.2f %.2f %.2f", load[0], load[1], load[2]);
    else
        snprintf(r->load, sizeof r->load, "unknown");

    for (size_t i = 0; i < report_run_case_count(&file); i++) {
        const char *name = report_run_case_name(&file, i);
        char layout[64], rest;
        unsigned long long n;
        if (sscanf(name, "traverse/%63[^/]/%llu%c", layout, &n, &rest) != 2)
            continue;
        int li = layout_index(layout);
        size_t ci = li < 0 ? MAX_COUNTS : count_index(r, (size_t)n);
        if (ci == MAX_COUNTS)
            continue;
        cell *c = cell_at(r, (size_t)li, ci);
        size_t reps;
        if (report_run_samples(&file, name, "ns_per_item", c->ns, MAX_REPS, &reps) != SAMPLE_OK)
            continue;
        c->reps = reps < MAX_REPS ? reps : MAX_REPS;
        /* Counters are exact and equal over repetitions. */
        c->ws_bytes = counter_of(&file, name, "ws_bytes");
        c->heap_per_elem = counter_of(&file, name, "heap_bytes_per_elem");
    }
    report_run_free(&file);
    if (r->ncounts == 0) {
        fprintf(stderr, "explain_traverse: %s holds no successful traverse cases\n", path);
        return false;
    }
    return true;
}

/* True when layout l has any successful case in the run: a run filtered
 * to some layouts (--benchmark_filter) is compared over those. */
static bool in_run(run *r, size_t l)
{
    for (size_t ci = 0; ci < r->ncounts; ci++)
        if (cell_at(r, l, ci)->reps > 0)
            return true;
    return false;
}

/* True when every layout of the run has results at count index ci, and
 * there are at least two; *ws gets the largest working set among them. */
static bool complete_at(run *r, size_t ci, double *ws)
{
    size_t present = 0;
    *ws = 0;
    for (size_t l = 0; l < traverse_model_layout_count; l++) {
        if (!in_run(r, l))
            continue;
        cell *c = cell_at(r, l, ci);
        if (c->reps == 0)
            return false;
        present++;
        if (c->ws_bytes > *ws)
            *ws = c->ws_bytes;
    }
    return present >= 2;
}

static void print_level(run *r, size_t ci, const char *what, int base)
{
    char b1[32], b2[32];
    double ws;
    complete_at(r, ci, &ws);
    printf("== %s: %zu elements (largest working set %s) ==\n", what, r->counts[ci],
           size_format((size_t)ws, b1, sizeof b1));
    printf("  %-15s %10s %11s %9s %20s %9s  %-34s %s\n", "layout", "ws",
           "heap B/el", "lines/el", "ns/el median [range]", "predicted",
           "measured ratio [95% CI]", "model vs measured");
    cell *bc = cell_at(r, (size_t)base, ci);
    for (size_t l = 0; l < traverse_model_layout_count; l++) {
        traverse_model m;
        traverse_model_of(traverse_model_layouts[l], &m);
        cell *c = cell_at(r, l, ci);
        if (c->reps == 0)
            continue;
        double med = stats_median(c->ns, c->reps), lo = c->ns[0], hi = c->ns[0];
        for (size_t k = 1; k < c->reps; k++) {
            lo = fmin(lo, c->ns[k]);
            hi = fmax(hi, c->ns[k]);
        }
        char heap[32], nsrange[48], ci95[64];
        if (c->heap_per_elem > 0)
            snprintf(heap, sizeof heap, "%.0f (%.0f)", c->heap_per_elem,
                     m.heap_bytes_per_elem);
        else
            snprintf(heap, sizeof heap, "? (%.0f)", m.heap_bytes_per_elem);
        snprintf(nsrange, sizeof nsrange, "%.3g [%.3g-%.3g]", med, lo, hi);
        double predicted = traverse_model_ratio(m.layout, traverse_model_layouts[base]);
        layout_comparison cmp;
        const char *verdict = "";
        if ((int)l == base) {
            snprintf(ci95, sizeof ci95, "(base)");
        } else if (layout_compare(m.layout, c->ns, c->reps, traverse_model_layouts[base],
                                  bc->ns, bc->reps, &cmp)) {
            stats_ratio_ci_format(&cmp.measured, ci95, sizeof ci95);
            verdict = cmp.verdict;
        } else {
            snprintf(ci95, sizeof ci95, "n/a");
        }
        printf("  %-15s %10s %11s %9.3f %20s %8.2fx  %-34s %s\n", m.layout,
               size_format((size_t)c->ws_bytes, b2, sizeof b2), heap,
               traverse_model_lines(&m), nsrange, predicted, ci95, verdict);
    }
    printf("\n");
}

/* Median of the "line_bytes_per_second" counter over the repetitions of
 * stride/read/<line>: the bytes per ns memory delivers when every read
 * takes a new line.  0 when the run has no such case. */
static double read_bandwidth(const report_run *stride, double line)
{
    char name[64];
    snprintf(name, sizeof name, "stride/read/%.0f", line);
    summary s;
    if (report_run_summary(stride, name, "line_bytes_per_second", &s) != SAMPLE_OK ||
        !(s.median > 0))
        return 0;
    return s.median / 1e9;
}

/* Counter 'key' of the first repetition of case 'name' (0 when absent):
 * the levels found by the stride bench's first pass. */
static double first_of(const report_run *stride, const char *name, const char *key)
{
    double v;
    size_t n;
    return report_run_samples(stride, name, key, &v, 1, &n) == SAMPLE_OK ? v : 0;
}

/*
 * Reads the cache levels the stride experiment found (its stride/levels
 * case, docs/experiments/stride.md) from DIR/stride.json.  Returns
 * false with the reason in 'why' when there is none.  Memory latency is
 * the chase over base (4 KiB) pages when the run has it: traverse's
 * arrays are malloc'd without huge pages.
 */
static bool load_levels(const char *dir, machine_levels *lv, char *why, size_t whysize)
{
    char path[4096], msg[4300];
    snprintf(path, sizeof path, "%s/stride.json", dir);
    report_run stride;
    if (!report_run_load_file(&stride, path, msg, sizeof msg)) {
        snprintf(why, whysize, "no readable %s", path);
        return false;
    }
    double arg;
    char name[64];
    bool ok = false;
    if (report_run_args(&stride, "stride/levels", &arg, 1) == 0) {
        snprintf(why, whysize, "%s has no stride/levels case", path);
    } else {
        snprintf(name, sizeof name, "stride/levels/%.0f", arg);
        memset(lv, 0, sizeof *lv);
        double count = first_of(&stride, name, "levels");
        lv->count = count > 0 && count <= LATENCY_MAX_LEVELS ? (size_t)count : 0;
        for (size_t k = 0; k < lv->count; k++) {
            char key[32];
            snprintf(key, sizeof key, "l%zu_bytes", k + 1);
            lv->bytes[k] = (size_t)first_of(&stride, name, key);
            snprintf(key, sizeof key, "l%zu_ns", k + 1);
            lv->ns[k] = first_of(&stride, name, key);
        }
        lv->mem_ns = first_of(&stride, name, "mem_ns_base_pages");
        if (!(lv->mem_ns > 0))
            lv->mem_ns = first_of(&stride, name, "mem_ns");
        lv->line_bytes = first_of(&stride, name, "line_bytes");
        if (!(lv->line_bytes > 0))
            lv->line_bytes = 64;
        lv->mem_bytes_per_ns = read_bandwidth(&stride, lv->line_bytes);
        ok = lv->count > 0 && lv->mem_ns > 0;
        if (!ok)
            snprintf(why, whysize, "%s: no usable levels or memory latency", path);
    }
    report_run_free(&stride);
    return ok;
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
static void print_latency(run *r, size_t ci, const machine_levels *lv, const char *src)
{
    char b1[32];
    printf("== In nanoseconds, from the latencies measured by the stride bench (%s),\n"
           "   at %zu elements ==\n  levels:", src, r->counts[ci]);
    for (size_t k = 0; k < lv->count; k++)
        printf(" L%zu %s %.3g ns,", k + 1, size_format(lv->bytes[k], b1, sizeof b1),
               lv->ns[k]);
    printf(" memory %.3g ns", lv->mem_ns);
    if (lv->mem_bytes_per_ns > 0)
        printf(", %.3g GB/s (10^9 bytes/s) reading a line at a time", lv->mem_bytes_per_ns);
    printf("\n  %-15s %10s %8s %9s %9s %10s %10s %9s  %s\n", "layout", "ws", "lives in",
           "stream", "random", "predicted", "measured", "meas/pred", "");
    for (size_t l = 0; l < traverse_model_layout_count; l++) {
        traverse_model m;
        traverse_model_of(traverse_model_layouts[l], &m);
        cell *c = cell_at(r, l, ci);
        latency_prediction p;
        if (c->reps == 0 || !latency_predict(&m, c->ws_bytes, lv, &p))
            continue;
        char where[16];
        if (p.level >= 0)
            snprintf(where, sizeof where, "L%d", p.level + 1);
        else
            snprintf(where, sizeof where, "memory");
        double med = stats_median(c->ns, c->reps);
        printf("  %-15s %10s %8s %6.3g ns %6.3g ns", m.layout,
               size_format((size_t)c->ws_bytes, b1, sizeof b1), where, p.stream_ns,
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
           "  random lines x the latency where the data lives.  The bandwidth comes from\n"
           "  stride/read/%.0f: one read per line, which may stream slower than a loop\n"
           "  that reads whole lines in order.\n",
           lv->line_bytes, lv->line_bytes);
    printf("\n");
}

int main(int argc, char **argv)
{
    const char *dir = "results/latest", *base_name = "aos", *stride_dir = NULL;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strncmp(argv[i], "--run=", 6) == 0 && argv[i][6]) {
            dir = argv[i] + 6;
        } else if (strncmp(argv[i], "--stride-run=", 13) == 0 && argv[i][13]) {
            stride_dir = argv[i] + 13;
        } else if (strncmp(argv[i], "--base=", 7) == 0) {
            base_name = argv[i] + 7;
        } else {
            fprintf(stderr, "explain_traverse: unknown option '%s'\n", argv[i]);
            usage(stderr);
            return 2;
        }
    }
    int base = layout_index(base_name);
    if (base < 0) {
        fprintf(stderr, "explain_traverse: no layout called '%s'\n", base_name);
        usage(stderr);
        return 2;
    }
    run *r = calloc(1, sizeof *r);
    if (!r || !(r->cells = calloc(traverse_model_layout_count * MAX_COUNTS, sizeof(cell)))) {
        fprintf(stderr, "explain_traverse: out of memory\n");
        return 1;
    }
    if (!load_run(dir, r))
        return 1;
    if (!in_run(r, (size_t)base)) {
        fprintf(stderr, "explain_traverse: %s/traverse.json has no %s cases to compare with\n",
                dir, base_name);
        return 1;
    }

    printf("Predicted versus measured, traverse (sum score of active users), run %s\n"
           "(mode %s, load average at start %s).  predicted = cache lines per element\n"
           "relative to %s (src/traverse/model.h): the time ratio if memory\n"
           "bandwidth were the only cost.  measured = ratio of median ns per element,\n"
           "95%% bootstrap interval over the repetitions; \"within noise\" when it\n"
           "contains 1.  heap B/el: measured by mallinfo2 (model in brackets).\n\n",
           dir, r->mode, r->load, base_name);
    /* One count per cache level (src/report/level_pick.h): the working
     * set of a count is the largest of every layout's, usable only where
     * every layout of the run ran. */
    double *ws = malloc(r->ncounts * sizeof *ws);
    if (!ws) {
        fprintf(stderr, "explain_traverse: out of memory\n");
        return 1;
    }
    for (size_t ci = 0; ci < r->ncounts; ci++)
        if (!complete_at(r, ci, &ws[ci]))
            ws[ci] = NAN;
    const double limits[3] = {(double)r->l1d, (double)r->l2, (double)r->l3};
    size_t at[LEVEL_PICK_SLOTS], last = MAX_COUNTS;
    level_pick(ws, r->ncounts, limits, at);
    free(ws);
    char b[32];
    static const char *const level_names[3] = {"L1d", "L2", "L3"};
    for (size_t k = 0; k < LEVEL_PICK_SLOTS; k++) {
        char what[96];
        if (k == LEVEL_PICK_LARGEST)
            snprintf(what, sizeof what, "largest size every layout in the run ran");
        else if (limits[k] > 0)
            snprintf(what, sizeof what, "every layout in the run fits in %s (%s, reported)",
                     level_names[k], size_format((size_t)limits[k], b, sizeof b));
        else
            continue;
        if (at[k] == LEVEL_PICK_NONE) {
            if (k != LEVEL_PICK_LARGEST)
                printf("== %s: no size in this run ==\n\n", what);
            continue;
        }
        print_level(r, at[k], what, base);
        last = at[k];
    }
    machine_levels lv;
    char why[4200];
    if (!stride_dir)
        stride_dir = dir;
    if (last != MAX_COUNTS && load_levels(stride_dir, &lv, why, sizeof why))
        print_latency(r, last, &lv, stride_dir);
    else
        printf("(Predictions in ns left out: %s.  They need the stride bench's\n"
               " measured latencies: make bench BENCH=stride, or --stride-run=DIR.)\n\n",
               last == MAX_COUNTS ? "no size every layout in the run ran" : why);
    printf("\"slower than lines predict\" (the whole interval above twice the\n"
           "prediction): latency, not bandwidth, sets the time (dependent loads,\n"
           "unpredictable addresses, TLB misses).  \"faster than lines predict\" (the\n"
           "whole interval below half): the data sits in a cache or the prefetcher\n"
           "hides the lines, or the loop's own instructions cost more than its loads.\n"
           "\"too noisy to tell\": the median ratio is off by a factor of two but its\n"
           "interval is not.  Inside the caches a ratio pulled toward 1 (either\n"
           "verdict) means the loop's own instructions, not its lines, set the time.\n");
    free(r->cells);
    free(r);
    return 0;
}
