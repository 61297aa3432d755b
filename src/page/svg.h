/*
 * svg.h - a plot's SVG file, inlined into the page as safe markup.
 *
 * A plot in <run>/plots/ is a file like any other in a run people share:
 * what it holds must not run in the reader's browser.  The file is
 * re-written element by element: only the drawing elements gnuplot's svg
 * terminal makes are kept, with only drawing attributes, every value
 * escaped; scripts, event handlers, foreign objects and links out are
 * dropped.  Element ids get a per-plot prefix, since many plots share one
 * page and gnuplot names the same ids in each.
 *
 * gnuplot's "mouse" option puts the plot's axes in a script; those
 * numbers (and only numbers) are read into svg_axes, so the page's own
 * script can show the value under the pointer without running gnuplot's.
 */
#ifndef PAGE_SVG_H
#define PAGE_SVG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* The plot area in SVG units and the data range it shows (gnuplot_svg.*). */
typedef struct svg_axes {
    bool known;                     /* all of the numbers below were found */
    double xmin, xmax, ybot, ytop;  /* plot area, SVG units */
    double axis_xmin, axis_xmax, axis_ymin, axis_ymax;
    bool logx, logy;
} svg_axes;

/*
 * Writes the SVG document in text[0..len) to out as an inline <svg>
 * element, sanitized as above, ids prefixed with id_prefix (a plain name
 * and '-').  Fills axes (may be NULL).  Returns false, writing nothing,
 * when the text has no <svg> element.
 */
bool svg_inline_text(FILE *out, const char *text, size_t len, const char *id_prefix,
                     svg_axes *axes);

/* The same for a file; false with a message in err when it cannot be read
 * (larger than 8 MiB counts) or holds no SVG. */
bool svg_inline_file(FILE *out, const char *path, const char *id_prefix, svg_axes *axes,
                     char *err, size_t errsize);

#endif /* PAGE_SVG_H */
