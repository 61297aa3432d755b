/* records.c - generate, and count and sum, the streaming experiment's record lines. */
#include "records.h"

#include "rng.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define OUT_BUFFER ((size_t)256 << 10)
#define MAX_TEXT 80
#define VALUE_BOUND 1000000

/* Writes all of buf, retrying short writes and EINTR. */
static int write_all(int fd, const char *buf, size_t len)
{
    while (len > 0) {
        ssize_t n = write(fd, buf, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO;
            return -1;
        }
        buf += n;
        len -= (size_t)n;
    }
    return 0;
}

/* Decimal digits of v at p; returns how many. */
static size_t put_decimal(char *p, uint64_t v)
{
    char tmp[20];
    size_t n = 0;
    do {
        tmp[n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    for (size_t i = 0; i < n; i++)
        p[i] = tmp[n - 1 - i];
    return n;
}

/* "id,value," at p; returns its length (at most 20 + 1 + 6 + 1). */
static size_t put_header(char *p, uint64_t id, uint64_t value)
{
    size_t n = put_decimal(p, id);
    p[n++] = ',';
    n += put_decimal(p + n, value);
    p[n++] = ',';
    return n;
}

int records_generate(int fd, uint64_t bytes, uint64_t seed, records_totals *out)
{
    *out = (records_totals){0, 0};
    char *buf = malloc(OUT_BUFFER);
    if (!buf)
        return -1;
    /* Text comes from a block of random letters at random offsets: as
     * varied as the reader needs, and far cheaper than a draw per byte. */
    rng r = rng_seeded(seed);
    char letters[4096];
    for (size_t i = 0; i < sizeof letters; i++)
        letters[i] = (char)('a' + rng_below(&r, 26));
    size_t used = 0;
    uint64_t remaining = bytes;
    int status = 0;
    while (remaining > 0 && status == 0) {
        if (OUT_BUFFER - used < 2 * RECORDS_MAX_LINE + 64) {
            status = write_all(fd, buf, used);
            used = 0;
        }
        char *line = buf + used;
        uint64_t value = rng_below(&r, VALUE_BOUND);
        size_t head = put_header(line, out->lines, value);
        size_t text;
        if (remaining > 2 * RECORDS_MAX_LINE) {
            text = (size_t)rng_below(&r, MAX_TEXT + 1);
        } else if (remaining >= head + 1) {
            text = (size_t)remaining - head - 1; /* fill the file exactly */
        } else {
            /* Too little room for a record: a line of letters (value 0). */
            head = 0;
            value = 0;
            text = (size_t)remaining - 1;
        }
        size_t from = (size_t)rng_below(&r, sizeof letters - 2 * RECORDS_MAX_LINE);
        memcpy(line + head, letters + from, text);
        line[head + text] = '\n';
        used += head + text + 1;
        remaining -= head + text + 1;
        out->lines++;
        out->sum += value;
    }
    if (status == 0)
        status = write_all(fd, buf, used);
    int saved = errno;
    free(buf);
    errno = saved;
    return status;
}

uint64_t records_value(const char *line, size_t len)
{
    const char *comma = memchr(line, ',', len);
    if (!comma)
        return 0;
    const char *p = comma + 1, *end = line + len;
    uint64_t v = 0;
    while (p < end && *p >= '0' && *p <= '9')
        v = v * 10 + (uint64_t)(*p++ - '0');
    return v;
}

size_t records_scan(const char *buf, size_t len, records_totals *t)
{
    const char *p = buf, *end = buf + len;
    uint64_t lines = 0, sum = 0;
    const char *nl;
    while (p < end && (nl = memchr(p, '\n', (size_t)(end - p))) != NULL) {
        sum += records_value(p, (size_t)(nl - p));
        lines++;
        p = nl + 1;
    }
    t->lines += lines;
    t->sum += sum;
    return (size_t)(p - buf);
}

void records_last_line(const char *buf, size_t len, records_totals *t)
{
    if (len == 0)
        return;
    t->lines++;
    t->sum += records_value(buf, len);
}
