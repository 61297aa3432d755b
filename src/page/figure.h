/*
 * figure.h - one plot of a run in the page: its SVG inlined (svg.h) with
 * the axes the hover script reads, else its PNG as a data: URL (a
 * committed run may keep only PNGs), else a note; then links to the data
 * the plot was drawn from.  Nothing is fetched when the page opens.
 */
#ifndef PAGE_FIGURE_H
#define PAGE_FIGURE_H

#include <stdbool.h>
#include <stdio.h>

/*
 * Writes <figure class="plot"> for plot (a base name in <run_dir>/plots/,
 * checked with html_plain_name: others get a note and open no file).
 * bench names the data file (<run_dir>/data/<bench>.tsv, linked when it
 * exists, as link_base + "data/<bench>.tsv"); id_prefix makes the SVG's ids
 * unique in the page.  Returns true when a plot was shown.
 */
bool page_figure(FILE *out, const char *run_dir, const char *link_base, const char *plot,
                 const char *bench, const char *id_prefix);

/* Writes the bytes of a file as base64; false when it cannot be read. */
bool page_base64_file(FILE *out, const char *path);

#endif /* PAGE_FIGURE_H */
