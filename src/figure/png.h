/*
 * png.h - an SVG picture converted to PNG by whatever converter is
 * installed: rsvg-convert (librsvg2-bin), else chromium's headless
 * screenshot.  Neither is a dependency of the suite: without one the
 * SVG is the figure, and the caller says so.
 */
#ifndef FIGURE_PNG_H
#define FIGURE_PNG_H

#include <stddef.h>

typedef enum figure_png_result {
    FIGURE_PNG_DONE,    /* png_path written */
    FIGURE_PNG_NONE,    /* no converter on PATH */
    FIGURE_PNG_FAILED,  /* a converter ran and failed; the reason in why */
} figure_png_result;

/*
 * Converts svg_path, a picture of width x height pixels, to png_path.
 * The converters run without a shell (paths are arguments, never
 * parsed), their output discarded.  On FIGURE_PNG_FAILED a sentence
 * naming the converter is written to why.
 */
figure_png_result figure_png(const char *svg_path, const char *png_path, int width, int height,
                             char *why, size_t whysize);

#endif /* FIGURE_PNG_H */
