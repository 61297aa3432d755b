/*
 * tool.h - the claims report as one call: read a run, judge, write.
 *
 * tools/report.c is only its command line, so that tests can run the
 * whole report (and its failures) without starting a program.
 */
#ifndef REPORT_TOOL_H
#define REPORT_TOOL_H

#include <stdio.h>

/*
 * Reads the run in dir, judges every claim, and writes out_path (NULL:
 * <dir>/report.md) and, beside it, the same verdicts as data (report.json;
 * for out_path "x.md", "x.json"), each through a temporary file and a
 * rename (write_check.h), so a failed report never leaves a half-written
 * one.  Prints the one-line-per-claim summary to 'summary_out' (NULL:
 * nothing) and errors to 'err'.  Returns 0, or 1 when the run cannot be
 * read (the message names the file), a report or the summary cannot be
 * written, or a report's path exists and is not a regular file (a symlink
 * or a device is refused, never replaced).  A claim that does not hold is
 * a result, not an error: the status is still 0.
 */
int report_tool_run(const char *dir, const char *out_path, FILE *summary_out, FILE *err);

#endif /* REPORT_TOOL_H */
