/* write_check.c - flush a tool's output and say when it did not fit;
 * write a file whole or not at all. */
#include "write_check.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

int write_check(FILE *out, const char *tool, const char *what, FILE *err)
{
    errno = 0;
    if (fflush(out) == 0 && !ferror(out))
        return 0;
    /* errno from the failed write when the flush made it; else unknown. */
    fprintf(err, "%s: cannot write %s: %s\n", tool, what,
            errno ? strerror(errno) : "write error");
    return 1;
}

int write_atomically(const char *path, void (*write)(FILE *f, void *ctx), void *ctx,
                     const char *tool, FILE *err)
{
    char tmp[4200];
    if (snprintf(tmp, sizeof tmp, "%s.tmp", path) >= (int)sizeof tmp) {
        fprintf(err, "%s: cannot write %s: path too long\n", tool, path);
        return 1;
    }
    struct stat st;
    if (lstat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
        fprintf(err, "%s: %s is not a regular file (a link, device or directory); "
                     "not replacing it: give --out a file path\n", tool, path);
        return 1;
    }
    FILE *f = fopen(tmp, "w");
    if (!f) {
        fprintf(err, "%s: cannot write %s: %s\n", tool, tmp, strerror(errno));
        return 1;
    }
    write(f, ctx);
    errno = 0;
    bool written = fflush(f) == 0 && !ferror(f);
    int saved = errno;
    if (fclose(f) != 0 || !written || rename(tmp, path) != 0) {
        if (!written)
            errno = saved;
        fprintf(err, "%s: cannot write %s: %s\n", tool, path,
                errno ? strerror(errno) : "write error");
        remove(tmp);
        return 1;
    }
    return 0;
}
