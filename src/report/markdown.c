/* markdown.c - write report.md and the summary from judged claims. */
#include "markdown.h"

#include "claim_line.h"
#include "claim_plots.h"
#include "conditions.h"
#include "host_speed.h"
#include "levels.h"
#include "md_escape.h"
#include "rules.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* Text from the results, escaped for Markdown (md_escape.h): in a
 * shared run, a host name or a file name is data, never markup. */
static const char *md(text *buf, const char *s, bool in_code)
{
    text_clear(buf);
    md_escape(buf, s, in_code);
    return text_str(buf);
}

/* A context string, escaped, or "?" when the run does not record it. */
static const char *ctx(text *buf, const report_run *run, const char *key, bool in_code)
{
    const char *v = report_run_context(run, NULL, key);
    return v ? md(buf, v, in_code) : "?";
}

/* When other programs took a real share of the CPUs during the run, each
 * case was slowed by them, unevenly: say so beside the verdicts.  The
 * share comes from what the run recorded (conditions.h), not from the
 * load average, which lags and counts the suite's own previous program. */
static void busy_warning(FILE *f, const run_share *s)
{
    if (!report_run_busy(s))
        return;
    fprintf(f, "**Warning:** other programs used %.0f%% of the CPUs over the run's "
               "%.0f s: its times include some of theirs, unevenly, and its verdicts "
               "may not repeat on a quiet machine.\n\n",
            100 * s->share, s->seconds);
}

/* When the host ran this machine slower during a share of some programs'
 * cases (host_speed.h), say which, and that their slowed repetitions were
 * left out; when calibration itself ran slowed, its levels are doubtful. */
static void slow_host_warning(FILE *f, const host_speed_summary *hs)
{
    text t = TEXT_INIT, e = TEXT_INIT;
    if (hs->known && host_speed_slowed_programs(hs, &t) > 0)
        fprintf(f, "**Warning:** the host ran this machine slower during a share of some "
                   "programs' cases (no process inside the machine can see this): a fixed "
                   "CPU check timed before each case took %.2fx its usual time or more in "
                   "%.0f%% of their repetitions or more: %s. The figures leave those "
                   "repetitions out where two or more of a case remain (%zu left out); "
                   "verdicts that rest on these programs may still not repeat.\n\n",
                REPORT_HOST_SLOW, 100 * HOST_SPEED_WARN_SHARE, md(&e, text_str(&t), false),
                hs->dropped);
    if (hs->known && hs->calibration_slowed) {
        fprintf(f, "**Warning:** the calibration ran while another thread shared this "
                   "core (");
        if (hs->calibration_gave_up)
            fprintf(f, "%zu of its repeats ran beside it after calibration had waited for "
                       "it as long as it may",
                    hs->calibration_gave_up);
        else
            fprintf(f, "its check took %.1f us against %.1f us for the cases' median",
                    hs->calibration_ns / 1e3, hs->reference_ns / 1e3);
        fprintf(f, "): the cache levels it measured may be off, and with them which level "
                   "a size is judged in.\n\n");
    }
    text_free(&t);
    text_free(&e);
}

/* "1.5 MiB" or "?" for an unknown size. */
static const char *size_or_unknown(double bytes, char *buf, size_t size)
{
    return bytes > 0 ? bytes_human(bytes, buf, size) : "?";
}

