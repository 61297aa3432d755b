/*
 * html.c - the suite's one escaper for markup: every string from a file
 * goes through html_text() on its way into index.html, and every label
 * into an SVG figure (figure/svg.c) the same way (see html.h).
 */
#include "page/html.h"

#include <string.h>

static const char replacement[] = "\xEF\xBF\xBD"; /* U+FFFD */

/* Length of the valid UTF-8 sequence at s (at most n bytes), 0 if none:
 * overlong forms, surrogates and code points past U+10FFFF are invalid,
 * and so are U+FFFE and U+FFFF, which XML 1.0 does not allow in a
 * document at all (an SVG holding one does not open). */
static size_t utf8_length(const unsigned char *s, size_t n)
{
    unsigned char c = s[0];
    size_t len;
    unsigned long cp;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        len = 2, cp = c & 0x1F;
    else if (c >= 0xE0 && c <= 0xEF)
        len = 3, cp = c & 0x0F;
    else if (c >= 0xF0 && c <= 0xF4)
        len = 4, cp = c & 0x07;
    else
        return 0;
    if (len > n)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = cp << 6 | (s[i] & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp == 0xFFFE || cp == 0xFFFF)
        return 0;
    return len;
}

void html_text_n(FILE *out, const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s;
    for (size_t i = 0; s && i < n;) {
        unsigned char c = p[i];
        size_t len = utf8_length(p + i, n - i);
        if (len == 0) {
            fputs(replacement, out);
            i++;
            continue;
        }
        if (len > 1) {
            fwrite(p + i, 1, len, out);
            i += len;
            continue;
        }
        switch (c) {
        case '&': fputs("&amp;", out); break;
        case '<': fputs("&lt;", out); break;
        case '>': fputs("&gt;", out); break;
        case '"': fputs("&quot;", out); break;
        case '\'': fputs("&#39;", out); break;
        case '\n':
        case '\t': fputc(c, out); break;
        default:
            if (c < 0x20 || c == 0x7F)
                fputs(replacement, out);
            else
                fputc(c, out);
        }
        i++;
    }
}

void html_text(FILE *out, const char *s)
{
    if (s)
        html_text_n(out, s, strlen(s));
}

bool html_text_in(FILE *out, const char *before, const char *s, const char *after)
{
    if (!s || !*s)
        return false;
    fputs(before, out);
    html_text(out, s);
    fputs(after, out);
    return true;
}

static bool plain_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c == '-';
}

void html_url_path(FILE *out, const char *path)
{
    for (const unsigned char *p = (const unsigned char *)path; p && *p; p++) {
        if (plain_char((char)*p) || *p == '/' || *p == '.' || *p == '~')
            fputc(*p, out);
        else
            fprintf(out, "%%%02X", *p);
    }
}

bool html_plain_name(const char *name)
{
    size_t n = name ? strlen(name) : 0;
    if (n == 0 || n > 64)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!plain_char(name[i]))
            return false;
    return true;
}

void html_claim_anchor(FILE *out, const char *claim_id)
{
    fputs("claim-", out);
    if (!claim_id || !*claim_id) {
        fputs(".none", out);
        return;
    }
    for (const unsigned char *p = (const unsigned char *)claim_id; *p; p++) {
        if (plain_char((char)*p))
            fputc(*p, out);
        else
            fprintf(out, ".%02X", *p);
    }
}
