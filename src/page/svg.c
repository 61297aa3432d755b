/*
 * svg.c - re-writes a plot's SVG as markup safe to inline in the page
 * (svg.h): an allow-list of elements and attributes, values re-escaped,
 * ids prefixed, gnuplot's axis numbers read from its mouse script.
 */
#include "page/svg.h"

#include "page/html.h"

#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_DEPTH 64
#define MAX_NAME 32
#define FILE_LIMIT (8u << 20)

/* What gnuplot's svg terminal draws with.  Anything else (script, style,
 * foreignObject, a, animate, set, iframe, ...) is dropped with all it
 * holds. */
static const char *const elements[] = {
    "svg", "g", "path", "text", "tspan", "title", "desc", "use", "defs", "rect", "circle",
    "ellipse", "line", "polyline", "polygon", "clipPath", "symbol", "linearGradient",
    "radialGradient", "stop", "pattern", "marker", "mask", "image", "filter", "feFlood",
    "feComposite", "feOffset", "feGaussianBlur", "feMerge", "feMergeNode", "feBlend",
};

/* Drawing attributes; no event handler (on*), no style sheet text. */
static const char *const attributes[] = {
    "id", "class", "x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "dx", "dy",
    "width", "height", "d", "points", "transform", "fill", "stroke", "stroke-width",
    "stroke-linecap", "stroke-linejoin", "stroke-dasharray", "stroke-opacity",
    "fill-opacity", "fill-rule", "opacity", "color", "font-family", "font-size",
    "font-weight", "font-style", "text-anchor", "dominant-baseline", "visibility",
    "clip-path", "clipPathUnits", "viewBox", "preserveAspectRatio", "xmlns", "xmlns:xlink",
    "href", "xlink:href", "offset", "stop-color", "stop-opacity", "gradientUnits",
    "patternUnits", "shape-rendering", "filter", "filterUnits", "flood-color",
    "flood-opacity", "in", "in2", "operator", "result", "k1", "k2", "k3", "k4",
    "stdDeviation", "mode", "rotate", "textLength", "lengthAdjust", "marker-start",
    "marker-mid", "marker-end", "markerWidth", "markerHeight", "refX", "refY", "orient",
};

static bool listed(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(name, list[i]) == 0)
            return true;
    return false;
}
#define LISTED(name, list) listed(name, list, sizeof list / sizeof *list)

typedef struct reader {
    const char *s;
    size_t len, i;
} reader;

static bool at(const reader *r, const char *lit)
{
    size_t n = strlen(lit);
    return r->len - r->i >= n && memcmp(r->s + r->i, lit, n) == 0;
}

/* Moves past the next occurrence of lit (or to the end). */
static void skip_past(reader *r, const char *lit)
{
    size_t n = strlen(lit);
    while (r->i < r->len && !at(r, lit))
        r->i++;
    r->i = r->i + n <= r->len ? r->i + n : r->len;
}

static bool name_char(char c)
{
    return isalnum((unsigned char)c) || c == ':' || c == '_' || c == '-' || c == '.';
}

/* Reads a name into buf; false when none is there or it is too long. */
static bool read_name(reader *r, char *buf)
{
    size_t n = 0;
    while (r->i < r->len && name_char(r->s[r->i])) {
        if (n + 1 >= MAX_NAME)
            return false;
        buf[n++] = r->s[r->i++];
    }
    buf[n] = '\0';
    return n > 0;
}

static void skip_space(reader *r)
{
    while (r->i < r->len && isspace((unsigned char)r->s[r->i]))
        r->i++;
}

/* Length of a character or predefined entity reference at s ("&lt;",
 * "&#60;", "&#x3c;"), 0 when it is not one: other names would mean
 * nothing in HTML (a DOCTYPE's entities are not carried over). */
