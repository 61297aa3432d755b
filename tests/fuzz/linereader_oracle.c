/* linereader_oracle.c - the reference splitter and the reader-versus-reference check. */
#include "linereader_oracle.h"

#include "alloc/counting.h"
#include "harness/rng.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t oracle_split(const char *input, size_t n, size_t max_line,
                    oracle_line *out, size_t cap)
{
    size_t count = 0;
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        while (i < n && input[i] != '\n')
            i++;
        size_t len = i - start;
        if (i < n) {
            i++; /* past the '\n' */
            if (len > 0 && input[start + len - 1] == '\r')
                len--;
        }
        if (count < cap)
            out[count] = (oracle_line){len > max_line ? LINE_TOO_LONG : LINE_OK,
                                       start, len};
        count++;
    }
    return count;
}

oracle_params oracle_decode(const uint8_t *data, size_t size,
                            const uint8_t **input, size_t *input_len)
{
    uint8_t h[ORACLE_HEADER] = {0};
    size_t header = size < ORACLE_HEADER ? size : ORACLE_HEADER;
    memcpy(h, data, header);
    *input = data + header;
    *input_len = size - header;
    return (oracle_params){
        .capacity = (size_t)(h[0] % 64) + 1,
        .max_line = h[1],
        .chunk_seed = h[2],
        .max_chunk = (size_t)(h[2] % 16) + 1,
        .fail_alloc = h[3] % 16,
        .fail_read = h[4] % 32,
    };
}

/* The input, handed out in reads of scripted sizes. */
typedef struct script {
    const char *data;
    size_t n, pos;
    rng sizes;
    const oracle_params *p;
    uint64_t reads;
} script;

static ssize_t script_read(void *ctx, void *buf, size_t len)
{
    script *s = ctx;
    s->reads++;
    if (s->p->fail_read != 0 && s->reads == s->p->fail_read) {
        errno = EIO;
        return -1;
    }
    size_t chunk = len;
    if (s->p->chunk_seed != 0) {
        size_t pick = 1 + (size_t)rng_below(&s->sizes, s->p->max_chunk);
        if (pick < chunk)
            chunk = pick;
    }
    if (chunk > s->n - s->pos)
        chunk = s->n - s->pos;
    memcpy(buf, s->data + s->pos, chunk);
    s->pos += chunk;
    return (ssize_t)chunk;
}

static char message[256];

__attribute__((format(printf, 1, 2)))
static const char *failed(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(message, sizeof message, fmt, ap);
    va_end(ap);
    return message;
}

/* Compares the reader's results with want[0, count); NULL when they agree. */
static const char *compare(line_reader *r, const oracle_params *p,
                           const char *input, const oracle_line *want,
                           size_t count, bool *no_memory_seen)
{
    size_t largest = p->capacity > p->max_line + 2 ? p->capacity : p->max_line + 2;
    size_t got = 0;
    for (;;) {
        line_view v = {NULL, 0};
        line_status s = line_reader_next(r, &v);
        if (r->cap > largest)
            return failed("buffer grew to %zu bytes; the limit needs %zu", r->cap, largest);
        switch (s) {
        case LINE_NO_MEMORY:
            if (p->fail_alloc == 0 || *no_memory_seen)
                return failed("LINE_NO_MEMORY without an injected failure");
            *no_memory_seen = true;
            continue; /* the retry must give what the failed call would have */
        case LINE_IO_ERROR:
            if (p->fail_read == 0)
                return failed("LINE_IO_ERROR without an injected failure");
            if (r->io_errno != EIO)
                return failed("io_errno %d, expected EIO", r->io_errno);
            if (line_reader_next(r, &v) != LINE_IO_ERROR)
                return failed("a read error did not stay reported");
            return NULL; /* a prefix of the right results came first */
        case LINE_END:
            if (got != count)
                return failed("LINE_END after %zu results, expected %zu", got, count);
            if (line_reader_next(r, &v) != LINE_END)
                return failed("LINE_END did not stay");
            if (r->line_number != count)
                return failed("line_number %llu, expected %zu",
                              (unsigned long long)r->line_number, count);
            return NULL;
        case LINE_OK:
        case LINE_TOO_LONG:
            if (got == count)
                return failed("result %zu (%s) past the last line", got,
                              line_status_message(s));
            if (s != want[got].status)
                return failed("result %zu: %s, expected %s", got,
                              line_status_message(s), line_status_message(want[got].status));
            if (s == LINE_OK && (v.len != want[got].len ||
                                 memcmp(v.data, input + want[got].offset, v.len) != 0))
                return failed("line %zu: %zu bytes differ from the expected %zu", got,
                              v.len, want[got].len);
            got++;
            continue;
        case LINE_BAD_ARGUMENT:
            break;
        }
        return failed("unexpected status %d", (int)s);
    }
}

const char *oracle_check(const oracle_params *p, const char *input, size_t n)
{
    size_t count = oracle_split(input, n, p->max_line, NULL, 0);
    oracle_line *want = malloc((count ? count : 1) * sizeof *want);
    if (!want)
        return failed("out of memory in the check itself");
    oracle_split(input, n, p->max_line, want, count);

    counting_allocator c;
    counting_init(&c, alloc_libc());
    counting_fail_at(&c, p->fail_alloc);
    script src = {.data = input, .n = n, .sizes = rng_seeded(p->chunk_seed), .p = p};
    line_reader r;
    bool no_memory_seen = false;
    const char *result = NULL;
    line_status s = line_reader_init_fn(&r, script_read, &src, p->capacity, p->max_line,
                                        &c.base);
    if (s == LINE_NO_MEMORY && p->fail_alloc == 1) {
        no_memory_seen = true;
        if (c.stats.live_bytes != 0)
            result = failed("a failed init holds %zu bytes", c.stats.live_bytes);
        line_reader_destroy(&r);
        s = line_reader_init_fn(&r, script_read, &src, p->capacity, p->max_line, &c.base);
    }
    if (!result && s != LINE_OK)
        result = failed("init: %s", line_status_message(s));
    if (!result)
        result = compare(&r, p, input, want, count, &no_memory_seen);
    line_reader_destroy(&r);
    if (!result && c.stats.live_bytes != 0)
        result = failed("%zu bytes leak after destroy", c.stats.live_bytes);
    free(want);
    return result;
}

const char *oracle_check_encoded(const uint8_t *data, size_t size)
{
    const uint8_t *input;
    size_t n;
    oracle_params p = oracle_decode(data, size, &input, &n);
    return oracle_check(&p, (const char *)input, n);
}
