/* run_compare.c - two results of one bench, case by case, as a table. */
#include "run_compare.h"

#include "md_escape.h"
#include "run.h"
#include "stats/bootstrap.h"
#include "write_check.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

/* The bootstrap's limit (stats/bootstrap.h); more repetitions are cut. */
enum { MAX_REPS = 1024 };

/* One case's times, or false when it has none (missing, failed, no time). */
static bool times_of(const report_run *run, const char *name, double *t, size_t *n)
{
    if (report_run_samples(run, name, "time_ns", t, MAX_REPS, n) != SAMPLE_OK || *n == 0)
        return false;
    if (*n > MAX_REPS)
        *n = MAX_REPS;
    return true;
}

static bool has_case(const report_run *run, const char *name)
{
    summary s;
    return report_run_summary(run, name, "time_ns", &s) != SAMPLE_MISSING ||
           report_run_case_error(run, name) != NULL;
}

static void min_max(const double *t, size_t n, double *lo, double *hi)
{
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t i = 0; i < n; i++) {
        *lo = fmin(*lo, t[i]);
        *hi = fmax(*hi, t[i]);
    }
}

/* "- A: `path`; compiler gcc 12.2.0; mode quick; ..." */
static void describe(FILE *out, const char *label, const char *path, const report_run *run)
{
    static const char *const fields[] = {"compiler", "cflags", "allocator", "mode",
                                         "repetitions", "host_name", "date",
                                         "load_avg_at_start"};
    text line = TEXT_INIT;
    text_printf(&line, "- %s: `", label);
    md_escape(&line, path, true);
    text_printf(&line, "`");
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const char *v = report_run_context(run, NULL, fields[i]);
        if (!v)
            continue;
        text_printf(&line, "; %s ", fields[i]);
        md_escape(&line, v, false);
    }
    fprintf(out, "%s\n", text_str(&line));
    text_free(&line);
}

/* One row per case in both; counts the verdicts. */
static void table(FILE *out, const report_run *a, const report_run *b, double *ta, double *tb)
{
    fprintf(out, "\n| case | A ns | B ns | B/A [95%% CI] | verdict | ranges |\n"
                 "|---|---:|---:|---|---|---|\n");
    size_t compared = 0, faster = 0, slower = 0, na, nb;
    text name = TEXT_INIT;
    for (size_t i = 0; i < report_run_case_count(a); i++) {
        const char *case_name = report_run_case_name(a, i);
        ratio_ci ci;
        if (!times_of(a, case_name, ta, &na) || !times_of(b, case_name, tb, &nb) ||
            !stats_ratio_ci95(tb, nb, ta, na, &ci))
            continue;
        double alo, ahi, blo, bhi;
        min_max(ta, na, &alo, &ahi);
        min_max(tb, nb, &blo, &bhi);
        const char *verdict = ci.within_noise ? "within noise"
                              : ci.ratio < 1  ? "B faster"
                                              : "B slower";
        faster += !ci.within_noise && ci.ratio < 1;
        slower += !ci.within_noise && ci.ratio > 1;
        compared++;
        text_clear(&name);
        md_escape(&name, case_name, false);
        fprintf(out, "| %s | %.3g | %.3g | %.3f [%.3f, %.3f] | %s | %s |\n", text_str(&name),
                stats_median(ta, na), stats_median(tb, nb), ci.ratio, ci.lo, ci.hi, verdict,
                blo <= ahi && alo <= bhi ? "overlap" : "apart");
    }
    fprintf(out, "\n%zu cases compared: B faster in %zu, slower in %zu, within noise in %zu.\n"
                 "Times are ns per item (per element) where the case counts items, else per\n"
                 "iteration.  The interval is a percentile bootstrap of the ratio of medians;\n"
                 "with 3 to 5 repetitions it is coarse (src/stats/bootstrap.h).\n",
            compared, faster, slower, compared - faster - slower);
    text_free(&name);
}

/* "only in A: <case>" for each case of 'in' that 'other' lacks. */
static void only_in(FILE *out, const char *label, const report_run *in, const report_run *other)
{
    text name = TEXT_INIT;
    for (size_t i = 0; i < report_run_case_count(in); i++) {
        const char *case_name = report_run_case_name(in, i);
        if (has_case(other, case_name))
            continue;
        text_clear(&name);
        md_escape(&name, case_name, false);
        fprintf(out, "only in %s: %s\n", label, text_str(&name));
    }
    text_free(&name);
}

int run_compare_files(const char *path_a, const char *path_b, FILE *out, FILE *err)
{
    report_run a, b;
    char msg[1024];
    if (!report_run_load_file(&a, path_a, msg, sizeof msg)) {
        fprintf(err, "compare: %s\n", msg);
        return 1;
    }
    if (!report_run_load_file(&b, path_b, msg, sizeof msg)) {
        fprintf(err, "compare: %s\n", msg);
        report_run_free(&a);
        return 1;
    }
    double *ta = malloc(MAX_REPS * sizeof *ta), *tb = malloc(MAX_REPS * sizeof *tb);
    int status = 1;
    if (!ta || !tb) {
        fputs("compare: out of memory\n", err);
    } else {
        describe(out, "A", path_a, &a);
        describe(out, "B", path_b, &b);
        table(out, &a, &b, ta, tb);
        only_in(out, "A", &a, &b);
        only_in(out, "B", &b, &a);
        status = write_check(out, "compare", "the table", err);
    }
    free(ta);
    free(tb);
    report_run_free(&a);
    report_run_free(&b);
    return status;
}
