/* linereader.c - lines as views into one buffer that grows up to a limit. */
#include "linereader.h"

#include "harness/enum_text.h"

#include <errno.h>
#include <string.h>
#include <unistd.h>

static const char *const status_messages[] = {
    [LINE_OK] = "a line was read",
    [LINE_END] = "end of input",
    [LINE_TOO_LONG] = "line longer than the limit (skipped)",
    [LINE_NO_MEMORY] = "out of memory while growing the line buffer",
    [LINE_IO_ERROR] = "read error",
    [LINE_BAD_ARGUMENT] = "bad argument",
};

const char *line_status_message(line_status status)
{
    return ENUM_TEXT(status_messages, status, "unknown status");
}

static line_status init_common(line_reader *r, size_t capacity, size_t max_line,
                               allocator *a)
{
    if (!a || capacity == 0 || max_line > LINE_READER_MAX_LIMIT)
        return LINE_BAD_ARGUMENT;
    r->buf = alloc_bytes(a, capacity, 1);
    if (!r->buf)
        return LINE_NO_MEMORY;
    r->alloc = a;
    r->cap = capacity;
    r->max_line = max_line;
    return LINE_OK;
}

line_status line_reader_init(line_reader *r, int fd, size_t capacity,
                             size_t max_line, allocator *a)
{
    if (!r)
        return LINE_BAD_ARGUMENT;
    *r = (line_reader){.fd = -1};
    if (fd < 0)
        return LINE_BAD_ARGUMENT;
    line_status s = init_common(r, capacity, max_line, a);
    if (s == LINE_OK)
        r->fd = fd;
    return s;
}

line_status line_reader_init_fn(line_reader *r, line_read_fn read, void *ctx,
                                size_t capacity, size_t max_line, allocator *a)
{
    if (!r)
        return LINE_BAD_ARGUMENT;
    *r = (line_reader){.fd = -1};
    if (!read)
        return LINE_BAD_ARGUMENT;
    line_status s = init_common(r, capacity, max_line, a);
    if (s == LINE_OK) {
        r->read = read;
        r->ctx = ctx;
    }
    return s;
}

void line_reader_destroy(line_reader *r)
{
    if (r && r->buf) {
        alloc_free(r->alloc, r->buf, r->cap);
        r->buf = NULL;
        r->cap = 0;
    }
}

/* Makes room after r->end: first by moving the unread bytes to the front,
 * then by doubling the buffer (never past what the limit needs).  The
 * caller has checked that the pending line is not yet too long, so
 * cap < max_line + 2 whenever growing is needed. */
static line_status make_room(line_reader *r)
{
    if (r->start == r->end) {
        r->start = r->end = 0;
    } else if (r->end == r->cap && r->start > 0) {
        memmove(r->buf, r->buf + r->start, r->end - r->start);
        r->end -= r->start;
        r->start = 0;
    }
    if (r->end < r->cap)
        return LINE_OK;
    size_t limit = r->max_line + 2;
    size_t want = r->cap < limit / 2 ? r->cap * 2 : limit;
    char *grown = r->alloc->resize(r->alloc, r->buf, r->cap, want, 1);
    if (!grown)
        return LINE_NO_MEMORY; /* the old buffer is intact and still ours */
    r->buf = grown;
    r->cap = want;
    r->grows++;
    return LINE_OK;
}

/* One read into the free space after r->end; sets at_eof or io_errno. */
static line_status fill(line_reader *r)
{
    line_status s = make_room(r);
    if (s != LINE_OK)
        return s;
    ssize_t n;
    do {
        r->read_calls++;
        n = r->read ? r->read(r->ctx, r->buf + r->end, r->cap - r->end)
                    : read(r->fd, r->buf + r->end, r->cap - r->end);
    } while (n < 0 && errno == EINTR);
    if (n < 0) {
        r->io_errno = errno ? errno : EIO;
        return LINE_IO_ERROR;
    }
    if (n == 0)
        r->at_eof = true;
    r->end += (size_t)n;
    r->bytes_read += (uint64_t)n;
    return LINE_OK;
}

/* Drops bytes up to and including the next '\n'; true once it was found
 * (or the input ended), false when more input is needed. */
static bool skip_rest_of_line(line_reader *r)
{
    char *nl = memchr(r->buf + r->start, '\n', r->end - r->start);
    if (nl) {
        r->start = (size_t)(nl - r->buf) + 1;
        r->skipping = false;
        return true;
    }
    r->start = r->end = 0;
    if (r->at_eof)
        r->skipping = false;
    return !r->skipping;
}

/* Hands out buf[start, start + len) as a line of 'content' bytes and moves
 * past 'consumed' bytes; LINE_TOO_LONG instead when content > max_line. */
static line_status hand_out(line_reader *r, size_t content, size_t consumed,
                            line_view *out)
{
    const char *line = r->buf + r->start;
    r->start += consumed;
    r->scanned = 0;
    r->line_number++;
    if (content > r->max_line)
        return LINE_TOO_LONG;
    out->data = line;
    out->len = content;
    return LINE_OK;
}

line_status line_reader_next(line_reader *r, line_view *out)
{
    if (r->io_errno)
        return LINE_IO_ERROR;
    if (r->ended)
        return LINE_END;
    for (;;) {
        if (r->skipping) {
            if (skip_rest_of_line(r))
                continue;
        } else {
            size_t pending = r->end - r->start;
            /* Only the bytes not searched before: a long line arriving in
             * small reads is scanned once, not once per read. */
            char *from = r->buf + r->start + r->scanned;
            char *nl = memchr(from, '\n', pending - r->scanned);
            if (nl) {
                size_t len = (size_t)(nl - (r->buf + r->start));
                size_t content = len > 0 && nl[-1] == '\r' ? len - 1 : len;
                return hand_out(r, content, len + 1, out);
            }
            r->scanned = pending;
            if (r->at_eof) {
                if (pending == 0) {
                    r->ended = true;
                    return LINE_END;
                }
                return hand_out(r, pending, pending, out);
            }
            /* max_line + 2 bytes and no '\n': even with "\r\n" next the
             * line would have more than max_line bytes.  Report it now,
             * before reading (and holding) any more of it. */
            if (pending >= r->max_line + 2) {
                r->line_number++;
                r->skipping = true;
                r->start = r->end = 0;
                r->scanned = 0;
                return LINE_TOO_LONG;
            }
        }
        line_status s = fill(r);
        if (s != LINE_OK)
            return s;
    }
}
