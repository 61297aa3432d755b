/* test_linereader.c - the line reader: line endings, buffer boundaries, the
 * limit, NUL bytes, 1-byte reads from a pipe, read and allocation failures,
 * bad arguments, and every case the fuzzer kept (tests/fuzz/cases/). */
#include "alloc/counting.h"
#include "fuzz/linereader_oracle.h"
#include "stream/linereader.h"

#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

static void no_leak(void)
{
    cr_assert_eq(c.stats.live_bytes, 0, "%zu bytes still allocated", c.stats.live_bytes);
}

TestSuite(linereader, .init = setup, .fini = no_leak);

/* Input from memory, in reads of at most 'chunk' bytes (0: as asked); the
 * read numbered 'fail_at' (from 1) fails with 'fail_errno'. */
typedef struct source {
    const char *data;
    size_t n, pos, chunk;
    int reads, fail_at, fail_errno;
} source;

static ssize_t source_read(void *ctx, void *buf, size_t len)
{
    source *s = ctx;
    s->reads++;
    if (s->reads == s->fail_at) {
        errno = s->fail_errno;
        return -1;
    }
    size_t k = len;
    if (s->chunk && s->chunk < k)
        k = s->chunk;
    if (k > s->n - s->pos)
        k = s->n - s->pos;
    memcpy(buf, s->data + s->pos, k);
    s->pos += k;
    return (ssize_t)k;
}

static void open_mem(line_reader *r, source *s, const char *data, size_t n,
                     size_t capacity, size_t max_line)
{
    *s = (source){.data = data, .n = n};
    cr_assert_eq(line_reader_init_fn(r, source_read, s, capacity, max_line, &c.base),
                 LINE_OK);
}

/* Reads the next line and checks it is exactly 'want' (len bytes). */
static void expect_line(line_reader *r, const char *want, size_t len)
{
    line_view v;
    line_status s = line_reader_next(r, &v);
    cr_assert_eq(s, LINE_OK, "expected a line, got: %s", line_status_message(s));
    cr_assert_eq(v.len, len, "line of %zu bytes, expected %zu", v.len, len);
    cr_assert_eq(memcmp(v.data, want, len), 0);
}

static void expect_status(line_reader *r, line_status want)
{
    line_view v;
    line_status s = line_reader_next(r, &v);
    cr_assert_eq(s, want, "got '%s', expected '%s'", line_status_message(s),
                 line_status_message(want));
}

#define LIT(s) (s), (sizeof(s) - 1)

Test(linereader, empty_input_has_no_lines)
{
    line_reader r;
    source s;
    open_mem(&r, &s, "", 0, 16, 100);
    expect_status(&r, LINE_END);
    expect_status(&r, LINE_END);
    cr_assert_eq(r.line_number, 0);
    line_reader_destroy(&r);
}

Test(linereader, lines_with_and_without_a_final_newline)
{
    line_reader r;
    source s;
    open_mem(&r, &s, LIT("one\n\nthree\nlast"), 16, 100);
    expect_line(&r, LIT("one"));
    expect_line(&r, LIT(""));
    expect_line(&r, LIT("three"));
    expect_line(&r, LIT("last"));
    expect_status(&r, LINE_END);
    cr_assert_eq(r.line_number, 4);
    line_reader_destroy(&r);

    open_mem(&r, &s, LIT("only\n"), 16, 100);
    expect_line(&r, LIT("only"));
    expect_status(&r, LINE_END); /* a final newline adds no empty line */
    line_reader_destroy(&r);

    open_mem(&r, &s, LIT("\n"), 16, 100);
    expect_line(&r, LIT(""));
    expect_status(&r, LINE_END);
    line_reader_destroy(&r);
}

