/*
 * run_compare.h - two results of one bench, case by case: the ratio of
 * medians and whether it is beyond the noise (tools/compare.c is only
 * its command line, so that tests can run it without a program).
 *
 * Both files are read by the report's reader (run.h): the same case
 * names (Google Benchmark's option parts removed, any length), the same
 * handling of NaN and Infinity, the same refusal of what is not a result.
 */
#ifndef REPORT_RUN_COMPARE_H
#define REPORT_RUN_COMPARE_H

#include <stdio.h>

/*
 * For every case of path_a that path_b also has, in path_a's order: each
 * repetition's time (ns per item where the case counts items, else real
 * time per iteration), the median of A and of B, the ratio B/A with its
 * 95% bootstrap interval, a verdict ("B faster", "B slower", "within
 * noise"), and whether the min-max ranges overlap; a Markdown table on
 * out, then the cases only one file has.  Returns 0 when the table is
 * written, 1 when a file cannot be read or out cannot be written (the
 * message goes to err).
 */
int run_compare_files(const char *path_a, const char *path_b, FILE *out, FILE *err);

#endif /* REPORT_RUN_COMPARE_H */
