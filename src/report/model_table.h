/*
 * model_table.h - the "Model and significance" table of the traverse
 * claims: for each compared pair of layouts, at one element count per
 * cache level, the cache-line model's predicted ratio beside the measured
 * ratio of medians with its 95% bootstrap interval, and whether the two
 * agree (src/report/model_compare.h).
 *
 * The claims' verdicts do not come from here (they are the sweep's, by
 * ranges over repetitions, sweep.h); this table explains them: where the
 * measured ratio leaves the model by more than a factor of two is where
 * memory latency, prefetching, the TLB or the allocator's placement show.
 */
#ifndef REPORT_MODEL_TABLE_H
#define REPORT_MODEL_TABLE_H

#include "run.h"
#include "sweep.h"
#include "text.h"
#include "verdict.h"

#include <stddef.h>

/* The metric the table compares: the traverse rules' (CPU time). */
#define MODEL_TABLE_METRIC "cpu_ns_per_item"

/*
 * Appends to out, under the heading "#### Model and significance", one
 * table per pair (costly against cheap, as the claim compares them) of the
 * traverse cases "traverse/<layout>/<n>" in run: rows at the largest n
 * whose working set (the larger of the two layouts' ws_bytes medians)
 * fits in L1d, in L2, in L3 (report_run_caches of traverse.json), and the
 * largest n both layouts ran; a count where either layout is missing,
 * failed or lacks a metric is left out.  Then one sentence per pair where
 * model and measurement part by more than 2x, and one on how to read the
 * tables.
 */
void model_table_markdown(const report_run *run, const sweep_pair *pairs, size_t npairs,
                          text *out);

/* The same markdown into out->body, and its rows as the claim's table
 * "Model and significance" (report.json): pair, level, elements, working
 * set, predicted and measured ratio with the interval, and the model's
 * word. */
void model_table_claim(const report_run *run, const sweep_pair *pairs, size_t npairs,
                       claim_result *out);

#endif /* REPORT_MODEL_TABLE_H */
