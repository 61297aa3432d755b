/* filescan.c - slurp, chunks, line reader, getline and mmap over one record file. */
#include "filescan.h"

#include "harness/enum_text.h"
#include "linereader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const status_messages[] = {
    [FILESCAN_OK] = "ok",
    [FILESCAN_IO_ERROR] = "I/O error",
    [FILESCAN_NO_MEMORY] = "out of memory",
    [FILESCAN_LINE_TOO_LONG] = "a line is longer than the method's limit",
};

const char *filescan_status_message(filescan_status s)
{
    return ENUM_TEXT(status_messages, s, "unknown status");
}

/* Opens path for reading and stores its size; -1 with errno on failure. */
static int open_sized(const char *path, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    if (fstat(fd, &st) != 0) {
        int saved = errno;
        close(fd);
        errno = saved;
        return -1;
    }
    *size = (size_t)st.st_size;
    return fd;
}

/* Reads up to len bytes, retrying EINTR; the count, or -1 with errno. */
static ssize_t read_some(int fd, char *buf, size_t len)
{
    ssize_t n;
    do
        n = read(fd, buf, len);
    while (n < 0 && errno == EINTR);
    return n;
}

/* Closes fd keeping errno, and passes the status through. */
static filescan_status close_with(int fd, filescan_status s)
{
    int saved = errno;
    close(fd);
    errno = saved;
    return s;
}

static filescan_status slurp_scan(int fd, size_t size, allocator *a, records_totals *t)
{
    if (size == 0)
        return FILESCAN_OK;
    char *buf = alloc_bytes(a, size, 1);
    if (!buf)
        return FILESCAN_NO_MEMORY;
    size_t got = 0;
    ssize_t n = 1;
    while (got < size && (n = read_some(fd, buf + got, size - got)) > 0)
        got += (size_t)n;
    filescan_status s = n < 0 ? FILESCAN_IO_ERROR : FILESCAN_OK;
    if (s == FILESCAN_OK) {
        size_t done = records_scan(buf, got, t);
        records_last_line(buf + done, got - done, t);
    }
    alloc_free(a, buf, size);
    return s;
}

static filescan_status chunks_scan(int fd, size_t size, allocator *a, records_totals *t)
{
    (void)size; /* read to the end, whatever the size was */
    char *buf = alloc_bytes(a, FILESCAN_CHUNK, 1);
    if (!buf)
        return FILESCAN_NO_MEMORY;
    size_t have = 0; /* the start of a line cut at the last chunk's end */
    filescan_status s = FILESCAN_OK;
    for (;;) {
        if (have == FILESCAN_CHUNK) {
            s = FILESCAN_LINE_TOO_LONG; /* a whole chunk and no '\n' */
            break;
        }
        ssize_t n = read_some(fd, buf + have, FILESCAN_CHUNK - have);
        if (n < 0) {
            s = FILESCAN_IO_ERROR;
            break;
        }
        if (n == 0) {
            records_last_line(buf, have, t);
            break;
        }
        have += (size_t)n;
        size_t done = records_scan(buf, have, t);
        memmove(buf, buf + done, have - done);
        have -= done;
    }
    alloc_free(a, buf, FILESCAN_CHUNK);
    return s;
}

static filescan_status reader_scan(int fd, size_t size, allocator *a, records_totals *t)
{
    (void)size; /* read to the end, whatever the size was */
    line_reader r;
    line_status ls = line_reader_init(&r, fd, FILESCAN_CHUNK, FILESCAN_MAX_LINE, a);
    if (ls != LINE_OK)
        return FILESCAN_NO_MEMORY;
    line_view v;
    uint64_t lines = 0, sum = 0;
    while ((ls = line_reader_next(&r, &v)) == LINE_OK) {
        sum += records_value(v.data, v.len);
        lines++;
    }
    t->lines += lines;
    t->sum += sum;
    if (ls == LINE_IO_ERROR)
        errno = r.io_errno;
    line_reader_destroy(&r);
    return ls == LINE_END         ? FILESCAN_OK
         : ls == LINE_TOO_LONG    ? FILESCAN_LINE_TOO_LONG
         : ls == LINE_NO_MEMORY   ? FILESCAN_NO_MEMORY
                                  : FILESCAN_IO_ERROR;
}

static filescan_status getline_scan(const char *path, allocator *a, records_totals *t)
{
    (void)a; /* getline's buffer must come from malloc */
    FILE *f = fopen(path, "re");
    if (!f)
        return FILESCAN_IO_ERROR;
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    uint64_t lines = 0, sum = 0;
    while ((n = getline(&line, &cap, f)) > 0) {
        size_t len = (size_t)n;
        if (line[len - 1] == '\n')
            len--;
        sum += records_value(line, len);
        lines++;
    }
    t->lines += lines;
    t->sum += sum;
    /* getline returns -1 both at the end and on an error; ENOMEM from its
     * own growth shows as an error too. */
    filescan_status s = ferror(f) ? (errno == ENOMEM ? FILESCAN_NO_MEMORY : FILESCAN_IO_ERROR)
                                  : FILESCAN_OK;
    int saved = errno;
    free(line);
    fclose(f);
    errno = saved;
    return s;
}

static filescan_status mmap_scan(int fd, size_t size, allocator *a, records_totals *t)
{
    (void)a; /* the mapping is the kernel's, not an allocation */
    if (size == 0)
        return FILESCAN_OK; /* mmap refuses length 0 */
    char *p = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    /* No address space for the whole file (a memory limit) is a lack of
     * memory, not of the file. */
    if (p == MAP_FAILED)
        return errno == ENOMEM ? FILESCAN_NO_MEMORY : FILESCAN_IO_ERROR;
    /* Read ahead aggressively and drop pages behind, as for a stream. */
    madvise(p, size, MADV_SEQUENTIAL);
    size_t done = records_scan(p, size, t);
    records_last_line(p + done, size - done, t);
    munmap(p, size);
    return FILESCAN_OK;
}

const filescan_method filescan_slurp = {"slurp", slurp_scan, NULL, true};
const filescan_method filescan_chunks = {"chunks", chunks_scan, NULL, true};
const filescan_method filescan_reader = {"reader", reader_scan, NULL, true};
const filescan_method filescan_getline = {"getline", NULL, getline_scan, false};
const filescan_method filescan_mmap = {"mmap", mmap_scan, NULL, true};

const filescan_method *const filescan_methods[] = {
    &filescan_slurp, &filescan_chunks, &filescan_reader, &filescan_getline, &filescan_mmap,
};
const size_t filescan_method_count = sizeof filescan_methods / sizeof filescan_methods[0];

filescan_status filescan_run(const filescan_method *m, const char *path, allocator *a,
                             records_totals *t)
{
    if (m->scan_path)
        return m->scan_path(path, a, t);
    size_t size;
    int fd = open_sized(path, &size);
    if (fd < 0)
        return FILESCAN_IO_ERROR;
    return close_with(fd, m->scan(fd, size, a, t));
}

const filescan_method *filescan_find(const char *name)
{
    for (size_t i = 0; i < filescan_method_count; i++)
        if (strcmp(filescan_methods[i]->name, name) == 0)
            return filescan_methods[i];
    return NULL;
}
