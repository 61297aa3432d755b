/*
 * parts.h - the four parts of the lab, each a table of checks
 * (growth_checks.c, pool_checks.c, cycle_checks.c, cache_checks.c).
 */
#ifndef LAB_PARTS_H
#define LAB_PARTS_H

#include "check.h"

extern const lab_check lab_growth_checks[];
extern const lab_check lab_pool_checks[];
extern const lab_check lab_cycle_checks[];
extern const lab_check lab_cache_checks[];

/* The cachegrind check runs this program (built from the student's
 * traverse.c and cache_probe.c, without sanitizers) under valgrind; NULL:
 * the check is skipped, with 'lab_cache_skip_reason' saying why. */
extern const char *lab_cache_probe;
extern const char *lab_cache_skip_reason;

#endif /* LAB_PARTS_H */
