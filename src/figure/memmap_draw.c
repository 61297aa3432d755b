/* memmap_draw.c - drawing a memory picture as SVG: rows of bytes, line rules, boxes, arrows. */
#include "memmap_draw.h"

#include <stdio.h>
#include <string.h>

#define MARGIN 16.0
#define LABEL_WIDTH 176.0
#define ROW_WIDTH 1024.0
#define TEXT_LINE 16.0
#define REGION_GAP 8.0
#define PANEL_GAP 18.0
/* Average advance of a character of the box labels (9 px sans-serif), to
 * decide whether a field's name fits inside its box. */
#define LABEL_CHAR 5.0

static const char *const kind_class[MEMMAP_KINDS] = {
    [MEMMAP_VALUE] = "k-value",   [MEMMAP_POINTER] = "k-pointer",
    [MEMMAP_HEADER] = "k-header", [MEMMAP_MALLOC] = "k-malloc",
    [MEMMAP_PADDING] = "k-pad",   [MEMMAP_SLACK] = "k-slack",
};
static const char *const kind_name[MEMMAP_KINDS] = {
    [MEMMAP_VALUE] = "data field",
    [MEMMAP_POINTER] = "pointer",
    [MEMMAP_HEADER] = "object header (refcount, type)",
    [MEMMAP_MALLOC] = "malloc's size word",
    [MEMMAP_PADDING] = "padding (alignment)",
    [MEMMAP_SLACK] = "malloc's rounding",
};

/* Colours, chosen light enough for black labels, and by lightness as well
 * as hue so a grey print still tells them apart. */
static const char style_sheet[] =
    ".page { fill: #fff; }\n"
    "text { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 11px; fill: #222; }\n"
    ".title { font-size: 17px; font-weight: bold; }\n"
    ".note { fill: #555; }\n"
    ".ptitle { font-size: 13px; font-weight: bold; }\n"
    ".rlabel { font-family: 'DejaVu Sans Mono', monospace; font-size: 12px; font-weight: bold; }\n"
    ".rdetail { font-size: 10px; fill: #555; }\n"
    ".blabel { font-size: 9px; }\n"
    ".lline { font-size: 9px; fill: #666; }\n"
    ".num { font-size: 10px; font-weight: bold; fill: #b2182b; }\n"
    ".caption { font-size: 12px; }\n"
    ".count { font-size: 13px; font-weight: bold; }\n"
    ".box { stroke: #333; stroke-width: 0.7; }\n"
    ".faded { stroke-opacity: 0.5; }\n"
    ".k-value { fill: #6baed6; }\n"
    ".k-value.faded { fill: #d4e7f4; }\n"
    ".k-pointer { fill: #c994c7; }\n"
    ".k-pointer.faded { fill: #ecd9eb; }\n"
    ".k-header { fill: #fdae6b; }\n"
    ".k-header.faded { fill: #fee3c8; }\n"
    ".k-malloc, .k-malloc.faded { fill: #969696; }\n"
    ".k-pad, .k-pad.faded { fill: url(#hatch); }\n"
    ".k-slack, .k-slack.faded { fill: #e0e0e0; }\n"
    ".cell { fill: #ffffff; stroke: #c8c8c8; stroke-width: 0.6; }\n"
    ".hot { fill: #ffe680; stroke: #c8c8c8; stroke-width: 0.6; }\n"
    ".rule { stroke: #000; stroke-width: 1.6; }\n"
    ".arrow { fill: none; stroke: #b2182b; stroke-width: 1.3; marker-end: url(#head); }\n"
    ".skip { fill: none; stroke: #888; stroke-width: 1; stroke-dasharray: 4 3; "
    "marker-end: url(#headgrey); }\n";

void memmap_geometry_for(memmap_geometry *g, size_t line_bytes)
{
    size_t row = line_bytes > 256 ? line_bytes : 256;
    *g = (memmap_geometry){
        .left = MARGIN + LABEL_WIDTH,
        .px_per_byte = ROW_WIDTH / (double)row,
        .row_bytes = row,
        .row_height = 78,
        .box_top = 26,
        .box_height = 24,
    };
}

size_t memmap_region_rows(const memmap_panel *p, const memmap_geometry *g, size_t r)
{
    return (p->region[r].bytes + g->row_bytes - 1) / g->row_bytes;
}