Test(linereader, crlf_endings_are_removed_whole_and_lone_cr_is_data)
{
    line_reader r;
    source s;
    open_mem(&r, &s, LIT("a\r\n\r\nb\rc\r\n\r\r\nend\r"), 4, 100);
    expect_line(&r, LIT("a"));
    expect_line(&r, LIT(""));
    expect_line(&r, LIT("b\rc"));
    expect_line(&r, LIT("\r"));
    expect_line(&r, LIT("end\r")); /* no '\n' after it: not a line ending */
    expect_status(&r, LINE_END);
    line_reader_destroy(&r);
}

Test(linereader, nul_bytes_are_data)
{
    line_reader r;
    source s;
    open_mem(&r, &s, LIT("a\0b\n\0\n\0"), 2, 100);
    expect_line(&r, LIT("a\0b"));
    expect_line(&r, LIT("\0"));
    expect_line(&r, LIT("\0"));
    expect_status(&r, LINE_END);
    line_reader_destroy(&r);
}

Test(linereader, a_line_that_fills_the_buffer_exactly_needs_no_growth)
{
    line_reader r;
    source s;
    /* 7 bytes and '\n' in an 8-byte buffer, twice. */
    open_mem(&r, &s, LIT("1234567\nabcdefg\n"), 8, 100);
    expect_line(&r, LIT("1234567"));
    expect_line(&r, LIT("abcdefg"));
    expect_status(&r, LINE_END);
    cr_assert_eq(r.grows, 0);
    cr_assert_eq(r.cap, 8);
    line_reader_destroy(&r);
}

Test(linereader, a_line_one_byte_over_the_buffer_grows_it_once)
{
    line_reader r;
    source s;
    open_mem(&r, &s, LIT("12345678\nab\n"), 8, 100);
    expect_line(&r, LIT("12345678"));
    expect_line(&r, LIT("ab"));
    expect_status(&r, LINE_END);
    cr_assert_eq(r.grows, 1);
    cr_assert_eq(r.cap, 16);
    line_reader_destroy(&r);

    /* The same without the final newline: the buffer is full before the
     * end of the input shows. */
    open_mem(&r, &s, LIT("123456789"), 8, 100);
    expect_line(&r, LIT("123456789"));
    expect_status(&r, LINE_END);
    line_reader_destroy(&r);
}

Test(linereader, growth_stops_at_what_the_limit_needs)
{
    line_reader r;
    source s;
    char line[101];
    memset(line, 'x', 100);
    line[100] = '\n';
    open_mem(&r, &s, line, sizeof line, 1, 100);
    expect_line(&r, line, 100);
    expect_status(&r, LINE_END);
    /* 1, 2, 4, ..., 64, then 102 (100 bytes and "\r\n"), not 128. */
    cr_assert_eq(r.cap, 102);
    line_reader_destroy(&r);
}

Test(linereader, a_line_at_the_limit_passes_and_one_byte_more_is_an_error)
{
    line_reader r;
    source s;
    open_mem(&r, &s, LIT("12345\n123456\n12345\r\nok\n"), 4, 5);
    expect_line(&r, LIT("12345"));
    expect_status(&r, LINE_TOO_LONG);
    cr_assert_eq(r.line_number, 2, "the error names the line");
    expect_line(&r, LIT("12345")); /* "\r\n" is not counted */
    expect_line(&r, LIT("ok"));
    expect_status(&r, LINE_END);
    line_reader_destroy(&r);
}

Test(linereader, a_huge_line_is_reported_skipped_and_never_held)
{
    size_t big = (size_t)1 << 20;
    char *input = malloc(big + 8);
    cr_assert_not_null(input);
    memcpy(input, "a\n", 2);
    memset(input + 2, 'y', big);
    memcpy(input + 2 + big, "\nb\n", 3);
    line_reader r;
    source s;
    open_mem(&r, &s, input, big + 5, 16, 64);
    expect_line(&r, LIT("a"));
    expect_status(&r, LINE_TOO_LONG);
    expect_line(&r, LIT("b"));
    expect_status(&r, LINE_END);
    /* The buffer stops at 66 bytes (64 and "\r\n"); while the last resize
     * copied, the old 64 and the new 66 bytes both existed. */
    cr_assert_eq(r.cap, 66);
    cr_assert_leq(c.stats.peak_live_bytes, 64 + 66, "held %zu bytes for a 64-byte limit",
                  c.stats.peak_live_bytes);
    line_reader_destroy(&r);

    /* A too-long last line without a newline: the error, then the end. */
    open_mem(&r, &s, input + 2, big, 16, 64);
    expect_status(&r, LINE_TOO_LONG);
    expect_status(&r, LINE_END);
    line_reader_destroy(&r);
    free(input);
}

