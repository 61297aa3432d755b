/*
 * overlay.c - two runs' curves in one SVG chart (overlay.h): log axes,
 * this run solid, the other dashed, a legend and a <title> per point.
 */
#include "page/overlay.h"

#include "page/fmt.h"
#include "page/html.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static const char *const stride_reads[] = {"read", NULL};
static const char *const stride_chases[] = {"chase", NULL};

/* The plots that matter when two machines are compared: time per element
 * by layout (L1, L3-L5), and the cost of a read by stride and by working
 * set (L6). */
static const overlay_spec specs[] = {
    {"traverse", "traverse", "Time per element by layout: both runs", "ws_bytes", "ns_med",
     "working set", "ns per element (median)", true, NULL},
    {"stride", "stride", "One read every S bytes: both runs", "arg", "ns_med",
     "stride S", "ns per read (median)", true, stride_reads},
    {"stride", "stride", "Latency of a dependent load: both runs", "arg", "ns_med",
     "working set", "ns per load (median)", true, stride_chases},
};

const overlay_spec *overlay_specs(const char *experiment, size_t *count)
{
    size_t first = 0, n = 0;
    for (size_t i = 0; experiment && i < sizeof specs / sizeof *specs; i++)
        if (strcmp(specs[i].experiment, experiment) == 0) {
            if (n == 0)
                first = i;
            n++;
        }
    *count = n;
    return n ? &specs[first] : NULL;
}

/* Okabe-Ito, as plots/common.gp. */
static const char *const colours[] = {"#000000", "#E69F00", "#56B4E9", "#009E73",
                                      "#0072B2", "#D55E00", "#CC79A7", "#999999"};

enum { W = 1000, H = 560, LEFT = 80, RIGHT = 230, TOP = 30, BOTTOM = 60 };

typedef struct frame {
    double lx0, lx1, ly0, ly1;   /* log2 of the x range, log10 of the y range */
} frame;

static double px(const frame *f, double x)
{
    return LEFT + (log2(x) - f->lx0) / (f->lx1 - f->lx0) * (W - LEFT - RIGHT);
}

static double py(const frame *f, double y)
{
    return H - BOTTOM - (log10(y) - f->ly0) / (f->ly1 - f->ly0) * (H - TOP - BOTTOM);
}

static void extend(frame *f, const tsv_curves *c, bool *any)
{
    for (size_t i = 0; c && i < c->count; i++)
        for (size_t j = 0; j < c->curve[i].n; j++) {
            double lx = log2(c->curve[i].x[j]), ly = log10(c->curve[i].y[j]);
            if (!*any) {
                f->lx0 = f->lx1 = lx;
                f->ly0 = f->ly1 = ly;
                *any = true;
            }
            f->lx0 = fmin(f->lx0, lx), f->lx1 = fmax(f->lx1, lx);
            f->ly0 = fmin(f->ly0, ly), f->ly1 = fmax(f->ly1, ly);
        }
}

/* The colour of a variant: by its place in a, else in b after a's. */
static size_t colour_of(const tsv_curves *a, const tsv_curves *b, const char *variant)
{
    for (size_t i = 0; i < a->count; i++)
        if (strcmp(a->curve[i].variant, variant) == 0)
            return i % 8;
    size_t extra = a->count;
    for (size_t i = 0; i < b->count; i++) {
        bool in_a = false;
        for (size_t k = 0; k < a->count; k++)
            in_a = in_a || strcmp(a->curve[k].variant, b->curve[i].variant) == 0;
        if (strcmp(b->curve[i].variant, variant) == 0)
            return extra % 8;
        if (!in_a)
            extra++;
    }
    return 0;
}

static void x_value(FILE *out, const overlay_spec *s, double x)
{
    if (s->xbytes)
        fmt_bytes(out, x);
    else
        fmt_number(out, x);
}

static void axes(FILE *out, const overlay_spec *s, const frame *f)
{
    fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" "
                 "stroke=\"#444\"/>\n", LEFT, TOP, W - LEFT - RIGHT, H - TOP - BOTTOM);
    /* x: powers of two, every other one when the range is wide. */
    int step = f->lx1 - f->lx0 > 16 ? 2 : 1;
    for (int e = (int)ceil(f->lx0); e <= (int)floor(f->lx1); e++) {
        if (e % step)
            continue;
        double x = px(f, exp2(e));
        fprintf(out, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#ddd\"/>"
                     "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">",
                x, TOP, x, H - BOTTOM, x, H - BOTTOM + 16);
        x_value(out, s, exp2(e));
        fputs("</text>\n", out);
    }
    for (int e = (int)ceil(f->ly0); e <= (int)floor(f->ly1); e++) {
        double y = py(f, pow(10, e));
        fprintf(out, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                     "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">",
                LEFT, y, W - RIGHT, y, LEFT - 6, y + 4);
        fmt_number(out, pow(10, e));
        fputs("</text>\n", out);
    }
    fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"12\" text-anchor=\"middle\">",
            (W - RIGHT + LEFT) / 2, H - 18);
    html_text(out, s->xlabel);
    fprintf(out, " (log scale)</text>\n<text transform=\"translate(18,%d) rotate(-90)\" "
                 "font-size=\"12\" text-anchor=\"middle\">", (H - BOTTOM + TOP) / 2);
    html_text(out, s->ylabel);
    fputs(" (log scale)</text>\n", out);
}

