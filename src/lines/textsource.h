/*
 * textsource.h - a text in memory read like a file: each read copies the
 * next bytes into the caller's buffer, as read(2) copies from the page
 * cache.  The line experiments (A5, A6) feed the suite's line reader
 * (stream/linereader.h) through it, so a pass costs what reading a
 * cached file would, without the system calls.
 */
#ifndef LINES_TEXTSOURCE_H
#define LINES_TEXTSOURCE_H

#include <stddef.h>
#include <sys/types.h>

typedef struct text_source {
    const char *text;
    size_t len, pos;   /* pos: the bytes already read */
} text_source;

/* A line_read_fn (linereader.h) over a text_source *ctx: copies up to cap
 * bytes into buf and returns how many (0 at the end).  Never fails. */
ssize_t text_source_read(void *ctx, void *buf, size_t cap);

#endif /* LINES_TEXTSOURCE_H */
