/* layout_figures.c - the five traverse layouts as memory pictures, from the compiled records. */
#include "layout_figures.h"

#include "harness/named.h"
#include "harness/rng.h"
#include "traverse/model.h"
#include "traverse/record_catalog.h"
#include "traverse/user.h"

#include <stdio.h>
#include <string.h>

#define N LAYOUT_FIGURE_USERS

/* Where the heap's first block starts: 8 bytes into a line, so that its
 * data (after malloc's 8-byte size word) starts 16 bytes in, one of the
 * four places a 16-byte aligned block can start (layout_map does the same). */
#define HEAP_START 8
#define SIZE_WORD 8

/* What the traverse kernels read of each record: sum score over active
 * users.  id is never read. */
static const char *const read_user[] = {"active", "score", NULL};
static const char *const read_node[] = {"active", "score", "next", NULL};
static const char *const read_float[] = {"value", NULL};

/* The caption under a panel: the lines counted, then why. */
static void caption(memmap_panel *p, size_t line_bytes, const char *why)
{
    size_t loads = memmap_line_loads(p, line_bytes), users = memmap_visits(p);
    snprintf(p->caption, sizeof p->caption,
             "Summing score over these %zu users loads %zu cache lines of %zu B: %.2f per user.\n%s",
             users, loads, line_bytes, users ? (double)loads / (double)users : 0.0, why);
}

/* A shuffled visit order, the same on every machine. */
static void shuffled(size_t order[N])
{
    rng r = rng_seeded(LAYOUT_FIGURE_SEED);
    rng_permutation(&r, order, N);
}

static void in_order(size_t order[N])
{
    for (size_t i = 0; i < N; i++)
        order[i] = i;
}

/* Bytes a malloc block holding r takes, size word included. */
static size_t chunk_of(const record_desc *r)
{
    return malloc_chunk_model(r->size);
}

/*
 * Adds a malloc block holding r at byte *at of region (the block's size
 * word, the record, malloc's rounding) and moves *at past it.  Returns
 * the record's first box.
 */
static size_t heap_block(memmap_panel *p, size_t region, size_t *at, const record_desc *r,
                         const char *const *read, int visit)
{
    size_t chunk = chunk_of(r);
    memmap_box_add(p, region, *at, SIZE_WORD, MEMMAP_MALLOC, NULL, -1);
    size_t first = memmap_record_add(p, region, *at + SIZE_WORD, r, read, visit);
    if (chunk > SIZE_WORD + r->size)
        memmap_box_add(p, region, *at + SIZE_WORD + r->size, chunk - SIZE_WORD - r->size,
                       MEMMAP_SLACK, NULL, -1);
    *at += chunk;
    return first;
}

/* The position at which each element of order[] is visited. */
static void visit_of(const size_t order[N], int visit[N])
{
    for (size_t j = 0; j < N; j++)
        visit[order[j]] = (int)j;
}

/* A region of n pointers called 'name'. */
static size_t pointer_region(memmap_panel *p, const char *name, size_t n)
{
    char detail[64];
    snprintf(detail, sizeof detail, "%zu x %zu B pointers", n, sizeof(void *));
    return memmap_region_add(p, name, detail, n * sizeof(void *));
}

/* The heap of N malloc blocks holding r, allocated one after another and
 * read in the order order[] visits them; block[k] is the k-th block's
 * first box.  Returns the region. */
static size_t heap_of_blocks(memmap_panel *p, const record_desc *r, const char *const *read,
                             const size_t order[N], size_t block[N])
{
    char detail[64];
    snprintf(detail, sizeof detail, "%d malloc blocks of %zu B", N, chunk_of(r));
    size_t heap = memmap_region_add(p, "heap", detail, HEAP_START + N * chunk_of(r));
    int visit[N];
    size_t at = HEAP_START;
    visit_of(order, visit);
    for (size_t k = 0; k < N; k++)
        block[k] = heap_block(p, heap, &at, r, read, visit[k]);
    return heap;
}

/* A panel of records visited in order[]. */
typedef void order_panel(memmap_figure *f, const char *title, const size_t order[N],
                         const char *why);

/* Two panels: the records visited in allocation order, then the same
 * records in the shuffled order; text[] holds each one's title and why. */
static void in_order_then_shuffled(memmap_figure *f, order_panel *panel,
                                   const char *const text[4])
{
    size_t order[N];
    in_order(order);
    panel(f, text[0], order, text[1]);
    shuffled(order);
    panel(f, text[2], order, text[3]);
}