Test(linereader, a_limit_of_zero_accepts_only_empty_lines)
{
    line_reader r;
    source s;
    open_mem(&r, &s, LIT("\n\r\nx\n\n"), 1, 0);
    expect_line(&r, LIT(""));
    expect_line(&r, LIT(""));
    expect_status(&r, LINE_TOO_LONG);
    expect_line(&r, LIT(""));
    expect_status(&r, LINE_END);
    line_reader_destroy(&r);
}

/* Writes the bytes one write() at a time into a packet-mode pipe
 * (O_DIRECT): each read then returns at most one byte, as from a slow
 * producer.  Runs in its own thread, since the pipe holds few packets. */
typedef struct trickle {
    int fd;
    const char *data;
    size_t n;
} trickle;

static void *trickle_writer(void *arg)
{
    trickle *t = arg;
    for (size_t i = 0; i < t->n; i++)
        if (write(t->fd, t->data + i, 1) != 1)
            break;
    close(t->fd);
    return NULL;
}

Test(linereader, one_byte_reads_from_a_pipe)
{
    const char text[] = "first line\r\nsecond\n\nno newline at the end";
    int fds[2];
    cr_assert_eq(pipe2(fds, O_DIRECT), 0, "pipe2: %s", strerror(errno));
    trickle t = {fds[1], text, sizeof text - 1};
    pthread_t writer;
    cr_assert_eq(pthread_create(&writer, NULL, trickle_writer, &t), 0);
    line_reader r;
    cr_assert_eq(line_reader_init(&r, fds[0], 4, 100, &c.base), LINE_OK);
    expect_line(&r, LIT("first line"));
    expect_line(&r, LIT("second"));
    expect_line(&r, LIT(""));
    expect_line(&r, LIT("no newline at the end"));
    expect_status(&r, LINE_END);
    cr_assert_eq(r.bytes_read, sizeof text - 1);
    cr_assert_geq(r.read_calls, sizeof text - 1, "%llu reads: not one byte each",
                  (unsigned long long)r.read_calls);
    line_reader_destroy(&r);
    pthread_join(writer, NULL);
    close(fds[0]);
}

Test(linereader, reads_a_regular_file)
{
    FILE *f = tmpfile();
    cr_assert_not_null(f);
    for (int i = 0; i < 1000; i++)
        fprintf(f, "%d,%d\n", i, i * i);
    fflush(f);
    int fd = fileno(f);
    cr_assert_eq(lseek(fd, 0, SEEK_SET), 0);
    line_reader r;
    cr_assert_eq(line_reader_init(&r, fd, 64, 1000, &c.base), LINE_OK);
    line_view v;
    int count = 0;
    long sum = 0;
    while (line_reader_next(&r, &v) == LINE_OK) {
        const char *comma = memchr(v.data, ',', v.len);
        cr_assert_not_null(comma);
        sum += strtol(comma + 1, NULL, 10);
        count++;
    }
    cr_assert_eq(count, 1000);
    cr_assert_eq(sum, 332833500L); /* sum of i*i for i < 1000 */
    cr_assert_eq(r.grows, 0);
    line_reader_destroy(&r);
    fclose(f);
}

