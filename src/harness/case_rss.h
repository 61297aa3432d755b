/*
 * case_rss.h - a case's peak resident memory above the program's own, for
 * benchmark counters: measured once in a fresh child (peak_rss.h) and
 * remembered, since Google Benchmark calls a case's function again for
 * every repetition.
 *
 * The baseline is what the case's child held when its case began (the
 * program's own cost: code, libraries, Google Benchmark), the kernel's
 * high-water mark being reset there (peak_rss.h says why).  Where a child
 * cannot report that, it is the peak of a child that runs no case,
 * measured once per process.
 */
#ifndef CASE_RSS_H
#define CASE_RSS_H

#include "shim/bench.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct case_rss {
    int status;      /* 0 when both figures are good; else the failing
                        child's exit status (see peak_rss.h) */
    size_t peak;     /* the case's child: VmHWM in bytes */
    size_t baseline; /* its resident set when the case began, or else
                        the baseline child's peak */
    bool from_start; /* true: baseline is the case's own start */
} case_rss;

/* Specs remembered at most; past that a spec is measured at every call. */
#define CASE_RSS_MAX 64

/*
 * The figure for 'spec' (what the program's child_main understands),
 * running "program --child=spec" the first time only.  'program' is the
 * bench itself in practice (case_rss_measure); tests pass a helper.
 */
case_rss case_rss_measure_program(const char *program, const char *spec);

/* The same for this program (/proc/self/exe). */
case_rss case_rss_measure(const char *spec);

/*
 * A new child for 'spec' at every call, never remembered: each repetition
 * of a case then reports its own figure, and the report sees the spread
 * of peak RSS over repetitions like that of a time.  For cases whose
 * figure moves from run to run by more than a comparison can ignore (how
 * many threads are alive at once depends on scheduling) and whose child
 * is cheap.  A baseline child, where one is needed, is still measured
 * once.
 */
case_rss case_rss_measure_each_program(const char *program, const char *spec);
case_rss case_rss_measure_each(const char *spec);

/* Children started so far by this module (for tests). */
unsigned case_rss_children_started(void);

/* The case's own bytes: peak - baseline, 0 when the baseline is larger
 * (the case added nothing the kernel could see) or when the figure is not
 * good (status != 0). */
size_t case_rss_over_baseline(const case_rss *r);

/* Sets the counters peak_rss_bytes, baseline_rss_bytes,
 * rss_over_baseline (peak - baseline) and rss_from_case_start (1 when the
 * baseline is the case's own start, 0 when an idle child's: the report
 * says which) of the case; nothing when the figure is not good
 * (status != 0). */
void case_rss_report(bench_state *s, const case_rss *r);

#endif /* CASE_RSS_H */
