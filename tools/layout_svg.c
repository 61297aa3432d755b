/*
 * layout_svg.c - draw the traverse layouts as box-and-arrow pictures (SVG)
 * from the compiled structs: records, pointers, nodes, object headers,
 * padding and malloc's size words, on a byte scale with a rule at every
 * cache-line boundary.
 *
 * Run:    make layout          (also prints the text map; figures into the
 *                               run, or build/layouts)
 *         make layout-figures  (regenerates docs/figures/layouts/)
 *         build/bin/layout_svg [--out=DIR] [--machine=FILE] [--only=NAME] [--png]
 * Output: DIR/<layout>.svg for aos, soa, aop, list and boxed, and one line
 *         per file on stdout with the cache lines each walk loads.  The
 *         files hold no date, host or path: the same build draws the same
 *         bytes, so the committed ones can be checked for staleness
 *         (tests/cli/layout-figures.sh).
 * Claims: L1, L3, L4, L5; docs/experiments/traverse.md shows the figures.
 */
#include "figure/layout_figures.h"
#include "figure/memmap_draw.h"
#include "figure/png.h"
#include "harness/profile.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define DEFAULT_OUT "docs/figures/layouts"
#define DEFAULT_LINE 64

static void usage(FILE *f)
{
    fprintf(f,
            "usage: layout_svg [--out=DIR] [--machine=FILE] [--only=NAME] [--png]\n"
            "Draws each traverse layout as a picture of memory, from the offsets and sizes\n"
            "of the compiled structs, into DIR/NAME.svg (default DIR: %s):\n",
            DEFAULT_OUT);
    for (size_t i = 0; i < layout_figure_count; i++)
        fprintf(f, "  %-6s %s\n", layout_figures[i].name, layout_figures[i].summary);
    fprintf(f,
            "  --out=DIR       where to write (made when missing; its parent must exist)\n"
            "  --machine=FILE  draw the cache line measured in this machine.json\n"
            "                  (measured.line_bytes); default %d bytes\n"
            "  --only=NAME     draw one figure\n"
            "  --png           also NAME.png, with rsvg-convert or else headless chromium\n"
            "                  when one is installed (otherwise a note, and exit 0)\n"
            "Exit status: 0 done, 1 a file could not be written, 2 bad arguments or profile.\n",
            DEFAULT_LINE);
}

/* measured.line_bytes of a machine profile: a power of two from 16 to
 * 1024 bytes, or 0 with the reason in why.  An absent line is refused,
 * not drawn as the 64 bytes profile_load assumes for it. */
static size_t measured_line(const char *path, char *why, size_t size)
{
    machine_profile p;
    if (!profile_read(path, &p, why, size))
        return 0;
    if (!p.line_measured) {
        snprintf(why, size, "%s: no measured.line_bytes", path);
        return 0;
    }
    if (p.line_bytes < 16 || p.line_bytes > 1024 || (p.line_bytes & (p.line_bytes - 1)) != 0) {
        snprintf(why, size, "%s: measured.line_bytes %zu is not a power of two from 16 to 1024",
                 path, p.line_bytes);
        return 0;
    }
    return p.line_bytes;
}

/* Makes dir unless it is there; 1 with a message when it cannot be
 * made or written. */
static int ready_dir(const char *dir)
{
    if (mkdir(dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, "layout_svg: cannot make directory '%s': %s\n", dir, strerror(errno));
        return 1;
    }
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "layout_svg: '%s' is not a directory\n", dir);
        return 1;
    }
    if (access(dir, W_OK) != 0) {
        fprintf(stderr, "layout_svg: cannot write to '%s': %s\n", dir, strerror(errno));
        return 1;
    }
    return 0;
}

/* Draws one figure into path through a temporary file and a rename, so
 * a failure never leaves half a picture under the final name. */
static int write_figure(const memmap_figure *f, const char *path)
{
    char tmp[4200];
    snprintf(tmp, sizeof tmp, "%s.tmp.%ld", path, (long)getpid());
    FILE *out = fopen(tmp, "w");
    if (!out) {
        fprintf(stderr, "layout_svg: cannot write '%s': %s\n", tmp, strerror(errno));
        return 1;
    }
    bool drawn = memmap_draw(f, out);
    int closed = fclose(out);
    if (!drawn || closed != 0 || rename(tmp, path) != 0) {
        fprintf(stderr, "layout_svg: cannot write '%s': %s\n", path,
                drawn ? strerror(errno) : "the SVG writer was misused (a bug)");
        remove(tmp);
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *out = DEFAULT_OUT, *machine = NULL;
    const layout_figure *only = NULL;
    bool png = false;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(stdout);
            return 0;
        } else if (strncmp(a, "--out=", 6) == 0 && a[6]) {
            out = a + 6;
        } else if (strncmp(a, "--machine=", 10) == 0 && a[10]) {
            machine = a + 10;
        } else if (strncmp(a, "--only=", 7) == 0) {
            only = layout_figure_find(a + 7);
            if (!only) {
                fprintf(stderr, "layout_svg: no figure '%s'\n", a + 7);
                usage(stderr);
                return 2;
            }
        } else if (strcmp(a, "--png") == 0) {
            png = true;
        } else {
            fprintf(stderr, "layout_svg: unknown option '%s'\n", a);
            usage(stderr);
            return 2;
        }
    }

    size_t line = DEFAULT_LINE;
    const char *source = "the usual size; give a run's machine.json to draw the measured one";
    if (machine) {
        char why[512];
        line = measured_line(machine, why, sizeof why);
        if (!line) {
            fprintf(stderr, "layout_svg: %s\n", why);
            return 2;
        }
        source = "measured on the run's machine: machine.json, measured.line_bytes";
    }
    if (ready_dir(out) != 0)
        return 1;

    int status = 0;
    bool no_converter = false;
    for (size_t i = 0; i < layout_figure_count; i++) {
        const layout_figure *which = &layout_figures[i];
        if (only && only != which)
            continue;
        static memmap_figure f;  /* static: a figure is about 25 KiB */
        layout_figure_build(which, &f, line, source);
        char path[4096], png_path[4096];
        snprintf(path, sizeof path, "%s/%s.svg", out, which->name);
        if (write_figure(&f, path) != 0) {
            status = 1;
            continue;
        }
        printf("%s:", path);
        for (size_t k = 0; k < f.npanels; k++)
            printf("%s%zu lines", k ? ", " : " ", memmap_line_loads(&f.panel[k], line));
        printf(" for %zu users (%zu-byte lines)\n", memmap_visits(&f.panel[0]), line);
        if (!png || no_converter)
            continue;
        double w, h;
        char why[512];
        memmap_size(&f, &w, &h);
        snprintf(png_path, sizeof png_path, "%s/%s.png", out, which->name);
        switch (figure_png(path, png_path, (int)(w + 0.5), (int)(h + 0.5), why, sizeof why)) {
        case FIGURE_PNG_DONE:
            printf("%s\n", png_path);
            break;
        case FIGURE_PNG_NONE:
            printf("(no PNG: neither rsvg-convert nor chromium is installed; the SVGs are the figures)\n");
            no_converter = true;
            break;
        case FIGURE_PNG_FAILED:
            fprintf(stderr, "layout_svg: no PNG of %s: %s\n", path, why);
            status = 1;
            break;
        }
    }
    if (fflush(stdout) != 0)
        status = 1;
    return status;
}