static void build_aos(memmap_figure *f)
{
    const record_desc *u = &record_user;
    char detail[64], why[400];
    memmap_panel *p = memmap_panel_add(f, "struct user users[8]: the records side by side, "
                                          "one allocation (Go: []User)");
    snprintf(detail, sizeof detail, "%d x %zu B", N, u->size);
    size_t reg = memmap_region_add(p, "users[]", detail, N * u->size);
    for (size_t i = 0; i < N; i++)
        memmap_record_add(p, reg, i * u->size, u, read_user, (int)i);
    snprintf(why, sizeof why,
             "Each line brought in holds %.2f users, padding and unread ids included; the next "
             "address is the last plus %zu,\nso the prefetcher streams the lines ahead of the loop.",
             (double)f->line_bytes / (double)u->size, u->size);
    caption(p, f->line_bytes, why);
}

static void build_soa(memmap_figure *f)
{
    const record_desc *u = &record_user;
    memmap_panel *p = memmap_panel_add(f, "One array per field of struct user (struct of "
                                          "arrays): the loop reads two of them");
    for (size_t k = 0; k < u->nfields; k++) {
        const record_field *fl = &u->fields[k];
        char label[32], detail[64];
        snprintf(label, sizeof label, "%s[]", fl->name);
        snprintf(detail, sizeof detail, "%d x %zu B (%s)", N, fl->size, fl->type);
        size_t reg = memmap_region_add(p, label, detail, N * fl->size);
        bool read = strcmp(fl->name, "id") != 0;
        for (size_t i = 0; i < N; i++) {
            size_t b = memmap_box_add(p, reg, i * fl->size, fl->size, MEMMAP_VALUE, fl->name,
                                      read ? (int)i : -1);
            p->box[b].number = strcmp(fl->name, "score") == 0 ? (int)i + 1 : 0;
        }
    }
    caption(p, f->line_bytes,
            "No padding, and no byte of id[] is loaded: the loop streams 9 bytes per user "
            "(active and score) from two arrays.");
}

/* One panel of the array of pointers: records allocated in order, their
 * pointers visited in order[]. */
static void aop_panel(memmap_figure *f, const char *title, const size_t order[N],
                      const char *why)
{
    memmap_panel *p = memmap_panel_add(f, title);
    size_t slots = pointer_region(p, "ptrs[]", N);
    size_t record[N];
    heap_of_blocks(p, &record_user, read_user, order, record);
    for (size_t j = 0; j < N; j++) {
        size_t slot = memmap_box_add(p, slots, j * sizeof(void *), sizeof(void *),
                                     MEMMAP_POINTER, NULL, (int)j);
        memmap_arrow_add(p, slot, record[order[j]], true);
    }
    caption(p, f->line_bytes, why);
}

static void build_aop(memmap_figure *f)
{
    static const char *const text[4] = {
        "struct user *ptrs[8], allocated one by one and visited in allocation order",
        "The blocks came from malloc one after another, so they follow each other: two "
        "predictable streams,\npointers and records, with malloc's size word between records.",
        "The same blocks, pointers shuffled (aop_scattered)",
        "Each record's address comes from its pointer; past the caches each is a miss, but "
        "all the pointers are\nin ptrs[], so the CPU can have several misses in flight at once.",
    };
    in_order_then_shuffled(f, aop_panel, text);
}

/* One panel of the list: nodes allocated in order, linked in order[]. */
static void list_panel(memmap_figure *f, const char *title, const size_t order[N],
                       const char *why)
{
    const record_desc *node = &record_user_node;
    memmap_panel *p = memmap_panel_add(f, title);
    size_t first[N];
    size_t heap = heap_of_blocks(p, node, read_node, order, first);
    for (size_t j = 0; j + 1 < N; j++) {
        size_t base = p->box[first[order[j]]].start;
        size_t next = memmap_field_in(p, heap, base, node->size, "next");
        memmap_arrow_add(p, next, first[order[j + 1]], true);
    }
    caption(p, f->line_bytes, why);
}

static void build_list(memmap_figure *f)
{
    static const char *const text[4] = {
        "struct user_node, one malloc block per node, linked in allocation order",
        "The next node's address is inside this node: the loop knows it only when this "
        "load arrives. Linked in\nallocation order the nodes follow each other, so the "
        "prefetcher still guesses right.",
        "The same nodes linked in shuffled order (list_scattered)",
        "Every step jumps to an address only the previous load reveals: past the caches "
        "each line is a full\nmemory round trip, one at a time. Same bytes as above, "
        "many times the time.",
    };
    in_order_then_shuffled(f, list_panel, text);
}

