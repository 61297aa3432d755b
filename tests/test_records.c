/* test_records.c - generated record files: exact size, same bytes for a
 * seed, totals that a scan of the bytes agrees with; value parsing. */
#include "stream/records.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Generates 'bytes' into a temporary file and returns its contents
 * (malloc'ed, *len bytes). */
static char *generate(uint64_t bytes, uint64_t seed, records_totals *t, size_t *len)
{
    FILE *f = tmpfile();
    cr_assert_not_null(f);
    int fd = fileno(f);
    cr_assert_eq(records_generate(fd, bytes, seed, t), 0, "%s", strerror(errno));
    off_t size = lseek(fd, 0, SEEK_END);
    cr_assert_eq((uint64_t)size, bytes, "asked %llu bytes, wrote %lld",
                 (unsigned long long)bytes, (long long)size);
    char *buf = malloc(bytes + 1);
    cr_assert_not_null(buf);
    cr_assert_eq(pread(fd, buf, bytes, 0), (ssize_t)bytes);
    fclose(f);
    *len = (size_t)bytes;
    return buf;
}

Test(records, writes_exactly_the_size_asked_and_totals_match_a_scan)
{
    const uint64_t sizes[] = {0, 1, 2, 5, 29, 30, 31, 240, 241, 242, 1000, 65537,
                              ((uint64_t)1 << 20) + 7};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        records_totals t, scanned = {0, 0};
        size_t len;
        char *buf = generate(sizes[i], 42, &t, &len);
        if (len > 0)
            cr_assert_eq(buf[len - 1], '\n', "size %zu: no final newline", len);
        size_t done = records_scan(buf, len, &scanned);
        cr_assert_eq(done, len, "size %zu: bytes after the last newline", len);
        cr_assert_eq(scanned.lines, t.lines, "size %zu", len);
        cr_assert_eq(scanned.sum, t.sum, "size %zu", len);
        for (size_t j = 0; j < len; j++)
            cr_assert(buf[j] != '\r' && buf[j] != '\0', "size %zu: odd byte at %zu", len, j);
        free(buf);
    }
}

Test(records, lines_look_like_the_header_says)
{
    records_totals t;
    size_t len;
    char *buf = generate((uint64_t)1 << 20, 7, &t, &len);
    cr_assert_gt(t.lines, 10000);
    double mean = (double)len / (double)t.lines;
    cr_assert(mean > 40 && mean < 70, "mean line %.1f bytes", mean);
    /* The first line: "0,<value>,<letters>". */
    cr_assert_eq(memcmp(buf, "0,", 2), 0);
    size_t longest = 0, start = 0;
    for (size_t i = 0; i < len; i++)
        if (buf[i] == '\n') {
            if (i - start > longest)
                longest = i - start;
            start = i + 1;
        }
    cr_assert_leq(longest, 2 * RECORDS_MAX_LINE);
    free(buf);
}

Test(records, the_same_seed_gives_the_same_bytes)
{
    records_totals a, b, c;
    size_t la, lb, lc;
    char *x = generate(100000, 1, &a, &la);
    char *y = generate(100000, 1, &b, &lb);
    char *z = generate(100000, 2, &c, &lc);
    cr_assert_eq(memcmp(x, y, la), 0);
    cr_assert_eq(a.sum, b.sum);
    cr_assert_neq(memcmp(x, z, la), 0);
    free(x);
    free(y);
    free(z);
}

Test(records, a_failed_write_is_reported)
{
    int fd = open("/dev/null", O_RDONLY);
    cr_assert_geq(fd, 0);
    records_totals t;
    cr_assert_eq(records_generate(fd, 1000, 1, &t), -1);
    cr_assert_eq(errno, EBADF);
    close(fd);
}

Test(records, value_is_the_number_after_the_first_comma)
{
    cr_assert_eq(records_value("1,234,abc", 9), 234);
    cr_assert_eq(records_value("17,0,", 5), 0);
    cr_assert_eq(records_value("no comma", 8), 0);
    cr_assert_eq(records_value("1,", 2), 0);
    cr_assert_eq(records_value("1,12x,5", 7), 12);
    cr_assert_eq(records_value("1,999", 4), 99, "only 'len' bytes are read");
    cr_assert_eq(records_value("", 0), 0);
}

Test(records, scan_leaves_a_cut_line_and_last_line_takes_it)
{
    const char text[] = "0,5,a\n1,7,b\n2,9";
    records_totals t = {0, 0};
    size_t done = records_scan(text, sizeof text - 1, &t);
    cr_assert_eq(done, 12);
    cr_assert_eq(t.lines, 2);
    cr_assert_eq(t.sum, 12);
    records_last_line(text + done, sizeof text - 1 - done, &t);
    cr_assert_eq(t.lines, 3);
    cr_assert_eq(t.sum, 21);
    records_last_line(text, 0, &t);
    cr_assert_eq(t.lines, 3, "nothing left is no line");
    cr_assert_eq(records_scan("", 0, &t), 0);
}

Test(records, fixed_line_lengths_long_and_short)
{
    const size_t lengths[] = {1, 5, 29, 100, 5000, (size_t)70 << 10};
    for (size_t k = 0; k < sizeof lengths / sizeof lengths[0]; k++) {
        FILE *f = tmpfile();
        cr_assert_not_null(f);
        int fd = fileno(f);
        uint64_t bytes = 300007;
        records_totals t;
        cr_assert_eq(records_generate_lines(fd, bytes, lengths[k], 3, &t), 0);
        char *buf = malloc(bytes);
        cr_assert_not_null(buf);
        cr_assert_eq(pread(fd, buf, bytes, 0), (ssize_t)bytes);
        fclose(f);
        records_totals scanned = {0, 0};
        cr_assert_eq(records_scan(buf, bytes, &scanned), bytes);
        cr_assert_eq(scanned.lines, t.lines, "line length %zu", lengths[k]);
        cr_assert_eq(scanned.sum, t.sum, "line length %zu", lengths[k]);
        /* Every line but the last is exactly that long. */
        size_t start = 0, seen = 0;
        for (size_t i = 0; i < bytes; i++)
            if (buf[i] == '\n') {
                if (seen + 1 < t.lines)
                    cr_assert_eq(i - start, lengths[k], "line %zu of length %zu", seen,
                                 i - start);
                else
                    cr_assert_leq(i - start, lengths[k]);
                seen++;
                start = i + 1;
            }
        cr_assert_eq(seen, t.lines);
        free(buf);
    }
    records_totals t;
    errno = 0;
    cr_assert_eq(records_generate_lines(1, 10, 0, 1, &t), -1);
    cr_assert_eq(errno, EINVAL);
}
