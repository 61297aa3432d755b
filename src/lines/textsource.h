/*
 * textsource.h - a text in memory read like a file: each read copies the
 * next bytes into the caller's buffer, as read(2) copies from the page
 * cache.  The line experiments (A5, A6) feed the suite's line reader
 * (stream/linereader.h) through it, so a pass costs what reading a
 * cached file would, without the system calls.
 */
#ifndef LINES_TEXTSOURCE_H
#define LINES_TEXTSOURCE_H

#include "stream/linereader.h"

#include <stddef.h>
#include <sys/types.h>

typedef struct text_source {
    const char *text;
    size_t len, pos;   /* pos: the bytes already read */
} text_source;

/* A line_read_fn (linereader.h) over a text_source *ctx: copies up to cap
 * bytes into buf and returns how many (0 at the end).  Never fails. */
ssize_t text_source_read(void *ctx, void *buf, size_t cap);

/* Points *src at text[0, len) and starts the line reader r on it, with a
 * first buffer of buffer_bytes from 'a' and the reader's largest line
 * limit: what both line passes read through.  *src must outlive r.
 * Returns line_reader_init_fn's status (LINE_OK, or nothing allocated).
 * static inline: it starts every timed pass, compiled into it as before. */
static inline line_status text_source_reader(line_reader *r, text_source *src,
                                             const char *text, size_t len,
                                             size_t buffer_bytes, allocator *a)
{
    *src = (text_source){text, len, 0};
    return line_reader_init_fn(r, text_source_read, src, buffer_bytes,
                               LINE_READER_MAX_LIMIT, a);
}

#endif /* LINES_TEXTSOURCE_H */
