/* test_figure_layouts.c - the five layout pictures: built from the
 * catalog, drawn the same way twice, and the line counts their captions
 * state, exact, for 64- and 128-byte lines. */
#include "figure/layout_figures.h"
#include "figure/memmap_draw.h"
#include "figure/png.h"
#include "traverse/model.h"
#include "traverse/record_catalog.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static memmap_figure fig;

static void build(const char *name, size_t line)
{
    const layout_figure *which = layout_figure_find(name);
    cr_assert_not_null(which, "%s", name);
    layout_figure_build(which, &fig, line, "test");
}

/* The figure drawn into a malloc'd string (the caller frees it). */
static char *drawn(void)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    cr_assert_not_null(f);
    cr_assert(memmap_draw(&fig, f));
    fclose(f);
    return buf;
}

Test(figure_layouts, every_figure_draws_the_same_bytes_twice)
{
    static const size_t lines[] = {16, 64, 128, 1024};
    for (size_t i = 0; i < layout_figure_count; i++)
        for (size_t k = 0; k < sizeof lines / sizeof lines[0]; k++) {
            build(layout_figures[i].name, lines[k]);
            char *a = drawn(), *b = drawn();
            cr_assert_str_eq(a, b, "%s", layout_figures[i].name);
            cr_assert(strncmp(a, "<?xml", 5) == 0);
            cr_assert(strstr(a, "</svg>\n"));
            char want[64];
            snprintf(want, sizeof want, "%zu-byte cache lines", lines[k]);
            cr_assert(strstr(a, want), "%s: the line size drawn is stated", layout_figures[i].name);
            free(a);
            free(b);
        }
    cr_assert_null(layout_figure_find("nothing"));
}

/* The lines one walk of figure 'name' loads, panel by panel. */
static size_t loads(const char *name, size_t line, size_t panel)
{
    build(name, line);
    cr_assert(panel < fig.npanels);
    return memmap_line_loads(&fig.panel[panel], line);
}

Test(figure_layouts, the_array_of_structs_loads_the_fewest_lines)
{
    /* 8 users x 24 B = 192 B: 3 lines of 64 B, 2 of 128 B. */
    cr_assert_eq(loads("aos", 64, 0), 3);
    cr_assert_eq(loads("aos", 128, 0), 2);
    /* active[] (8 B) and score[] (64 B): one line each. */
    cr_assert_eq(loads("soa", 64, 0), 2);
    /* The list: 48-byte blocks, 8 B into the heap; in order every line of
     * the 392 bytes but the first (which holds malloc's word only) ... */
    cr_assert_eq(loads("list", 64, 0), 6);
    /* ... shuffled, a line again for every node and for each of the two
     * nodes whose read bytes straddle a line. */
    cr_assert_eq(loads("list", 64, 1), 10);
    cr_assert_eq(loads("aop", 64, 0), 6);
    cr_assert_eq(loads("aop", 64, 1), 13);
    cr_assert_eq(loads("boxed", 64, 0), 8);
    cr_assert_gt(loads("list", 64, 1), loads("list", 64, 0));
    cr_assert_gt(loads("list", 64, 0), loads("aos", 64, 0));
}

Test(figure_layouts, the_padding_of_every_user_is_where_the_compiler_put_it)
{
    build("aos", 64);
    const memmap_panel *p = &fig.panel[0];
    const record_desc *u = &record_user;
    for (size_t i = 0; i < LAYOUT_FIGURE_USERS; i++)
        for (size_t f = 0; f < u->nfields; f++) {
            size_t pad = record_padding_after(u, f);
            size_t b = memmap_box_at(p, 0, i * u->size + u->fields[f].offset + u->fields[f].size);
            if (pad) {
                cr_assert_neq(b, (size_t)-1);
                cr_assert_eq(p->box[b].kind, MEMMAP_PADDING);
                cr_assert_eq(p->box[b].len, pad);
            }
        }
}

Test(figure_layouts, heap_blocks_follow_the_chunk_model)
{
    build("list", 64);
    const memmap_panel *p = &fig.panel[0];
    size_t chunk = malloc_chunk_model(record_user_node.size), words = 0, slack = 0;
    for (size_t i = 0; i < p->nboxes; i++) {
        if (p->box[i].kind == MEMMAP_MALLOC) {
            cr_assert_eq((p->box[i].start - 8) % chunk, 0, "a size word at %zu", p->box[i].start);
            words++;
        }
        slack += p->box[i].kind == MEMMAP_SLACK ? p->box[i].len : 0;
    }
    cr_assert_eq(words, LAYOUT_FIGURE_USERS);
    cr_assert_eq(slack, LAYOUT_FIGURE_USERS * (chunk - 8 - record_user_node.size));
    /* Each node but the last points at the next one visited. */
    cr_assert_eq(p->narrows, LAYOUT_FIGURE_USERS - 1);
}

Test(figure_layouts, the_caption_states_the_count)
{
    build("list", 64);
    cr_assert(strstr(fig.panel[1].caption, "loads 10 cache lines of 64 B: 1.25 per user"), "%s",
              fig.panel[1].caption);
}

/* figure_png of dir/in.svg with PATH set to 'dir' alone, so only the
 * fakes there run. */
static figure_png_result png_with_path(const char *dir, char *why, size_t size)
{
    char in[256], out[256];
    snprintf(in, sizeof in, "%s/in.svg", dir);
    snprintf(out, sizeof out, "%s/out.png", dir);
    FILE *f = fopen(in, "w");
    cr_assert_not_null(f);
    fputs("<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n", f);
    fclose(f);
    char *old = getenv("PATH") ? strdup(getenv("PATH")) : NULL;
    setenv("PATH", dir, 1);
    figure_png_result r = figure_png(in, out, 10, 10, why, size);
    unlink(in);
    unlink(out);
    if (old)
        setenv("PATH", old, 1);
    free(old);
    return r;
}

static void fake(const char *dir, const char *name, const char *script)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    cr_assert_not_null(f);
    fprintf(f, "#!/bin/sh\n%s\n", script);
    fclose(f);
    chmod(path, 0755);
}

Test(figure_png, no_converter_installed_is_said_not_failed)
{
    char dir[] = "/tmp/figure_png.XXXXXX", why[256] = "";
    cr_assert_not_null(mkdtemp(dir));
    cr_assert_eq(png_with_path(dir, why, sizeof why), FIGURE_PNG_NONE);
    rmdir(dir);
}

Test(figure_png, a_failing_converter_is_named)
{
    char dir[] = "/tmp/figure_png.XXXXXX", why[256] = "";
    cr_assert_not_null(mkdtemp(dir));
    fake(dir, "rsvg-convert", "exit 3");
    cr_assert_eq(png_with_path(dir, why, sizeof why), FIGURE_PNG_FAILED);
    cr_assert(strstr(why, "rsvg-convert failed (exit status 3)"), "%s", why);
    fake(dir, "rsvg-convert", "exit 0");
    cr_assert_eq(png_with_path(dir, why, sizeof why), FIGURE_PNG_DONE);
    char path[256];
    snprintf(path, sizeof path, "%s/rsvg-convert", dir);
    unlink(path);
    /* chromium that exits 0 without writing the picture is a failure too. */
    fake(dir, "chromium", "exit 0");
    cr_assert_eq(png_with_path(dir, why, sizeof why), FIGURE_PNG_FAILED);
    cr_assert(strstr(why, "chromium wrote no"), "%s", why);
    snprintf(path, sizeof path, "%s/chromium", dir);
    unlink(path);
    rmdir(dir);
}
