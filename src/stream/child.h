/*
 * child.h - stream's --child runner: one method over one file alone in a
 * fresh process, for its peak resident memory (harness/case_rss.h).
 */
#ifndef STREAM_CHILD_H
#define STREAM_CHILD_H

#include "stream/filescan.h"
#include "stream/testfiles.h"

#include <stdbool.h>
#include <stddef.h>

/* Writes the spec of 'method' over f into out (cap bytes):
 * "<method>:<lines>:<sum>:<too long allowed, 0 or 1>:<path>".  Returns
 * what snprintf returns (>= cap: cut short). */
int stream_child_spec(char *out, size_t cap, const filescan_method *method,
                      const test_file *f, bool too_long_allowed);

/* Runs a spec from stream_child_spec: the method over the file, its
 * totals checked; "limit:<budget>:<spec>" runs it under a memory limit
 * (limit.h).  Returns 0 when they match (or the line was too long and
 * that was allowed: the error is the right answer), STREAM_CHILD_NO_MEMORY
 * (3) when the method could not allocate, 1 when the read failed
 * otherwise or the totals differ, 2 for a bad spec, an unknown method or
 * a limit that cannot be set; says why on stderr. */
int stream_child_run(const char *spec);

#endif /* STREAM_CHILD_H */
