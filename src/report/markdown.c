/* markdown.c - write report.md and the summary from judged claims. */
#include "markdown.h"

#include "levels.h"
#include "md_escape.h"
#include "rules.h"

#include <math.h>
#include <string.h>
#include <unistd.h>

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

/* Times are wall-clock: when other programs kept the CPUs busy, each case
 * was also slowed by the time they took, unevenly.  Say so beside the
 * verdicts rather than let a reader trust them blindly. */
static void busy_warning(FILE *f, const report_run *run)
{
    double cpus = report_run_context_number(run, NULL, "num_cpus");
    text buf = TEXT_INIT;
    for (size_t i = 0; i < run->nfiles; i++) {
        const char *bench = report_run_bench_name(run, i);
        double load = report_run_load_at_start(run, bench);
        if (isnan(load) || isnan(cpus) || load <= cpus / 2)
            continue;
        fprintf(f, "**Warning:** the load average was %.2f on %.0f CPUs when `%s` "
                   "started: other programs competed for the CPUs, and its times "
                   "(wall clock) include some of theirs, unevenly. Its verdicts "
                   "may not repeat on a quiet machine.\n\n",
                load, cpus, md(&buf, bench, true));
    }
    text_free(&buf);
}

static void machine_section(FILE *f, const report_run *run)
{
    char b1[32], b2[32], b3[32];
    const char *model = report_run_context(run, NULL, "cpu_model");
    report_caches c = report_run_caches(run, NULL);
    double cpus = report_run_context_number(run, NULL, "num_cpus");
    double mhz = report_run_context_number(run, NULL, "mhz_per_cpu");

    text a = TEXT_INIT, b = TEXT_INIT;
    fprintf(f, "## Machine and run\n\n| | |\n|---|---|\n");
    fprintf(f, "| host | %s |\n", ctx(&a, run, "host_name", false));
    fprintf(f, "| CPU | %s, %.0f CPUs at %.0f MHz, governor %s |\n",
            model ? md(&a, model, false) : "model not recorded", isnan(cpus) ? 0 : cpus,
            isnan(mhz) ? 0 : mhz, ctx(&b, run, "cpu_governor", false));
    fprintf(f, "| caches (as reported) | L1d %s, L2 %s, L3 %s |\n",
            c.l1d ? bytes_human(c.l1d, b1, sizeof b1) : "?",
            c.l2 ? bytes_human(c.l2, b2, sizeof b2) : "?",
            c.l3 ? bytes_human(c.l3, b3, sizeof b3) : "?");
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
        const char *load = report_run_context(run, bench, "load_avg_at_start");
        fprintf(f, "%s`%s.json` ", i ? "; " : "", md(&a, bench, true));
        fprintf(f, "(%s run, ", mode ? md(&a, mode, false) : "?");
        fprintf(f, "%s", date ? md(&a, date, false) : "?");
        if (load)
            fprintf(f, ", load average at start %s", md(&a, load, false));
        fprintf(f, ")");
    }
    text_free(&a);
    text_free(&b);
    fprintf(f, "%s |\n\n", run->nfiles ? "" : "none");
    busy_warning(f, run);
    fprintf(f, "Cache levels below are these reported sizes; on a virtual machine they "
               "may be the host's rather than what this guest gets.\n\n");
}

static void summary_table(FILE *f, const claim_result *results)
{
    fprintf(f, "## Verdicts\n\n| id | claim | verdict | deciding figures |\n|---|---|---|---|\n");
    for (size_t i = 0; i < claim_rule_count; i++) {
        text phrase = TEXT_INIT;
        verdict_phrase(&results[i].v, true, &phrase);
        fprintf(f, "| %s | %s | %s | %s |\n", claim_rules[i].id, claim_rules[i].claim,
                text_str(&phrase), text_str(&results[i].figures));
        text_free(&phrase);
    }
    fprintf(f, "\n");
}

static void plot_links(FILE *f, const report_run *run, const claim_rule *r)
{
    fprintf(f, "Plots:");
    size_t shown = 0;
    for (size_t k = 0; k < 3 && r->plots[k]; k++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/plots/%s.png", run->dir, r->plots[k]);
        if (access(path, R_OK) != 0)
            continue;
        fprintf(f, " [plots/%s.png](plots/%s.png) ([svg](plots/%s.svg))", r->plots[k],
                r->plots[k], r->plots[k]);
        shown++;
    }
    if (!shown) {
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
               "A verdict compares medians over repetitions, shown with their "
               "min-max ranges; where the 95%% bootstrap interval of the ratio of "
               "two compared medians contains 1, the difference is within noise. "
               "A claim whose bench was not run is not measured.\n\n");
    machine_section(f, run);
    summary_table(f, results);
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
        text phrase = TEXT_INIT;
        verdict_phrase(&results[i].v, false, &phrase);
        fprintf(f, "%-3s %s\n", claim_rules[i].id, text_str(&phrase));
        text_free(&phrase);
    }
}
