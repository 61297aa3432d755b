/*
 * host_speed.h - which cases ran while the host ran this machine slower
 * than at calibration (harness/host_speed.h): the noise warning for what
 * the other-programs share (conditions.h) cannot see.
 *
 * Every case records the time of a fixed CPU check taken just before it
 * (counter host_check_ns); machine.json holds the same check's time at
 * calibration (measured.host_check_ns).  A case repetition whose check
 * took at least HOST_SPEED_SLOW times the calibration's ran slowed; a
 * program is warned about when at least HOST_SPEED_WARN_SHARE of its
 * repetitions did.  Both are fixed before any run was judged by them: the
 * check repeats within 1% when nothing else runs, a short burst of work
 * on the other CPU slows a few checks in a hundred (1.3-2x), and the slow
 * phases seen so far lasted minutes and doubled the time of
 * cache-resident kernels, a large share of a program's cases.  Nothing
 * is judged from it: it is said, program by program.
 */
#ifndef REPORT_HOST_SPEED_H
#define REPORT_HOST_SPEED_H

#include "run.h"
#include "text.h"

#include <stdbool.h>
#include <stddef.h>

#define HOST_SPEED_SLOW 1.25
#define HOST_SPEED_WARN_SHARE 0.05
#define HOST_SPEED_MAX_PROGRAMS 32

typedef struct host_speed_program {
    char name[64];   /* the bench: the case names' first part */
    size_t runs;     /* case repetitions that carry the check */
    size_t slowed;   /* of them, checks at least HOST_SPEED_SLOW slower */
    double worst;    /* the largest check / calibration ratio */
} host_speed_program;

typedef struct host_speed_summary {
    bool known;             /* machine.json has the calibration's figure
                               and some case carries the check */
    double calibration_ns;  /* NAN when machine.json has none */
    size_t runs, slowed;    /* over all programs */
    size_t nprograms;       /* programs with the check, in name order */
    host_speed_program programs[HOST_SPEED_MAX_PROGRAMS];
} host_speed_summary;

/* True when p's slowed share reaches HOST_SPEED_WARN_SHARE. */
bool host_speed_program_slowed(const host_speed_program *p);

/* Reads the checks of every case in run against <run>/machine.json.
 * Never fails: without either, known is false. */
void report_host_speed(const report_run *run, host_speed_summary *out);

/* Appends one sentence for the machine card to out: "19.5 us at
 * calibration; every case within 1.25x of it (3208 case runs)" or "...;
 * 1.25x slower or more in 42 of 3208 case runs: gallery 2 of 1500 (up to
 * 1.41x), traverse 40 of 1540 (up to 1.93x)". */
void host_speed_sentence(const host_speed_summary *s, text *out);

/* Appends the programs host_speed_program_slowed() names, "traverse 40 of
 * 1540 (up to 1.93x)", joined by ", "; returns how many.  Program names
 * come from the results files: escape them where they are shown. */
size_t host_speed_slowed_programs(const host_speed_summary *s, text *out);

#endif /* REPORT_HOST_SPEED_H */
