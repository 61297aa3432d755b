/*
 * figure.c - a plot in the page (figure.h): inline SVG, or PNG as a
 * data: URL, with a link to its data.
 */
#include "page/figure.h"

#include "page/html.h"
#include "page/svg.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static char *path_of(const char *dir, const char *sub, const char *name, const char *ext)
{
    size_t n = strlen(dir) + strlen(sub) + strlen(name) + strlen(ext) + 3;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s/%s%s", dir, sub, name, ext);
    return p;
}

bool page_base64_file(FILE *out, const char *path)
{
    static const char digits[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    FILE *in = fopen(path, "rb");
    if (!in)
        return false;
    unsigned char b[3];
    size_t n;
    while ((n = fread(b, 1, 3, in)) > 0) {
        unsigned v = (unsigned)b[0] << 16 | (n > 1 ? (unsigned)b[1] << 8 : 0) | (n > 2 ? b[2] : 0);
        fputc(digits[v >> 18 & 63], out);
        fputc(digits[v >> 12 & 63], out);
        fputc(n > 1 ? digits[v >> 6 & 63] : '=', out);
        fputc(n > 2 ? digits[v & 63] : '=', out);
    }
    bool ok = !ferror(in);
    fclose(in);
    return ok;
}

/* The axes as data-* attributes: numbers only, printed here. */
static void axes_attributes(FILE *out, const svg_axes *a)
{
    if (!a->known)
        return;
    fprintf(out,
            " data-xmin=\"%.6g\" data-xmax=\"%.6g\" data-ybot=\"%.6g\" data-ytop=\"%.6g\""
            " data-axis-xmin=\"%.10g\" data-axis-xmax=\"%.10g\" data-axis-ymin=\"%.10g\""
            " data-axis-ymax=\"%.10g\" data-logx=\"%d\" data-logy=\"%d\"",
            a->xmin, a->xmax, a->ybot, a->ytop, a->axis_xmin, a->axis_xmax, a->axis_ymin,
            a->axis_ymax, a->logx, a->logy);
}

/* Links to the plot's files and its data, each only when it exists. */
static void links(FILE *out, const char *run_dir, const char *link_base, const char *plot,
                  const char *bench)
{
    fputs("<figcaption>", out);
    html_text(out, plot);
    static const char *const kinds[][3] = {
        {"plots", ".svg", "SVG"}, {"plots", ".png", "PNG"}, {"data", ".tsv", "data (TSV)"}};
    for (size_t k = 0; k < 3; k++) {
        const char *name = k < 2 ? plot : bench;
        if (!html_plain_name(name))
            continue;
        char *p = path_of(run_dir, kinds[k][0], name, kinds[k][1]);
        if (p && exists(p)) {
            fputs(" &middot; <a href=\"", out);
            html_url_path(out, link_base);
            fprintf(out, "%s/%s%s\">%s</a>", kinds[k][0], name, kinds[k][1], kinds[k][2]);
        }
        free(p);
    }
    fputs("</figcaption>\n", out);
}

bool page_figure(FILE *out, const char *run_dir, const char *link_base, const char *plot,
                 const char *bench, const char *id_prefix)
{
    if (!html_plain_name(plot)) {
        fputs("<p class=\"missing\">A plot named '", out);
        html_text(out, plot);
        fputs("' is not a plain file name; not shown.</p>\n", out);
        return false;
    }
    char *svg = path_of(run_dir, "plots", plot, ".svg");
    char *png = path_of(run_dir, "plots", plot, ".png");
    bool shown = false;
    if (svg && exists(svg)) {
        /* Inlined first into memory: the axes go on the <figure> tag,
         * which comes before the SVG. */
        char *buf = NULL, err[256];
        size_t size = 0;
        svg_axes axes;
        FILE *mem = open_memstream(&buf, &size);
        if (mem) {
            shown = svg_inline_file(mem, svg, id_prefix, &axes, err, sizeof err);
            if (fclose(mem) != 0)
                shown = false;
        }
        if (shown) {
            fputs("<figure class=\"plot\"", out);
            axes_attributes(out, &axes);
            fputs(">\n", out);
            fwrite(buf, 1, size, out);
            fputc('\n', out);
        }
        free(buf);
    }
    if (!shown && png && exists(png)) {
        fputs("<figure class=\"plot\">\n<img alt=\"", out);
        html_text(out, plot);
        fputs("\" src=\"data:image/png;base64,", out);
        shown = page_base64_file(out, png);
        fputs("\">\n", out);
    }
    if (!shown) {
        fputs("<figure class=\"plot\">\n<p class=\"missing\">No plot file for '", out);
        html_text(out, plot);
        fputs("' in this run (make plots RUN=... draws them).</p>\n", out);
    }
    links(out, run_dir, link_base, plot, bench);
    fputs("</figure>\n", out);
    free(svg);
    free(png);
    return shown;
}