static void curves(FILE *out, const overlay_spec *s, const frame *f, const tsv_curves *c,
                   const tsv_curves *a, const tsv_curves *b, const char *label, bool dashed)
{
    for (size_t i = 0; i < c->count; i++) {
        const tsv_curve *k = &c->curve[i];
        const char *colour = colours[colour_of(a, b, k->variant)];
        fprintf(out, "<g><title>");
        html_text(out, k->variant);
        fputs(" (", out);
        html_text(out, label);
        fprintf(out, ")</title>\n<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"1.6\"%s "
                     "points=\"", colour, dashed ? " stroke-dasharray=\"6 4\"" : "");
        for (size_t j = 0; j < k->n; j++)
            fprintf(out, "%.1f,%.1f ", px(f, k->x[j]), py(f, k->y[j]));
        fputs("\"/>\n", out);
        for (size_t j = 0; j < k->n; j++) {
            fprintf(out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>",
                    px(f, k->x[j]), py(f, k->y[j]), dashed ? "#fff" : colour);
            html_text(out, k->variant);
            fputs(" (", out);
            html_text(out, label);
            fputs("): ", out);
            x_value(out, s, k->x[j]);
            fputs(", ", out);
            fmt_number(out, k->y[j]);
            fprintf(out, "</title></circle>\n");
        }
        fputs("</g>\n", out);
    }
}

static void legend(FILE *out, const tsv_curves *a, const tsv_curves *b, const char *label_a,
                   const char *label_b)
{
    int x = W - RIGHT + 16, y = TOP + 10;
    const tsv_curves *both[] = {a, b};
    size_t shown = 0;
    for (size_t r = 0; r < 2; r++)
        for (size_t i = 0; i < both[r]->count && shown < 16; i++) {
            const char *v = both[r]->curve[i].variant;
            bool seen = false;
            for (size_t k = 0; r == 1 && k < a->count; k++)
                seen = seen || strcmp(a->curve[k].variant, v) == 0;
            if (seen)
                continue;
            fprintf(out, "<rect x=\"%d\" y=\"%zu\" width=\"14\" height=\"4\" fill=\"%s\"/>"
                         "<text x=\"%d\" y=\"%zu\" font-size=\"11\">", x, y + shown * 16,
                    colours[colour_of(a, b, v)], x + 20, y + shown * 16 + 6);
            html_text(out, v);
            fputs("</text>\n", out);
            shown++;
        }
    y += (int)shown * 16 + 14;
    fprintf(out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\" "
                 "stroke-width=\"1.6\"/><text x=\"%d\" y=\"%d\" font-size=\"11\">",
            x, y, x + 14, y, x + 20, y + 4);
    html_text(out, label_a);
    fprintf(out, "</text>\n<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\" "
                 "stroke-width=\"1.6\" stroke-dasharray=\"6 4\"/><text x=\"%d\" y=\"%d\" "
                 "font-size=\"11\">", x, y + 16, x + 14, y + 16, x + 20, y + 20);
    html_text(out, label_b);
    fputs("</text>\n", out);
}

bool overlay_chart(FILE *out, const overlay_spec *spec, const tsv_curves *a,
                   const char *label_a, const tsv_curves *b, const char *label_b)
{
    frame f = {0};
    bool any = false;
    extend(&f, a, &any);
    extend(&f, b, &any);
    fputs("<figure class=\"plot overlay\">\n", out);
    if (!any) {
        fputs("<p class=\"missing\">", out);
        html_text(out, spec->title);
        fputs(": neither run has data for it.</p>\n</figure>\n", out);
        return false;
    }
    /* Some room around the points; a single value still gets a range. */
    f.lx0 -= 0.25, f.lx1 += 0.25;
    f.ly0 -= 0.05, f.ly1 += 0.05;
    fprintf(out, "<svg viewBox=\"0 0 %d %d\" xmlns=\"http://www.w3.org/2000/svg\" "
                 "font-family=\"DejaVu Sans, sans-serif\">\n<text x=\"%d\" y=\"18\" "
                 "font-size=\"14\" text-anchor=\"middle\">", W, H, (W - RIGHT + LEFT) / 2);
    html_text(out, spec->title);
    fputs("</text>\n", out);
    axes(out, spec, &f);
    curves(out, spec, &f, a, a, b, label_a, false);
    curves(out, spec, &f, b, a, b, label_b, true);
    legend(out, a, b, label_a, label_b);
    fputs("</svg>\n<figcaption>solid: ", out);
    html_text(out, label_a);
    fputs("; dashed: ", out);
    html_text(out, label_b);
    fputs(". Hover a point for its values.</figcaption>\n</figure>\n", out);
    return true;
}

bool overlay_runs(FILE *out, const overlay_spec *spec, const char *dir_a, const char *label_a,
                  const char *dir_b, const char *label_b)
{
    tsv_curves c[2];
    const char *dirs[] = {dir_a, dir_b};
    char err[256];
    for (size_t r = 0; r < 2; r++) {
        size_t n = strlen(dirs[r]) + strlen(spec->bench) + sizeof "/data/.tsv";
        char *path = malloc(n);
        if (path)
            snprintf(path, n, "%s/data/%s.tsv", dirs[r], spec->bench);
        if (!path || !tsv_read_curves(path, spec->xcol, spec->ycol, spec->only, &c[r], err,
                                      sizeof err))
            memset(&c[r], 0, sizeof c[r]);
        free(path);
    }
    bool drawn = overlay_chart(out, spec, &c[0], label_a, &c[1], label_b);
    tsv_curves_free(&c[0]);
    tsv_curves_free(&c[1]);
    return drawn;
}
