/* records.c - generate, and count and sum, the streaming experiment's record lines. */
#include "records.h"

#include "harness/rng.h"

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

/* Output through one buffer, written to fd whenever it fills. */
typedef struct writer {
    int fd;
    char *buf;
    size_t used;
    int status; /* 0, or -1 after a failed write (errno kept) */
} writer;

static void put(writer *w, const char *data, size_t len)
{
    while (len > 0 && w->status == 0) {
        size_t room = OUT_BUFFER - w->used;
        size_t n = len < room ? len : room;
        memcpy(w->buf + w->used, data, n);
        w->used += n;
        data += n;
        len -= n;
        if (w->used == OUT_BUFFER) {
            w->status = write_all(w->fd, w->buf, w->used);
            w->used = 0;
        }
    }
}

/* 'len' letters from the block, starting at a random place and wrapping
 * round it for a line longer than the block. */
static void put_text(writer *w, const char *letters, size_t block, rng *r, size_t len)
{
    size_t from = (size_t)rng_below(r, block);
    while (len > 0) {
        size_t n = block - from < len ? block - from : len;
        put(w, letters + from, n);
        len -= n;
        from = 0;
    }
}

/* line_bytes 0: text of 0 to MAX_TEXT letters; otherwise every line has
 * exactly line_bytes bytes before its '\n' (the last one may be shorter,
 * to end the file at its size). */
static int generate(int fd, uint64_t bytes, size_t line_bytes, uint64_t seed,
                    records_totals *out)
{
    *out = (records_totals){0, 0};
    writer w = {.fd = fd, .buf = malloc(OUT_BUFFER)};
    if (!w.buf)
        return -1;
    /* Text comes from a block of random letters at random offsets: as
     * varied as the reader needs, and far cheaper than a draw per byte. */
    rng r = rng_seeded(seed);
    char letters[4096];
    for (size_t i = 0; i < sizeof letters; i++)
        letters[i] = (char)('a' + rng_below(&r, 26));
    uint64_t normal = line_bytes ? line_bytes + 1 : 2 * RECORDS_MAX_LINE;
    uint64_t remaining = bytes;
    while (remaining > 0 && w.status == 0) {
        char head[48];
        uint64_t value = rng_below(&r, VALUE_BOUND);
        size_t hlen = put_header(head, out->lines, value);
        uint64_t line; /* bytes of this line, '\n' included */
        if (remaining > normal)
            line = line_bytes ? line_bytes + 1 : hlen + rng_below(&r, MAX_TEXT + 1) + 1;
        else
            line = remaining; /* the last line ends the file exactly */
        if (line < hlen + 1) {
            /* Too little room for a record: a line of letters (value 0). */
            hlen = 0;
            value = 0;
        }
        put(&w, head, hlen);
        put_text(&w, letters, sizeof letters, &r, (size_t)(line - hlen - 1));
        put(&w, "\n", 1);
        remaining -= line;
        out->lines++;
        out->sum += value;
    }
    if (w.status == 0)
        w.status = write_all(fd, w.buf, w.used);
    int saved = errno;
    free(w.buf);
    errno = saved;
    return w.status;
}

int records_generate(int fd, uint64_t bytes, uint64_t seed, records_totals *out)
{
    return generate(fd, bytes, 0, seed, out);
}

int records_generate_lines(int fd, uint64_t bytes, size_t line_bytes, uint64_t seed,
                           records_totals *out)
{
    if (line_bytes == 0) {
        errno = EINVAL;
        return -1;
    }
    return generate(fd, bytes, line_bytes, seed, out);
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
