/* paragraph.c - prose filled to a width, for --help (paragraph.h). */
#include "harness/paragraph.h"

#include <string.h>

/* Appends n bytes to out as far as cap allows; counts them all. */
static void put(char *out, size_t cap, size_t *len, const char *s, size_t n)
{
    if (*len < cap) {
        size_t room = cap - *len;
        memcpy(out + *len, s, n < room ? n : room);
    }
    *len += n;
}

size_t paragraph_fill(const char *text, size_t width, char *out, size_t cap)
{
    size_t len = 0;
    size_t column = 0;
    if (width == 0)
        width = 1;
    const char *p = text;
    while (*p) {
        if (*p == '\n') {
            put(out, cap, &len, "\n", 1);
            column = 0;
            p++;
            continue;
        }
        /* The spaces before the next word, then the word itself. */
        size_t gap = strspn(p, " ");
        const char *word = p + gap;
        size_t word_len = strcspn(word, " \n");
        if (word_len == 0) {
            /* Spaces at the end of a line of text: nothing follows them. */
            p = word;
            continue;
        }
        if (column > 0 && column + gap + word_len > width) {
            put(out, cap, &len, "\n", 1);
            column = 0;
        } else {
            put(out, cap, &len, p, gap);
            column += gap;
        }
        put(out, cap, &len, word, word_len);
        column += word_len;
        p = word + word_len;
    }
    if (cap > 0)
        out[len < cap ? len : cap - 1] = '\0';
    return len;
}
