/* test_thp.c - the THP mode line is parsed, and a range's huge bytes are
 * read from smaps text: overlapping mappings only, capped at the range. */
#include "harness/thp.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

Test(thp, parses_the_bracketed_word)
{
    char buf[16];
    cr_assert(thp_parse_mode("always [madvise] never\n", buf, sizeof buf));
    cr_assert_str_eq(buf, "madvise");
    cr_assert(thp_parse_mode("[always] madvise never", buf, sizeof buf));
    cr_assert_str_eq(buf, "always");
    cr_assert(thp_parse_mode("always defer defer+madvise [madvise] never", buf, sizeof buf));
    cr_assert_str_eq(buf, "madvise");
}

Test(thp, refuses_lines_without_a_choice_and_words_too_long)
{
    char buf[8] = "keep";
    cr_assert_not(thp_parse_mode("always madvise never", buf, sizeof buf));
    cr_assert_not(thp_parse_mode("always [] never", buf, sizeof buf));
    cr_assert_not(thp_parse_mode("always [madvise never", buf, sizeof buf));
    cr_assert_not(thp_parse_mode("[defer+madvise]", buf, sizeof buf), "9 bytes in 8");
    cr_assert_not(thp_parse_mode("", buf, sizeof buf));
    cr_assert_str_eq(buf, "keep");
}

Test(thp, mode_of_this_machine_is_a_word)
{
    char buf[32];
    const char *m = thp_mode("enabled", buf, sizeof buf);
    cr_assert_eq(m, buf);
    cr_assert(strcmp(m, "always") == 0 || strcmp(m, "madvise") == 0 ||
              strcmp(m, "never") == 0 || strcmp(m, "unavailable") == 0, "%s", m);
    cr_assert_str_eq(thp_mode("no-such-file", buf, sizeof buf), "unavailable");
}

static const char smaps[] =
    "55d000000000-55d000200000 rw-p 00000000 00:00 0 \n"
    "Size:               2048 kB\n"
    "AnonHugePages:      2048 kB\n"
    "7f0000000000-7f0000800000 rw-p 00000000 00:00 0 \n"
    "Size:               8192 kB\n"
    "Anonymous:          8192 kB\n"
    "AnonHugePages:      6144 kB\n"
    "VmFlags: rd wr mr mw me ac hg \n"
    "7f0000800000-7f0000a00000 rw-p 00000000 00:00 0    [heap]\n"
    "AnonHugePages:      2048 kB\n";

static long long huge_in(uintptr_t addr, size_t len)
{
    FILE *f = fmemopen((void *)smaps, sizeof smaps - 1, "r");
    cr_assert_not_null(f);
    long long bytes = thp_huge_bytes_in(f, (const void *)addr, len);
    fclose(f);
    return bytes;
}

Test(thp, counts_only_the_mappings_a_range_overlaps)
{
    size_t mib = (size_t)1 << 20;
    cr_assert_eq(huge_in(0x7f0000000000, 8 * mib), 6 * (long long)mib);
    cr_assert_eq(huge_in(0x7f0000100000, 10 * mib), 8 * (long long)mib, "two mappings");
    cr_assert_eq(huge_in(0x7f0000000000, 1 * mib), 1 * (long long)mib, "capped at the range");
    cr_assert_eq(huge_in(0x600000000000, 1 * mib), 0, "nothing mapped there");
    cr_assert_eq(huge_in(0x7f0000a00000, 4096), 0, "just past the end");
}

Test(thp, a_real_buffer_reads_between_zero_and_its_size)
{
    size_t len = (size_t)4 << 20;
    char *p = malloc(len);
    cr_assert_not_null(p);
    memset(p, 1, len);
    long long huge = thp_huge_bytes(p, len);
    cr_assert_geq(huge, 0);
    cr_assert_leq(huge, (long long)len);
    free(p);
}
