/* linepass.c - split a text into lines; digest each as a view or as a copy. */
#include "linepass.h"

#include "lines/digest.h"
#include "lines/textsource.h"
#include "stream/linereader.h"

#include <string.h>

/* Counts a line and folds it into the digest (lines/digest.h). */
static void digest(line_totals *t, const char *p, size_t len)
{
    uint64_t sum = line_bytes_sum(p, len);
    t->lines++;
    t->bytes += len;
    t->digest = line_digest_fold(t->digest, sum);
}

int linepass_run(const char *text, size_t len, line_mode mode, size_t buffer_bytes,
                 allocator *buf_alloc, allocator *str_alloc, line_totals *out)
{
    *out = (line_totals){0};
    text_source src;
    line_reader r;
    if (text_source_reader(&r, &src, text, len, buffer_bytes, buf_alloc) != LINE_OK)
        return -1;
    int status = 0;
    line_view v;
    line_status s;
    while ((s = line_reader_next(&r, &v)) == LINE_OK) {
        if (mode == LINE_MODE_VIEW) {
            digest(out, v.data, v.len);
            continue;
        }
        char *copy = alloc_string(str_alloc, v.data, v.len);
        if (!copy) {
            status = -1;
            break;
        }
        digest(out, copy, v.len);
        alloc_free(str_alloc, copy, v.len + 1);
    }
    if (s != LINE_OK && s != LINE_END)
        status = -1;
    line_reader_destroy(&r);
    return status;
}

void linepass_reference(const char *text, size_t len, line_totals *out)
{
    *out = (line_totals){0};
    size_t pos = 0;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
        digest(out, text + pos, n);
        pos += n + 1;
    }
}
