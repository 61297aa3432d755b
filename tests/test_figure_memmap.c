/* test_figure_memmap.c - the geometry of the memory pictures: boxes from
 * the record descriptors, padding where record_padding_after says, widths
 * proportional to sizes, and the lines a walk loads. */
#include "figure/memmap.h"
#include "figure/memmap_draw.h"
#include "traverse/record_catalog.h"

#include <criterion/criterion.h>
#include <signal.h>
#include <string.h>

static memmap_panel panel;

/* A panel holding record r alone at byte 0 of one region. */
static void one_record(const record_desc *r, const char *const *read)
{
    memset(&panel, 0, sizeof panel);
    size_t reg = memmap_region_add(&panel, "r", NULL, r->size);
    memmap_record_add(&panel, reg, 0, r, read, 0);
}

Test(figure_memmap, user_boxes_are_its_fields_and_its_padding)
{
    static const char *const read[] = {"score", NULL};
    one_record(&record_user, read);
    cr_assert_eq(panel.nboxes, 4);
    const memmap_box *b = panel.box;
    cr_assert(b[0].start == 0 && b[0].len == 8 && strcmp(b[0].label, "id") == 0);
    cr_assert(b[1].start == 8 && b[1].len == 1 && strcmp(b[1].label, "active") == 0);
    cr_assert(b[2].kind == MEMMAP_PADDING && b[2].start == 9 && b[2].len == 7);
    cr_assert(b[3].start == 16 && b[3].len == 8 && strcmp(b[3].label, "score") == 0);
    cr_assert_eq(b[0].visit, -1);
    cr_assert_eq(b[3].visit, 0);
    cr_assert_eq(b[0].number, 1, "the record's first box carries its number");
    cr_assert_eq(b[3].number, 0);
}

/* For every record of the catalog: the boxes tile it exactly, and a
 * padding box lies wherever, and only where, record_padding_after() is
 * not 0 (for records without nested ones; a nested record brings its own
 * padding, checked through the same rule one level down). */
Test(figure_memmap, padding_is_drawn_exactly_where_record_padding_says)
{
    for (size_t k = 0; k < suite_record_count; k++) {
        const record_desc *r = suite_records[k];
        one_record(r, NULL);
        size_t covered = 0, end = 0, pad_boxes = 0, pad_bytes = 0;
        for (size_t i = 0; i < panel.nboxes; i++) {
            const memmap_box *b = &panel.box[i];
            cr_assert_eq(b->start, end, "%s: box %zu starts at %zu, not %zu", r->name, i,
                         b->start, end);
            end = b->start + b->len;
            covered += b->len;
            if (b->kind == MEMMAP_PADDING) {
                pad_boxes++;
                pad_bytes += b->len;
            }
        }
        cr_assert_eq(covered, r->size, "%s", r->name);
        bool nested = false;
        for (size_t f = 0; f < r->nfields; f++)
            nested |= record_find(r->fields[f].type) != NULL;
        if (nested)
            continue;
        cr_assert_eq(pad_bytes, record_padding(r), "%s", r->name);
        for (size_t f = 0; f < r->nfields; f++) {
            size_t after = record_padding_after(r, f), at = r->fields[f].offset + r->fields[f].size;
            size_t b = memmap_box_at(&panel, 0, at);
            if (after) {
                cr_assert_neq(b, (size_t)-1, "%s: no box after %s", r->name, r->fields[f].name);
                cr_assert_eq(panel.box[b].kind, MEMMAP_PADDING, "%s", r->name);
                cr_assert_eq(panel.box[b].len, after, "%s", r->name);
                pad_boxes--;
            } else if (b != (size_t)-1) {
                cr_assert_neq(panel.box[b].kind, MEMMAP_PADDING, "%s after %s", r->name,
                              r->fields[f].name);
            }
        }
        cr_assert_eq(pad_boxes, 0, "%s: a padding box where there is none", r->name);
    }
}

Test(figure_memmap, nested_records_are_drawn_field_by_field)
{
    static const char *const read[] = {"active", "score", "next", NULL};
    one_record(&record_user_node, read);
    /* id, active, padding, score (the user), next */
    cr_assert_eq(panel.nboxes, 5);
    cr_assert_str_eq(panel.box[4].label, "next");
    cr_assert_eq(panel.box[4].kind, MEMMAP_POINTER);
    cr_assert_eq(panel.box[0].visit, -1, "id is not read, though the user is");
    cr_assert_eq(panel.box[1].visit, 0);

    one_record(&record_box_user, NULL);
    cr_assert_eq(panel.box[0].kind, MEMMAP_HEADER);  /* refcount */
    cr_assert_eq(panel.box[1].kind, MEMMAP_HEADER);  /* type: a pointer, but the header's */
    cr_assert_eq(panel.box[2].kind, MEMMAP_POINTER); /* id */
    cr_assert_eq(memmap_field_in(&panel, 0, 0, record_box_user.size, "score"), 4);
    cr_assert_eq(memmap_field_in(&panel, 0, 0, record_box_user.size, "nothing"), (size_t)-1);
    cr_assert_eq(memmap_box_at(&panel, 0, 3), (size_t)-1);
}

