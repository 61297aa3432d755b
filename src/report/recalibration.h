/*
 * recalibration.h - after a run's programs: did its calibration run
 * slowed, and may a second one replace it?
 *
 * A calibration taken while another thread shares this core measures
 * that thread's leftovers: smaller caches (one run measured L1 34 KiB and
 * L2 652 KiB against 43-44 KiB and 855-925 KiB in the others), and every
 * verdict then pools sizes by the wrong levels.  The host keeps the core
 * shared for minutes, longer than calibration may wait at the start
 * (profile_host_gate).  After the programs the run's own cases tell
 * whether the calibration ran slowed (host_speed.h), and `calibrate
 * --again` measures once more; the new one replaces the first only when
 * it ran unslowed against the same reference.
 */
#ifndef REPORT_RECALIBRATION_H
#define REPORT_RECALIBRATION_H

#include "harness/profile.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct recalibration {
    machine_profile profile; /* the run's machine.json: its levels, its
                                host check and gave-up repeats */
    bool slowed;             /* that calibration ran slowed */
    double reference_ns;     /* the run's reference (run.h); NAN: no case checks */
} recalibration;

/* Reads the run in dir: its machine.json (which must load) and its
 * results.  False with one line in err when either cannot be read. */
bool recalibration_read(const char *dir, recalibration *out, char *err, size_t errsize);

/* True when a new calibration, whose check took check_ns with gave_up
 * repeats beside another thread, ran unslowed against r's reference. */
bool recalibration_may_replace(const recalibration *r, double check_ns, size_t gave_up);

#endif /* REPORT_RECALIBRATION_H */
