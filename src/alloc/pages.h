/*
 * pages.h - an allocator of whole pages from mmap, with the page size chosen.
 *
 * What a random access costs past the caches depends on the page size: with
 * 4 KiB pages every page needs its own TLB entry, so a random walk over a
 * large buffer pays a page-table walk on most loads; with 2 MiB pages the
 * TLB covers 512 times more memory.  Whether malloc'd memory gets huge pages
 * depends on the system's transparent huge page mode (thp.h), so a
 * measurement that cares asks for one or the other explicitly:
 *
 *   PAGES_SMALL  base pages only: madvise(MADV_NOHUGEPAGE), whatever the mode
 *   PAGES_HUGE   2 MiB-aligned blocks with madvise(MADV_HUGEPAGE): huge
 *                pages when the mode is "always" or "madvise" and the
 *                kernel finds free 2 MiB frames; base pages otherwise (the
 *                caller checks what it got with thp_huge_bytes())
 *
 * Blocks are rounded up to whole pages (2 MiB for PAGES_HUGE), so this is
 * for large buffers, not for many small objects.  Contract: alloc.h.  An
 * alignment larger than the block's page size is refused (NULL).
 */
#ifndef ALLOC_PAGES_H
#define ALLOC_PAGES_H

#include "alloc.h"

typedef enum pages_kind { PAGES_SMALL, PAGES_HUGE } pages_kind;

/* Size of the huge pages PAGES_HUGE aligns to (x86-64 and arm64 with 4 KiB
 * base pages). */
#define PAGES_HUGE_SIZE ((size_t)2 << 20)

/* The shared, stateless allocator of this kind. */
allocator *alloc_pages(pages_kind kind);

#endif /* ALLOC_PAGES_H */
