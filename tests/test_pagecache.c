/* test_pagecache.c - a written file is resident, an evicted one is not,
 * reading brings it back; errors for a missing file. */
#include "stream/pagecache.h"
#include "harness/scratch.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

TestSuite(pagecache, .fini = scratch_remove);

static const char *file_of(size_t bytes)
{
    cr_assert_not_null(scratch_create("test_pagecache"));
    const char *path = scratch_file("data");
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    cr_assert_geq(fd, 0);
    char *buf = malloc(bytes ? bytes : 1);
    cr_assert_not_null(buf);
    memset(buf, 'p', bytes);
    cr_assert_eq(write(fd, buf, bytes), (ssize_t)bytes);
    free(buf);
    close(fd);
    return path;
}

Test(pagecache, written_evicted_and_read_again)
{
    size_t bytes = (size_t)4 << 20;
    const char *path = file_of(bytes);
    cr_assert_gt(pagecache_resident_fraction(path), 0.99, "a file just written is cached");
    if (scratch_in_memory(scratch_dir()))
        cr_skip_test("TMPDIR is in memory (tmpfs): nothing to evict to");
    cr_assert_eq(pagecache_evict(path), 0, "%s", strerror(errno));
    double after = pagecache_resident_fraction(path);
    cr_assert_lt(after, 0.05, "%.2f of the file still cached after eviction", after);
    int fd = open(path, O_RDONLY);
    char *buf = malloc(bytes);
    cr_assert_not_null(buf);
    cr_assert_eq(read(fd, buf, bytes), (ssize_t)bytes);
    free(buf);
    close(fd);
    cr_assert_gt(pagecache_resident_fraction(path), 0.99, "reading caches it again");
}

Test(pagecache, an_empty_file_and_a_missing_one)
{
    const char *path = file_of(0);
    cr_assert_eq(pagecache_resident_fraction(path), 1.0);
    cr_assert_eq(pagecache_evict(path), 0);
    cr_assert_eq(pagecache_resident_fraction("/nonexistent/file"), -1.0);
    errno = 0;
    cr_assert_eq(pagecache_evict("/nonexistent/file"), -1);
    cr_assert_eq(errno, ENOENT);
}
