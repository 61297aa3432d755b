/*
 * gz_read.h - a whole file into memory through zlib: a gzip file inflated,
 * a plain one as it is.  The committed reference run keeps its JSON
 * gzipped, a fresh run plain; the report and the page read both with this
 * one reader.
 */
#ifndef REPORT_GZ_READ_H
#define REPORT_GZ_READ_H

#include <stdbool.h>
#include <stddef.h>

typedef enum gz_read_status {
    GZ_READ_OK,
    GZ_READ_CANNOT_OPEN, /* errno says why */
    GZ_READ_NOT_GZIP,    /* plain data where gzip was required */
    GZ_READ_CORRUPT,     /* truncated or not inflatable: why holds zlib's words */
    GZ_READ_TOO_LARGE,   /* more than limit bytes once inflated */
} gz_read_status;

/*
 * Reads path into *text (NUL-terminated, to free()) and its length into
 * *len.  limit bounds the inflated bytes (0: no bound).  With
 * require_gzip, a file that is not gzip data is refused rather than read
 * as it is.  On any status but GZ_READ_OK *text is NULL and, for
 * GZ_READ_CORRUPT, why (whysize bytes) says what zlib found.  Runs out of
 * memory as report_xrealloc does (exits).
 */
gz_read_status gz_read_all(const char *path, size_t limit, bool require_gzip, char **text,
                           size_t *len, char *why, size_t whysize);

#endif /* REPORT_GZ_READ_H */
