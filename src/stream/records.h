/*
 * records.h - the text file the streaming experiment reads: one record a
 * line, "id,value,text\n", where id counts from 0, value is a decimal
 * number below 1000000 and text is 0 to 80 random letters.  Lines average
 * about 55 bytes, like a log or a CSV export.
 *
 * The work every reading method does per line is the same: count it and
 * add its value (the digits after the first comma; 0 when there is no
 * comma).  Lines follow the line reader's rules (linereader.h): split at
 * '\n', and the bytes after the last '\n' are one more line.
 */
#ifndef RECORDS_H
#define RECORDS_H

#include <stddef.h>
#include <stdint.h>

/* Lines seen and the sum of their values: the checksum of a file. */
typedef struct records_totals {
    uint64_t lines;
    uint64_t sum;
} records_totals;

/* The longest line records_generate writes (a final line filling the
 * file to its exact size is up to twice as long). */
#define RECORDS_MAX_LINE 120

/*
 * Writes exactly 'bytes' bytes of records to 'fd' from its current
 * offset, ending with '\n' (when bytes > 0), the same bytes for the same
 * seed.  Stores the file's totals in *out.  Returns 0, or -1 with errno
 * set when a write fails (the file then holds part of the records).
 * Holds a 256 KiB output buffer (malloc) during the call.
 */
int records_generate(int fd, uint64_t bytes, uint64_t seed, records_totals *out);

/* The same with every line line_bytes long before its '\n' (the last
 * line may be shorter, to end the file at exactly 'bytes'): the long
 * lines of claim S2.  line_bytes 0 is refused (-1, EINVAL). */
int records_generate_lines(int fd, uint64_t bytes, size_t line_bytes, uint64_t seed,
                           records_totals *out);

/* The value of one line (without its '\n'). */
uint64_t records_value(const char *line, size_t len);

/*
 * Adds every complete line of buf[0, len) (each ended by '\n') to *t and
 * returns the bytes they span; the bytes after the last '\n' are left for
 * the caller (the start of a line whose end has not been read yet).
 */
size_t records_scan(const char *buf, size_t len, records_totals *t);

/* Adds buf[0, len) as the last line of the input when len > 0 (the bytes
 * records_scan left after the input ended). */
void records_last_line(const char *buf, size_t len, records_totals *t);

#endif /* RECORDS_H */
