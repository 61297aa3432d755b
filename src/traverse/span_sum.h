/*
 * span_sum.h - the sequential sum over the bytes a contiguous layout's
 * kernel reads: the reference traverse sets that kernel against past the
 * caches (L5's "At memory's pace?", report/kernel_limit.h).
 *
 * Whether the array of structs and the struct of arrays read memory as
 * fast as it can be read is a question about their loops, so the
 * reference must differ from them in the loop only: the same bytes, at
 * the same addresses, timed in the same process seconds apart.  The
 * calibration's bandwidth curve (machine.json) was that reference first,
 * and it could not be: on this project's EPYC guest one thread's read
 * rate over 64 MiB moved between 19 and 31 GB/s from one minute to the
 * next (2026-12-06), so a curve measured minutes before a case told the
 * host's mood as much as the loop's.
 */
#ifndef TRAVERSE_SPAN_SUM_H
#define TRAVERSE_SPAN_SUM_H

#include "traverse/layout.h"

#include <stdbool.h>
#include <stdint.h>

/* Whether l's kind reads its bytes as runs (aos, soa), so that a span sum
 * exists for it. */
bool layout_has_spans(const layout_kind *kind);

/* Bytes the kernel of l reads as runs; 0 when its kind has none. */
size_t layout_span_bytes(const layout *l);

/* read_sum_bytes (harness/read_sum.h) over every run of l, added; 0 when
 * its kind has none.  Several runs (soa's activity bytes and scores)
 * advance together, LAYOUT_RUN_RECORDS records of one run, then of the
 * next, in the order the kernel reads them: taken one after the other,
 * the columns' sum read 27.7 GB/s where the loop read 18.1 (256 MiB of
 * records), so it set the loop against a pattern the loop does not run.
 * Since 2026-12-06 the soa kernel takes its runs in the same blocks
 * (soa.c says why). */
uint64_t layout_span_sum(const layout *l);

#endif /* TRAVERSE_SPAN_SUM_H */