static size_t entity_length(const char *s, size_t n)
{
    static const char *const named[] = {"&lt;", "&gt;", "&amp;", "&quot;", "&apos;"};
    for (size_t k = 0; k < sizeof named / sizeof *named; k++)
        if (n >= strlen(named[k]) && memcmp(s, named[k], strlen(named[k])) == 0)
            return strlen(named[k]);
    if (n < 4 || s[1] != '#')
        return 0;
    bool hex = s[2] == 'x' || s[2] == 'X';
    size_t i = hex ? 3 : 2, digits = 0;
    while (i < n && digits < 8 && (hex ? isxdigit((unsigned char)s[i]) : isdigit((unsigned char)s[i])))
        i++, digits++;
    if (digits == 0 || i >= n || s[i] != ';')
        return 0;
    unsigned long cp = strtoul(s + (hex ? 3 : 2), NULL, hex ? 16 : 10);
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF) || (cp < 0x20 && cp != 9 && cp != 10 && cp != 13))
        return 0;
    return i + 1;
}

/* Text or an attribute value as the file wrote it: its entity references
 * are kept, everything else is escaped anew. */
static void write_escaped(FILE *out, const char *s, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        size_t e = s[i] == '&' ? entity_length(s + i, n - i) : 0;
        if (e) {
            html_text_n(out, s + start, i - start);
            fwrite(s + i, 1, e, out);
            i += e - 1;
            start = i + 1;
        }
    }
    html_text_n(out, s + start, n - start);
}

/* An id or a reference to one, with the plot's prefix. */
static void write_id(FILE *out, const char *prefix, const char *s, size_t n)
{
    html_text(out, prefix);
    write_escaped(out, s, n);
}

/* A value that refers to other elements: "url(#x)" gets the prefix;
 * false (the attribute is dropped) for a url() that leaves the document. */
static bool write_urls(FILE *out, const char *prefix, const char *s, size_t n)
{
    for (size_t i = 0; i + 4 <= n; i++)
        if (strncasecmp(s + i, "url(", 4) == 0) {
            size_t j = i + 4;
            while (j < n && (s[j] == ' ' || s[j] == '\'' || s[j] == '"'))
                j++;
            if (j >= n || s[j] != '#')
                return false;
        }
    size_t start = 0;
    for (size_t i = 0; i + 4 <= n; i++)
        if (strncasecmp(s + i, "url(", 4) == 0) {
            size_t hash = i + 4;
            while (s[hash] != '#')
                hash++;
            write_escaped(out, s + start, hash + 1 - start);
            html_text(out, prefix);
            start = hash + 1;
            i = hash;
        }
    write_escaped(out, s + start, n - start);
    return true;
}

/* A PNG embedded by gnuplot (pixmaps, image plots): base64 only. */
static bool inline_png(const char *v, size_t n)
{
    static const char head[] = "data:image/png;base64,";
    if (n < sizeof head - 1 || memcmp(v, head, sizeof head - 1) != 0)
        return false;
    for (size_t i = sizeof head - 1; i < n; i++)
        if (!isalnum((unsigned char)v[i]) && !strchr("+/= \n\r\t", v[i]))
            return false;
    return true;
}

/* Runs of white space in s become one space, and none is left at either
 * end: in the drawing attributes kept, white space only separates values,
 * and gnuplot pads them ("rgb( 64,  64,  64)", a path's trailing
 * blanks), about 16 KB of a page of plots. */
static void collapse_space(char *s)
{
    size_t w = 0;
    bool gap = false;
    for (size_t r = 0; s[r]; r++) {
        if (isspace((unsigned char)s[r])) {
            gap = w > 0;
            continue;
        }
        if (gap)
            s[w++] = ' ';
        gap = false;
        s[w++] = s[r];
    }
    s[w] = '\0';
}

