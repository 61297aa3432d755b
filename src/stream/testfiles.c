/* testfiles.c - generate stream's record files and find a case's file. */
#include "stream/testfiles.h"

#include "harness/scratch.h"
#include "harness/timing.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

bool test_files_generate(test_file *files, size_t n, uint64_t seed, size_t *made)
{
    double t0 = timing_now();
    for (size_t i = 0; i < n; i++) {
        char name[48];
        test_file *f = &files[i];
        snprintf(name, sizeof name, "records-%zu-%zu.csv", f->bytes, f->line_bytes);
        f->path = scratch_file(name);
        int fd = f->path ? open(f->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600) : -1;
        int status = fd < 0 ? -1
                   : f->line_bytes ? records_generate_lines(fd, f->bytes, f->line_bytes, seed,
                                                            &f->totals)
                                   : records_generate(fd, f->bytes, seed, &f->totals);
        if (status != 0 || fsync(fd) != 0) {
            fprintf(stderr, "stream: cannot write %s: %s\n", f->path ? f->path : name,
                    strerror(errno));
            if (fd >= 0)
                close(fd);
            return false;
        }
        close(fd);
        *made = i + 1;
    }
    fprintf(stderr, "stream: generated %zu files in %.1f s under %s\n", n,
            timing_now() - t0, scratch_dir());
    return true;
}

const test_file *test_file_for(const test_file *files, size_t n, bool long_lines,
                               size_t arg)
{
    for (size_t i = 0; i < n; i++)
        if (long_lines ? files[i].line_bytes == arg
                       : files[i].line_bytes == 0 && files[i].bytes == arg)
            return &files[i];
    return NULL;
}
