/*
 * keep.h - keep every line of a text past the read that produced it, as a
 * view into the reader's buffer or as a copy, then look at what the kept
 * lines read (claim A6).
 *
 * The line reader (stream/linereader.h), like Go's bufio.Scanner, hands
 * out each line as a view into one buffer it reuses: once the unread
 * bytes are moved to the front and the buffer is refilled, the memory a
 * kept view points at holds bytes from further on in the file.  Collecting
 * scanner.Bytes() in a slice is that mistake; scanner.Text() (a copy per
 * line) is its fix.  With a text no longer than the buffer nothing is
 * refilled, so every view still reads its own line: the mistake hides in
 * small tests.
 *
 * A view into a buffer the reader has since replaced (grown) would point
 * at freed memory: it is counted as dangling and never read.  In Go the
 * collector would keep the old array alive, and such a view would still
 * read its line.
 */
#ifndef LINES_KEEP_H
#define LINES_KEEP_H

#include "alloc/alloc.h"

#include <stddef.h>
#include <stdint.h>

typedef enum keep_mode { KEEP_VIEW, KEEP_COPY } keep_mode;

/* One kept line: where its bytes are now, and where they were in the text. */
typedef struct kept_line {
    const char *data;     /* a view into the reader's buffer, or a copy */
    size_t len;
    size_t offset;        /* of the line in the text */
    uint64_t generation;  /* views: the reader's buffer (its grows count) */
} kept_line;

/* What the kept lines read once the whole text was read. */
typedef struct keep_outcome {
    uint64_t lines;        /* lines kept */
    uint64_t intact;       /* still read their own line's bytes */
    uint64_t later_text;   /* read the bytes at their place in the buffer,
                              which came from further on in the text */
    uint64_t dangling;     /* views into a buffer since replaced: not read */
    uint64_t other;        /* read a mix: a view across the end of a
                              later fill, overwritten only in part */
    uint64_t first_overwritten; /* reads after its own (1: the very next)
                              at which the first non-empty line's view no
                              longer read its line; 0 when it always did */
    uint64_t reader_fills; /* reads the reader made (buffer refills) */
    uint64_t digest;       /* over the kept lines' bytes: keeps the work */
} keep_outcome;

/*
 * Reads text[0..len) line by line with a reader whose buffer starts at
 * buffer_bytes (> 0) from buf_alloc, keeping each line in kept[0..cap):
 * as the view the reader hands out (KEEP_VIEW) or as a copy of len + 1
 * bytes (NUL-terminated) from str_alloc (KEEP_COPY).  After the last
 * line, before the reader is destroyed, fills *out from what each kept
 * line reads; with check 0 only lines, reader_fills and digest are
 * filled (a timed pass), with check 1 everything (first_overwritten costs
 * one comparison per read).  Frees the copies and the buffer.  Returns 0,
 * or -1 when an allocation failed or the text has more than cap lines
 * (everything freed; *out partial).
 */
int linekeep_run(const char *text, size_t len, keep_mode mode, size_t buffer_bytes,
                 allocator *buf_alloc, allocator *str_alloc, kept_line *kept, size_t cap,
                 int check, keep_outcome *out);

#endif /* LINES_KEEP_H */
