/* keep.c - keep every line as a view or a copy, then see what each reads. */
#include "lines/keep.h"

#include "lines/digest.h"
#include "lines/textsource.h"
#include "stream/linereader.h"

#include <stdalign.h>
#include <stdbool.h>
#include <string.h>

/* The reader's buffer holds text[base, base + end) at buf[0, end): it
 * reads the text in order, and only ever moves unread bytes to the
 * front.  So after a fill the byte at buffer position p came from
 * text[base + p]. */
static size_t window_base(const line_reader *r)
{
    return (size_t)r->bytes_read - r->end;
}

/* True when a view may be read: its buffer is the reader's current one
 * (a grown buffer frees the old block). */
static bool readable(const kept_line *k, keep_mode mode, const line_reader *r)
{
    return mode == KEEP_COPY || k->generation == r->grows;
}

static bool reads_own_line(const kept_line *k, const char *text)
{
    return memcmp(k->data, text + k->offset, k->len) == 0;
}

/* Where each byte of the reader's buffer came from in the text, as of the
 * last fill: positions past that fill's end keep what an earlier fill
 * put there. */
typedef struct origins {
    size_t *at;        /* at[p]: text offset of buf[p]; NULL when not tracked */
    size_t cap;        /* entries */
    uint64_t fills;    /* r->read_calls when last updated */
} origins;

/* Brings o up to date after a fill; false when out of memory. */
static bool origins_update(origins *o, const line_reader *r, allocator *a)
{
    if (r->read_calls == o->fills)
        return true;
    if (r->cap != o->cap) {
        size_t *at = a->resize(a, o->at, o->cap * sizeof *at, r->cap * sizeof *at,
                               alignof(size_t));
        if (!at)
            return false;
        o->at = at;
        o->cap = r->cap;
    }
    for (size_t p = 0; p < r->end; p++)
        o->at[p] = window_base(r) + p;
    o->fills = r->read_calls;
    return true;
}

/* True when every byte of a view is the byte the reader last put at its
 * place and came from further on in the text than the byte it replaced:
 * the view reads a later line. */
static bool reads_later_text(const kept_line *k, const char *text, const line_reader *r,
                             const origins *o)
{
    size_t pos = (size_t)(k->data - r->buf);
    for (size_t i = 0; i < k->len; i++) {
        size_t from = o->at[pos + i];
        if (from <= k->offset + i || k->data[i] != text[from])
            return false;
    }
    return true;
}

/* Sorts each kept line into intact, later_text, dangling or other. */
static void classify(const kept_line *kept, size_t n, keep_mode mode, const char *text,
                     const line_reader *r, const origins *o, keep_outcome *out)
{
    for (size_t i = 0; i < n; i++) {
        const kept_line *k = &kept[i];
        if (!readable(k, mode, r))
            out->dangling++;
        else if (reads_own_line(k, text))
            out->intact++;
        else if (mode == KEEP_VIEW && reads_later_text(k, text, r, o))
            out->later_text++;
        else
            out->other++;
    }
}

int linekeep_run(const char *text, size_t len, keep_mode mode, size_t buffer_bytes,
                 allocator *buf_alloc, allocator *str_alloc, kept_line *kept, size_t cap,
                 int check, keep_outcome *out)
{
    *out = (keep_outcome){0};
    text_source src;
    line_reader r;
    if (text_source_reader(&r, &src, text, len, buffer_bytes, buf_alloc) != LINE_OK)
        return -1;
    int status = 0;
    size_t n = 0;
    origins o = {NULL, 0, 0};
    size_t watched = SIZE_MAX; /* the first non-empty line: when its view changes */
    line_view v;
    line_status s;
    while ((s = line_reader_next(&r, &v)) == LINE_OK) {
        if (n == cap) {
            status = -1;
            break;
        }
        kept_line *k = &kept[n];
        /* Where the line lies in the text, from where it lies in the buffer. */
        k->offset = window_base(&r) + (size_t)(v.data - r.buf);
        k->len = v.len;
        k->generation = r.grows;
        k->data = mode == KEEP_VIEW ? v.data : alloc_string(str_alloc, v.data, v.len);
        if (!k->data) {
            status = -1;
            break;
        }
        n++;
        if (!check)
            continue;
        if (mode == KEEP_VIEW && !origins_update(&o, &r, buf_alloc)) {
            status = -1;
            break;
        }
        if (watched == SIZE_MAX && v.len > 0)
            watched = n - 1;
        else if (watched != SIZE_MAX && out->first_overwritten == 0 &&
                 readable(&kept[watched], mode, &r) && !reads_own_line(&kept[watched], text))
            out->first_overwritten = (n - 1) - watched;
    }
    if (status == 0 && s != LINE_END)
        status = -1;
    out->lines = n;
    out->reader_fills = r.read_calls;
    for (size_t i = 0; i < n; i++)
        if (readable(&kept[i], mode, &r))
            /* The use a program makes of the lines it collected. */
            out->digest = line_digest_add(out->digest, kept[i].data, kept[i].len);
    if (check)
        classify(kept, n, mode, text, &r, &o, out);
    if (mode == KEEP_COPY)
        for (size_t i = 0; i < n; i++)
            alloc_free(str_alloc, (char *)kept[i].data, kept[i].len + 1);
    if (o.at)
        alloc_free(buf_alloc, o.at, o.cap * sizeof *o.at);
    line_reader_destroy(&r);
    return status;
}
