/*
 * read_sum.h - the sequential read kernel: the sum of every 8-byte word.
 *
 * One loop serves three figures, so that they time the same code: the
 * calibration's read bandwidth (profile_measure.h, machine.json
 * "read_bytes_per_second"), the host speed check before every case
 * (host_speed.h) and X7's read pass (gallery/writes.h); read_sum_bytes
 * serves the reference traverse sets its contiguous layouts against
 * (traverse/span_sum.h).
 */
#ifndef HARNESS_READ_SUM_H
#define HARNESS_READ_SUM_H

#include <stddef.h>
#include <stdint.h>

/* The sum of words[0..n) (mod 2^64), eight running sums so that loads,
 * not one chain of additions, set the pace.  This can't fail. */
uint64_t read_sum(const uint64_t *words, size_t n);

/* read_sum over any run of bytes: the bytes before p's first 8-byte
 * boundary and after its last whole word are added one by one, each as a
 * number 0..255; the words between go through read_sum.  So a run of any
 * length or alignment is read whole, at read_sum's pace. */
uint64_t read_sum_bytes(const void *p, size_t bytes);

#endif /* HARNESS_READ_SUM_H */