size_t memmap_box_rects(const memmap_panel *p, const memmap_geometry *g, size_t box,
                        double region_y, memmap_rect *out, size_t max)
{
    const memmap_box *b = &p->box[box];
    size_t n = 0;
    for (size_t at = b->start; at < b->start + b->len; n++) {
        size_t row = at / g->row_bytes, row_end = (row + 1) * g->row_bytes;
        size_t end = b->start + b->len < row_end ? b->start + b->len : row_end;
        if (n < max)
            out[n] = (memmap_rect){
                g->left + (double)(at - row * g->row_bytes) * g->px_per_byte,
                region_y + (double)row * g->row_height + g->box_top,
                (double)(end - at) * g->px_per_byte, g->box_height};
        at = end;
    }
    return n;
}

/* Writes text split at '\n', one line every TEXT_LINE; returns the lines. */
static size_t text_lines(svg *s, double x, double y, const char *cls, const char *text)
{
    size_t n = 0;
    char line[MEMMAP_CAPTION];
    for (const char *p = text; *p || n == 0; n++) {
        size_t len = strcspn(p, "\n");
        snprintf(line, sizeof line, "%.*s", (int)len, p);
        svg_text(s, x, y + (double)n * TEXT_LINE, "start", cls, line);
        p += len;
        if (*p == '\n')
            p++;
        if (!*p)
            return n + 1;
    }
    return n;
}

static size_t count_lines(const char *text)
{
    size_t n = 1;
    for (const char *p = text; *p; p++)
        n += *p == '\n' && p[1];
    return n;
}

/* Height of a panel: title, regions, caption. */
static double panel_height(const memmap_panel *p, const memmap_geometry *g)
{
    double h = 24;
    for (size_t r = 0; r < p->nregions; r++)
        h += (double)memmap_region_rows(p, g, r) * g->row_height + REGION_GAP;
    return h + 6 + (double)count_lines(p->caption) * TEXT_LINE;
}

static double legend_height(void)
{
    return 48;
}

static double header_height(const memmap_figure *f)
{
    return 30 + (double)count_lines(f->note) * TEXT_LINE + 8;
}

static void draw_defs(svg *s)
{
    svg_leaf(s, "style", NULL, style_sheet);
    svg_open(s, "defs", NULL);
    svg_open(s, "pattern", (const char *[]){"id", "hatch", "width", "5", "height", "5",
                                           "patternUnits", "userSpaceOnUse",
                                           "patternTransform", "rotate(45)", NULL});
    svg_rect(s, 0, 0, 5, 5, "page");
    svg_leaf(s, "line", (const char *[]){"x1", "0", "y1", "0", "x2", "0", "y2", "5", "stroke",
                                        "#777", "stroke-width", "2", NULL}, NULL);
    svg_close(s);
    static const char *const heads[][2] = {{"head", "#b2182b"}, {"headgrey", "#888"}};
    for (size_t i = 0; i < 2; i++) {
        svg_open(s, "marker", (const char *[]){"id", heads[i][0], "viewBox", "0 0 8 8", "refX",
                                              "7", "refY", "4", "markerWidth", "7",
                                              "markerHeight", "7", "orient", "auto", NULL});
        svg_leaf(s, "path", (const char *[]){"d", "M0,0 L8,4 L0,8 z", "fill", heads[i][1], NULL},
                 NULL);
        svg_close(s);
    }
    svg_close(s);
}

