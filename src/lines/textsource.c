/* textsource.c - a text in memory, read in pieces like a file. */
#include "lines/textsource.h"

#include <string.h>

ssize_t text_source_read(void *ctx, void *buf, size_t cap)
{
    text_source *s = ctx;
    size_t n = s->len - s->pos < cap ? s->len - s->pos : cap;
    memcpy(buf, s->text + s->pos, n);
    s->pos += n;
    return (ssize_t)n;
}
