/*
 * svg.h - a small SVG writer: elements opened and closed in order, every
 * attribute value and every piece of text escaped.
 *
 * The layout pictures (tools/layout_svg.c) are written straight from C, so
 * that their geometry comes from the compiled structs and no drawing
 * program is needed.  Labels come from the record descriptors today, but
 * anything that reaches the file goes through html_text() (page/html.h,
 * the suite's one escaper, whose output is also well-formed XML): a name
 * with '<' or '&' shows as text, never as markup, and a byte that is not
 * UTF-8 shows as U+FFFD.  The writer remembers which elements are open,
 * so a figure cannot end with one left unclosed: a misuse (closing with
 * nothing open, an invalid element or attribute name, nesting too deep)
 * is recorded and makes svg_finish() fail.
 *
 * Numbers are written with one decimal and no trailing ".0", in the C
 * locale's format, so the same figure gives the same bytes everywhere.
 */
#ifndef FIGURE_SVG_H
#define FIGURE_SVG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define SVG_MAX_DEPTH 16
#define SVG_NUM 32  /* room for one number written by svg_num() */

typedef struct svg {
    FILE *out;
    size_t depth;                     /* elements open, <svg> included */
    const char *open[SVG_MAX_DEPTH];  /* their names, outermost first */
    bool misused;                     /* a call broke the rules above */
} svg;

/*
 * Writes the XML declaration and opens the <svg> root, width x height
 * user units, white background left to the viewer.  'title' (may be NULL)
 * becomes the document's <title>, which screen readers announce.
 */
void svg_start(svg *s, FILE *out, double width, double height, const char *title);

/*
 * Opens element 'name' with attributes attrs: a NULL-terminated list of
 * name, value pairs (NULL attrs: none).  Values are escaped.  An invalid
 * name (empty, or other than letters, digits, '-', '_', ':'), a missing
 * value or more than SVG_MAX_DEPTH open elements writes nothing and marks
 * the writer misused.
 */
void svg_open(svg *s, const char *name, const char *const *attrs);

/* An element with no children: <name .../> when text is NULL, else
 * <name ...>text</name> with the text escaped. */
void svg_leaf(svg *s, const char *name, const char *const *attrs, const char *text);

/* Closes the innermost open element; with only <svg> open or nothing,
 * writes nothing and marks the writer misused. */
void svg_close(svg *s);

/*
 * Closes <svg>.  True when every element opened after it was closed,
 * no call misused the writer, and the stream has no error so far; the
 * caller still checks fclose().  Whatever was left open is closed anyway,
 * so the file is well-formed even when this returns false.
 */
bool svg_finish(svg *s);

/* v with one decimal, without a trailing ".0" ("12", "12.5", "-3"),
 * into buf[SVG_NUM]; returns buf.  Non-finite values give "0". */
const char *svg_num(char buf[SVG_NUM], double v);

/* Shorthands for the shapes the figures use; 'cls' names a class of the
 * figure's style sheet (NULL: none). */
void svg_rect(svg *s, double x, double y, double w, double h, const char *cls);
void svg_line(svg *s, double x1, double y1, double x2, double y2, const char *cls);
/* anchor: "start", "middle" or "end". */
void svg_text(svg *s, double x, double y, const char *anchor, const char *cls,
              const char *text);

#endif /* FIGURE_SVG_H */