static void draw_legend(svg *s, const memmap_figure *f, double y)
{
    bool present[MEMMAP_KINDS] = {false};
    for (size_t k = 0; k < f->npanels; k++)
        for (size_t i = 0; i < f->panel[k].nboxes; i++)
            present[f->panel[k].box[i].kind] = true;
    double x = MARGIN;
    for (size_t k = 0; k < MEMMAP_KINDS; k++) {
        if (!present[k])
            continue;
        char cls[32];
        snprintf(cls, sizeof cls, "box %s", kind_class[k]);
        svg_rect(s, x, y, 14, 14, cls);
        svg_text(s, x + 19, y + 11, "start", NULL, kind_name[k]);
        x += 19 + (double)strlen(kind_name[k]) * 6.2 + 16;
    }
    y += 22;
    x = MARGIN;
    svg_rect(s, x, y, 14, 14, "box k-value");
    svg_rect(s, x + 16, y, 14, 14, "box k-value faded");
    svg_text(s, x + 35, y + 11, "start", NULL, "read by the loop / not read");
    x += 230;
    svg_rect(s, x, y, 28, 14, "hot");
    svg_text(s, x + 33, y + 11, "start", NULL, "a cache line the walk loads");
    x += 220;
    svg_line(s, x, y + 12, x + 24, y + 12, "rule");
    svg_text(s, x + 30, y + 11, "start", NULL, "cache-line boundary");
    x += 170;
    svg_text(s, x, y + 11, "start", "num", "3");
    svg_text(s, x + 12, y + 11, "start", NULL, "visit order");
    size_t arrows = 0;
    for (size_t k = 0; k < f->npanels; k++)
        arrows += f->panel[k].narrows;
    if (!arrows)
        return;
    x += 100;
    char d[128], a[SVG_NUM], b[SVG_NUM], c[SVG_NUM];
    snprintf(d, sizeof d, "M%s,%s H%s", svg_num(a, x), svg_num(b, y + 7), svg_num(c, x + 26));
    svg_leaf(s, "path", (const char *[]){"d", d, "class", "arrow", NULL}, NULL);
    svg_text(s, x + 32, y + 11, "start", NULL, "pointer followed");
    x += 140;
    snprintf(d, sizeof d, "M%s,%s H%s", svg_num(a, x), svg_num(b, y + 7), svg_num(c, x + 26));
    svg_leaf(s, "path", (const char *[]){"d", d, "class", "skip", NULL}, NULL);
    svg_text(s, x + 32, y + 11, "start", NULL, "address not loaded");
}

static void draw_region(svg *s, const memmap_panel *p, const memmap_geometry *g,
                        size_t line_bytes, size_t r, double y)
{
    const memmap_region *reg = &p->region[r];
    svg_text(s, MARGIN, y + g->box_top + 12, "start", "rlabel", reg->label);
    text_lines(s, MARGIN, y + g->box_top + 26, "rdetail", reg->detail);
    size_t rows = memmap_region_rows(p, g, r);
    size_t end = (reg->bytes + line_bytes - 1) / line_bytes * line_bytes;
    for (size_t row = 0; row < rows; row++) {
        double ry = y + (double)row * g->row_height;
        size_t from = row * g->row_bytes, to = from + g->row_bytes < end ? from + g->row_bytes : end;
        for (size_t at = from; at < to; at += line_bytes) {
            double x = g->left + (double)(at - from) * g->px_per_byte;
            size_t line = at / line_bytes;
            /* From the top of the row, so a loaded line shows above its boxes. */
            svg_rect(s, x, ry + 2, (double)line_bytes * g->px_per_byte,
                     g->box_top + g->box_height - 2,
                     memmap_line_read(p, r, line, line_bytes) ? "hot" : "cell");
            char label[32];
            snprintf(label, sizeof label, "line %zu", line);
            svg_text(s, x + 3, ry + 9, "start", "lline", label);
        }
    }
    for (size_t i = 0; i < p->nboxes; i++) {
        const memmap_box *b = &p->box[i];
        if (b->region != r)
            continue;
        memmap_rect rect[4];
        size_t n = memmap_box_rects(p, g, i, y, rect, 4);
        char cls[48];
        snprintf(cls, sizeof cls, "box %s%s", kind_class[b->kind], b->visit < 0 ? " faded" : "");
        for (size_t k = 0; k < n && k < 4; k++) {
            svg_rect(s, rect[k].x, rect[k].y, rect[k].w, rect[k].h, cls);
            if (b->label && rect[k].w >= (double)strlen(b->label) * LABEL_CHAR + 2)
                svg_text(s, rect[k].x + rect[k].w / 2, rect[k].y + rect[k].h / 2 + 3, "middle",
                         "blabel", b->label);
        }
        if (b->number > 0 && n > 0) {
            char num[16];
            snprintf(num, sizeof num, "%d", b->number);
            /* Beside the arrowhead that lands on the box's start, not under it. */
            svg_text(s, rect[0].x + 8, rect[0].y - 3, "start", "num", num);
        }
    }
    /* The rules last among the region's shapes, so no box hides one. */
    for (size_t row = 0; row < rows; row++) {
        double ry = y + (double)row * g->row_height;
        size_t from = row * g->row_bytes, to = from + g->row_bytes < end ? from + g->row_bytes : end;
        for (size_t at = from; at <= to; at += line_bytes) {
            double x = g->left + (double)(at - from) * g->px_per_byte;
            svg_line(s, x, ry + 2, x, ry + g->box_top + g->box_height + 4, "rule");
        }
    }
}

