/* test_filescan.c - the five reading methods agree on every file, keep
 * the memory they are meant to keep, report a too-long line or a missing
 * file, and leak nothing when an allocation fails. */
#include "alloc/counting.h"
#include "stream/filescan.h"
#include "stream/records.h"
#include "harness/scratch.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
    cr_assert_not_null(scratch_create("test_filescan"));
}

static void teardown(void)
{
    scratch_remove();
}

TestSuite(filescan, .init = setup, .fini = teardown);

static const char *write_file(const char *name, const char *data, size_t len)
{
    const char *path = scratch_file(name);
    cr_assert_not_null(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    cr_assert_geq(fd, 0);
    cr_assert_eq(write(fd, data, len), (ssize_t)len);
    close(fd);
    return path;
}

static const char *generated_file(const char *name, uint64_t bytes, records_totals *t)
{
    const char *path = scratch_file(name);
    cr_assert_not_null(path);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    cr_assert_geq(fd, 0);
    cr_assert_eq(records_generate(fd, bytes, 99, t), 0);
    close(fd);
    return path;
}

static void expect_all_methods(const char *path, records_totals want)
{
    for (size_t m = 0; m < filescan_method_count; m++) {
        const filescan_method *method = filescan_methods[m];
        records_totals t = {0, 0};
        filescan_status s = filescan_run(method, path, &c.base, &t);
        cr_assert_eq(s, FILESCAN_OK, "%s: %s", method->name, filescan_status_message(s));
        cr_assert_eq(t.lines, want.lines, "%s: %llu lines, expected %llu", method->name,
                     (unsigned long long)t.lines, (unsigned long long)want.lines);
        cr_assert_eq(t.sum, want.sum, "%s: sum", method->name);
        cr_assert_eq(c.stats.live_bytes, 0, "%s leaks", method->name);
    }
}

Test(filescan, every_method_agrees_on_a_generated_file)
{
    records_totals want;
    /* Past a few 64 KiB chunks, not a multiple of anything. */
    const char *path = generated_file("gen.csv", 300007, &want);
    expect_all_methods(path, want);
}

Test(filescan, every_method_handles_small_and_odd_files)
{
    expect_all_methods(write_file("empty", "", 0), (records_totals){0, 0});
    expect_all_methods(write_file("one", "0,5,x", 5), (records_totals){1, 5});
    expect_all_methods(write_file("nl", "\n", 1), (records_totals){1, 0});
    expect_all_methods(write_file("crlf", "0,5,x\r\n1,6\r\n", 12), (records_totals){2, 11});
    expect_all_methods(write_file("nul", "0,5\0,x\n\0\n", 9), (records_totals){2, 5});
}

Test(filescan, memory_each_method_asks_for)
{
    records_totals want, t;
    const char *path = generated_file("mem.csv", 200000, &want);
    struct {
        const filescan_method *m;
        size_t peak;
    } expected[] = {
        {&filescan_slurp, 200000},         /* the whole file */
        {&filescan_chunks, FILESCAN_CHUNK}, /* one chunk */
        {&filescan_reader, FILESCAN_CHUNK}, /* its first buffer; no line is longer */
        {&filescan_getline, 0},             /* malloc inside the C library */
        {&filescan_mmap, 0},                /* the kernel's mapping */
    };
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        counting_init(&c, alloc_libc());
        t = (records_totals){0, 0};
        cr_assert_eq(filescan_run(expected[i].m, path, &c.base, &t), FILESCAN_OK);
        cr_assert_eq(c.stats.peak_live_bytes, expected[i].peak, "%s: peak %zu",
                     expected[i].m->name, c.stats.peak_live_bytes);
    }
}

Test(filescan, a_line_longer_than_a_chunk)
{
    size_t len = FILESCAN_CHUNK + 100;
    char *data = malloc(len + 16);
    cr_assert_not_null(data);
    memcpy(data, "0,3,", 4);
    memset(data + 4, 'z', len - 4);
    memcpy(data + len, "\n1,4\n", 5);
    const char *path = write_file("long", data, len + 5);
    free(data);

    records_totals t = {0, 0};
    cr_assert_eq(filescan_run(&filescan_chunks, path, &c.base, &t), FILESCAN_LINE_TOO_LONG,
                 "a fixed chunk cannot hold the line: an error, not a cut line");
    cr_assert_eq(c.stats.live_bytes, 0);
    const filescan_method *growing[] = {&filescan_slurp, &filescan_reader,
                                        &filescan_getline, &filescan_mmap};
    for (size_t i = 0; i < 4; i++) {
        t = (records_totals){0, 0};
        cr_assert_eq(filescan_run(growing[i], path, &c.base, &t), FILESCAN_OK, "%s",
                     growing[i]->name);
        cr_assert_eq(t.lines, 2, "%s", growing[i]->name);
        cr_assert_eq(t.sum, 7, "%s", growing[i]->name);
    }
}

