/*
 * strided.h - read one 4-byte value every 'stride' bytes of a buffer.
 *
 * The cache moves whole lines (64 bytes on most machines): reading every
 * value of a line costs about what reading one of them costs, so the time
 * per value read grows with the stride until each read needs a line of
 * its own, and again once each read needs a page of its own.  The buffer
 * holds words[i] = i (truncated to 32 bits), so the sum of any stride has
 * a known value, computed without touching the buffer.
 */
#ifndef STRIDED_H
#define STRIDED_H

#include <stddef.h>
#include <stdint.h>

/* words[i] = (uint32_t)i for i < n. */
void strided_fill(uint32_t *words, size_t n);

/* Sum of words[0], words[step], words[2 * step], ... for indices below n;
 * step >= 1. */
uint64_t strided_sum(const uint32_t *words, size_t n, size_t step);

/* What strided_sum() returns for a buffer filled by strided_fill(), from
 * the indices alone. */
uint64_t strided_expected(size_t n, size_t step);

/* How many values strided_sum() reads: ceil(n / step). */
size_t strided_reads(size_t n, size_t step);

#endif /* STRIDED_H */
