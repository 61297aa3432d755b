/*
 * pagecache.h - whether a file is in the kernel's page cache, and how to
 * push it out, so a benchmark can say if it read from memory (warm) or
 * from the disk (cold).
 *
 * Eviction uses posix_fadvise(POSIX_FADV_DONTNEED) on that one file, which
 * needs no privilege and leaves every other program's cached files alone
 * (unlike writing to /proc/sys/vm/drop_caches).  Caveats: on tmpfs the
 * file is the page cache, so it cannot be evicted; and in a virtual
 * machine the host may still hold the file in its own cache, so a "cold"
 * read may be faster than the real disk.
 */
#ifndef PAGECACHE_H
#define PAGECACHE_H

/* The fraction (0 to 1) of the file's pages in the page cache now (from
 * mincore on a mapping); 1 for an empty file; -1 when it cannot be told. */
double pagecache_resident_fraction(const char *path);

/* Writes the file's dirty pages to disk, then asks the kernel to drop all
 * its cached pages.  Returns 0, or -1 with errno set. */
int pagecache_evict(const char *path);

#endif /* PAGECACHE_H */
