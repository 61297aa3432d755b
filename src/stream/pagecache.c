/* pagecache.c - page-cache residency (mincore) and eviction (fadvise) of one file. */
#include "pagecache.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

double pagecache_resident_fraction(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    struct stat st;
    double fraction = -1;
    if (fstat(fd, &st) != 0)
        goto out;
    if (st.st_size == 0) {
        fraction = 1;
        goto out;
    }
    size_t size = (size_t)st.st_size;
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t pages = (size_t)(size + page - 1) / page;
    /* Mapping a file does not read it: mincore only reports which of its
     * pages the cache holds already. */
    void *map = mmap(NULL, size, PROT_READ, MAP_SHARED, fd, 0);
    if (map == MAP_FAILED)
        goto out;
    unsigned char *vec = malloc(pages);
    if (vec && mincore(map, size, vec) == 0) {
        size_t resident = 0;
        for (size_t i = 0; i < pages; i++)
            resident += vec[i] & 1;
        fraction = (double)resident / (double)pages;
    }
    free(vec);
    munmap(map, size);
out:
    close(fd);
    return fraction;
}

int pagecache_evict(const char *path)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    /* Dirty pages cannot be dropped: write them back first. */
    int status = fdatasync(fd);
    if (status == 0) {
        int err = posix_fadvise(fd, 0, 0, POSIX_FADV_DONTNEED);
        if (err != 0) {
            errno = err;
            status = -1;
        }
    }
    int saved = errno;
    close(fd);
    errno = saved;
    return status;
}