/* Half the users of the other pictures: each boxed user brings four
 * arrows, and eight users' worth hid the picture under them. */
#define BOXED_USERS (N / 2)

static void build_boxed(memmap_figure *f)
{
    const record_desc *bu = &record_box_user, *bi = &record_box_int, *bf = &record_box_float;
    const record_desc *hdr = record_find("struct box_header");
    struct user users[BOXED_USERS];
    user_generate(users, BOXED_USERS, LAYOUT_FIGURE_SEED);
    memmap_panel *p = memmap_panel_add(f, "A list of User objects as CPython keeps it: "
                                          "pointers to objects whose fields are objects");
    size_t items = pointer_region(p, "items[]", BOXED_USERS);
    char detail[64];
    size_t per_user = chunk_of(bi) + chunk_of(bf) + chunk_of(bu);
    snprintf(detail, sizeof detail, "%d x (int %zu + float %zu + User %zu B)", BOXED_USERS, chunk_of(bi),
             chunk_of(bf), chunk_of(bu));
    size_t heap = memmap_region_add(p, "heap", detail, HEAP_START + BOXED_USERS * per_user);
    snprintf(detail, sizeof detail, "2 shared objects of %zu B", hdr->size);
    size_t singletons = memmap_region_add(p, "True, False", detail, 2 * hdr->size);
    size_t truth = memmap_record_add(p, singletons, 0, hdr, NULL, -1);
    size_t falsity = memmap_record_add(p, singletons, hdr->size, hdr, NULL, -1);

    size_t at = HEAP_START;
    for (size_t k = 0; k < BOXED_USERS; k++) {
        /* The order box_user_new() allocates them in: the int, the float, the instance. */
        size_t i = heap_block(p, heap, &at, bi, NULL, -1);
        size_t fl = heap_block(p, heap, &at, bf, read_float, (int)k);
        p->box[fl].number = 0;  /* one number per user: on the User object */
        size_t u = heap_block(p, heap, &at, bu, read_user, (int)k);
        size_t base = p->box[u].start;
        size_t slot = memmap_box_add(p, items, k * sizeof(void *), sizeof(void *),
                                     MEMMAP_POINTER, NULL, (int)k);
        memmap_arrow_add(p, slot, u, true);
        memmap_arrow_add(p, memmap_field_in(p, heap, base, bu->size, "id"), i, false);
        memmap_arrow_add(p, memmap_field_in(p, heap, base, bu->size, "active"),
                         users[k].active ? truth : falsity, false);
        memmap_arrow_add(p, memmap_field_in(p, heap, base, bu->size, "score"), fl, true);
    }
    char why[400];
    snprintf(why, sizeof why,
             "Three dependent loads per user: the pointer, the object, its float. active is "
             "compared with the address of True\n(not loaded); the ints are allocated and never "
             "read. %.1f times the bytes of users[] for the same data.",
             (double)(sizeof(void *) + per_user) / (double)record_user.size);
    caption(p, f->line_bytes, why);
}

const layout_figure layout_figures[] = {
    {"aos", "Array of structs", "array of structs: struct user users[8]", build_aos},
    {"soa", "Struct of arrays", "struct of arrays: id[], active[], score[]", build_soa},
    {"aop", "Array of pointers", "array of pointers to records, in order and shuffled",
     build_aop},
    {"list", "Linked list", "linked list of nodes, in order and shuffled", build_list},
    {"boxed", "Boxed objects (a Python list)",
     "boxed objects: a model of a Python list of User objects", build_boxed},
};
const size_t layout_figure_count = sizeof layout_figures / sizeof layout_figures[0];

const layout_figure *layout_figure_find(const char *name)
{
    NAMED_FIRST(layout_figure);
    return named_find(layout_figures, layout_figure_count, sizeof layout_figures[0], name);
}

void layout_figure_build(const layout_figure *which, memmap_figure *f, size_t line_bytes,
                         const char *line_source)
{
    char title[MEMMAP_TEXT];
    snprintf(title, sizeof title, "%s: the users in memory, and the cache lines one walk loads",
             which->title);
    memmap_figure_init(f, title, line_bytes);
    snprintf(f->note, sizeof f->note,
             "Offsets and sizes from offsetof and sizeof as compiled; %zu-byte cache lines (%s).\n"
             "Each array is drawn from the start of a line; malloc blocks as glibc lays them "
             "out (an 8-byte size word in front, rounded up to 16 B).",
             line_bytes, line_source);
    which->build(f);
}
