/* gz_read.c - read a gzip or plain file whole with zlib. */
#include "gz_read.h"

#include "xalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <zlib.h>

gz_read_status gz_read_all(const char *path, size_t limit, bool require_gzip, char **text,
                           size_t *len, char *why, size_t whysize)
{
    *text = NULL;
    *len = 0;
    if (whysize > 0)
        why[0] = '\0';
    gzFile in = gzopen(path, "rb");
    if (!in)
        return GZ_READ_CANNOT_OPEN;
    char *buf = NULL;
    size_t n_read = 0, cap = 0;
    int n;
    do {
        if (cap - n_read < 4096)
            buf = report_xrealloc(buf, cap = cap * 2 + 4096);
        size_t room = cap - n_read - 1;   /* one byte for the terminator */
        n = gzread(in, buf + n_read, room > INT_MAX ? INT_MAX : (unsigned)room);
        if (n > 0)
            n_read += (size_t)n;
    } while (n > 0 && (limit == 0 || n_read <= limit));
    gz_read_status status = GZ_READ_OK;
    /* A cut archive ends with 0, not -1: zlib keeps "unexpected end of
     * file" (Z_BUF_ERROR) for gzerror, and reads on. */
    int code = Z_OK;
    const char *msg = gzerror(in, &code);
    if (n < 0 || code != Z_OK) {
        snprintf(why, whysize, "%s", msg && *msg ? msg : "?");
        status = GZ_READ_CORRUPT;
    } else if (limit > 0 && n_read > limit) {
        status = GZ_READ_TOO_LARGE;
    } else if (require_gzip && gzdirect(in)) {
        status = GZ_READ_NOT_GZIP;
    }
    gzclose(in);
    if (status != GZ_READ_OK) {
        free(buf);
        return status;
    }
    buf[n_read] = '\0';   /* room is left: the last read found none to fill */
    *text = buf;
    *len = n_read;
    return GZ_READ_OK;
}
