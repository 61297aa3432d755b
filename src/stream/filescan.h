/*
 * filescan.h - five ways to read a file of records (records.h) and count
 * and sum its lines, the strategies claim S1 compares:
 *
 *   slurp    read the whole file into one buffer, then scan it: memory as
 *            large as the file (os.ReadFile, f.read())
 *   chunks   read fixed 64 KiB chunks into one buffer, carrying a line cut
 *            at a chunk's end over to the next read; a line longer than
 *            the chunk is an error (a fixed token limit)
 *   reader   the line reader (linereader.h): 64 KiB to start, grows for a
 *            long line up to FILESCAN_MAX_LINE
 *   getline  POSIX getline() over a stdio FILE: the C library's buffered
 *            line reading (its buffers come from malloc, not from 'a')
 *   mmap     map the whole file and scan the mapping: no copy, and the
 *            kernel pages the file in as it is touched
 *
 * Each method gives the same totals for the same file, including a last
 * line without '\n' (tests/test_filescan.c).
 */
#ifndef FILESCAN_H
#define FILESCAN_H

#include "alloc/alloc.h"
#include "records.h"

#include <stdbool.h>

/* The chunk and initial line-buffer size of 'chunks' and 'reader'. */
#define FILESCAN_CHUNK ((size_t)64 << 10)
/* The longest line 'reader' accepts. */
#define FILESCAN_MAX_LINE ((size_t)16 << 20)

typedef enum filescan_status {
    FILESCAN_OK = 0,
    FILESCAN_IO_ERROR,      /* open, read, stat or mmap failed; errno says why */
    FILESCAN_NO_MEMORY,     /* the allocator refused, or no address space
                               for the mapping (mmap: ENOMEM) */
    FILESCAN_LINE_TOO_LONG, /* a line exceeds the method's fixed limit */
} filescan_status;

const char *filescan_status_message(filescan_status s);

typedef struct filescan_method {
    const char *name;
    /* Reads the open file fd ('size' bytes, from its start), adds its
     * lines to *t (which the caller zeroes), allocating through 'a';
     * frees everything it allocated before returning, on every path.
     * filescan_run opens and closes the file around it. */
    filescan_status (*scan)(int fd, size_t size, allocator *a, records_totals *t);
    /* Instead of scan, for the method that opens the file its own way
     * (getline, through stdio; its buffer comes from malloc, see above). */
    filescan_status (*scan_path)(const char *path, allocator *a, records_totals *t);
    /* True when every byte of heap it uses comes from 'a', so a counting
     * allocator's peak is its whole heap use (false for getline). */
    bool heap_through_alloc;
} filescan_method;

extern const filescan_method filescan_slurp, filescan_chunks, filescan_reader,
    filescan_getline, filescan_mmap;

/* All of them, in the order above. */
extern const filescan_method *const filescan_methods[];
extern const size_t filescan_method_count;

/* Reads the file at 'path' with method m: opens it (FILESCAN_IO_ERROR
 * when it cannot), scans it, closes it; errno is the scan's. */
filescan_status filescan_run(const filescan_method *m, const char *path, allocator *a,
                             records_totals *t);

/* The method called 'name', or NULL. */
const filescan_method *filescan_find(const char *name);

#endif /* FILESCAN_H */
