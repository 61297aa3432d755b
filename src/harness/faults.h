/*
 * faults.h - minor page faults of this process so far (getrusage), to
 * count a case's faults as the difference around it.
 */
#ifndef HARNESS_FAULTS_H
#define HARNESS_FAULTS_H

#include <stdint.h>

/* ru_minflt of RUSAGE_SELF; 0 if getrusage fails (it does not on Linux). */
uint64_t minor_faults(void);

#endif /* HARNESS_FAULTS_H */
