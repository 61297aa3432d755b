/*
 * markdown.h - report.md and the one-line-per-claim summary.
 *
 * report.md opens with one line per claim (under 140 characters), then the
 * machine card (measured levels beside the reported sizes, line, bandwidth,
 * fault cost, compiler, allocator, other programs' CPU share and a warning
 * when it was high), then one section per claim: the verdict, the deciding figures with their
 * spread, the tables of its rule, and links to its plots; it ends with the
 * claims left out of scope and why.
 */
#ifndef REPORT_MARKDOWN_H
#define REPORT_MARKDOWN_H

#include "run.h"
#include "verdict.h"

#include <stdio.h>

/* results[i] is the verdict of claim_rules[i], for every rule. */
void report_markdown(FILE *f, const report_run *run, const claim_result *results);

/* "L1  holds only when ...", one line per claim (claim_line.h), to f:
 * the same lines report.md opens with. */
void report_summary(FILE *f, const claim_result *results);

#endif /* REPORT_MARKDOWN_H */
