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
 * The child resets the high-water mark just before its case
 * (peak_rss_start_case) and reports the resident set it had then beside
 * the peak, so the figure is the case's own growth within one process.
 * A separate child that runs no case (the "baseline" spec) was the only
 * reference until 2026-12-06; it is still the fallback where the kernel
 * refuses the reset (before Linux 4.0).  Its peak is no good reference for
 * a small case: it differs from a case child's start by tens of KiB from
 * one start to the next (address-space randomization moves how many
 * library pages fault in around each touch), and it includes what the
 * start-up touched and let go again (the dynamic linker's cache among
 * them), under which a case that grows by less showed no growth at all.
 *
 * What no method here removes: the kernel's counters behind VmRSS and
 * VmHWM are approximate.  Since Linux 6.2 they are per-CPU counters, read
 * without the pages a CPU has not yet folded in (up to 32 or so each).
 * On Linux 6.18 (2026-12-06) a child that touched 1024 KiB of fresh pages
 * grew by 924-984 KiB by these figures, and one that touched 48 KiB by
 * 64, as did one that touched none: differences of a few hundred KiB are
 * at the edge of what they can tell.
 *
 * Why not wait4's ru_maxrss: a spawned child starts in (posix_spawn) or as
 * a copy of (fork) its parent's address space, and the kernel keeps the
 * larger of that and the new program's peak, so a parent holding 2 GiB
 * would see every child "use" 2 GiB.  VmHWM after exec is the child's own.
 */
#ifndef PEAK_RSS_H
#define PEAK_RSS_H

#include <stdbool.h>
#include <stddef.h>

/* This process's peak resident set so far, in bytes (0 if unreadable). */
size_t peak_rss_self(void);

/*
 * In a child, just before its case: sets the kernel's high-water mark back
 * to the present resident set ("5" into /proc/self/clear_refs) and keeps
 * that set's size for peak_rss_report_to_parent().  Returns false, and
 * keeps nothing, when the kernel refused or PEAK_RSS_BASELINE_CHILD_ENV is
 * 1, as the suite's other switches (the earlier method, kept to compare
 * the two and to test it).
 */
#define PEAK_RSS_BASELINE_CHILD_ENV "MEMLAYOUT_RSS_BASELINE_CHILD"
bool peak_rss_start_case(void);

/* What a child reports: its peak resident set, and the resident set it
 * had when its case began (0 when it could not reset the mark). */
typedef struct peak_rss_figure {
    size_t peak;
    size_t start;
} peak_rss_figure;

/*
 * Runs 'program' with the arguments "--child=SPEC", waits, and stores the
 * child's figure in bytes.  Returns 0 when the child exited with status 0
 * and reported its peak; otherwise -1, with the figure zero and
 * *exit_status set to its status (128 + signal when killed, 127 when it
 * could not start or did not report).
 */
int peak_rss_of_program(const char *program, const char *spec,
                        peak_rss_figure *figure, int *exit_status);

/* The same, running this program again (/proc/self/exe).  The spec
 * "baseline" runs no case: its peak is what the program costs before any
 * case, the reference where a child cannot report its start. */
int peak_rss_of_child(const char *spec, peak_rss_figure *figure, int *exit_status);

/* In the child: writes its peak (and start, when peak_rss_start_case
 * kept one) to the parent's pipe, if there is one (bench_cli_start calls
 * this after child_main). */
void peak_rss_report_to_parent(void);

#endif /* PEAK_RSS_H */