Test(filescan, the_reader_refuses_a_line_past_its_limit)
{
    size_t len = FILESCAN_MAX_LINE + 1;
    char *data = malloc(len + 1);
    cr_assert_not_null(data);
    memset(data, 'q', len);
    data[len] = '\n';
    const char *path = write_file("huge", data, len + 1);
    free(data);
    records_totals t = {0, 0};
    cr_assert_eq(filescan_run(&filescan_reader, path, &c.base, &t), FILESCAN_LINE_TOO_LONG);
    cr_assert_eq(c.stats.live_bytes, 0);
    cr_assert_leq(c.stats.peak_live_bytes, 2 * (FILESCAN_MAX_LINE + 2),
                  "held %zu bytes", c.stats.peak_live_bytes);
}

Test(filescan, a_missing_file_is_an_io_error)
{
    for (size_t m = 0; m < filescan_method_count; m++) {
        records_totals t = {0, 0};
        errno = 0;
        cr_assert_eq(filescan_run(filescan_methods[m], "/nonexistent/file", &c.base, &t),
                     FILESCAN_IO_ERROR, "%s", filescan_methods[m]->name);
        cr_assert_eq(errno, ENOENT, "%s", filescan_methods[m]->name);
    }
}

Test(filescan, every_allocation_failure_is_reported_without_a_leak)
{
    records_totals want;
    const char *path = generated_file("fail.csv", 100000, &want);
    const filescan_method *allocating[] = {&filescan_slurp, &filescan_chunks,
                                           &filescan_reader};
    for (size_t i = 0; i < 3; i++) {
        for (uint64_t k = 1;; k++) {
            cr_assert_lt(k, 50, "%s never succeeds", allocating[i]->name);
            counting_init(&c, alloc_libc());
            counting_fail_at(&c, k);
            records_totals t = {0, 0};
            filescan_status s = filescan_run(allocating[i], path, &c.base, &t);
            cr_assert_eq(c.stats.live_bytes, 0, "%s, k=%llu", allocating[i]->name,
                         (unsigned long long)k);
            if (c.stats.failed_calls == 0) {
                cr_assert_eq(s, FILESCAN_OK);
                cr_assert_eq(t.sum, want.sum);
                break;
            }
            cr_assert_eq(s, FILESCAN_NO_MEMORY, "%s, k=%llu: %s", allocating[i]->name,
                         (unsigned long long)k, filescan_status_message(s));
        }
    }
}

/* The lowest descriptor open() would hand out now. */
static int next_fd(void)
{
    int fd = open("/dev/null", O_RDONLY | O_CLOEXEC);
    cr_assert_geq(fd, 0);
    close(fd);
    return fd;
}

/* filescan_run opens and closes the file for every method, also when the
 * scan fails (here: the first allocation refused), so a run leaks no
 * descriptor. */
Test(filescan, every_run_closes_its_file)
{
    records_totals want;
    const char *path = generated_file("fds.csv", 70000, &want);
    int before = next_fd();
    for (size_t m = 0; m < filescan_method_count; m++) {
        records_totals t = {0, 0};
        cr_assert_eq(filescan_run(filescan_methods[m], path, &c.base, &t), FILESCAN_OK);
        cr_assert_eq(next_fd(), before, "%s left a file open", filescan_methods[m]->name);
        counting_init(&c, alloc_libc());
        counting_fail_at(&c, 1);
        t = (records_totals){0, 0};
        filescan_run(filescan_methods[m], path, &c.base, &t);
        cr_assert_eq(next_fd(), before, "%s, failing, left a file open",
                     filescan_methods[m]->name);
        counting_init(&c, alloc_libc());
    }
}

Test(filescan, finds_methods_by_name)
{
    cr_assert_eq(filescan_method_count, 5);
    for (size_t m = 0; m < filescan_method_count; m++)
        cr_assert_eq(filescan_find(filescan_methods[m]->name), filescan_methods[m]);
    cr_assert_null(filescan_find("nope"));
    cr_assert_str_eq(filescan_status_message(FILESCAN_LINE_TOO_LONG),
                     "a line is longer than the method's limit");
}

Test(filescan, every_status_has_a_message)
{
    for (int s = FILESCAN_OK; s <= FILESCAN_LINE_TOO_LONG; s++)
        cr_assert_str_neq(filescan_status_message((filescan_status)s), "unknown status");
    cr_assert_str_eq(filescan_status_message((filescan_status)99), "unknown status");
    cr_assert_str_eq(filescan_status_message((filescan_status)-1), "unknown status");
}
