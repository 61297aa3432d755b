/* buffer.c - a stride case's page-backed buffer, kept between calls. */
#include "stride/buffer.h"

#include "harness/thp.h"

void stride_buffer_release(stride_buffer *b)
{
    if (b->pages)
        alloc_free(&b->counter.base, b->data, b->bytes);
    b->pages = NULL;
    b->data = NULL;
}

bool stride_buffer_hold(stride_buffer *b, pages_kind kind, size_t bytes, bool *fresh)
{
    allocator *pages = alloc_pages(kind);
    *fresh = false;
    if (b->pages == pages && b->bytes == bytes)
        return true;
    stride_buffer_release(b);
    counting_init(&b->counter, pages);
    b->data = alloc_bytes(&b->counter.base, bytes, 64);
    if (!b->data)
        return false;
    b->pages = pages;
    b->bytes = bytes;
    *fresh = true;
    return true;
}

void stride_buffer_note_pages(stride_buffer *b)
{
    long long huge = thp_huge_bytes(b->data, b->bytes);
    b->huge_fraction = huge < 0 ? 0 : (double)huge / (double)b->bytes;
}
