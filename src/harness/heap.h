/*
 * heap.h - what the C library's malloc really holds, overhead included.
 *
 * The counting allocator reports the bytes a program asked for.  malloc
 * hands out more: a header per chunk and rounding to its size classes.
 * glibc's mallinfo2() reports the bytes in in-use chunks (and in mmapped
 * blocks), so the difference of two readings around a build is the true
 * heap cost of a data structure.  Other allocators (jemalloc or mimalloc
 * preloaded) do not feed mallinfo2, which then reads as unavailable.
 */
#ifndef HEAP_H
#define HEAP_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes in chunks glibc malloc has handed out and not yet taken back. */
size_t heap_bytes_in_use(void);

/* True when heap_bytes_in_use() tracks this process's malloc (glibc's own
 * malloc is in use); checked once by allocating and watching the figure. */
bool heap_figures_available(void);

#endif /* HEAP_H */
