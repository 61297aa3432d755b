/*
 * child_output.h - run a program with one argument and read what it writes
 * to one descriptor: how the suite's benches measure a case in a fresh
 * process (peak_rss.h over fd 3, the gc experiment's pauses over stdout).
 */
#ifndef CHILD_OUTPUT_H
#define CHILD_OUTPUT_H

#include <stddef.h>

/*
 * Starts 'program' with the single argument 'arg', a pipe on its
 * descriptor 'child_fd' (1 for stdout, 3 for the suite's report
 * descriptor); every other descriptor of the parent stays closed to it
 * (close-on-exec), except that when child_fd is not 3 the child's fd 3 is
 * opened on /dev/null, so a child of the suite never writes its report
 * into a file the parent has open there (a --benchmark_out file).  Reads
 * at most bufsize - 1 bytes into buf (always terminated), then waits.
 * Returns the child's exit status, 128 + the signal that ended it, or
 * 127 when it could not be started or waited for (then, with 'why' not
 * NULL, a reason is written there).
 */
int child_output(const char *program, const char *arg, int child_fd,
                 char *buf, size_t bufsize, char *why, size_t whysize);

#endif /* CHILD_OUTPUT_H */
