/*
 * figures_line.h - a struct of uint64_t figures as one line of text, and
 * back: how a child of the gc program hands what it measured to its
 * parent (pause.h, fresh.h).  The fields are named by their offsets, in
 * the order they stand on the line.  Also the one check both children
 * make of the spec their parent gave them.
 */
#ifndef GC_FIGURES_LINE_H
#define GC_FIGURES_LINE_H

#include <stdbool.h>
#include <stddef.h>

/* The fields of *figures at 'offsets', each a uint64_t, as decimal
 * numbers separated by single spaces and ended by a newline.  Returns
 * what snprintf returns. */
int figures_line_format(const void *figures, const size_t *offsets, size_t count,
                        char *buf, size_t cap);

/* Reads exactly 'count' decimal numbers, single spaces between them, an
 * optional newline after, into the fields of *figures at 'offsets'.
 * False for anything else (a sign, a missing or extra field, a number
 * past 2^64 - 1); *figures is then untouched. */
bool figures_line_parse(const char *line, void *figures, const size_t *offsets,
                        size_t count);

/* Whether spec holds only lowercase letters, digits and ':' (the shape
 * of every gc child's spec): sscanf's %zu would otherwise take a sign
 * or a blank before a number. */
bool figures_spec_plain(const char *spec);

#endif /* GC_FIGURES_LINE_H */
