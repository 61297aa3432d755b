/*
 * crosscheck.h - the boxed model of claim L4 beside the real CPython.
 *
 * tools/crosscheck.py (make crosscheck) measures, with the machine's
 * python3, a real list of ints, of floats and of small objects (a class
 * with __slots__ id, active, score, like the model's User) at the model's
 * sizes, and writes <run>/crosscheck.json in Google Benchmark's format:
 * cases crosscheck/<kind>/<elements> (suffixed /real_time: their rates are
 * from wall-clock time), kind int_list, float_list, object_list or (for
 * claim L7, up to 128 Ki elements) dict_object_list, the same objects from
 * a class without __slots__, one
 * record per repetition with real_time, cpu_time, items_per_second for the
 * article's loop "for x in xs: total += x" (for objects: the score of
 * active users, the model's loop), and the counters
 *   elements                  list length
 *   bytes_per_elem            tracemalloc: bytes the list and its objects
 *                             hold (up to 128 Ki elements only)
 *   getsizeof_bytes_per_elem  the same from sys.getsizeof, summed (idem)
 *   ws_bytes                  bytes_per_elem * elements (idem)
 *   builtin_sum_ns_per_elem   CPU ns per element of sum(list) (numbers only)
 * Its context has python (version), sizeof_int, sizeof_float and
 * sizeof_object (sys.getsizeof of one element of each kind).
 */
#ifndef REPORT_CROSSCHECK_H
#define REPORT_CROSSCHECK_H

#include "run.h"
#include "text.h"

/* Appends a "CPython" section to body: for each size both measured, the
 * model's bytes and CPU ns per element beside CPython's, then how far
 * apart they are (bytes at the largest size traced, time as the median
 * ratio over the sizes) and why.  Without crosscheck.json it
 * says so (and how to make it) instead. */
void crosscheck_markdown(const report_run *run, text *body);

#endif /* REPORT_CROSSCHECK_H */