Test(linereader, a_read_error_is_reported_and_stays)
{
    line_reader r;
    source s = {.data = "ab\ncd\nef\n", .n = 9, .chunk = 3, .fail_at = 2,
                .fail_errno = EIO};
    cr_assert_eq(line_reader_init_fn(&r, source_read, &s, 64, 100, &c.base), LINE_OK);
    expect_line(&r, LIT("ab"));
    expect_status(&r, LINE_IO_ERROR);
    cr_assert_eq(r.io_errno, EIO);
    expect_status(&r, LINE_IO_ERROR);
    line_reader_destroy(&r);
}

Test(linereader, an_interrupted_read_is_retried)
{
    line_reader r;
    source s = {.data = "ab\ncd", .n = 5, .chunk = 2, .fail_at = 2, .fail_errno = EINTR};
    cr_assert_eq(line_reader_init_fn(&r, source_read, &s, 64, 100, &c.base), LINE_OK);
    expect_line(&r, LIT("ab"));
    expect_line(&r, LIT("cd"));
    expect_status(&r, LINE_END);
    cr_assert_eq(r.io_errno, 0);
    line_reader_destroy(&r);
}

Test(linereader, rejects_bad_arguments_and_owns_nothing_after)
{
    line_reader r;
    source s = {.data = "", .n = 0};
    cr_assert_eq(line_reader_init(NULL, 0, 16, 100, &c.base), LINE_BAD_ARGUMENT);
    cr_assert_eq(line_reader_init(&r, -1, 16, 100, &c.base), LINE_BAD_ARGUMENT);
    line_reader_destroy(&r);
    cr_assert_eq(line_reader_init(&r, 0, 0, 100, &c.base), LINE_BAD_ARGUMENT);
    cr_assert_eq(line_reader_init(&r, 0, 16, 100, NULL), LINE_BAD_ARGUMENT);
    cr_assert_eq(line_reader_init(&r, 0, 16, LINE_READER_MAX_LIMIT + 1, &c.base),
                 LINE_BAD_ARGUMENT);
    cr_assert_eq(line_reader_init_fn(&r, NULL, &s, 16, 100, &c.base), LINE_BAD_ARGUMENT);
    cr_assert_eq(line_reader_init_fn(NULL, source_read, &s, 16, 100, &c.base),
                 LINE_BAD_ARGUMENT);
    line_reader_destroy(&r);
    line_reader_destroy(NULL);
    cr_assert_eq(c.stats.alloc_calls, 0);
    /* The largest limit is accepted (nothing is allocated for it yet). */
    cr_assert_eq(line_reader_init(&r, 0, 16, LINE_READER_MAX_LIMIT, &c.base), LINE_OK);
    line_reader_destroy(&r);
    line_reader_destroy(&r);
}

Test(linereader, every_allocation_failure_is_reported_and_retry_recovers)
{
    /* Lines that make an 1-byte buffer grow six times. */
    const char text[] = "a\nbb\ncccc\ndddddddd\n0123456789abcdef0123456789\nlast";
    const char *want[] = {"a", "bb", "cccc", "dddddddd", "0123456789abcdef0123456789",
                          "last"};
    bool succeeded_without_failure = false;
    for (uint64_t k = 1; !succeeded_without_failure; k++) {
        cr_assert_lt(k, 100, "never succeeds");
        counting_init(&c, alloc_libc());
        counting_fail_at(&c, k);
        line_reader r;
        source s = {.data = text, .n = sizeof text - 1};
        line_status st = line_reader_init_fn(&r, source_read, &s, 1, 100, &c.base);
        if (st == LINE_NO_MEMORY) {
            cr_assert_eq(k, 1);
            cr_assert_eq(c.stats.live_bytes, 0);
            line_reader_destroy(&r);
            continue;
        }
        cr_assert_eq(st, LINE_OK);
        size_t got = 0, failures = 0;
        line_view v;
        while ((st = line_reader_next(&r, &v)) != LINE_END) {
            if (st == LINE_NO_MEMORY) {
                failures++;
                cr_assert_eq(failures, 1, "k=%llu: only the injected request fails",
                             (unsigned long long)k);
                continue; /* the reader is unchanged: call again */
            }
            cr_assert_eq(st, LINE_OK);
            cr_assert_lt(got, 6);
            cr_assert_eq(v.len, strlen(want[got]));
            cr_assert_eq(memcmp(v.data, want[got], v.len), 0, "k=%llu line %zu",
                         (unsigned long long)k, got);
            got++;
        }
        cr_assert_eq(got, 6);
        line_reader_destroy(&r);
        cr_assert_eq(c.stats.live_bytes, 0);
        succeeded_without_failure = c.stats.failed_calls == 0;
    }
}