/* An arrow from the middle of box a's bottom to the start of box b:
 * into its top when b is on a lower row, else into its bottom, curving
 * through the gap under the rows. */
static void draw_arrow(svg *s, const memmap_rect *a, const memmap_rect *b, bool followed)
{
    double x1 = a->x + a->w / 2, y1 = a->y + a->h, x2 = b->x + 2;
    double y2 = b->y > a->y ? b->y : b->y + b->h;
    double c2 = b->y > a->y ? y2 - 16 : y2 + 20;
    char d[192], n[6][SVG_NUM];
    snprintf(d, sizeof d, "M%s,%s C%s,%s %s,%s %s,%s", svg_num(n[0], x1), svg_num(n[1], y1),
             n[0], svg_num(n[2], y1 + 20), svg_num(n[3], x2), svg_num(n[4], c2), n[3],
             svg_num(n[5], y2));
    svg_leaf(s, "path", (const char *[]){"d", d, "class", followed ? "arrow" : "skip", NULL},
             NULL);
}

static void draw_panel(svg *s, const memmap_panel *p, const memmap_geometry *g,
                       size_t line_bytes, double y)
{
    svg_text(s, MARGIN, y + 14, "start", "ptitle", p->title);
    double region_y[MEMMAP_MAX_REGIONS], at = y + 24;
    for (size_t r = 0; r < p->nregions; r++) {
        region_y[r] = at;
        draw_region(s, p, g, line_bytes, r, at);
        at += (double)memmap_region_rows(p, g, r) * g->row_height + REGION_GAP;
    }
    for (size_t i = 0; i < p->narrows; i++) {
        const memmap_arrow *ar = &p->arrow[i];
        memmap_rect a, b;
        memmap_box_rects(p, g, ar->from, region_y[p->box[ar->from].region], &a, 1);
        memmap_box_rects(p, g, ar->to, region_y[p->box[ar->to].region], &b, 1);
        draw_arrow(s, &a, &b, ar->followed);
    }
    /* The count first, in bold: it is what the picture is for. */
    size_t len = strcspn(p->caption, "\n");
    char first[MEMMAP_CAPTION];
    snprintf(first, sizeof first, "%.*s", (int)len, p->caption);
    svg_text(s, MARGIN, at + 12, "start", "count", first);
    if (p->caption[len] && p->caption[len + 1])
        text_lines(s, MARGIN, at + 12 + TEXT_LINE, "caption", p->caption + len + 1);
}

void memmap_size(const memmap_figure *f, double *width, double *height)
{
    memmap_geometry g;
    memmap_geometry_for(&g, f->line_bytes);
    *height = header_height(f) + legend_height();
    for (size_t k = 0; k < f->npanels; k++)
        *height += panel_height(&f->panel[k], &g) + PANEL_GAP;
    *width = g.left + ROW_WIDTH + MARGIN;
}

bool memmap_draw(const memmap_figure *f, FILE *out)
{
    memmap_geometry g;
    memmap_geometry_for(&g, f->line_bytes);
    double width, height;
    memmap_size(f, &width, &height);

    svg s;
    svg_start(&s, out, width, height, f->title);
    draw_defs(&s);
    svg_rect(&s, 0, 0, width, height, "page");
    svg_text(&s, MARGIN, 26, "start", "title", f->title);
    text_lines(&s, MARGIN, 46, "note", f->note);
    double y = header_height(f);
    draw_legend(&s, f, y);
    y += legend_height();
    for (size_t k = 0; k < f->npanels; k++) {
        draw_panel(&s, &f->panel[k], &g, f->line_bytes, y);
        y += panel_height(&f->panel[k], &g) + PANEL_GAP;
    }
    return svg_finish(&s);
}
