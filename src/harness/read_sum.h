/*
 * read_sum.h - the sequential read kernel: the sum of every 8-byte word.
 *
 * One loop serves three figures, so that they time the same code: the
 * calibration's read bandwidth (profile_measure.h, machine.json
 * "read_bytes_per_second"), the host speed check before every case
 * (host_speed.h) and X7's read pass (gallery/writes.h).
 */
#ifndef HARNESS_READ_SUM_H
#define HARNESS_READ_SUM_H

#include <stddef.h>
#include <stdint.h>

/* The sum of words[0..n) (mod 2^64), eight running sums so that loads,
 * not one chain of additions, set the pace.  This can't fail. */
uint64_t read_sum(const uint64_t *words, size_t n);

#endif /* HARNESS_READ_SUM_H */
