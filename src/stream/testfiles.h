/*
 * testfiles.h - the generated record files stream's cases read: the size
 * sweep (the usual mix of short lines) and the long-line files, each with
 * the totals every pass over it must find.
 */
#ifndef STREAM_TESTFILES_H
#define STREAM_TESTFILES_H

#include "stream/records.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct test_file {
    size_t bytes;
    size_t line_bytes;        /* 0: the size sweep's mix of short lines */
    const char *path;         /* in the scratch directory, once generated */
    records_totals totals;
} test_file;

/* Writes each of files[0, n) (bytes and line_bytes set by the caller) as
 * records-<bytes>-<line_bytes>.csv in the scratch directory
 * (harness/scratch.h, which must exist), fsync'd, from 'seed'; fills path
 * and totals and counts the files done in *made.  False (after a message
 * on stderr) at the first one it cannot write. */
bool test_files_generate(test_file *files, size_t n, uint64_t seed, size_t *made);

/* The file a case reads among files[0, n): the long-line file of that
 * line length when long_lines, else the sweep's file of that size; NULL
 * when there is none. */
const test_file *test_file_for(const test_file *files, size_t n, bool long_lines,
                               size_t arg);

#endif /* STREAM_TESTFILES_H */
