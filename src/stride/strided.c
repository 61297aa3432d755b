/* strided.c - the stride kernel, its fill rule and its expected sum. */
#include "strided.h"

void strided_fill(uint32_t *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        words[i] = (uint32_t)i;
}

/* Four running sums, so the loop waits on loads rather than on a chain of
 * additions; the stride is a run-time value, so the compiler cannot turn
 * the loads into wider vector loads that would skip the question. */
uint64_t strided_sum(const uint32_t *words, size_t n, size_t step)
{
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i = 0;
    for (; i + 3 * step < n; i += 4 * step) {
        s0 += words[i];
        s1 += words[i + step];
        s2 += words[i + 2 * step];
        s3 += words[i + 3 * step];
    }
    for (; i < n; i += step)
        s0 += words[i];
    return s0 + s1 + s2 + s3;
}

uint64_t strided_expected(size_t n, size_t step)
{
    uint64_t sum = 0;
    for (size_t i = 0; i < n; i += step)
        sum += (uint32_t)i;
    return sum;
}

size_t strided_reads(size_t n, size_t step)
{
    return n / step + (n % step != 0);
}
