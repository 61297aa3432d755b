/*
 * positive_counter.h - a benchmark counter that is left out when it is 0.
 *
 * Google Benchmark writes the coefficient of variation of a counter whose
 * mean is 0 as NaN, which is not JSON: strict readers (jansson) then
 * refuse the whole file.  So a flag or figure that is 0 is left out, and
 * readers take absent as 0.
 */
#ifndef HARNESS_POSITIVE_COUNTER_H
#define HARNESS_POSITIVE_COUNTER_H

#include "shim/bench.h"

/* Sets the plain counter 'name' to value when value > 0; else nothing. */
void bench_set_counter_if_positive(bench_state *s, const char *name, double value);

#endif /* HARNESS_POSITIVE_COUNTER_H */
