/* test_scratch.c - the scratch directory goes away on scratch_remove, at
 * exit, on SIGTERM/SIGINT and on abort(), keeps an ignored signal ignored,
 * and refuses bad file names. */
#include "harness/scratch.h"

#include <criterion/criterion.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* Each test gets its own TMPDIR, so leftovers are easy to see. */
static char tmpdir[] = "/tmp/test_scratch.XXXXXX";

static void setup(void)
{
    cr_assert_not_null(mkdtemp(tmpdir));
    setenv("TMPDIR", tmpdir, 1);
}

static void teardown(void)
{
    scratch_remove();
    cr_assert_eq(rmdir(tmpdir), 0, "TMPDIR not empty: something was left behind");
}

TestSuite(scratch, .init = setup, .fini = teardown);

/* LeakSanitizer's hook, read at exit: off only in the children forked
 * below, which exit() on purpose (to run atexit) from a copy of a
 * threaded process, where the leak check would only warn about threads it
 * cannot stop.  The rest of the test binary keeps its leak checks. */
static volatile int in_forked_child;
int __lsan_is_turned_off(void);
int __lsan_is_turned_off(void)
{
    return in_forked_child;
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

static void touch(const char *path)
{
    int fd = open(path, O_WRONLY | O_CREAT, 0600);
    cr_assert_geq(fd, 0, "%s", path);
    cr_assert_eq(write(fd, "x\n", 2), 2);
    close(fd);
}

Test(scratch, creates_under_tmpdir_and_removes_files_and_directory)
{
    cr_assert_null(scratch_dir());
    const char *dir = scratch_create("unit");
    cr_assert_not_null(dir);
    cr_assert_eq(strncmp(dir, tmpdir, strlen(tmpdir)), 0, "%s is not under TMPDIR", dir);
    cr_assert_str_eq(scratch_dir(), dir);
    char saved[512];
    snprintf(saved, sizeof saved, "%s", dir);
    const char *a = scratch_file("a.csv");
    const char *b = scratch_file("b.csv");
    cr_assert_not_null(a);
    cr_assert_not_null(b);
    touch(a);
    touch(b);
    cr_assert_eq(scratch_file("a.csv"), a, "the same name twice is one file");
    scratch_file("never-created"); /* a registered name need not exist */
    scratch_remove();
    cr_assert_not(exists(saved));
    cr_assert_null(scratch_dir());
    scratch_remove(); /* twice is harmless */
}

Test(scratch, refuses_bad_names_a_second_directory_and_too_many_files)
{
    cr_assert_null(scratch_file("x"), "no directory yet");
    cr_assert_not_null(scratch_create("unit"));
    cr_assert_null(scratch_create("unit"), "one directory per process");
    cr_assert_null(scratch_file(""));
    cr_assert_null(scratch_file(NULL));
    cr_assert_null(scratch_file("a/b"));
    char longname[1000];
    memset(longname, 'n', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    cr_assert_null(scratch_file(longname));
    for (int i = 0; i < SCRATCH_MAX_FILES; i++) {
        char name[16];
        snprintf(name, sizeof name, "f%d", i);
        cr_assert_not_null(scratch_file(name));
    }
    cr_assert_null(scratch_file("one-too-many"));
}

/* Runs 'body' in a child that sends its scratch directory's path up a
 * pipe; returns the child's pid and stores the path. */
static pid_t child_with_scratch(void (*body)(void), char *path, size_t size)
{
    int fds[2];
    cr_assert_eq(pipe(fds), 0);
    pid_t pid = fork();
    cr_assert_geq(pid, 0);
    if (pid == 0) {
        in_forked_child = 1;
        close(fds[0]);
        /* A shell starts background jobs with SIGINT and SIGQUIT ignored,
         * and scratch leaves an ignored signal ignored: the tests below
         * would then wait for ever on a child the signal cannot end. */
        signal(SIGINT, SIG_DFL);
        signal(SIGQUIT, SIG_DFL);
        signal(SIGTERM, SIG_DFL);
        const char *dir = scratch_create("child");
        if (!dir)
            _exit(3);
        touch(scratch_file("data.csv"));
        if (write(fds[1], dir, strlen(dir) + 1) < 0)
            _exit(4);
        close(fds[1]);
        body();
        _exit(5); /* body should not return */
    }
    close(fds[1]);
    ssize_t n = read(fds[0], path, size);
    close(fds[0]);
    cr_assert_gt(n, 0, "the child did not create its directory");
    return pid;
}

static void exit_normally(void)
{
    exit(0); /* runs atexit handlers, unlike _exit */
}

static void wait_for_a_signal(void)
{
    for (;;)
        pause();
}

Test(scratch, removed_when_the_program_exits)
{
    char path[512];
    pid_t pid = child_with_scratch(exit_normally, path, sizeof path);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0, "status %d", status);
    cr_assert_not(exists(path), "%s survived exit", path);
}

Test(scratch, removed_on_sigterm_and_sigint_and_the_signal_still_kills, .timeout = 60)
{
    int sigs[] = {SIGTERM, SIGINT};
    for (int i = 0; i < 2; i++) {
        char path[512];
        pid_t pid = child_with_scratch(wait_for_a_signal, path, sizeof path);
        cr_assert(exists(path));
        cr_assert_eq(kill(pid, sigs[i]), 0);
        int status;
        cr_assert_eq(waitpid(pid, &status, 0), pid);
        cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == sigs[i],
                  "the child should die of signal %d (status %d)", sigs[i], status);
        cr_assert_not(exists(path), "%s survived signal %d", path, sigs[i]);
    }
}

