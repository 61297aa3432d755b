/*
 * conditions.h - what the run recorded about other programs on the machine
 * while it ran: <run>/conditions.json, read for the report's noise warning.
 *
 * The warning used to come from the load average at each program's start,
 * which lags a minute and so counted the suite's own previous program:
 * every program after the first was "busy".  The run script instead
 * measures other programs' CPU time over the run (harness/run_conditions.h)
 * and writes it as
 *
 *   {"others_cpu_share": 0.031, "seconds": 512.4}
 *
 * (others' busy time over all CPUs' time, 0..1; the run's length).  Other
 * fields are ignored.  A run without the file gets no warning and the
 * report says the share was not recorded.
 */
#ifndef REPORT_CONDITIONS_H
#define REPORT_CONDITIONS_H

#include <stdbool.h>

typedef struct run_share {
    bool recorded;   /* the file was there and had both figures */
    double share;    /* others' share of the CPUs, 0..1 */
    double seconds;  /* over how long */
    char why[256];   /* when not recorded: why ("no conditions.json") */
} run_share;

/* Reads <dir>/conditions.json into *out; never fails (see recorded). */
void report_run_share(const char *dir, run_share *out);

/* True when the share recorded is at least RUN_OTHERS_WARN_SHARE: the
 * same threshold the run script and calibrate warn at. */
bool report_run_busy(const run_share *s);

#endif /* REPORT_CONDITIONS_H */
