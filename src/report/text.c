/* text.c - a growable string: printf-style appends, one buffer. */
#include "text.h"

#include "xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

void text_printf(text *t, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int need = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (need < 0)
        return;
    size_t want = t->len + (size_t)need + 1;
    if (want > t->cap) {
        size_t cap = t->cap ? t->cap : 64;
        while (cap < want)
            cap *= 2;
        char *s = realloc(t->s, cap);
        if (!s)
            report_out_of_memory();
        t->s = s;
        t->cap = cap;
    }
    va_start(ap, fmt);
    vsnprintf(t->s + t->len, t->cap - t->len, fmt, ap);
    va_end(ap);
    t->len += (size_t)need;
}

const char *text_str(const text *t)
{
    return t->s ? t->s : "";
}

void text_clear(text *t)
{
    t->len = 0;
    if (t->s)
        t->s[0] = '\0';
}

void text_free(text *t)
{
    free(t->s);
    t->s = NULL;
    t->len = t->cap = 0;
}
