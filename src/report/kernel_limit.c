/* kernel_limit.c - do the contiguous traverse layouts run at memory's
 * limit past the last measured level (kernel_limit.h)? */
#include "kernel_limit.h"

#include "levels.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>

#define KERNEL_LIMIT_MAX_SIZES 128

/* The layouts whose kernels stream their bytes, with the words the
 * report uses for them. */
static const struct {
    const char *family, *label;
} streamed[] = {
    {"traverse/aos", "array of structs"},
    {"traverse/soa", "struct of arrays"},
};
#define NSTREAMED (sizeof streamed / sizeof streamed[0])

/* One layout at one size: GB/s of bytes read per second of CPU time and
 * that over the calibration's curve at as many bytes; false when the run
 * lacks a figure. */
typedef struct pass_rate {
    double ws, bytes, gbps, curve_gbps;
} pass_rate;

static bool rate_at(const report_run *run, const report_levels *lv, size_t layout, double n,
                    pass_rate *out)
{
    const char *family = streamed[layout].family;
    double per_elem = report_run_median_at(run, family, n, "read_bytes_per_elem");
    double ns = report_run_median_at(run, family, n, "cpu_ns_per_item");
    double ws = report_run_median_at(run, family, n, "ws_bytes");
    if (!(per_elem > 0) || !(ns > 0) || !(ws > 0))
        return false;
    out->ws = ws;
    out->bytes = per_elem * n;
    out->gbps = per_elem / ns;
    out->curve_gbps = profile_read_bw_at(&lv->profile, out->bytes) / 1e9;
    return isfinite(out->curve_gbps);
}

/* Why the run's profile cannot give a table; NULL when it can. */
static const char *no_curve(const report_levels *lv)
{
    if (lv->source != LEVELS_MACHINE_JSON || lv->profile.nlevels == 0)
        return "the run has no machine.json that measured a cache level";
    if (lv->profile.nbw == 0)
        return "its machine.json has no bandwidth curve";
    return NULL;
}

void kernel_limit_markdown(const report_run *run, text *out)
{
    report_levels lv;
    report_levels_of_run(run, &lv);
    double args[KERNEL_LIMIT_MAX_SIZES], past[KERNEL_LIMIT_MAX_SIZES];
    pass_rate rates[KERNEL_LIMIT_MAX_SIZES][NSTREAMED];
    size_t nargs = report_run_args(run, streamed[0].family, args, KERNEL_LIMIT_MAX_SIZES);
    if (nargs > KERNEL_LIMIT_MAX_SIZES)
        nargs = KERNEL_LIMIT_MAX_SIZES;
    const char *why = no_curve(&lv);
    size_t npast = 0;
    for (size_t i = 0; i < nargs && !why; i++) {
        /* A size counts when both layouts have their rates and lie past
         * the last level; its rates are kept for the table. */
        bool all = true;
        for (size_t l = 0; l < NSTREAMED && all; l++)
            all = rate_at(run, &lv, l, args[i], &rates[npast][l]) &&
                  level_of(&lv, rates[npast][l].ws) == lv.profile.nlevels;
        if (all)
            past[npast++] = args[i];
    }
    if (!why && npast == 0)
        why = "no traverse size with the two layouts' rates (read_bytes_per_elem, "
              "recorded since 2026-12-05) lies past the last measured level";
    text_printf(out, "\n#### At memory's pace?\n\n");
    if (why) {
        text_printf(out, "Not shown: %s.\n", why);
        return;
    }
    char h[32], b[32];
    text_printf(out, "Past the last measured level (%s, %s), each pass of the two "
                "contiguous layouts streams its bytes; the table sets their rate (bytes "
                "read per second of CPU time) against the calibration's sequential sum "
                "over as many bytes (machine.json's bandwidth curve: the suite's measure "
                "of what memory gives one thread). At %.0f%% or more a layout keeps up "
                "with that sum, so memory, not its loop, sets its pace; from %.0f%% up it "
                "read faster than the sum did (more of its pass was cached, or the sum "
                "fell short of memory's limit), and the size cannot say."
                "\n\n| layout | elements | "
                "working set | bytes a pass | GB/s | calibration, GB/s | share |\n"
                "|---|---|---|---|---|---|---|\n",
                level_name(&lv, lv.profile.nlevels - 1),
                bytes_human(level_size(&lv, lv.profile.nlevels - 1), h, sizeof h),
                100 * KERNEL_LIMIT_SHARE, 100 * KERNEL_LIMIT_CACHED);
    for (size_t i = 0; i < npast; i++)
        for (size_t l = 0; l < NSTREAMED; l++) {
            const pass_rate *r = &rates[i][l];
            text_printf(out, "| %s | %.0f | %s | %s | %.1f | %.1f | %.0f%% |\n",
                        streamed[l].label, past[i], bytes_human(r->ws, h, sizeof h),
                        bytes_human(r->bytes, b, sizeof b), r->gbps, r->curve_gbps,
                        100 * r->gbps / r->curve_gbps);
        }
    const pass_rate *last = rates[npast - 1];
    text_printf(out, "\nAt the largest size (%.0f elements):", past[npast - 1]);
    for (size_t l = 0; l < NSTREAMED; l++) {
        /* Judged as printed: a share shown as 110% is read as 110%. */
        double share = round(100 * last[l].gbps / last[l].curve_gbps) / 100;
        text_printf(out, "%s the %s %s (%.0f%%)", l ? ";" : "", streamed[l].label,
                    share >= KERNEL_LIMIT_CACHED  ? "read faster than the calibration's "
                                                    "sum: this size cannot say"
                    : share >= KERNEL_LIMIT_SHARE ? "keeps up with the calibration's sum"
                                                  : "falls behind the calibration's sum",
                    100 * share);
    }
    text_printf(out, ".\n");
}
