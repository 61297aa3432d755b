/* kernel_limit.c - do the contiguous traverse layouts read as fast as the
 * sum over their bytes past the last measured level (kernel_limit.h)? */
#include "kernel_limit.h"

#include "levels.h"
#include "stats/bootstrap.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#define KERNEL_LIMIT_MAX_SIZES 128

/* The layouts whose kernels stream their bytes, the sum over the same
 * bytes that runs beside each (benches/traverse.c), and the words the
 * report uses for them. */
static const struct {
    const char *family, *sum, *label;
} streamed[] = {
    {"traverse/aos", "traverse/aos_read_sum", "array of structs"},
    {"traverse/soa", "traverse/soa_read_sum", "struct of arrays"},
};
#define NSTREAMED (sizeof streamed / sizeof streamed[0])

/* One layout at one size: its rate, the rate of the sum over its bytes,
 * the share (the first over the second, paired_share), and the
 * calibration's curve at as many bytes (NAN without a curve). */
typedef struct pass_rate {
    double ws, bytes, gbps, sum_gbps, share, curve_gbps;
} pass_rate;

/* Most repetitions a share pairs; more are left out of it. */
#define KERNEL_LIMIT_MAX_REPS 64

/* The layout's rate over its sum's at n elements, as the median over
 * rounds: benches/traverse.c runs one repetition of each per round, so
 * the k-th judged repetitions of the two ran seconds apart, and a stretch
 * in which the host gave this thread less memory falls on both sides of a
 * ratio, not on one side's median (a quick run's 16 MiB pass: the layout
 * 62.9, 32.6 and 50.0 GB/s, its sum 31.5, 30.5 and 50.3 in the same three
 * rounds; the medians say 1.59, the rounds 2.0, 1.07 and 0.99).  When the
 * host check left out a repetition of one side only, the rounds no longer
 * pair, and the share is of_medians, the ratio of the medians.
 * bytes_ratio is the layout's bytes per element over its sum's. */
static double paired_share(const report_run *run, size_t layout, double n, double bytes_ratio,
                           double of_medians)
{
    char a[256], b[256];
    double ns_a[KERNEL_LIMIT_MAX_REPS], ns_b[KERNEL_LIMIT_MAX_REPS];
    size_t count_a, count_b;
    if (!report_case_name_at(a, sizeof a, n, "%s", streamed[layout].family) ||
        !report_case_name_at(b, sizeof b, n, "%s", streamed[layout].sum) ||
        report_run_samples(run, a, "cpu_ns_per_item", ns_a, KERNEL_LIMIT_MAX_REPS,
                           &count_a) != SAMPLE_OK ||
        report_run_samples(run, b, "cpu_ns_per_item", ns_b, KERNEL_LIMIT_MAX_REPS,
                           &count_b) != SAMPLE_OK ||
        count_a != count_b || count_a > KERNEL_LIMIT_MAX_REPS)
        return of_medians;
    double ratios[KERNEL_LIMIT_MAX_REPS];
    for (size_t k = 0; k < count_a; k++)
        ratios[k] = bytes_ratio * ns_b[k] / ns_a[k];
    return stats_median_in_place(ratios, count_a);
}

static bool rate_at(const report_run *run, const report_levels *lv, size_t layout, double n,
                    pass_rate *out)
{
    const char *family = streamed[layout].family, *sum = streamed[layout].sum;
    double per_elem = report_run_median_at(run, family, n, "read_bytes_per_elem");
    double sum_per_elem = report_run_median_at(run, sum, n, "read_bytes_per_elem");
    double ns = report_run_median_at(run, family, n, "cpu_ns_per_item");
    double sum_ns = report_run_median_at(run, sum, n, "cpu_ns_per_item");
    out->ws = report_run_median_at(run, family, n, "ws_bytes");
    if (!(out->ws > 0) || !(per_elem > 0) || !(sum_per_elem > 0) || !(ns > 0) || !(sum_ns > 0))
        return false;
    out->bytes = per_elem * n;
    out->gbps = per_elem / ns;
    out->sum_gbps = sum_per_elem / sum_ns;
    out->curve_gbps = lv->profile.nbw ? profile_read_bw_at(&lv->profile, out->bytes) / 1e9 : NAN;
    out->share = paired_share(run, layout, n, per_elem / sum_per_elem,
                              out->gbps / out->sum_gbps);
    return isfinite(out->share);
}

/* One layout's sizes past the last level, each with its rates: the
 * counts its cases ran, the last of which may be its own (traverse runs
 * each contiguous layout once past the common counts, where its pass
 * reads as many bytes as the calibration's bandwidth figure did). */
typedef struct layout_rows {
    double n[KERNEL_LIMIT_MAX_SIZES];
    pass_rate rate[KERNEL_LIMIT_MAX_SIZES];
    size_t count;
} layout_rows;

