/* significance.c - two cases compared by their medians' bootstrap interval. */
#include "significance.h"

#include <stdio.h>

/* More repetitions than this are not read (the bootstrap's own limit). */
#define MAX_SAMPLES 1024

/* Judged against the threshold, not against 1 alone: an interval wholly
 * under the threshold cannot back the claim, whether or not it also
 * contains 1.  Read against 1 only, a level whose ratio sat near 1.1
 * under a 2x threshold read "too small" in one run and "within noise" in
 * the next, and flipped its claim between "holds only when" and "holds". */
compare_status ratio_ci_status(const ratio_ci *ci, double min_ratio)
{
    if (ci->hi < 1)
        return COMPARE_AGAINST;
    if (ci->ratio > min_ratio / RULE_THRESHOLD_BAND && ci->ratio < min_ratio * RULE_THRESHOLD_BAND)
        return COMPARE_NOISE;
    if (ci->hi < min_ratio)
        return COMPARE_SMALL;
    if (ci->lo > 1 && ci->ratio >= min_ratio)
        return COMPARE_HOLDS;
    return COMPARE_NOISE;
}

verdict_kind compare_verdict_kind(compare_status s)
{
    return s == COMPARE_HOLDS   ? VERDICT_HOLDS
           : s == COMPARE_NOISE ? VERDICT_WITHIN_NOISE
                                : VERDICT_DOES_NOT_HOLD;
}

/* The samples of one case, or its status. */
static sample_status samples_of(const report_run *run, const char *name,
                                const char *metric, double *out, size_t *n)
{
    size_t count = 0;
    sample_status st = report_run_samples(run, name, metric, out, MAX_SAMPLES, &count);
    *n = count < MAX_SAMPLES ? count : MAX_SAMPLES;
    return st;
}

/* The interval over the processes that measured both cases, into *out,
 * and how many there were into *processes.  With two or more, each
 * process's repetitions of the two are one group of stats_group_ratio_ci:
 * the ratio is the median of the processes' ratios, and the interval is
 * as wide as they disagree; with one, that process's repetitions alone
 * (a case another process measured too is not mixed in).  False, with
 * *processes 0, when neither case has replicates (the caller's pooled
 * samples are then the one process's, read once) or no process measured
 * both; false when no interval could be had. */
static bool process_ci(const report_run *run, const char *costly, const char *cheap,
                       const char *metric, ratio_ci *out, size_t *processes)
{
    enum { PER_PROCESS = MAX_SAMPLES / REPORT_MAX_PROCESSES };
    unsigned ids_a[REPORT_MAX_PROCESSES], ids_b[REPORT_MAX_PROCESSES];
    size_t n_a = report_run_processes(run, costly, ids_a, REPORT_MAX_PROCESSES);
    size_t n_b = report_run_processes(run, cheap, ids_b, REPORT_MAX_PROCESSES);
    *processes = 0;
    if (n_a < 2 && n_b < 2)
        return false;   /* no replicates: the pooled samples are the process's */
    double a[REPORT_MAX_PROCESSES][PER_PROCESS], b[REPORT_MAX_PROCESSES][PER_PROCESS];
    size_samples groups[REPORT_MAX_PROCESSES];
    size_t n = 0;
    for (size_t i = 0; i < n_a; i++) {
        size_t j = 0;
        while (j < n_b && ids_b[j] != ids_a[i])
            j++;
        size_t na = 0, nb = 0;
        if (j == n_b ||
            report_run_process_samples(run, costly, metric, ids_a[i], a[n], PER_PROCESS,
                                       &na) != SAMPLE_OK ||
            report_run_process_samples(run, cheap, metric, ids_a[i], b[n], PER_PROCESS,
                                       &nb) != SAMPLE_OK)
            continue;
        groups[n] = (size_samples){a[n], na < PER_PROCESS ? na : PER_PROCESS,
                                   b[n], nb < PER_PROCESS ? nb : PER_PROCESS};
        n++;
    }
    *processes = n;
    if (n == 1)
        return stats_ratio_ci95(groups[0].costly, groups[0].ncostly, groups[0].cheap,
                                groups[0].ncheap, out);
    return n >= 2 && stats_group_ratio_ci95(groups, n, out);
}

sample_status compare_cases(const report_run *run, const char *costly,
                            const char *cheap, const char *metric, double min_ratio,
                            case_comparison *out)
{
    double a[MAX_SAMPLES], b[MAX_SAMPLES];
    size_t na = 0, nb = 0;
    case_comparison c = {0};
    sample_status st = samples_of(run, costly, metric, a, &na);
    if (st != SAMPLE_OK)
        return st;
    if ((st = samples_of(run, cheap, metric, b, &nb)) != SAMPLE_OK)
        return st;
    /* One read of each case: the summary comes from the same samples. */
    c.costly = summary_of(a, na);
    c.cheap = summary_of(b, nb);
    c.has_ci = process_ci(run, costly, cheap, metric, &c.ci, &c.processes);
    if (c.processes == 0) {   /* no process measured both: pooled */
        c.processes = 1;
        c.has_ci = stats_ratio_ci95(a, na, b, nb, &c.ci);
    }
    c.status = c.has_ci ? ratio_ci_status(&c.ci, min_ratio)
                        : summary_compare(c.costly, c.cheap, min_ratio);
    *out = c;
    return SAMPLE_OK;
}

const char *compare_processes_note(const case_comparison *c, char *buf, size_t size)
{
    if (c->processes > 1 && c->has_ci)
        snprintf(buf, size, " over %zu processes", c->processes);
    else if (size > 0)
        buf[0] = '\0';
    return buf;
}
