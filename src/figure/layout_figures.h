/*
 * layout_figures.h - the traverse layouts as memory pictures: the same
 * users stored as an array of structs, a struct of arrays, an array of
 * pointers, a linked list (eight users each) and boxed, Python-like
 * objects (four: each brings four arrows).
 *
 * Every box comes from the record catalog (src/traverse/record_catalog.h:
 * offsetof, sizeof, alignof of this build) and every malloc block from
 * the traverse model's chunk rule (malloc_chunk_model), so a change to a
 * struct changes its picture.  Each panel's caption counts the cache
 * lines that summing score over the users loads (memmap_line_loads), in
 * the order the traverse kernel of that layout reads them.
 */
#ifndef FIGURE_LAYOUT_FIGURES_H
#define FIGURE_LAYOUT_FIGURES_H

#include "memmap.h"

#include <stddef.h>

/* The users a picture holds (the boxed one half as many), and the seed of the shuffled orders and
 * of the users' 'active' flags (the boxed picture points each at True
 * or False). */
#define LAYOUT_FIGURE_USERS 8
#define LAYOUT_FIGURE_SEED 19

typedef struct layout_figure {
    const char *name;     /* the file's name without .svg: "aos" */
    const char *title;    /* the picture's title */
    const char *summary;  /* one line for --help */
    void (*build)(memmap_figure *f);
} layout_figure;

extern const layout_figure layout_figures[];
extern const size_t layout_figure_count;

/* The figure called 'name', or NULL. */
const layout_figure *layout_figure_find(const char *name);

/*
 * Builds figure 'which' into f with cache lines of line_bytes (a power of
 * two); 'line_source' says where that size comes from, for the note
 * under the title ("the usual size; no machine profile given").
 */
void layout_figure_build(const layout_figure *which, memmap_figure *f, size_t line_bytes,
                         const char *line_source);

#endif /* FIGURE_LAYOUT_FIGURES_H */
