/*
 * host_speed.h - which cases ran while the host ran this machine slower
 * (harness/host_speed.h): the noise warning for what the other-programs
 * share (conditions.h) cannot see, and what the report left out for it.
 *
 * Every case records the time of a fixed CPU check taken just before it
 * (counter host_check_ns); machine.json holds the same check's time at
 * calibration.  The run's reference is the faster of the calibration's
 * and the median over all cases (run.h): a calibration taken while the
 * host was slow is then said, not used.  A case repetition whose check
 * took REPORT_HOST_SLOW times the reference or more ran slowed; the report
 * leaves it out (run.h) and warns about a program when at least
 * HOST_SPEED_WARN_SHARE of its repetitions were slowed.  Both figures were
 * fixed with the check, before any run was judged: the check repeats
 * within 1% when nothing else runs, and a busy thread beside it on the
 * host's core makes it about 1.5x slower.
 */
#ifndef REPORT_HOST_SPEED_H
#define REPORT_HOST_SPEED_H

#include "run.h"
#include "text.h"

#include <stdbool.h>
#include <stddef.h>

#define HOST_SPEED_WARN_SHARE 0.05
#define HOST_SPEED_MAX_PROGRAMS 32

typedef struct host_speed_program {
    char name[64];   /* the bench: the case names' first part */
    size_t runs;     /* case repetitions that carry the check */
    size_t slowed;   /* of them, checks at least REPORT_HOST_SLOW slower */
    double worst;    /* the largest check / reference ratio */
} host_speed_program;

typedef struct host_speed_summary {
    bool known;               /* some case carries the check */
    double reference_ns;      /* the run's reference (run.h); NAN unknown */
    double calibration_ns;    /* machine.json's; NAN when it has none */
    bool calibration_slowed;  /* calibration >= REPORT_HOST_SLOW x reference,
                                 or some of its repeats ran beside another
                                 thread (machine.json host_gate_gave_up) */
    size_t calibration_gave_up;  /* those repeats */
    bool recalibrated;        /* the run's first calibration ran slowed and
                                 was measured again after the programs
                                 (calibrate --again): the figures of that
                                 first one (machine.json "first_calibration") */
    double first_calibration_ns;
    size_t first_gave_up;
    size_t runs, slowed;      /* over all programs */
    size_t dropped;           /* repetitions the report left out */
    size_t kept_slowed;       /* cases judged on slowed repetitions */
    size_t nprograms;         /* programs with the check, in name order */
    host_speed_program programs[HOST_SPEED_MAX_PROGRAMS];
} host_speed_summary;

/* True when a calibration whose check took check_ns, with gave_up of its
 * repeats run beside another thread once its wait was spent, ran slowed
 * against the run's reference: its measured levels are then doubtful.  A
 * check that is not a number counts only the gave-up repeats. */
bool host_speed_calibration_slowed(double check_ns, size_t gave_up, double reference_ns);

/* True when p's slowed share reaches HOST_SPEED_WARN_SHARE. */
bool host_speed_program_slowed(const host_speed_program *p);

/* Reads the checks of every case of run (loaded by report_run_load).
 * Never fails: without checks, known is false. */
void report_host_speed(const report_run *run, host_speed_summary *out);

/* Appends one sentence for the machine card to out: "19.5 us (the
 * calibration's); every case within 1.25x of it (3208 case runs)" or
 * "...; 1.25x slower or more in 42 of 3208 case runs: gallery 2 of 1500
 * (up to 1.41x), traverse 40 of 1540 (up to 1.93x); 40 left out", and
 * what the calibration took when it ran slowed. */
void host_speed_sentence(const host_speed_summary *s, text *out);

/* Appends the programs host_speed_program_slowed() names, "traverse 40 of
 * 1540 (up to 1.93x)", joined by ", "; returns how many.  Program names
 * come from the results files: escape them where they are shown. */
size_t host_speed_slowed_programs(const host_speed_summary *s, text *out);

#endif /* REPORT_HOST_SPEED_H */