static void write_attribute(FILE *out, const char *element, const char *name, const char *v,
                            size_t n, const char *prefix)
{
    if (!LISTED(name, attributes))
        return;
    if (strcmp(name, "href") == 0 || strcmp(name, "xlink:href") == 0) {
        bool local = n > 1 && v[0] == '#';
        if (!local && !(strcmp(element, "image") == 0 && inline_png(v, n)))
            return;
        fprintf(out, " %s=\"", name);
        if (local)
            fputc('#', out), write_id(out, prefix, v + 1, n - 1);
        else
            write_escaped(out, v, n);
        fputc('"', out);
        return;
    }
    if (strcmp(name, "id") == 0) {
        fputs(" id=\"", out);
        write_id(out, prefix, v, n);
        fputc('"', out);
        return;
    }
    /* A value is written through a memory stream so a url() that leaves
     * the document drops the attribute whole. */
    char *buf = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&buf, &size);
    if (!mem)
        return;
    bool ok = write_urls(mem, prefix, v, n);
    if (fclose(mem) == 0 && ok) {
        collapse_space(buf);
        fprintf(out, " %s=\"%s\"", name, buf);
    }
    free(buf);
}

/* Reads the attributes of a start tag up to '>' or "/>"; writes the
 * allowed ones when out is not NULL.  Returns false at a malformed tag
 * (then the rest of the file is dropped). */
static bool attributes_of(reader *r, FILE *out, const char *element, const char *prefix,
                          bool *self_closing)
{
    char name[MAX_NAME];
    for (;;) {
        skip_space(r);
        if (r->i >= r->len)
            return false;
        if (r->s[r->i] == '>') {
            r->i++;
            *self_closing = false;
            return true;
        }
        if (at(r, "/>")) {
            r->i += 2;
            *self_closing = true;
            return true;
        }
        bool named = read_name(r, name);
        if (!named) {
            /* An odd character or an over-long name: skip it. */
            while (r->i < r->len && !isspace((unsigned char)r->s[r->i]) && r->s[r->i] != '>' &&
                   !at(r, "/>") && r->s[r->i] != '=')
                r->i++;
        }
        skip_space(r);
        const char *v = "";
        size_t n = 0;
        if (r->i < r->len && r->s[r->i] == '=') {
            r->i++;
            skip_space(r);
            if (r->i >= r->len)
                return false;
            char q = r->s[r->i];
            if (q == '"' || q == '\'') {
                const char *end = memchr(r->s + r->i + 1, q, r->len - r->i - 1);
                if (!end)
                    return false;
                v = r->s + r->i + 1;
                n = (size_t)(end - v);
                r->i = (size_t)(end - r->s) + 1;
            } else {
                v = r->s + r->i;
                while (r->i < r->len && !isspace((unsigned char)r->s[r->i]) && r->s[r->i] != '>')
                    r->i++;
                n = (size_t)(r->s + r->i - v);
            }
        }
        if (named && out)
            write_attribute(out, element, name, v, n, prefix);
    }
}

/* gnuplot_svg.NAME = NUMBER; lines of the mouse script. */
static void read_axes(const char *s, size_t n, svg_axes *axes)
{
    static const char *const keys[] = {
        "plot_xmin", "plot_xmax", "plot_ybot", "plot_ytop", "plot_axis_xmin",
        "plot_axis_xmax", "plot_axis_ymin", "plot_axis_ymax", "plot_logaxis_x",
        "plot_logaxis_y",
    };
    double v[10];
    unsigned found = 0;
    char line[160];
    for (size_t i = 0; i < n;) {
        size_t j = i;
        while (j < n && s[j] != '\n')
            j++;
        size_t len = j - i < sizeof line - 1 ? j - i : sizeof line - 1;
        memcpy(line, s + i, len);
        line[len] = '\0';
        i = j + 1;
        const char *p = strstr(line, "gnuplot_svg.");
        if (!p)
            continue;
        p += strlen("gnuplot_svg.");
        for (size_t k = 0; k < 10; k++) {
            size_t kl = strlen(keys[k]);
            if (strncmp(p, keys[k], kl) != 0 || strncmp(p + kl, " = ", 3) != 0)
                continue;
            char *end;
            double x = strtod(p + kl + 3, &end);
            if (end != p + kl + 3 && isfinite(x) && *end == ';') {
                v[k] = x;
                found |= 1u << k;
            }
        }
    }
    if (found != (1u << 10) - 1)
        return;
    *axes = (svg_axes){.known = true, .xmin = v[0], .xmax = v[1], .ybot = v[2], .ytop = v[3],
                       .axis_xmin = v[4], .axis_xmax = v[5], .axis_ymin = v[6],
                       .axis_ymax = v[7], .logx = v[8] != 0, .logy = v[9] != 0};
    /* A log axis needs a positive range; a flat area cannot be read. */
    if ((axes->logx && (axes->axis_xmin <= 0 || axes->axis_xmax <= 0)) ||
        (axes->logy && (axes->axis_ymin <= 0 || axes->axis_ymax <= 0)) ||
        axes->xmax == axes->xmin || axes->ybot == axes->ytop)
        axes->known = false;
}