/* The machine card's line of measured levels beside the reported sizes. */
static void levels_row(FILE *f, const report_levels *lv)
{
    char b1[32], b2[32], b3[32];
    text src = TEXT_INIT;
    fprintf(f, "| cache levels (measured, from %s) | ", level_source_name(lv->source));
    for (size_t k = 0; k < lv->profile.nlevels; k++) {
        fprintf(f, "%s%s %s", k ? ", " : "", level_name(lv, k),
                bytes_human(level_size(lv, k), b1, sizeof b1));
        if (!isnan(lv->profile.level[k].ns))
            fprintf(f, " (%.2f ns)", lv->profile.level[k].ns);
    }
    if (!isnan(lv->profile.memory_ns))
        fprintf(f, ", memory %.0f ns", lv->profile.memory_ns);
    if (lv->source == LEVELS_FALLBACK)
        fprintf(f, " (%s)", md(&src, lv->profile.source, false));
    fprintf(f, " |\n");
    if (lv->reported_ignored)
        fprintf(f, "| caches (as reported) | ignored (MEMLAYOUT_IGNORE_REPORTED=1) |\n");
    else
        fprintf(f, "| caches (as reported, not used) | L1d %s, L2 %s, L3 %s |\n",
                size_or_unknown(lv->reported.l1d, b1, sizeof b1),
                size_or_unknown(lv->reported.l2, b2, sizeof b2),
                size_or_unknown(lv->reported.l3, b3, sizeof b3));
    const machine_profile *p = &lv->profile;
    fprintf(f, "| line, read bandwidth, first-touch fault | %zu B, ", p->line_bytes);
    if (isnan(p->read_bytes_per_s))
        fprintf(f, "not measured, ");
    else
        fprintf(f, "%.1f GB/s, ", p->read_bytes_per_s / 1e9);
    if (isnan(p->fault_us))
        fprintf(f, "not measured |\n");
    else
        fprintf(f, "%.2f us per 4 KiB page |\n", p->fault_us);
    text_free(&src);
}

static void machine_section(FILE *f, const report_run *run)
{
    const char *model = report_run_context(run, NULL, "cpu_model");
    double cpus = report_run_context_number(run, NULL, "num_cpus");
    double mhz = report_run_context_number(run, NULL, "mhz_per_cpu");
    report_levels *lv = malloc(sizeof *lv);
    if (!lv) {
        fputs("report: out of memory\n", stderr);
        exit(1);
    }
    report_levels_of_run(run, lv);
    run_share share;
    report_run_share(run->dir, &share);

    text a = TEXT_INIT, b = TEXT_INIT;
    fprintf(f, "## Machine and run\n\n| | |\n|---|---|\n");
    fprintf(f, "| host | %s |\n", ctx(&a, run, "host_name", false));
    fprintf(f, "| CPU | %s, %.0f CPUs at %.0f MHz, governor %s |\n",
            model ? md(&a, model, false) : "model not recorded", isnan(cpus) ? 0 : cpus,
            isnan(mhz) ? 0 : mhz, ctx(&b, run, "cpu_governor", false));
    levels_row(f, lv);
    free(lv);
    if (share.recorded)
        fprintf(f, "| other programs | %.1f%% of the CPUs over %.0f s |\n", 100 * share.share,
                share.seconds);
    else
        fprintf(f, "| other programs | not recorded (no usable conditions.json) |\n");
    host_speed_summary *hs = malloc(sizeof *hs);
    if (!hs) {
        fputs("report: out of memory\n", stderr);
        exit(1);
    }
    report_host_speed(run, hs);
    text hst = TEXT_INIT;
    host_speed_sentence(hs, &hst);
    fprintf(f, "| host speed check | %s |\n", md(&a, text_str(&hst), false));
    text_free(&hst);
    fprintf(f, "| compiler | %s, ", ctx(&a, run, "compiler", false));
    fprintf(f, "`%s` |\n", ctx(&a, run, "cflags", true));
    fprintf(f, "| allocator | %s |\n", ctx(&a, run, "allocator", false));
    fprintf(f, "| Google Benchmark build | %s |\n", ctx(&a, run, "library_build_type", false));
    fprintf(f, "| revision | %s |\n", ctx(&a, run, "suite_revision", false));
    fprintf(f, "| seed | %s |\n", ctx(&a, run, "seed", false));
    fprintf(f, "| results | ");
    for (size_t i = 0; i < run->nfiles; i++) {
        /* Each bench file with its own date and mode: a run directory can
         * mix programs run at different times. */
        const char *bench = report_run_bench_name(run, i);
        const char *mode = report_run_context(run, bench, "mode");
        const char *date = report_run_context(run, bench, "date");
        fprintf(f, "%s`%s.json` ", i ? "; " : "", md(&a, bench, true));
        fprintf(f, "(%s run, ", mode ? md(&a, mode, false) : "?");
        fprintf(f, "%s", date ? md(&a, date, false) : "?");
        fprintf(f, ")");
    }
    text_free(&a);
    text_free(&b);
    fprintf(f, "%s |\n\n", run->nfiles ? "" : "none");
    busy_warning(f, &share);
    slow_host_warning(f, hs);
    free(hs);
    fprintf(f, "Verdicts pool sizes by the measured cache levels above; the reported "
               "sizes are shown, never used (on a virtual machine they may be the "
               "host's, or absent).\n\n");
}

