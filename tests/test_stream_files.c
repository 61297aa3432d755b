/* test_stream_files.c - stream's generated files and --child runner: the
 * totals a file is written with are what a child reads back, and bad
 * specs, unknown methods, wrong totals and too-long lines are told apart. */
#include "harness/scratch.h"
#include "stream/child.h"
#include "stream/testfiles.h"

#include <criterion/criterion.h>
#include <stdio.h>

static test_file files[3];
static size_t made;

static void setup(void)
{
    cr_assert_not_null(scratch_create("test-stream"));
    files[0] = (test_file){.bytes = 64 << 10};
    files[1] = (test_file){.bytes = 128 << 10};
    files[2] = (test_file){.bytes = 256 << 10, .line_bytes = 80 << 10};
    made = 0;
    cr_assert(test_files_generate(files, 3, 11, &made));
}

static void teardown(void)
{
    scratch_remove();
}

TestSuite(stream_files, .init = setup, .fini = teardown);

Test(stream_files, generated_and_found_by_size_or_line_length)
{
    cr_assert_eq(made, 3);
    cr_assert_gt(files[0].totals.lines, 0);
    cr_assert_eq(test_file_for(files, made, false, 128 << 10), &files[1]);
    cr_assert_eq(test_file_for(files, made, true, 80 << 10), &files[2]);
    cr_assert_null(test_file_for(files, made, false, 256 << 10),
                   "the long-line file is not in the sweep");
    cr_assert_null(test_file_for(files, made, true, 64 << 10));
}

Test(stream_files, child_reads_back_the_totals)
{
    char spec[512];
    for (size_t i = 0; i < filescan_method_count; i++) {
        const filescan_method *m = filescan_methods[i];
        cr_assert_lt(stream_child_spec(spec, sizeof spec, m, &files[1], false), (int)sizeof spec);
        cr_assert_eq(stream_child_run(spec), 0, "%s", spec);
    }
}

Test(stream_files, child_tells_a_too_long_line_from_a_wrong_total)
{
    char spec[512];
    stream_child_spec(spec, sizeof spec, &filescan_chunks, &files[2], true);
    cr_assert_eq(stream_child_run(spec), 0, "too long, and allowed");
    stream_child_spec(spec, sizeof spec, &filescan_chunks, &files[2], false);
    cr_assert_eq(stream_child_run(spec), 1, "too long, not allowed");
    test_file wrong = files[0];
    wrong.totals.sum++;
    stream_child_spec(spec, sizeof spec, &filescan_reader, &wrong, false);
    cr_assert_eq(stream_child_run(spec), 1);
}

Test(stream_files, child_refuses_bad_specs)
{
    cr_assert_eq(stream_child_run("reader:1:2:0"), 2);
    cr_assert_eq(stream_child_run("reader:x:2:0:/tmp/f"), 2);
    cr_assert_eq(stream_child_run("telepathy:1:2:0:/tmp/f"), 2);
    cr_assert_eq(stream_child_run("reader:1:2:0:/nonexistent/file"), 1);
}

/* S5's child: "limit:<budget>:<spec>" sets the limit on itself, then
 * runs the spec; a budget it can afford changes nothing.  (A budget too
 * small for the method is the bench's to show: under ASan the sanitizer's
 * own mappings would hit the limit first.) */
Test(stream_files, child_runs_a_spec_under_a_limit)
{
    char spec[512], limited[600];
    stream_child_spec(spec, sizeof spec, &filescan_slurp, &files[1], false);
    snprintf(limited, sizeof limited, "limit:%zu:%s", (size_t)1 << 30, spec);
    cr_assert_eq(stream_child_run(limited), 0, "%s", limited);
    cr_assert_eq(stream_child_run("limit:x:reader:1:2:0:/tmp/f"), 2,
                 "a malformed budget is no limit: 'limit' is no method");
}

Test(stream_files, generation_fails_without_a_directory)
{
    scratch_remove();
    test_file one = {.bytes = 4096};
    size_t n = 0;
    cr_assert_not(test_files_generate(&one, 1, 1, &n));
    cr_assert_eq(n, 0);
}
