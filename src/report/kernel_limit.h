/*
 * kernel_limit.h - whether the contiguous traverse layouts keep up with
 * the calibration's sequential sum past the last measured cache level, or
 * their loop sets their pace: L5's section of the report ("At memory's
 * pace?").
 *
 * A claim about layout is only about memory when the kernel is not the
 * bottleneck.  Past the last level each pass of the array of structs and
 * of the struct of arrays streams its bytes (counter read_bytes_per_elem)
 * and should read them about as fast as the calibration's sequential sum
 * read as many bytes: its bandwidth curve (machine.json
 * measured.bandwidth_curve), taken at the same region size, since a
 * guest's shared L3 still holds part of a 24 MiB pass and the curve's
 * 128 MiB end would flatter it.  At KERNEL_LIMIT_SHARE or more the layout
 * keeps up with the sum.  The share was fixed with the issue that asked
 * for it ("Verdicts that hold on any machine"), before any run was read
 * this way; it decides no verdict.
 *
 * At KERNEL_LIMIT_CACHED or more the pass read faster than the sum over
 * as many bytes, and the size cannot say: either the level below memory
 * held more of it during the case than during calibration (on a guest
 * sharing its L3, any size the shared L3 could hold), or the sum itself
 * fell short of what memory gives.  Both were seen: a run that measured
 * its L3 at 2.1 MiB read 16.5 MiB of records at 1.3x the sum's rate, and
 * one with an 8.1 MiB L3 read 64.5 MiB, twice the physical L3, at 29.6
 * GB/s where the sum read 22.9 (the sum times single passes of a few ms,
 * the benches repeat theirs for 50 ms; not explained yet).
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
 * read per second of CPU time, and that over the curve at as many bytes),
 * and one sentence on the largest size; or one sentence saying why there
 * is none (no level measured by machine.json, no curve, no size past the
 * last level, or cases without read_bytes_per_elem).
 */
void kernel_limit_markdown(const report_run *run, text *out);

#endif /* REPORT_KERNEL_LIMIT_H */
