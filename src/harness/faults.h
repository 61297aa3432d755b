/*
 * faults.h - minor page faults so far (getrusage), to count a case's
 * faults as the difference around it: this process's own, and those of
 * the children it has waited for (a case whose work runs in a child).
 */
#ifndef HARNESS_FAULTS_H
#define HARNESS_FAULTS_H

#include <stdint.h>

/* ru_minflt of RUSAGE_SELF; 0 if getrusage fails (it does not on Linux). */
uint64_t minor_faults(void);

/* ru_minflt of RUSAGE_CHILDREN: every child (and its waited-for
 * descendants) this process has waited for so far; a child still running
 * is not in it.  0 if getrusage fails. */
uint64_t minor_faults_of_children(void);

#endif /* HARNESS_FAULTS_H */
