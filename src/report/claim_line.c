/* claim_line.c - one line per claim, the same everywhere it is shown. */
#include "claim_line.h"

#include <string.h>

void claim_line(const char *id, const verdict *v, text *out)
{
    text line = TEXT_INIT, phrase = TEXT_INIT;
    verdict_phrase(v, true, &phrase);
    text_printf(&line, "%-3s %s", id, text_str(&phrase));
    const char *l = text_str(&line);
    if (line.len <= CLAIM_LINE_MAX) {
        text_printf(out, "%s", l);
    } else {
        size_t keep = CLAIM_LINE_MAX - 3;
        /* Back off continuation bytes (10xxxxxx): cut before a character. */
        while (keep > 0 && ((unsigned char)l[keep] & 0xC0) == 0x80)
            keep--;
        text_printf(out, "%.*s...", (int)keep, l);
    }
    text_free(&line);
    text_free(&phrase);
}
