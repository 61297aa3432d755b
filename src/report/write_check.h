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

/*
 * Writes path whole or not at all: write(f, ctx) fills a temporary file
 * beside it (path.tmp), which is flushed, checked and renamed over path.
 * Returns 0, or 1 with "<tool>: cannot write <file>: <reason>" on err and
 * no temporary file left (a full disk, an unwritable directory).  A path
 * that exists and is not a regular file (a symlink, a device, a
 * directory) is refused and left alone: a rename would replace a link by
 * a file, and writing through one is a surprise too.
 */
int write_atomically(const char *path, void (*write)(FILE *f, void *ctx), void *ctx,
                     const char *tool, FILE *err);

#endif /* REPORT_WRITE_CHECK_H */
