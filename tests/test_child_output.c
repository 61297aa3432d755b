/* test_child_output.c - running a program and reading one of its descriptors. */
#include "harness/child_output.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A shell script in a temporary file, run as the program's one argument. */
static char script[64];

static void write_script(const char *body)
{
    strcpy(script, "/tmp/child_output.XXXXXX");
    int fd = mkstemp(script);
    cr_assert(fd >= 0);
    FILE *f = fdopen(fd, "w");
    cr_assert(f);
    fputs(body, f);
    cr_assert(fclose(f) == 0);
}

static void remove_script(void)
{
    if (script[0])
        unlink(script);
    script[0] = '\0';
}

TestSuite(child_output, .fini = remove_script);

Test(child_output, reads_stdout_and_returns_the_exit_status)
{
    char buf[32];
    cr_assert_eq(child_output("/bin/echo", "hello", 1, buf, sizeof buf, NULL, 0), 0);
    cr_assert_str_eq(buf, "hello\n");
}

Test(child_output, reads_the_report_descriptor)
{
    write_script("echo 42 >&3\n");
    char buf[32];
    cr_assert_eq(child_output("/bin/sh", script, 3, buf, sizeof buf, NULL, 0), 0);
    cr_assert_str_eq(buf, "42\n");
}

Test(child_output, fd_3_is_dev_null_when_another_descriptor_is_read)
{
    write_script("echo lost >&3 && echo fd3-open\n");
    char buf[32];
    cr_assert_eq(child_output("/bin/sh", script, 1, buf, sizeof buf, NULL, 0), 0);
    cr_assert_str_eq(buf, "fd3-open\n");
}

Test(child_output, a_failing_child_gives_its_status)
{
    write_script("echo partial; exit 3\n");
    char buf[32];
    cr_assert_eq(child_output("/bin/sh", script, 1, buf, sizeof buf, NULL, 0), 3);
    cr_assert_str_eq(buf, "partial\n");
}

Test(child_output, a_killed_child_gives_128_plus_the_signal)
{
    write_script("kill -9 $$\n");
    char buf[8];
    cr_assert_eq(child_output("/bin/sh", script, 1, buf, sizeof buf, NULL, 0), 128 + 9);
    cr_assert_str_eq(buf, "");
}

Test(child_output, output_longer_than_the_buffer_is_cut_and_terminated)
{
    char buf[4];
    cr_assert_eq(child_output("/bin/echo", "hello", 1, buf, sizeof buf, NULL, 0), 0);
    cr_assert_str_eq(buf, "hel");
}

Test(child_output, a_program_that_cannot_start_gives_127_and_says_why)
{
    char buf[8], why[128] = "";
    cr_assert_eq(child_output("/nonexistent/program", "x", 1, buf, sizeof buf, why,
                              sizeof why), 127);
    cr_assert(strstr(why, "cannot start /nonexistent/program") != NULL, "%s", why);
}

Test(child_output, bad_arguments_give_127)
{
    char buf[8], why[64] = "";
    cr_assert_eq(child_output(NULL, "x", 1, buf, sizeof buf, why, sizeof why), 127);
    cr_assert_str_eq(why, "bad arguments");
    cr_assert_eq(child_output("/bin/echo", "x", -1, buf, sizeof buf, NULL, 0), 127);
    cr_assert_eq(child_output("/bin/echo", "x", 1, buf, 0, NULL, 0), 127);
}
