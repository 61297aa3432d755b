/*
 * memmap_draw.h - a memmap_figure as an SVG picture: bytes left to right,
 * a vertical rule at every cache-line boundary, boxes as wide as their
 * bytes, arrows for pointers.
 *
 * Each region is drawn as rows of row_bytes (a whole number of lines),
 * every byte the same width, so a box's width is its size times
 * px_per_byte and two pictures drawn with the same line size compare by
 * eye.  A line the walk reads is shaded; the boxes the loop reads are
 * solid, the others faded; each element's first box carries its visit
 * number, so a shuffled walk shows as numbers out of order and arrows
 * that jump.
 */
#ifndef FIGURE_MEMMAP_DRAW_H
#define FIGURE_MEMMAP_DRAW_H

#include "memmap.h"
#include "svg.h"

#include <stddef.h>
#include <stdio.h>

typedef struct memmap_geometry {
    double left;          /* x of a row's first byte */
    double px_per_byte;
    size_t row_bytes;     /* bytes per row: a multiple of the line size */
    double row_height;    /* line labels, boxes, then room for arrows */
    double box_top;       /* y of the boxes within a row */
    double box_height;
} memmap_geometry;

/* The geometry for lines of line_bytes: rows of 256 bytes, or one line
 * when lines are longer, always 1024 units wide. */
void memmap_geometry_for(memmap_geometry *g, size_t line_bytes);

typedef struct memmap_rect {
    double x, y, w, h;
} memmap_rect;

/*
 * The rectangles box 'box' of p is drawn as, for a region whose first row
 * is at y = region_y: one, or one per row when the box crosses a row's
 * end (at most max written; returns how many there are).
 */
size_t memmap_box_rects(const memmap_panel *p, const memmap_geometry *g, size_t box,
                        double region_y, memmap_rect *out, size_t max);

/* Rows region r of p takes. */
size_t memmap_region_rows(const memmap_panel *p, const memmap_geometry *g, size_t r);

/* The size of f's picture, in SVG user units (= CSS pixels). */
void memmap_size(const memmap_figure *f, double *width, double *height);

/*
 * Writes f as a complete SVG document to out.  True when the writer was
 * used correctly and nothing failed so far (the caller checks fclose).
 */
bool memmap_draw(const memmap_figure *f, FILE *out);

#endif /* FIGURE_MEMMAP_DRAW_H */
