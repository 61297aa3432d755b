/*
 * tsv.c - reads two columns of a plot's TSV per variant (tsv.h).
 */
#include "page/tsv.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Field k (0-based) of a tab-separated line, copied into buf; false if
 * the line has fewer fields. */
static bool field(const char *line, size_t k, char *buf, size_t size)
{
    const char *p = line;
    for (size_t i = 0; i < k; i++) {
        p = strchr(p, '\t');
        if (!p)
            return false;
        p++;
    }
    size_t n = strcspn(p, "\t\r\n");
    if (n >= size)
        n = size - 1;
    memcpy(buf, p, n);
    buf[n] = '\0';
    return true;
}

/* The index of column name in the header line ("# variant\targ..."). */
static long column_of(const char *header, const char *name)
{
    char buf[128];
    for (size_t k = 0; field(header, k, buf, sizeof buf); k++) {
        const char *b = k == 0 && strncmp(buf, "# ", 2) == 0 ? buf + 2 : buf;
        if (strcmp(b, name) == 0)
            return (long)k;
    }
    return -1;
}

static bool wanted(const char *variant, const char *const *only)
{
    if (!only)
        return true;
    for (; *only; only++)
        if (strcmp(variant, *only) == 0)
            return true;
    return false;
}

static tsv_curve *curve_for(tsv_curves *c, const char *variant)
{
    for (size_t i = 0; i < c->count; i++)
        if (strcmp(c->curve[i].variant, variant) == 0)
            return &c->curve[i];
    tsv_curve *grown = realloc(c->curve, (c->count + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    c->curve = grown;
    tsv_curve *k = &c->curve[c->count];
    *k = (tsv_curve){.variant = strdup(variant)};
    if (!k->variant)
        return NULL;
    c->count++;
    return k;
}

static bool add_point(tsv_curve *k, double x, double y)
{
    double *nx = realloc(k->x, (k->n + 1) * sizeof *nx);
    if (!nx)
        return false;
    k->x = nx;
    double *ny = realloc(k->y, (k->n + 1) * sizeof *ny);
    if (!ny)
        return false;
    k->y = ny;
    k->x[k->n] = x;
    k->y[k->n] = y;
    k->n++;
    return true;
}

static double number(const char *s)
{
    char *end;
    double v = strtod(s, &end);
    return end != s && *end == '\0' ? v : NAN;
}

bool tsv_read_curves(const char *path, const char *xcol, const char *ycol,
                     const char *const *only, tsv_curves *curves, char *err, size_t errsize)
{
    memset(curves, 0, sizeof *curves);
    FILE *in = fopen(path, "r");
    if (!in) {
        snprintf(err, errsize, "%s: cannot be read", path);
        return false;
    }
    char *line = NULL;
    size_t cap = 0;
    long cx = -1, cy = -1;
    bool ok = getline(&line, &cap, in) > 0 && line[0] == '#';
    if (ok) {
        cx = column_of(line, xcol);
        cy = column_of(line, ycol);
    }
    if (!ok || cx < 0 || cy < 0) {
        snprintf(err, errsize, "%s: %s", path, !ok ? "no header line" : "lacks a column the chart needs");
        ok = false;
    }
    while (ok && getline(&line, &cap, in) > 0) {
        char variant[256], xs[64], ys[64];
        if (line[0] == '#' || line[0] == '\n' || !field(line, 0, variant, sizeof variant) ||
            !field(line, (size_t)cx, xs, sizeof xs) || !field(line, (size_t)cy, ys, sizeof ys))
            continue;
        double x = number(xs), y = number(ys);
        if (!wanted(variant, only) || !isfinite(x) || !isfinite(y) || x <= 0 || y <= 0)
            continue;
        tsv_curve *k = curve_for(curves, variant);
        if (!k || !add_point(k, x, y)) {
            snprintf(err, errsize, "%s: out of memory", path);
            ok = false;
        }
    }
    free(line);
    fclose(in);
    if (!ok)
        tsv_curves_free(curves);
    return ok;
}

void tsv_curves_free(tsv_curves *curves)
{
    for (size_t i = 0; i < curves->count; i++) {
        free(curves->curve[i].variant);
        free(curves->curve[i].x);
        free(curves->curve[i].y);
    }
    free(curves->curve);
    memset(curves, 0, sizeof *curves);
}
