/*
 * peak_rss.h - peak resident memory of one case, measured by the kernel.
 *
 * The memory a case really used is the most RAM its process ever had
 * resident: the kernel's high-water mark, VmHWM in /proc/self/status.  To
 * measure a case alone it runs in a fresh process: the bench program
 * starts itself again as "--child=SPEC", runs only that case
 * (bench_program.child_main), and reports its VmHWM to the parent through
 * a pipe just before it exits.
 *
 * Why not wait4's ru_maxrss: a spawned child starts in (posix_spawn) or as
 * a copy of (fork) its parent's address space, and the kernel keeps the
 * larger of that and the new program's peak, so a parent holding 2 GiB
 * would see every child "use" 2 GiB.  VmHWM after exec is the child's own.
 */
#ifndef PEAK_RSS_H
#define PEAK_RSS_H

#include <stddef.h>

/* This process's peak resident set so far, in bytes (0 if unreadable). */
size_t peak_rss_self(void);

/*
 * Runs 'program' with the arguments "--child=SPEC", waits, and stores the
 * child's peak resident set in bytes.  Returns 0 when the child exited
 * with status 0 and reported its peak; otherwise -1, with *exit_status set
 * to its status (128 + signal when killed, 127 when it could not start or
 * did not report).
 */
int peak_rss_of_program(const char *program, const char *spec,
                        size_t *peak_bytes, int *exit_status);

/* The same, running this program again (/proc/self/exe).  The spec
 * "baseline" runs no case: its peak is what the program costs before any
 * case, to subtract from the others. */
int peak_rss_of_child(const char *spec, size_t *peak_bytes, int *exit_status);

/* In the child: writes peak_rss_self() to the parent's pipe, if there is
 * one (bench_cli_start calls this after child_main). */
void peak_rss_report_to_parent(void);

#endif /* PEAK_RSS_H */
