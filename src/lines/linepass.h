/*
 * linepass.h - one pass over the lines of a text, each line handled as a
 * view into the reader's buffer or as a fresh heap copy (claim A5).
 *
 * Both modes read the text through the same line_reader (linereader.h),
 * as a program reads a file: a buffer of a fixed size, refilled, grown
 * only for a line longer than itself.  In view mode each line is digested
 * where it lies in that buffer, as Go's scanner.Bytes() hands it out.  In
 * copy mode each line first becomes a new string of its own (len + 1
 * bytes, NUL-terminated), as scanner.Text() or Python's "for line in f"
 * make one, which is digested and freed before the next line.  So the
 * modes differ by exactly one allocation, one copy and one free per line.
 */
#ifndef LINEPASS_H
#define LINEPASS_H

#include "alloc/alloc.h"

#include <stddef.h>
#include <stdint.h>

typedef enum line_mode { LINE_MODE_VIEW, LINE_MODE_COPY } line_mode;

/* What a pass saw: equal for both modes and for linepass_reference(). */
typedef struct line_totals {
    uint64_t lines;
    uint64_t bytes;   /* line bytes, '\n' not counted */
    uint64_t digest;  /* a hash of every line's bytes, in order */
} line_totals;

/*
 * Reads text[0..len) line by line with a reader whose buffer starts at
 * 'buffer_bytes' (> 0) from 'buf_alloc'; in copy mode each line's string
 * comes from 'str_alloc'.  Fills *out and returns 0, or returns -1 when an
 * allocation failed (everything allocated is freed again; *out is then
 * partial).  A line is the bytes before a '\n' (a "\r\n" ending loses its
 * '\r', as the reader defines); the text need not end with '\n'.
 */
int linepass_run(const char *text, size_t len, line_mode mode, size_t buffer_bytes,
                 allocator *buf_alloc, allocator *str_alloc, line_totals *out);

/* The same totals from a plain memchr loop over the text, without the
 * reader: what both modes must reproduce (texts without '\r'). */
void linepass_reference(const char *text, size_t len, line_totals *out);

#endif /* LINEPASS_H */
