/* svg.c - the SVG writer: element nesting, numbers in one format; text
 * escaped by the page's escaper (page/html.h), the suite's only one. */
#include "svg.h"

#include "page/html.h"

#include <math.h>
#include <string.h>

const char *svg_num(char buf[SVG_NUM], double v)
{
    if (!isfinite(v) || fabs(v) < 0.05)
        v = 0;  /* also keeps "-0" out */
    snprintf(buf, SVG_NUM, "%.1f", v);
    size_t n = strlen(buf);
    if (n >= 2 && strcmp(buf + n - 2, ".0") == 0)
        buf[n - 2] = '\0';
    return buf;
}

/* Element and attribute names: what this writer needs, a safe subset of XML's. */
static bool valid_name(const char *name)
{
    if (!name || !*name)
        return false;
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
              (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' || *p == ':'))
            return false;
    return true;
}

static bool valid_attrs(const char *const *attrs)
{
    for (size_t i = 0; attrs && attrs[i]; i += 2)
        if (!valid_name(attrs[i]) || !attrs[i + 1])
            return false;
    return true;
}

/* Writes "<name attrs" (no closing '>'); false, writing nothing, when
 * the name or an attribute is invalid. */
static bool start_tag(svg *s, const char *name, const char *const *attrs)
{
    if (!valid_name(name) || !valid_attrs(attrs)) {
        s->misused = true;
        return false;
    }
    fprintf(s->out, "%*s<%s", (int)s->depth, "", name);
    for (size_t i = 0; attrs && attrs[i]; i += 2) {
        fprintf(s->out, " %s=\"", attrs[i]);
        html_text(s->out, attrs[i + 1]);
        fputc('"', s->out);
    }
    return true;
}

void svg_start(svg *s, FILE *out, double width, double height, const char *title)
{
    char w[SVG_NUM], h[SVG_NUM], box[3 * SVG_NUM];
    *s = (svg){.out = out};
    svg_num(w, width);
    svg_num(h, height);
    snprintf(box, sizeof box, "0 0 %s %s", w, h);
    fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
    svg_open(s, "svg",
             (const char *[]){"xmlns", "http://www.w3.org/2000/svg", "width", w, "height", h,
                              "viewBox", box, NULL});
    if (title)
        svg_leaf(s, "title", NULL, title);
}

void svg_open(svg *s, const char *name, const char *const *attrs)
{
    if (s->depth >= SVG_MAX_DEPTH) {
        s->misused = true;
        return;
    }
    if (!start_tag(s, name, attrs))
        return;
    fputs(">\n", s->out);
    s->open[s->depth++] = name;
}

void svg_leaf(svg *s, const char *name, const char *const *attrs, const char *text)
{
    if (!start_tag(s, name, attrs))
        return;
    if (!text) {
        fputs("/>\n", s->out);
        return;
    }
    fputc('>', s->out);
    html_text(s->out, text);
    fprintf(s->out, "</%s>\n", name);
}

/* Writes the end tag of the innermost open element. */
static void end_tag(svg *s)
{
    s->depth--;
    fprintf(s->out, "%*s</%s>\n", (int)s->depth, "", s->open[s->depth]);
}

void svg_close(svg *s)
{
    if (s->depth <= 1) {
        s->misused = true;
        return;
    }
    end_tag(s);
}

bool svg_finish(svg *s)
{
    bool balanced = s->depth == 1;
    while (s->depth > 0)
        end_tag(s);
    return balanced && !s->misused && !ferror(s->out);
}

/* An empty element with four numeric attributes and an optional class:
 * a rect (x, y, width, height) or a line (x1, y1, x2, y2). */
static void four_numbers(svg *s, const char *tag, const char *const name[4],
                         const double v[4], const char *cls)
{
    char num[4][SVG_NUM];
    svg_leaf(s, tag,
             (const char *[]){name[0], svg_num(num[0], v[0]), name[1], svg_num(num[1], v[1]),
                              name[2], svg_num(num[2], v[2]), name[3], svg_num(num[3], v[3]),
                              cls ? "class" : NULL, cls, NULL},
             NULL);
}

void svg_rect(svg *s, double x, double y, double w, double h, const char *cls)
{
    static const char *const name[4] = {"x", "y", "width", "height"};
    four_numbers(s, "rect", name, (const double[]){x, y, w, h}, cls);
}

void svg_line(svg *s, double x1, double y1, double x2, double y2, const char *cls)
{
    static const char *const name[4] = {"x1", "y1", "x2", "y2"};
    four_numbers(s, "line", name, (const double[]){x1, y1, x2, y2}, cls);
}

void svg_text(svg *s, double x, double y, const char *anchor, const char *cls,
              const char *text)
{
    char a[SVG_NUM], b[SVG_NUM];
    svg_leaf(s, "text",
             (const char *[]){"x", svg_num(a, x), "y", svg_num(b, y), "text-anchor",
                              anchor ? anchor : "start", cls ? "class" : NULL, cls, NULL},
             text ? text : "");
}
