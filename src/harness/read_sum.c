/* read_sum.c - the sequential read kernel shared by calibration, the host check and X7. */
#include "harness/read_sum.h"

#include <stdint.h>

uint64_t read_sum(const uint64_t *words, size_t n)
{
    /* Named sums, not an array: GCC keeps these in registers (an array of
     * sums stays on the stack, and the loop then runs at half the speed
     * of L1, below what memory delivers).  At -O2 GCC 12 turns them into
     * four 16-byte loads and four vector sums a step (make asm
     * SRC=src/harness/read_sum.c). */
    uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, s5 = 0, s6 = 0, s7 = 0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        s0 += words[i];
        s1 += words[i + 1];
        s2 += words[i + 2];
        s3 += words[i + 3];
        s4 += words[i + 4];
        s5 += words[i + 5];
        s6 += words[i + 6];
        s7 += words[i + 7];
    }
    for (; i < n; i++)
        s0 += words[i];
    return s0 + s1 + s2 + s3 + s4 + s5 + s6 + s7;
}

uint64_t read_sum_bytes(const void *p, size_t bytes)
{
    const unsigned char *b = p;
    uint64_t sum = 0;
    size_t head = (size_t)(-(uintptr_t)b % sizeof(uint64_t));
    if (head > bytes)
        head = bytes;
    for (size_t i = 0; i < head; i++)
        sum += b[i];
    b += head;
    bytes -= head;
    size_t words = bytes / sizeof(uint64_t);
    /* b is 8-byte aligned here: the words are read as read_sum reads the
     * calibration's buffer. */
    sum += read_sum((const uint64_t *)(const void *)b, words);
    for (size_t i = words * sizeof(uint64_t); i < bytes; i++)
        sum += b[i];
    return sum;
}
