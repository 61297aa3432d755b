/* write_check.c - flush a tool's output and say when it did not fit. */
#include "write_check.h"

#include <errno.h>
#include <string.h>

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
