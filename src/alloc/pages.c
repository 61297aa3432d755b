/* pages.c - whole pages from mmap, advised to be base pages or huge pages. */
#include "pages.h"

#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

typedef struct pages_allocator {
    allocator base; /* first: a pages_allocator* is an allocator* */
    pages_kind kind;
} pages_allocator;

static size_t base_page_size(void)
{
    long p = sysconf(_SC_PAGESIZE);
    return p > 0 ? (size_t)p : 4096;
}

/* The granule a block of this kind is rounded to and aligned on. */
static size_t granule_of(pages_kind kind)
{
    return kind == PAGES_HUGE ? PAGES_HUGE_SIZE : base_page_size();
}

/* size rounded up to a whole number of granules; 0 when that overflows. */
static size_t rounded_size(size_t size, size_t granule)
{
    if (size > SIZE_MAX - (granule - 1))
        return 0;
    return (size + granule - 1) & ~(granule - 1);
}

static void *pages_alloc(allocator *self, size_t size, size_t align)
{
    pages_kind kind = ((pages_allocator *)self)->kind;
    size_t granule = granule_of(kind);
    if (size == 0 || !alloc_align_valid(align) || align > granule)
        return NULL;
    size_t len = rounded_size(size, granule);
    if (len == 0)
        return NULL;
    if (kind == PAGES_SMALL) {
        void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p == MAP_FAILED)
            return NULL;
        /* Refused only by kernels without THP, which give base pages anyway. */
        (void)madvise(p, len, MADV_NOHUGEPAGE);
        return p;
    }
    /* mmap aligns only to the base page: map one huge page more than
     * needed and unmap the unaligned head and the tail. */
    if (len > SIZE_MAX - granule)
        return NULL;
    size_t span = len + granule;
    char *raw = mmap(NULL, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (raw == MAP_FAILED)
        return NULL;
    char *start = (char *)(((uintptr_t)raw + granule - 1) & ~(uintptr_t)(granule - 1));
    size_t head = (size_t)(start - raw), tail = span - head - len;
    if (head)
        munmap(raw, head);
    if (tail)
        munmap(start + len, tail);
    /* Advice only: the kernel may still use base pages (mode "never", no
     * free 2 MiB frames); thp_huge_bytes() tells what it did. */
    (void)madvise(start, len, MADV_HUGEPAGE);
    return start;
}

static void pages_free(allocator *self, void *ptr, size_t size)
{
    if (!ptr)
        return;
    size_t len = rounded_size(size, granule_of(((pages_allocator *)self)->kind));
    munmap(ptr, len);
}

/* Rarely used for page-sized buffers: a new block, a copy, and the old
 * block unmapped (mremap could move it off the huge-page alignment). */
static void *pages_resize(allocator *self, void *ptr, size_t old_size,
                          size_t new_size, size_t align)
{
    if (!ptr)
        return pages_alloc(self, new_size, align);
    void *moved = pages_alloc(self, new_size, align);
    if (!moved)
        return NULL;
    memcpy(moved, ptr, old_size < new_size ? old_size : new_size);
    pages_free(self, ptr, old_size);
    return moved;
}

allocator *alloc_pages(pages_kind kind)
{
    static pages_allocator small = {{pages_alloc, pages_free, pages_resize}, PAGES_SMALL};
    static pages_allocator huge = {{pages_alloc, pages_free, pages_resize}, PAGES_HUGE};
    return kind == PAGES_HUGE ? &huge.base : &small.base;
}