/* Skips the content of a dropped element up to its end tag, counting
 * nested elements of any name; a script's text is read for axes. */
static void skip_element(reader *r, bool script, svg_axes *axes)
{
    int depth = 1;
    char name[MAX_NAME];
    while (r->i < r->len && depth > 0) {
        if (at(r, "<![CDATA[")) {
            size_t start = r->i + 9;
            skip_past(r, "]]>");
            if (script && axes && r->i >= start + 3)
                read_axes(r->s + start, r->i - 3 - start, axes);
        } else if (at(r, "<!--")) {
            skip_past(r, "-->");
        } else if (at(r, "</")) {
            r->i += 2;
            read_name(r, name);
            skip_past(r, ">");
            depth--;
        } else if (r->s[r->i] == '<' && r->i + 1 < r->len && isalpha((unsigned char)r->s[r->i + 1])) {
            r->i++;
            bool self_closing = false;
            read_name(r, name);
            if (!attributes_of(r, NULL, name, "", &self_closing)) {
                r->i = r->len;
                return;
            }
            if (!self_closing)
                depth++;
        } else {
            r->i++;
        }
    }
}

/* True when text[0..n) is white space between drawing elements (inside
 * none of the elements whose text is drawn): gnuplot indents with it and
 * the browser ignores it.  A run that held a line break becomes one, so
 * the page stays readable. */
static bool only_layout_space(const char *text, size_t n, const char *inside)
{
    if (strcmp(inside, "text") == 0 || strcmp(inside, "tspan") == 0 ||
        strcmp(inside, "title") == 0)
        return false;
    for (size_t i = 0; i < n; i++)
        if (!isspace((unsigned char)text[i]))
            return false;
    return true;
}

/* True, with r moved past its end tag, when the group whose name r has
 * just read holds nothing but white space: such a group draws nothing,
 * and gnuplot writes hundreds of them (a fifth of a page of plots).
 * Otherwise r is left where it was. */
static bool skip_empty_group(reader *r, const char *prefix)
{
    size_t start = r->i;
    bool self_closing;
    if (attributes_of(r, NULL, "g", prefix, &self_closing)) {
        if (self_closing)
            return true;
        skip_space(r);
        if (at(r, "</g>")) {
            r->i += 4;
            return true;
        }
    }
    r->i = start;
    return false;
}

