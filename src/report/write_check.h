/*
 * write_check.h - did everything a tool printed reach its output?
 *
 * stdio buffers: a full disk or a closed pipe shows only at the flush,
 * and a tool that does not look exits 0 with its output cut off.
 */
#ifndef REPORT_WRITE_CHECK_H
#define REPORT_WRITE_CHECK_H

#include <stdio.h>

/*
 * Flushes out and checks its error flag.  Returns 0 when all was
 * written, else prints "<tool>: cannot write <what>: <reason>" to err
 * and returns 1 (the exit status for a tool that could not finish).
 */
int write_check(FILE *out, const char *tool, const char *what, FILE *err);

#endif /* REPORT_WRITE_CHECK_H */
