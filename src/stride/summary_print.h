/*
 * summary_print.h - stride's summary for a reader: the cache levels the
 * chase found beside those the system reports, and the read curve's bend.
 */
#ifndef STRIDE_SUMMARY_PRINT_H
#define STRIDE_SUMMARY_PRINT_H

#include "harness/machine.h"
#include "stride/curves.h"

#include <stddef.h>
#include <stdio.h>

/* Writes the summary to 'out' (stride prints it to stderr: progress, not
 * data): a line per level found with the reported size of that level,
 * memory's latency, and the bend when there is one. */
void stride_print_summary(FILE *out, const stride_summary *sum, machine_caches caches,
                          size_t line_bytes, size_t page_bytes);

#endif /* STRIDE_SUMMARY_PRINT_H */