Test(figure_memmap, a_box_is_as_wide_as_its_bytes)
{
    memmap_geometry g64, g128;
    memmap_geometry_for(&g64, 64);
    memmap_geometry_for(&g128, 128);
    cr_assert_eq(g64.row_bytes % 64, 0);
    one_record(&record_user, NULL);
    for (size_t i = 0; i < panel.nboxes; i++) {
        memmap_rect r;
        cr_assert_eq(memmap_box_rects(&panel, &g64, i, 0, &r, 1), 1);
        cr_assert_float_eq(r.w, (double)panel.box[i].len * g64.px_per_byte, 1e-9);
        cr_assert_float_eq(r.x, g64.left + (double)panel.box[i].start * g64.px_per_byte, 1e-9);
    }
    /* id is 8 bytes, score 8, active 1: the same ratio on the page. */
    memmap_rect id, active;
    memmap_box_rects(&panel, &g64, 0, 0, &id, 1);
    memmap_box_rects(&panel, &g64, 1, 0, &active, 1);
    cr_assert_float_eq(id.w / active.w, 8.0, 1e-9);
    /* Both line sizes keep rows of 256 bytes on the same width. */
    cr_assert_float_eq(g64.px_per_byte, g128.px_per_byte, 1e-9);
    memmap_geometry g1k;
    memmap_geometry_for(&g1k, 1024);
    cr_assert_eq(g1k.row_bytes, 1024);
    cr_assert_float_eq(g1k.px_per_byte * 1024, g64.px_per_byte * 256, 1e-9);
}

Test(figure_memmap, a_box_across_a_row_end_is_split)
{
    memmap_geometry g;
    memmap_geometry_for(&g, 64);
    memset(&panel, 0, sizeof panel);
    size_t reg = memmap_region_add(&panel, "r", NULL, 2 * g.row_bytes);
    size_t b = memmap_box_add(&panel, reg, g.row_bytes - 6, 12, MEMMAP_VALUE, "x", 0);
    memmap_rect r[2];
    cr_assert_eq(memmap_box_rects(&panel, &g, b, 100, r, 2), 2);
    cr_assert_float_eq(r[0].w, 6 * g.px_per_byte, 1e-9);
    cr_assert_float_eq(r[1].w, 6 * g.px_per_byte, 1e-9);
    cr_assert_float_eq(r[1].x, g.left, 1e-9);
    cr_assert_float_eq(r[1].y - r[0].y, g.row_height, 1e-9);
    cr_assert_float_eq(r[0].y, 100 + g.box_top, 1e-9);
    cr_assert_eq(memmap_region_rows(&panel, &g, reg), 2);
    /* Asked for one, it still says how many there are. */
    cr_assert_eq(memmap_box_rects(&panel, &g, b, 0, r, 1), 2);
}

Test(figure_memmap, a_line_counts_again_only_when_the_walk_comes_back)
{
    memset(&panel, 0, sizeof panel);
    size_t reg = memmap_region_add(&panel, "r", NULL, 256);
    memmap_box_add(&panel, reg, 0, 8, MEMMAP_VALUE, NULL, 0);    /* line 0 */
    memmap_box_add(&panel, reg, 8, 8, MEMMAP_VALUE, NULL, 1);    /* line 0 again: free */
    memmap_box_add(&panel, reg, 128, 8, MEMMAP_VALUE, NULL, 2);  /* line 2 */
    memmap_box_add(&panel, reg, 16, 8, MEMMAP_VALUE, NULL, 3);   /* back to line 0 */
    memmap_box_add(&panel, reg, 60, 8, MEMMAP_VALUE, NULL, 4);   /* lines 0 and 1 */
    memmap_box_add(&panel, reg, 200, 8, MEMMAP_VALUE, NULL, -1); /* never read */
    cr_assert_eq(memmap_visits(&panel), 5);
    cr_assert_eq(memmap_line_loads(&panel, 64), 4);  /* 0, 2, 0, 1 */
    cr_assert_eq(memmap_line_loads(&panel, 256), 1);
    cr_assert(memmap_line_read(&panel, reg, 1, 64));
    cr_assert_not(memmap_line_read(&panel, reg, 3, 64), "line 3 holds only unread bytes");
}

Test(figure_memmap, an_empty_panel_loads_nothing)
{
    memset(&panel, 0, sizeof panel);
    cr_assert_eq(memmap_visits(&panel), 0);
    cr_assert_eq(memmap_line_loads(&panel, 64), 0);
}

Test(figure_memmap, a_box_outside_its_region_is_a_builder_bug, .signal = SIGABRT)
{
    memset(&panel, 0, sizeof panel);
    size_t reg = memmap_region_add(&panel, "r", NULL, 16);
    memmap_box_add(&panel, reg, 12, 8, MEMMAP_VALUE, NULL, 0);
}