static void rows_past_last_level(const report_run *run, const report_levels *lv, size_t layout,
                                 layout_rows *rows)
{
    double args[KERNEL_LIMIT_MAX_SIZES];
    size_t nargs = report_run_args(run, streamed[layout].family, args, KERNEL_LIMIT_MAX_SIZES);
    if (nargs > KERNEL_LIMIT_MAX_SIZES)
        nargs = KERNEL_LIMIT_MAX_SIZES;
    rows->count = 0;
    for (size_t i = 0; i < nargs; i++) {
        pass_rate *r = &rows->rate[rows->count];
        if (rate_at(run, lv, layout, args[i], r) && level_of(lv, r->ws) == lv->profile.nlevels)
            rows->n[rows->count++] = args[i];
    }
}

/* What the share at a layout's largest size says. */
static const char *share_says(double share)
{
    return share >= KERNEL_LIMIT_CACHED  ? "read faster than the sum over its bytes: this size "
                                           "cannot say"
           : share >= KERNEL_LIMIT_SHARE ? "keeps up with the sum over its bytes"
                                         : "falls behind the sum over its bytes";
}

void kernel_limit_markdown(const report_run *run, text *out)
{
    report_levels lv;
    report_levels_of_run(run, &lv);
    layout_rows rows[NSTREAMED];
    const char *why = lv.source != LEVELS_MACHINE_JSON || lv.profile.nlevels == 0
                          ? "the run has no machine.json that measured a cache level"
                          : NULL;
    for (size_t l = 0; l < NSTREAMED && !why; l++) {
        rows_past_last_level(run, &lv, l, &rows[l]);
        if (rows[l].count == 0)
            why = "no traverse size past the last measured level has both layouts' rates and "
                  "the sums over their bytes beside them (traverse/aos_read_sum and "
                  "soa_read_sum, run since 2026-12-06)";
    }
    text_printf(out, "\n#### At memory's pace?\n\n");
    if (why) {
        text_printf(out, "Not shown: %s.\n", why);
        return;
    }
    char h[32], b[32];
    text_printf(out, "Past the last measured level (%s, %s), each pass of the two "
                "contiguous layouts streams its bytes. Beside each, repetition by "
                "repetition, the run timed the suite's fastest loop, a plain sum of 8-byte "
                "words, over the same bytes in the same order of streams: the table sets the "
                "layout's rate (bytes read per second of CPU time) against that sum's "
                "(medians; the share is the median of the two rates' ratio round by round, "
                "one repetition of each a round). At "
                "%.0f%% or more a layout keeps up with the sum, so memory, not its loop, sets "
                "its pace; under it the loop is the limit; from %.0f%% up it read faster "
                "than the sum, and the size cannot say. Each layout also ran once past the "
                "common sizes, with its sum, where its pass reads as many bytes as the "
                "calibration's read bandwidth was measured over (as far as the largest "
                "working set allowed): the closing sentence speaks of each layout at its "
                "largest size. The calibration's rate over as many bytes, measured minutes "
                "before, is shown for comparison only: what this host gives one thread can "
                "move by tens of percent between the two."
                "\n\n| layout | elements | working set | bytes a pass | GB/s | "
                "sum of its bytes, GB/s | share | calibration, GB/s |\n"
                "|---|---|---|---|---|---|---|---|\n",
                level_name(&lv, lv.profile.nlevels - 1),
                bytes_human(level_size(&lv, lv.profile.nlevels - 1), h, sizeof h),
                100 * KERNEL_LIMIT_SHARE, 100 * KERNEL_LIMIT_CACHED);
    /* Size by size, both layouts' rows in turn: each list is ascending. */
    size_t next[NSTREAMED] = {0};
    for (;;) {
        double n = INFINITY;
        for (size_t l = 0; l < NSTREAMED; l++)
            if (next[l] < rows[l].count && rows[l].n[next[l]] < n)
                n = rows[l].n[next[l]];
        if (!isfinite(n))
            break;
        for (size_t l = 0; l < NSTREAMED; l++) {
            if (next[l] >= rows[l].count || rows[l].n[next[l]] != n)
                continue;
            const pass_rate *r = &rows[l].rate[next[l]++];
            char curve[32] = "–";
            if (isfinite(r->curve_gbps))
                snprintf(curve, sizeof curve, "%.1f", r->curve_gbps);
            text_printf(out, "| %s | %.0f | %s | %s | %.1f | %.1f | %.0f%% | %s |\n",
                        streamed[l].label, n, bytes_human(r->ws, h, sizeof h),
                        bytes_human(r->bytes, b, sizeof b), r->gbps, r->sum_gbps,
                        100 * r->share, curve);
        }
    }
    text_printf(out, "\nAt each layout's largest size:");
    for (size_t l = 0; l < NSTREAMED; l++) {
        const layout_rows *lr = &rows[l];
        /* Judged as printed: a share shown as 110% is read as 110%. */
        double share = round(100 * lr->rate[lr->count - 1].share) / 100;
        text_printf(out, "%s the %s (%.0f elements, %s a pass) %s (%.0f%%)", l ? ";" : "",
                    streamed[l].label, lr->n[lr->count - 1],
                    bytes_human(lr->rate[lr->count - 1].bytes, b, sizeof b), share_says(share),
                    100 * share);
    }
    text_printf(out, ".\n");
}
