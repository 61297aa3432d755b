/*
 * assets.h - the page's fixed style sheet and script.  Both are constant
 * text written by this program: nothing read from a file ever lands in
 * either (data reaches the script only as the numeric data-* attributes
 * of a plot's <figure>, which it reads with getAttribute).
 */
#ifndef PAGE_ASSETS_H
#define PAGE_ASSETS_H

/* The <style> sheet: layout, verdict colours, tables, the tooltip. */
extern const char page_style[];

/*
 * The <script>: on a plot whose <figure class="plot"> carries data-xmin,
 * data-xmax, data-ybot, data-ytop (the plot area in SVG units),
 * data-axis-xmin ... data-axis-ymax (the data range) and data-logx,
 * data-logy ("1" for a log axis), hovering shows the nearest point's
 * values (and its series' title) or, away from points, the values under
 * the pointer.  Text goes in with textContent only.
 */
extern const char page_script[];

#endif /* PAGE_ASSETS_H */