Test(linereader, every_status_has_a_message)
{
    for (int s = LINE_OK; s <= LINE_BAD_ARGUMENT; s++)
        cr_assert_str_neq(line_status_message((line_status)s), "unknown status");
    cr_assert_str_eq(line_status_message((line_status)99), "unknown status");
    cr_assert_str_eq(line_status_message((line_status)-1), "unknown status");
}

/* The oracle agrees with the hand-written expectations above, so a replay
 * that passes means the reader agrees with both. */
Test(linereader_oracle, splits_like_the_rules_say)
{
    oracle_line out[8];
    const char in[] = "a\r\n\nb\rc\nlong line\nend\r";
    size_t n = oracle_split(in, sizeof in - 1, 5, out, 8);
    cr_assert_eq(n, 5);
    cr_assert_eq(out[0].len, 1);
    cr_assert_eq(out[1].len, 0);
    cr_assert_eq(out[2].len, 3);
    cr_assert_eq(out[3].status, LINE_TOO_LONG);
    cr_assert_eq(out[4].len, 4);
    cr_assert_eq(out[4].offset, sizeof in - 5);
    cr_assert_eq(oracle_split("", 0, 5, out, 8), 0);
}

Test(linereader_oracle, random_inputs_with_every_parameter)
{
    /* A deterministic sweep like the fuzzer's, so make test covers the
     * same ground even where clang is missing. */
    uint8_t data[ORACLE_HEADER + 200];
    uint64_t x = 0x1234567;
    for (int round = 0; round < 3000; round++) {
        size_t size = ORACLE_HEADER + (size_t)(round % 200);
        for (size_t i = 0; i < size; i++) {
            x = x * 6364136223846793005u + 1442695040888963407u;
            uint8_t b = (uint8_t)(x >> 56);
            /* Mostly text, with many line endings. */
            data[i] = i < ORACLE_HEADER ? b : "ab\n\r\n\0xyz"[b % 9];
        }
        const char *problem = oracle_check_encoded(data, size);
        cr_assert_null(problem, "round %d: %s", round, problem);
    }
}

/* Every input the fuzzer kept must still pass. */
Test(linereader_oracle, replays_the_kept_fuzz_cases)
{
    const char *dirs[] = {"tests/fuzz/cases", "tests/fuzz/corpus"};
    size_t replayed = 0;
    for (size_t d = 0; d < 2; d++) {
        DIR *dir = opendir(dirs[d]);
        cr_assert_not_null(dir, "%s: %s (run from the top directory: make test)", dirs[d],
                           strerror(errno));
        struct dirent *e;
        while ((e = readdir(dir)) != NULL) {
            size_t len = strlen(e->d_name);
            if (e->d_name[0] == '.' || (len > 3 && strcmp(e->d_name + len - 3, ".md") == 0))
                continue; /* the README says what the cases are */
            char path[512];
            snprintf(path, sizeof path, "%s/%s", dirs[d], e->d_name);
            FILE *f = fopen(path, "rb");
            cr_assert_not_null(f, "%s", path);
            static uint8_t buf[1 << 16];
            size_t n = fread(buf, 1, sizeof buf, f);
            fclose(f);
            const char *problem = oracle_check_encoded(buf, n);
            cr_assert_null(problem, "%s: %s", path, problem);
            replayed++;
        }
        closedir(dir);
    }
    cr_assert_gt(replayed, 0, "no kept cases found");
}
