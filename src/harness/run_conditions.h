/*
 * run_conditions.h - what else on this machine may move a timing, read
 * when a run starts: CPU model, frequency governor, load average.
 *
 * Each figure goes into the results' context so that a reader can tell a
 * noisy run from a real effect (docs/quality.md).  Every reader returns a
 * printable string and never fails: a file the system does not provide
 * (no cpufreq on most virtual machines) gives "unreadable", so the field
 * is always present.
 */
#ifndef RUN_CONDITIONS_H
#define RUN_CONDITIONS_H

#include <stddef.h>

/* The first line of 'path' without its newline into buf, or "unreadable".
 * Returns buf.  Exposed for the tests; the others use it. */
const char *run_conditions_first_line(const char *path, char *buf, size_t size);

/* "model name" of the first CPU in /proc/cpuinfo, or "unreadable". */
const char *run_conditions_cpu_model(char *buf, size_t size);

/* cpu0's cpufreq scaling governor ("performance", "powersave", ...), or
 * "unreadable" (a virtual machine usually exposes none). */
const char *run_conditions_governor(char *buf, size_t size);

/* The 1, 5 and 15 minute load averages, "0.52 0.31 0.20", or "unreadable". */
const char *run_conditions_loadavg(char *buf, size_t size);

#endif /* RUN_CONDITIONS_H */
