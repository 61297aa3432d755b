/* model.c - predicted bytes and cache lines per element, per layout. */
#include "model.h"

#include "boxed.h"
#include "list.h"
#include "user.h"
#include "record_layout.h"

#include <assert.h>
#include <stddef.h>
#include <string.h>

size_t malloc_chunk_model(size_t n)
{
    size_t chunk = (n + 8 + 15) & ~(size_t)15;
    return chunk < 32 ? 32 : chunk;
}

double lines_touched_expected(size_t offset, size_t len, size_t align)
{
    assert(len > 0 && align > 0 && align <= CACHE_LINE);
    size_t positions = CACHE_LINE / align, total = 0;
    for (size_t k = 0; k < positions; k++) {
        line_span s = line_span_of(k * align + offset, len);
        total += s.last - s.first + 1;
    }
    return (double)total / (double)positions;
}

/* Bytes [first, end) of a record that the loop reads: from the lowest
 * offset it reads to the end of the highest. */
static size_t span_len(size_t first, size_t end)
{
    return end - first;
}

/* malloc returns 16-byte aligned blocks; a block's start is otherwise
 * unpredictable once the visit order is shuffled. */
#define MALLOC_ALIGN 16

static traverse_model model_aos(void)
{
    return (traverse_model){
        .layout = "aos",
        .bytes_per_elem = sizeof(struct user),
        .heap_bytes_per_elem = sizeof(struct user),
        .allocs_per_elem = 0,
        .seq_lines_per_elem = (double)sizeof(struct user) / CACHE_LINE,
        .loads_to_value = 1,
    };
}

/* The id array is never read: only active (1 byte) and score (8 bytes)
 * per element stream in. */
static traverse_model model_soa(void)
{
    return (traverse_model){
        .layout = "soa",
        .bytes_per_elem = sizeof(int64_t) + sizeof(bool) + sizeof(double),
        .heap_bytes_per_elem = sizeof(int64_t) + sizeof(bool) + sizeof(double),
        .allocs_per_elem = 0,
        .seq_lines_per_elem = (double)(sizeof(bool) + sizeof(double)) / CACHE_LINE,
        .loads_to_value = 1,
    };
}

/* The pointer array streams; each record sits in its own chunk.  In order
 * the chunks follow each other, so they stream too; shuffled, each read
 * of active..score lands on a line of its own. */
static traverse_model model_aop(bool scattered)
{
    size_t chunk = malloc_chunk_model(sizeof(struct user));
    size_t first = offsetof(struct user, active);
    size_t end = offsetof(struct user, score) + sizeof(double);
    traverse_model m = {
        .layout = scattered ? "aop_scattered" : "aop_inorder",
        .bytes_per_elem = sizeof(void *) + sizeof(struct user),
        .heap_bytes_per_elem = (double)(sizeof(void *) + chunk),
        .allocs_per_elem = 1,
        .seq_lines_per_elem = (double)sizeof(void *) / CACHE_LINE,
        .loads_to_value = 2,
    };
    if (scattered)
        m.rand_lines_per_elem =
            lines_touched_expected(first, span_len(first, end), MALLOC_ALIGN);
    else
        m.seq_lines_per_elem += (double)chunk / CACHE_LINE;
    return m;
}

/* Each node is a chunk; the loop reads active, score and next. */
static traverse_model model_list(bool scattered)
{
    size_t chunk = malloc_chunk_model(sizeof(struct user_node));
    size_t first = offsetof(struct user_node, user) + offsetof(struct user, active);
    size_t end = offsetof(struct user_node, next) + sizeof(void *);
    traverse_model m = {
        .layout = scattered ? "list_scattered" : "list_inorder",
        .bytes_per_elem = sizeof(struct user_node),
        .heap_bytes_per_elem = (double)chunk,
        .allocs_per_elem = 1,
        .loads_to_value = 1,
        .chained = true,
    };
    if (scattered)
        m.rand_lines_per_elem =
            lines_touched_expected(first, span_len(first, end), MALLOC_ALIGN);
    else
        m.seq_lines_per_elem = (double)chunk / CACHE_LINE;
    return m;
}

/* Per record three chunks, allocated int, float, user (boxed.c): the loop
 * reads the slot, the user object's active and score pointers, and the
 * float's value; the int lies between them, so the whole run of chunks
 * streams through the cache. */
static traverse_model model_boxed(void)
{
    size_t chunks = malloc_chunk_model(sizeof(struct box_int)) +
                    malloc_chunk_model(sizeof(struct box_float)) +
                    malloc_chunk_model(sizeof(struct box_user));
    return (traverse_model){
        .layout = "boxed",
        .bytes_per_elem = sizeof(void *) + sizeof(struct box_int) +
                          sizeof(struct box_float) + sizeof(struct box_user),
        .heap_bytes_per_elem = (double)(sizeof(void *) + chunks),
        .allocs_per_elem = 3,
        .seq_lines_per_elem = (double)(sizeof(void *) + chunks) / CACHE_LINE,
        .loads_to_value = 3,
    };
}

const char *const traverse_model_layouts[] = {
    "aos", "aop_inorder", "aop_scattered", "list_inorder",
    "list_scattered", "soa", "boxed",
};
const size_t traverse_model_layout_count =
    sizeof traverse_model_layouts / sizeof traverse_model_layouts[0];

bool traverse_model_of(const char *name, traverse_model *out)
{
    if (!name)
        return false;
    if (strcmp(name, "aos") == 0)
        *out = model_aos();
    else if (strcmp(name, "soa") == 0)
        *out = model_soa();
    else if (strcmp(name, "aop_inorder") == 0)
        *out = model_aop(false);
    else if (strcmp(name, "aop_scattered") == 0)
        *out = model_aop(true);
    else if (strcmp(name, "list_inorder") == 0)
        *out = model_list(false);
    else if (strcmp(name, "list_scattered") == 0)
        *out = model_list(true);
    else if (strcmp(name, "boxed") == 0)
        *out = model_boxed();
    else
        return false;
    return true;
}

double traverse_model_ratio(const char *a, const char *b)
{
    traverse_model ma, mb;
    if (!traverse_model_of(a, &ma) || !traverse_model_of(b, &mb))
        return 0;
    return traverse_model_lines(&ma) / traverse_model_lines(&mb);
}

const char *traverse_model_verdict(double predicted, double measured)
{
    if (!(predicted > 0) || !(measured > 0))
        return "no prediction";
    if (measured > 2 * predicted)
        return "slower than lines predict";
    if (measured < predicted / 2)
        return "faster than lines predict";
    return "agrees";
}
