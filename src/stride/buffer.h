/*
 * buffer.h - the page-backed buffer a stride case reads or chases through,
 * kept across the case's repetitions (and across cases of the same size
 * and page kind), its bytes counted and its huge-page share known.
 */
#ifndef STRIDE_BUFFER_H
#define STRIDE_BUFFER_H

#include "alloc/counting.h"
#include "alloc/pages.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct stride_buffer {
    counting_allocator counter;
    allocator *pages;     /* NULL while nothing is held */
    void *data;
    size_t bytes;
    double huge_fraction; /* of bytes on huge pages, after stride_buffer_note_pages */
} stride_buffer;

/* Holds 'bytes' of pages of this kind, 64-byte aligned: keeps what b
 * holds when it is already that, else frees it and allocates anew.
 * *fresh says the memory is new (the caller must fill it).  False when
 * out of memory (b then holds nothing).  b starts zeroed. */
bool stride_buffer_hold(stride_buffer *b, pages_kind kind, size_t bytes, bool *fresh);

/* Frees what b holds; safe when it holds nothing. */
void stride_buffer_release(stride_buffer *b);

/* Sets b->huge_fraction (0 when unknown).  Call after filling the buffer:
 * huge pages are given at the first touch, so the figure is known only then. */
void stride_buffer_note_pages(stride_buffer *b);

#endif /* STRIDE_BUFFER_H */
