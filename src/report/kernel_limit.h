/*
 * kernel_limit.h - whether the contiguous traverse layouts read their
 * bytes as fast as a plain sum over the same bytes, past the last measured
 * cache level, or their loop sets their pace: L5's section of the report
 * ("At memory's pace?").
 *
 * A claim about layout is only about memory when the kernel is not the
 * bottleneck.  Past the last level each pass of the array of structs and
 * of the struct of arrays streams its bytes (counter read_bytes_per_elem).
 * Beside each, from twice the last level, traverse times the sum of the
 * same bytes (traverse/span_sum.h: "traverse/aos_read_sum",
 * "traverse/soa_read_sum"), repetition by repetition, and the share is
 * the median of their ratio round by round (kernel_limit.c).  At
 * KERNEL_LIMIT_SHARE of that sum's rate or more the layout keeps up with
 * it; under it, the loop is the limit.  The share was fixed with the issue
 * that asked for it ("Verdicts that hold on any machine"), before any run
 * was read this way; it decides no verdict.  At KERNEL_LIMIT_CACHED or
 * more the layout read faster than the sum and the size cannot say.
 *
 * The reference was the calibration's bandwidth curve (machine.json) at
 * as many bytes until 2026-12-06, and the table still shows it.  It was no
 * reference: on this project's EPYC guest a pass over 64 MiB read at 19
 * to 31 GB/s from one minute to the next; passes that each followed 10 ms
 * without memory traffic (asleep, as in the calibration's host-gate naps,
 * or spinning) read 22.7-25.0 GB/s where passes with only a 4 KiB check
 * between them read 27.3-31.3.  Over four runs the array of structs read
 * 0.75x to 1.29x the curve at its largest size.
 */
#ifndef REPORT_KERNEL_LIMIT_H
#define REPORT_KERNEL_LIMIT_H

#include "run.h"
#include "text.h"

#define KERNEL_LIMIT_SHARE 0.90
#define KERNEL_LIMIT_CACHED 1.10

/*
 * Appends to out a heading, a table of every traverse size whose working
 * set lies past the last measured level (for aos and soa: GB/s of bytes
 * read per second of CPU time, the sum's beside it, the share, and the
 * calibration's curve at as many bytes), and one sentence on each
 * layout's largest size (each runs a count of its own past the common
 * ones); or one sentence saying why there is none (no level
 * measured by machine.json, or no size past the last level with a
 * layout's read_bytes_per_elem and its sum beside it).
 */
void kernel_limit_markdown(const report_run *run, text *out);

#endif /* REPORT_KERNEL_LIMIT_H */
