/*
 * digest.h - the least work a program does on a line: read every byte
 * once, folded into a running digest.
 *
 * The line pass (A5) digests each line as it reads it, the keep pass (A6)
 * each kept line at the end; both must agree with a reference computed
 * from the text.  Eight bytes per load (memcpy: any alignment) keep the
 * work cheap, so the cost of getting at the line shows; a byte-by-byte
 * loop would take about a nanosecond per byte and hide it on long lines.
 * static inline: it runs in the timed pass, compiled into it as before.
 */
#ifndef LINES_DIGEST_H
#define LINES_DIGEST_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The line p[0, len), every byte read: its length plus its 8-byte words
 * and its tail bytes. */
static inline uint64_t line_bytes_sum(const char *p, size_t len)
{
    uint64_t sum = len;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
        uint64_t word;
        memcpy(&word, p + i, 8);
        sum += word;
    }
    for (; i < len; i++)
        sum += (unsigned char)p[i];
    return sum;
}

/* The digest d with a line's sum folded in: the order of lines counts. */
static inline uint64_t line_digest_fold(uint64_t d, uint64_t sum)
{
    return d * 1000003u + sum;
}

/* d with the line p[0, len) folded in. */
static inline uint64_t line_digest_add(uint64_t d, const char *p, size_t len)
{
    return line_digest_fold(d, line_bytes_sum(p, len));
}

#endif /* LINES_DIGEST_H */