/* The verdicts first, one line each as make claims prints them
 * (claim_line.h): a block of code, so the lines read the same here and
 * on the terminal.  The whole phrase is in each claim's section. */
static void summary_lines(FILE *f, const claim_result *results)
{
    fprintf(f, "## Verdicts\n\n```\n");
    report_summary(f, results);
    fprintf(f, "```\n\n");
}

/* Links to the claim's plot files that the run has, each format only
 * when its file is there (a PNG alone, an SVG alone, or both). */
static void plot_links(FILE *f, const report_run *run, const claim_rule *r)
{
    claim_plot plots[CLAIM_MAX_PLOTS];
    size_t n = claim_plots_in_run(run->dir, r, plots);
    fprintf(f, "Plots:");
    for (size_t k = 0; k < n; k++) {
        const char *name = plots[k].name;
        if (plots[k].png)
            fprintf(f, " [plots/%s.png](plots/%s.png)", name, name);
        if (plots[k].png && plots[k].svg)
            fprintf(f, " ([svg](plots/%s.svg))", name);
        else if (plots[k].svg)
            fprintf(f, " [plots/%s.svg](plots/%s.svg)", name, name);
    }
    if (n == 0 && claim_plots_named(r) == 0) {
        fprintf(f, " none; no plot shows this claim");
    } else if (n == 0) {
        text dir = TEXT_INIT;
        md_escape(&dir, run->dir, true);
        fprintf(f, " none in this run (`make plots RUN=%s` draws them)", text_str(&dir));
        text_free(&dir);
    }
    fprintf(f, "\n\n");
}

void report_markdown(FILE *f, const report_run *run, const claim_result *results)
{
    text dir = TEXT_INIT;
    md_escape(&dir, run->dir, false);
    fprintf(f, "# Claims report: %s\n\n", text_str(&dir));
    text_free(&dir);
    fprintf(f, "Each claim of the article (docs/claims.md) checked on this machine. "
               "Each cache level is judged from all its sizes: the median of the "
               "sizes' ratios with a 95%% bootstrap interval; an interval wholly under "
               "the claim's threshold is below threshold, one that reaches the "
               "threshold but also 1 is within noise. A claim whose bench was not "
               "run is not measured.\n\n");
    summary_lines(f, results);
    machine_section(f, run);
    for (size_t i = 0; i < claim_rule_count; i++) {
        const claim_rule *r = &claim_rules[i];
        text phrase = TEXT_INIT;
        verdict_phrase(&results[i].v, true, &phrase);
        fprintf(f, "## %s: %s\n\n**Verdict: %s.**\n\n", r->id, r->claim, text_str(&phrase));
        text_free(&phrase);
        if (results[i].figures.len)
            fprintf(f, "Deciding figures: %s.\n\n", text_str(&results[i].figures));
        fputs(text_str(&results[i].body), f);
        if (results[i].v.kind != VERDICT_NOT_MEASURED)
            plot_links(f, run, r);
    }
    fprintf(f, "## Out of scope\n\n| claim | seed | why |\n|---|---|---|\n");
    for (size_t i = 0; i < claims_out_of_scope_count; i++)
        fprintf(f, "| %s | %s | %s |\n", claims_out_of_scope[i].claim,
                claims_out_of_scope[i].seeds, claims_out_of_scope[i].why);
}

void report_summary(FILE *f, const claim_result *results)
{
    for (size_t i = 0; i < claim_rule_count; i++) {
        text line = TEXT_INIT;
        claim_line(claim_rules[i].id, &results[i].v, &line);
        fprintf(f, "%s\n", text_str(&line));
        text_free(&line);
    }
}
