/* memmap.c - building a memory picture from record descriptors, and counting the lines a walk loads. */
#include "memmap.h"

#include "traverse/record_catalog.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

void memmap_figure_init(memmap_figure *f, const char *title, size_t line_bytes)
{
    assert(line_bytes > 0 && (line_bytes & (line_bytes - 1)) == 0);
    memset(f, 0, sizeof *f);
    snprintf(f->title, sizeof f->title, "%s", title);
    f->line_bytes = line_bytes;
}

memmap_panel *memmap_panel_add(memmap_figure *f, const char *title)
{
    assert(f->npanels < MEMMAP_MAX_PANELS);
    memmap_panel *p = &f->panel[f->npanels++];
    memset(p, 0, sizeof *p);
    snprintf(p->title, sizeof p->title, "%s", title);
    return p;
}

size_t memmap_region_add(memmap_panel *p, const char *label, const char *detail,
                         size_t bytes)
{
    assert(p->nregions < MEMMAP_MAX_REGIONS && bytes > 0);
    memmap_region *r = &p->region[p->nregions];
    snprintf(r->label, sizeof r->label, "%s", label);
    snprintf(r->detail, sizeof r->detail, "%s", detail ? detail : "");
    r->bytes = bytes;
    return p->nregions++;
}

size_t memmap_box_add(memmap_panel *p, size_t region, size_t start, size_t len,
                      memmap_kind kind, const char *label, int visit)
{
    assert(p->nboxes < MEMMAP_MAX_BOXES && region < p->nregions);
    assert(len > 0 && start + len <= p->region[region].bytes);
    p->box[p->nboxes] = (memmap_box){region, start, len, kind, label, visit, 0};
    return p->nboxes++;
}

void memmap_arrow_add(memmap_panel *p, size_t from, size_t to, bool followed)
{
    assert(p->narrows < MEMMAP_MAX_ARROWS && from < p->nboxes && to < p->nboxes);
    p->arrow[p->narrows++] = (memmap_arrow){from, to, followed};
}

static memmap_kind field_kind(const record_field *f, bool in_header)
{
    size_t n = strlen(f->type);
    if (in_header)
        return MEMMAP_HEADER;
    return n > 0 && f->type[n - 1] == '*' ? MEMMAP_POINTER : MEMMAP_VALUE;
}

static bool listed(const char *const *names, const char *name)
{
    for (size_t i = 0; names && names[i]; i++)
        if (strcmp(names[i], name) == 0)
            return true;
    return false;
}

/* The boxes of r at base, nested records drawn field by field. */
static void add_fields(memmap_panel *p, size_t region, size_t base, const record_desc *r,
                       const char *const *read, bool in_header, int visit)
{
    for (size_t i = 0; i < r->nfields; i++) {
        const record_field *f = &r->fields[i];
        bool is_read = listed(read, f->name);
        const record_desc *inner = record_find(f->type);
        if (inner && inner->size == f->size)
            add_fields(p, region, base + f->offset, inner, read,
                       in_header || strcmp(inner->name, "struct box_header") == 0, visit);
        else
            memmap_box_add(p, region, base + f->offset, f->size, field_kind(f, in_header),
                           f->name, is_read ? visit : -1);
        size_t pad = record_padding_after(r, i);
        if (pad)
            memmap_box_add(p, region, base + f->offset + f->size, pad, MEMMAP_PADDING, NULL,
                           -1);
    }
}

size_t memmap_record_add(memmap_panel *p, size_t region, size_t base, const record_desc *r,
                         const char *const *read, int visit)
{
    size_t first = p->nboxes;
    add_fields(p, region, base, r, read, false, visit);
    assert(p->nboxes > first);
    p->box[first].number = visit >= 0 ? visit + 1 : 0;
    return first;
}

size_t memmap_box_at(const memmap_panel *p, size_t region, size_t start)
{
    for (size_t i = 0; i < p->nboxes; i++)
        if (p->box[i].region == region && p->box[i].start == start)
            return i;
    return (size_t)-1;
}

size_t memmap_field_in(const memmap_panel *p, size_t region, size_t base, size_t len,
                       const char *label)
{
    for (size_t i = 0; i < p->nboxes; i++) {
        const memmap_box *b = &p->box[i];
        if (b->region == region && b->start >= base && b->start + b->len <= base + len &&
            b->label && strcmp(b->label, label) == 0)
            return i;
    }
    return (size_t)-1;
}

size_t memmap_visits(const memmap_panel *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->nboxes; i++)
        if (p->box[i].visit >= 0 && (size_t)p->box[i].visit + 1 > n)
            n = (size_t)p->box[i].visit + 1;
    return n;
}

/* A cache line of one region. */
typedef struct line_id {
    size_t region, line;
} line_id;

#define STEP_LINES 64

/* The distinct lines step 'visit' touches, into set (at most STEP_LINES). */
static size_t step_lines(const memmap_panel *p, int visit, size_t line_bytes, line_id *set)
{
    size_t n = 0;
    for (size_t i = 0; i < p->nboxes; i++) {
        const memmap_box *b = &p->box[i];
        if (b->visit != visit)
            continue;
        line_span s = {b->start / line_bytes, (b->start + b->len - 1) / line_bytes};
        for (size_t l = s.first; l <= s.last; l++) {
            size_t k = 0;
            while (k < n && !(set[k].region == b->region && set[k].line == l))
                k++;
            if (k == n) {
                assert(n < STEP_LINES);
                set[n++] = (line_id){b->region, l};
            }
        }
    }
    return n;
}

size_t memmap_line_loads(const memmap_panel *p, size_t line_bytes)
{
    line_id prev[STEP_LINES], cur[STEP_LINES];
    size_t nprev = 0, loads = 0, steps = memmap_visits(p);
    for (size_t k = 0; k < steps; k++) {
        size_t ncur = step_lines(p, (int)k, line_bytes, cur);
        for (size_t i = 0; i < ncur; i++) {
            bool seen = false;
            for (size_t j = 0; j < nprev && !seen; j++)
                seen = prev[j].region == cur[i].region && prev[j].line == cur[i].line;
            loads += !seen;
        }
        memcpy(prev, cur, ncur * sizeof *cur);
        nprev = ncur;
    }
    return loads;
}

bool memmap_line_read(const memmap_panel *p, size_t region, size_t line, size_t line_bytes)
{
    for (size_t i = 0; i < p->nboxes; i++) {
        const memmap_box *b = &p->box[i];
        if (b->region == region && b->visit >= 0 && b->start / line_bytes <= line &&
            (b->start + b->len - 1) / line_bytes >= line)
            return true;
    }
    return false;
}
