/*
 * linereader.h - lines from a file descriptor, as views into one reused buffer.
 *
 * The reader keeps one buffer.  Each call hands out the next line as a
 * view (pointer and length) into that buffer; no line is copied or
 * allocated.  The buffer starts at the capacity the caller asks for and
 * doubles when a line does not fit, up to what the caller's limit needs;
 * a line longer than the limit is reported as LINE_TOO_LONG and skipped,
 * never cut short and returned as if it were whole.  So memory is bounded
 * by the longest line accepted, never by the size of the input (claims S1,
 * S2 in docs/claims.md; Go's bufio.Scanner has the same design with a
 * fixed default limit).
 *
 * What a line is:
 *   - the bytes up to a '\n'; the '\n' is not part of the view;
 *   - a "\r\n" ending is removed whole (CRLF files read like LF files); a
 *     '\r' anywhere else, NUL bytes and any other byte are kept as data;
 *   - the bytes after the last '\n' form one more line, when there are any
 *     (a final newline does not make an empty last line);
 *   - empty input has no lines.
 *
 * Not thread-safe: one reader belongs to one thread at a time.
 */
#ifndef LINEREADER_H
#define LINEREADER_H

#include "alloc/alloc.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

/* What line_reader_next() and line_reader_init() return. */
typedef enum line_status {
    LINE_OK = 0,       /* a line is in *out */
    LINE_END,          /* no more lines; stays so */
    LINE_TOO_LONG,     /* the next line has more than max_line bytes: it is
                          reported once (line_number counts it), then
                          skipped; the following call returns the line
                          after it, so a caller may go on or stop */
    LINE_NO_MEMORY,    /* the buffer could not grow: nothing was consumed,
                          the reader is unchanged and a later call retries */
    LINE_IO_ERROR,     /* the read function failed (errno in io_errno);
                          stays so, every later call returns it again */
    LINE_BAD_ARGUMENT, /* init only: see line_reader_init */
} line_status;

/* A short English sentence for a status ("line longer than the limit"). */
const char *line_status_message(line_status status);

/* A line: 'len' bytes at 'data', valid until the next call on the reader
 * (like bufio.Scanner.Bytes); copy it to keep it.  May contain NUL bytes. */
typedef struct line_view {
    const char *data;
    size_t len;
} line_view;

/* Where the bytes come from: like read(2), returns bytes read (0 at end of
 * input) or -1 with errno set.  EINTR is retried by the reader. */
typedef ssize_t (*line_read_fn)(void *ctx, void *buf, size_t len);

/* The largest max_line accepted, so that buffer sizes never overflow. */
#define LINE_READER_MAX_LIMIT (SIZE_MAX / 4)

/* The reader's state.  The caller may read the fields marked "out", and
 * must not write any. */
typedef struct line_reader {
    line_read_fn read;
    void *ctx;
    int fd;               /* the descriptor for line_reader_init; -1 otherwise */
    allocator *alloc;
    char *buf;
    size_t cap;           /* out: current buffer size in bytes */
    size_t start, end;    /* unread bytes are buf[start, end) */
    size_t scanned;       /* buf[start, start + scanned) holds no '\n' */
    size_t max_line;      /* longest line accepted, without its terminator */
    bool at_eof;          /* the read function returned 0 */
    bool skipping;        /* discarding the rest of a too-long line */
    bool ended;           /* LINE_END was returned */
    int io_errno;         /* out: errno of a failed read, 0 otherwise */
    uint64_t line_number; /* out: lines handed out or reported too long */
    uint64_t bytes_read;  /* out: bytes the read function returned */
    uint64_t read_calls;  /* out: calls to the read function */
    uint64_t grows;       /* out: times the buffer grew */
} line_reader;

/*
 * Prepares 'r' to read lines from 'fd' (which the caller keeps owning and
 * closes after line_reader_destroy).  The buffer is 'capacity' bytes from
 * 'a' and may grow to about max_line + 2 bytes (a line, then "\r\n").
 * Returns LINE_OK, LINE_NO_MEMORY (nothing allocated), or
 * LINE_BAD_ARGUMENT when r or a is NULL, fd < 0, capacity is 0, or
 * max_line > LINE_READER_MAX_LIMIT.  On failure 'r' owns nothing; destroying it
 * is still safe.
 */
line_status line_reader_init(line_reader *r, int fd, size_t capacity,
                             size_t max_line, allocator *a);

/* The same with a read function instead of a descriptor (a test's
 * scripted input, a decompressor, ...).  'read' must not be NULL. */
line_status line_reader_init_fn(line_reader *r, line_read_fn read, void *ctx,
                                size_t capacity, size_t max_line, allocator *a);

/*
 * The next line into *out.  Returns LINE_OK, LINE_END, LINE_TOO_LONG,
 * LINE_NO_MEMORY or LINE_IO_ERROR (see line_status).  *out is set only
 * with LINE_OK.  A view handed out earlier is invalid after this call.
 */
line_status line_reader_next(line_reader *r, line_view *out);

/* Frees the buffer.  Safe on a reader whose init failed, and twice. */
void line_reader_destroy(line_reader *r);

#endif /* LINEREADER_H */
