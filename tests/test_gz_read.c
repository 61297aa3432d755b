/* test_gz_read.c - the one reader of gzip and plain files: each read whole,
 * plain data refused where gzip is required, a cut archive, the bound on
 * inflated bytes and a missing file each reported as such. */
#include "report/gz_read.h"

#include "test_dir.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

static char dir[] = "/tmp/gz_read_XXXXXX";

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/gz_read_XXXXXX");
    test_dir_make(dir);
}

static void remove_dir(void)
{
    test_dir_remove(dir);
}

TestSuite(gz_read, .init = make_dir, .fini = remove_dir);

static const char *in_dir(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

/* n bytes of a repeating pattern, gzipped into name. */
static void write_gz(const char *name, size_t n)
{
    gzFile out = gzopen(in_dir(name), "wb");
    cr_assert_not_null(out);
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(gzputc(out, 'a' + (int)(i % 26)), 'a' + (int)(i % 26));
    cr_assert_eq(gzclose(out), Z_OK);
}

static gz_read_status read_it(const char *name, size_t limit, bool require_gzip, char **text,
                              size_t *len, char *why, size_t whysize)
{
    return gz_read_all(in_dir(name), limit, require_gzip, text, len, why, whysize);
}

Test(gz_read, plain_file_reads_as_it_is)
{
    test_dir_put(dir, "a.json", "{\"x\": 1}");
    char *text, why[64];
    size_t len;
    cr_assert_eq(read_it("a.json", 0, false, &text, &len, why, sizeof why), GZ_READ_OK);
    cr_assert_eq(len, 8);
    cr_assert_str_eq(text, "{\"x\": 1}");
    free(text);
}

Test(gz_read, empty_file_is_zero_bytes_terminated)
{
    test_dir_put(dir, "empty", "");
    char *text, why[64];
    size_t len = 99;
    cr_assert_eq(read_it("empty", 0, false, &text, &len, why, sizeof why), GZ_READ_OK);
    cr_assert_eq(len, 0);
    cr_assert_str_eq(text, "");
    free(text);
}

Test(gz_read, gzip_is_inflated_across_buffer_growth)
{
    write_gz("big.gz", 100000);   /* past the first 4 KiB buffer, several times */
    char *text, why[64];
    size_t len;
    cr_assert_eq(read_it("big.gz", 0, true, &text, &len, why, sizeof why), GZ_READ_OK);
    cr_assert_eq(len, 100000);
    cr_assert_eq(text[0], 'a');
    cr_assert_eq(text[99999], 'a' + 99999 % 26);
    cr_assert_eq(text[len], '\0');
    free(text);
}

Test(gz_read, plain_data_refused_where_gzip_is_required)
{
    test_dir_put(dir, "fake.gz", "plain text");
    char *text = (char *)1, why[64];
    size_t len;
    cr_assert_eq(read_it("fake.gz", 0, true, &text, &len, why, sizeof why), GZ_READ_NOT_GZIP);
    cr_assert_null(text);
}

Test(gz_read, cut_archive_is_corrupt_with_zlibs_words)
{
    write_gz("cut.gz", 100000);
    cr_assert_eq(truncate(in_dir("cut.gz"), 40), 0);
    char *text = (char *)1, why[64] = "";
    size_t len;
    cr_assert_eq(read_it("cut.gz", 0, true, &text, &len, why, sizeof why), GZ_READ_CORRUPT);
    cr_assert_null(text);
    cr_assert_neq(why[0], '\0');
}

Test(gz_read, limit_refuses_one_byte_more_and_takes_exactly_the_limit)
{
    write_gz("n.gz", 5000);
    char *text = (char *)1, why[64];
    size_t len;
    cr_assert_eq(read_it("n.gz", 4999, true, &text, &len, why, sizeof why), GZ_READ_TOO_LARGE);
    cr_assert_null(text);
    cr_assert_eq(read_it("n.gz", 5000, true, &text, &len, why, sizeof why), GZ_READ_OK);
    cr_assert_eq(len, 5000);
    free(text);
}

Test(gz_read, missing_file_cannot_be_opened)
{
    char *text = (char *)1, why[64];
    size_t len;
    cr_assert_eq(read_it("none.gz", 0, false, &text, &len, why, sizeof why),
                 GZ_READ_CANNOT_OPEN);
    cr_assert_null(text);
}