static bool write_svg(FILE *out, reader *r, const char *prefix, svg_axes *axes)
{
    char stack[MAX_DEPTH][MAX_NAME], name[MAX_NAME];
    int depth = 0;
    bool seen_svg = false;
    while (r->i < r->len) {
        if (at(r, "<?")) {
            skip_past(r, "?>");
        } else if (at(r, "<!--")) {
            skip_past(r, "-->");
        } else if (at(r, "<!DOCTYPE") || at(r, "<!doctype")) {
            /* An internal subset ends with "]>". */
            size_t bracket = r->i;
            while (bracket < r->len && r->s[bracket] != '[' && r->s[bracket] != '>')
                bracket++;
            skip_past(r, bracket < r->len && r->s[bracket] == '[' ? "]>" : ">");
        } else if (at(r, "<![CDATA[")) {
            size_t start = r->i + 9;
            skip_past(r, "]]>");
            if (depth > 0 && r->i >= start + 3)
                html_text_n(out, r->s + start, r->i - 3 - start);
        } else if (at(r, "</")) {
            r->i += 2;
            read_name(r, name);
            skip_past(r, ">");
            /* Only the element open at the top is closed: a stray end tag
             * cannot close the page's own elements. */
            if (depth > 0 && strcmp(stack[depth - 1], name) == 0) {
                fprintf(out, "</%s>", name);
                if (--depth == 0)
                    return true;
            }
        } else if (r->s[r->i] == '<' && r->i + 1 < r->len && isalpha((unsigned char)r->s[r->i + 1])) {
            r->i++;
            bool ok_name = read_name(r, name), self_closing = false;
            bool keep = ok_name && LISTED(name, elements) && depth < MAX_DEPTH &&
                        (depth > 0 ? strcmp(name, "svg") != 0 : strcmp(name, "svg") == 0);
            if (keep && strcmp(name, "g") == 0 && skip_empty_group(r, prefix))
                continue;
            if (keep) {
                fprintf(out, "<%s", name);
                if (!attributes_of(r, out, name, prefix, &self_closing)) {
                    fputs(">", out);
                    break;
                }
                fputs(self_closing ? "/>" : ">", out);
                seen_svg = true;
                if (!self_closing)
                    strcpy(stack[depth++], name);
            } else {
                if (!attributes_of(r, NULL, name, prefix, &self_closing))
                    break;
                if (!self_closing)
                    skip_element(r, strcmp(name, "script") == 0, axes);
            }
        } else {
            size_t start = r->i;
            while (r->i < r->len && r->s[r->i] != '<')
                r->i++;
            if (r->i == start) /* a '<' that starts no tag */
                r->i++;
            if (depth > 0 && !only_layout_space(r->s + start, r->i - start, stack[depth - 1]))
                write_escaped(out, r->s + start, r->i - start);
            else if (depth > 0 && memchr(r->s + start, '\n', r->i - start))
                fputc('\n', out);
        }
    }
    /* A file cut short: close what is open, so the page stays whole. */
    while (depth > 0)
        fprintf(out, "</%s>", stack[--depth]);
    return seen_svg;
}

bool svg_inline_text(FILE *out, const char *text, size_t len, const char *id_prefix,
                     svg_axes *axes)
{
    svg_axes scratch;
    if (!axes)
        axes = &scratch;
    memset(axes, 0, sizeof *axes);
    char *buf = NULL;
    size_t size = 0;
    FILE *mem = open_memstream(&buf, &size);
    if (!mem)
        return false;
    reader r = {text, len, 0};
    bool ok = write_svg(mem, &r, id_prefix ? id_prefix : "", axes);
    if (fclose(mem) != 0)
        ok = false;
    if (ok)
        fwrite(buf, 1, size, out);
    free(buf);
    return ok;
}

bool svg_inline_file(FILE *out, const char *path, const char *id_prefix, svg_axes *axes,
                     char *err, size_t errsize)
{
    FILE *in = fopen(path, "rb");
    if (!in) {
        snprintf(err, errsize, "%s: cannot be read", path);
        return false;
    }
    char *text = malloc(FILE_LIMIT);
    size_t len = text ? fread(text, 1, FILE_LIMIT, in) : 0;
    bool too_big = text && len == FILE_LIMIT;
    fclose(in);
    bool ok = text && !too_big && svg_inline_text(out, text, len, id_prefix, axes);
    if (!ok)
        snprintf(err, errsize, "%s: %s", path,
                 !text ? "out of memory" : too_big ? "larger than 8 MiB" : "holds no SVG");
    free(text);
    return ok;
}