static void call_abort(void)
{
    abort(); /* as Google Benchmark does on --benchmark_repetitions=-1 */
}

Test(scratch, removed_on_abort_and_the_abort_still_kills, .timeout = 60)
{
    char path[512];
    pid_t pid = child_with_scratch(call_abort, path, sizeof path);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGABRT,
              "the child should die of SIGABRT (status %d)", status);
    cr_assert_not(exists(path), "%s survived abort()", path);
}

Test(scratch, removed_on_sigpipe_sigquit_sigxfsz, .timeout = 60)
{
    int sigs[] = {SIGPIPE, SIGQUIT, SIGXFSZ};
    for (int i = 0; i < 3; i++) {
        char path[512];
        /* Default action in the child, whatever the test runner set: an
         * ignored signal stays ignored (test below). */
        void (*before)(int) = signal(sigs[i], SIG_DFL);
        pid_t pid = child_with_scratch(wait_for_a_signal, path, sizeof path);
        signal(sigs[i], before);
        cr_assert_eq(kill(pid, sigs[i]), 0);
        int status;
        cr_assert_eq(waitpid(pid, &status, 0), pid);
        cr_assert(WIFSIGNALED(status) && WTERMSIG(status) == sigs[i],
                  "the child should die of signal %d (status %d)", sigs[i], status);
        cr_assert_not(exists(path), "%s survived signal %d", path, sigs[i]);
    }
}

static void raise_hup_then_exit(void)
{
    raise(SIGHUP); /* ignored: the program carries on with its files */
    if (!exists(scratch_file("data.csv")))
        _exit(6);
    exit(0);
}

Test(scratch, an_ignored_signal_stays_ignored)
{
    signal(SIGHUP, SIG_IGN); /* inherited by the child, as under nohup */
    char path[512];
    pid_t pid = child_with_scratch(raise_hup_then_exit, path, sizeof path);
    int status;
    cr_assert_eq(waitpid(pid, &status, 0), pid);
    cr_assert(WIFEXITED(status), "status %d", status);
    cr_assert_eq(WEXITSTATUS(status), 0, "the ignored SIGHUP removed the files");
    cr_assert_not(exists(path));
    signal(SIGHUP, SIG_DFL);
}

Test(scratch, free_space_and_memory_file_systems)
{
    cr_assert_gt(scratch_free_bytes(tmpdir), 0);
    cr_assert_eq(scratch_free_bytes("/nonexistent/dir"), 0);
    cr_assert_not(scratch_in_memory("/nonexistent/dir"));
    cr_assert_not(scratch_in_memory("/proc/self"), "procfs is not tmpfs");
    /* Where /proc/mounts lists a tmpfs, it must be seen as memory. */
    FILE *m = fopen("/proc/mounts", "r");
    cr_assert_not_null(m);
    char line[1024], dir[512], type[64];
    while (fgets(line, sizeof line, m))
        if (sscanf(line, "%*s %511s %63s", dir, type) == 2 && strcmp(type, "tmpfs") == 0)
            cr_assert(scratch_in_memory(dir), "%s is tmpfs", dir);
    fclose(m);
}
