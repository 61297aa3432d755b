/* counting.c - exact call and byte counts over a parent allocator. */
#include "counting.h"

static counting_allocator *self_of(allocator *a)
{
    return (counting_allocator *)a;
}

static void note_live(alloc_stats *s)
{
    if (s->live_bytes > s->peak_live_bytes)
        s->peak_live_bytes = s->live_bytes;
    if (s->live_blocks > s->peak_live_blocks)
        s->peak_live_blocks = s->live_blocks;
}

/* True when this request is the one chosen to fail. */
static int injected_failure(counting_allocator *c)
{
    c->requests++;
    if (c->fail_at != 0 && c->requests == c->fail_at) {
        c->stats.failed_calls++;
        return 1;
    }
    return 0;
}

static void *counting_alloc(allocator *a, size_t size, size_t align)
{
    counting_allocator *c = self_of(a);
    if (injected_failure(c))
        return NULL;
    void *p = c->parent->alloc(c->parent, size, align);
    if (!p) {
        c->stats.failed_calls++;
        return NULL;
    }
    c->stats.alloc_calls++;
    c->stats.bytes_allocated += size;
    c->stats.live_bytes += size;
    c->stats.live_blocks++;
    note_live(&c->stats);
    return p;
}

static void counting_free(allocator *a, void *ptr, size_t size)
{
    counting_allocator *c = self_of(a);
    if (!ptr)
        return;
    c->parent->free(c->parent, ptr, size);
    c->stats.free_calls++;
    c->stats.live_bytes -= size;
    c->stats.live_blocks--;
}

static void *counting_resize(allocator *a, void *ptr, size_t old_size,
                             size_t new_size, size_t align)
{
    counting_allocator *c = self_of(a);
    if (!ptr)
        return counting_alloc(a, new_size, align);
    if (injected_failure(c))
        return NULL;
    void *p = c->parent->resize(c->parent, ptr, old_size, new_size, align);
    if (!p) {
        c->stats.failed_calls++;
        return NULL;
    }
    alloc_stats *s = &c->stats;
    s->resize_calls++;
    if (new_size > old_size)
        s->bytes_allocated += new_size - old_size;
    if (p != ptr) {
        /* A moved block existed twice while its contents were copied. */
        s->resize_moves++;
        if (s->live_bytes + new_size > s->peak_live_bytes)
            s->peak_live_bytes = s->live_bytes + new_size;
    }
    s->live_bytes = s->live_bytes - old_size + new_size;
    note_live(s);
    return p;
}

void counting_init(counting_allocator *c, allocator *parent)
{
    *c = (counting_allocator){
        .base = {counting_alloc, counting_free, counting_resize},
        .parent = parent,
    };
}

void counting_fail_at(counting_allocator *c, uint64_t k)
{
    c->fail_at = k == 0 ? 0 : c->requests + k;
}

void counting_reset_stats(counting_allocator *c)
{
    size_t live = c->stats.live_bytes, blocks = c->stats.live_blocks;
    c->stats = (alloc_stats){
        .live_bytes = live,
        .peak_live_bytes = live,
        .live_blocks = blocks,
        .peak_live_blocks = blocks,
    };
}
