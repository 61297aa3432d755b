/* md_escape.c - show text from a results file in Markdown as text. */
#include "md_escape.h"

#include <string.h>

void md_escape(text *out, const char *s, bool in_code)
{
    for (; s && *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c < 0x20 || c == 0x7f)
            text_printf(out, " ");
        else if (c == '|')
            text_printf(out, "\\|");
        else if (in_code)
            text_printf(out, "%c", c == '`' ? '\'' : c);
        else if (c == '<')
            text_printf(out, "&lt;");
        else if (c == '>')
            text_printf(out, "&gt;");
        else if (c == '&')
            text_printf(out, "&amp;");
        else if (strchr("\\`*[]", c))
            text_printf(out, "\\%c", c);
        else
            text_printf(out, "%c", c);
    }
}
