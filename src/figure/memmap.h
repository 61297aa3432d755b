/*
 * memmap.h - a picture of memory as data: strips of bytes (regions), the
 * boxes that fill them (fields, padding, pointers, headers, malloc's
 * size words), arrows for pointers, and the order in which a loop reads
 * them.
 *
 * The layout figures are built as a memmap first and drawn second
 * (memmap_draw.h), so their geometry can be tested without parsing SVG:
 * a box's bytes come from record_desc (offsetof, sizeof), its width on
 * the page is its size times a fixed scale, and the cache lines a walk
 * loads are counted from the same boxes the picture shows.
 *
 * A region is a range of addresses that starts a cache line (an array
 * from malloc is 16-byte aligned; drawing it from a line start is the
 * picture's assumption, said on every figure).  Boxes are given in bytes
 * from the region's start.  The fixed capacities keep a figure on the
 * stack; exceeding one is a bug in the figure's builder (assert).
 */
#ifndef FIGURE_MEMMAP_H
#define FIGURE_MEMMAP_H

#include "traverse/record_layout.h"

#include <stdbool.h>
#include <stddef.h>

#define MEMMAP_MAX_REGIONS 6
#define MEMMAP_MAX_BOXES 192
#define MEMMAP_MAX_ARROWS 48
#define MEMMAP_MAX_PANELS 2
#define MEMMAP_TEXT 256
#define MEMMAP_CAPTION 640

/* What a box's bytes are; each kind has one colour in the picture. */
typedef enum memmap_kind {
    MEMMAP_VALUE,    /* a field holding data (id, active, score, a boxed value) */
    MEMMAP_POINTER,  /* a field or slot holding an address */
    MEMMAP_HEADER,   /* an object header (refcount, type) */
    MEMMAP_MALLOC,   /* malloc's size word in front of a block */
    MEMMAP_PADDING,  /* bytes the compiler inserts for alignment */
    MEMMAP_SLACK,    /* bytes malloc adds to round a block up */
    MEMMAP_KINDS
} memmap_kind;

typedef struct memmap_region {
    char label[64];    /* "users[]" */
    char detail[64];   /* "8 x struct user, 24 B each" */
    size_t bytes;      /* bytes drawn, from a line start */
} memmap_region;

typedef struct memmap_box {
    size_t region;
    size_t start, len;   /* bytes from the region's start */
    memmap_kind kind;
    const char *label;   /* field name (static storage), or NULL */
    int visit;           /* the loop reads these bytes at this step; -1: never */
    int number;          /* shown above it (where element number - 1 starts); 0: none */
} memmap_box;

typedef struct memmap_arrow {
    size_t from, to;     /* box indices: the pointer and what it points to */
    bool followed;       /* false: the address is compared or never used */
} memmap_arrow;

typedef struct memmap_panel {
    char title[MEMMAP_TEXT];
    char caption[MEMMAP_CAPTION];  /* may hold '\n' */
    size_t nregions, nboxes, narrows;
    memmap_region region[MEMMAP_MAX_REGIONS];
    memmap_box box[MEMMAP_MAX_BOXES];
    memmap_arrow arrow[MEMMAP_MAX_ARROWS];
} memmap_panel;

typedef struct memmap_figure {
    char title[MEMMAP_TEXT];
    char note[MEMMAP_CAPTION];  /* under the title: line size and assumptions */
    size_t line_bytes;          /* the cache line drawn */
    size_t npanels;
    memmap_panel panel[MEMMAP_MAX_PANELS];
} memmap_figure;

/* An empty figure with cache lines of line_bytes (a power of two). */
void memmap_figure_init(memmap_figure *f, const char *title, size_t line_bytes);

/* Adds an empty panel and returns it. */
memmap_panel *memmap_panel_add(memmap_figure *f, const char *title);

/* Adds a region of 'bytes' bytes; returns its index. */
size_t memmap_region_add(memmap_panel *p, const char *label, const char *detail,
                         size_t bytes);

/* Adds a box; returns its index.  The box must lie inside its region. */
size_t memmap_box_add(memmap_panel *p, size_t region, size_t start, size_t len,
                      memmap_kind kind, const char *label, int visit);

void memmap_arrow_add(memmap_panel *p, size_t from, size_t to, bool followed);

/*
 * Adds record r at byte 'base' of 'region': one box per field at its
 * offset and size, and one MEMMAP_PADDING box wherever
 * record_padding_after() is not 0.  A field whose type is another record
 * of the catalog ("struct user" inside the list node) is drawn as that
 * record's fields; the fields of an object header ("struct box_header")
 * are MEMMAP_HEADER, fields whose type ends in '*' MEMMAP_POINTER, the
 * rest MEMMAP_VALUE.  Fields whose name is in 'read' (a NULL-terminated
 * list, at any depth: the loop reads "active" and "score" of the user in
 * a node, not "id"; NULL: none) get visit 'visit', the others -1.  The
 * record's first box shows the number visit + 1 when visit >= 0.  Returns
 * the index of its first box.
 */
size_t memmap_record_add(memmap_panel *p, size_t region, size_t base, const record_desc *r,
                         const char *const *read, int visit);

/* The first box that lies at byte 'start' of region, or (size_t)-1. */
size_t memmap_box_at(const memmap_panel *p, size_t region, size_t start);

/* The field box called 'label' inside [base, base + len) of region
 * (a record's own field), or (size_t)-1. */
size_t memmap_field_in(const memmap_panel *p, size_t region, size_t base, size_t len,
                       const char *label);

/* The number of steps the loop takes: the largest visit + 1 (0: none). */
size_t memmap_visits(const memmap_panel *p);

/*
 * The cache lines of line_bytes a walk of the panel brings in, step by
 * step: the lines step k's boxes touch that step k - 1's did not.  A line
 * read again later counts again, as it would in a walk far larger than
 * the caches, where it is gone by then; a line shared by consecutive
 * steps counts once, as a sequential stream uses it.
 */
size_t memmap_line_loads(const memmap_panel *p, size_t line_bytes);

/* True when line 'line' of region is touched by any box the loop reads. */
bool memmap_line_read(const memmap_panel *p, size_t region, size_t line, size_t line_bytes);

#endif /* FIGURE_MEMMAP_H */
