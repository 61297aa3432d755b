/* peak_rss.c - a child's own peak resident set, reported through a pipe. */
#include "peak_rss.h"

#include "machine.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* The child writes its figure to this descriptor; the parent sets it up. */
#define REPORT_FD 3

size_t peak_rss_self(void)
{
    return machine_proc_kib_field("/proc/self/status", "VmHWM");
}

void peak_rss_report_to_parent(void)
{
    if (fcntl(REPORT_FD, F_GETFD) < 0)
        return;
    char buf[32];
    int len = snprintf(buf, sizeof buf, "%zu\n", peak_rss_self());
    if (write(REPORT_FD, buf, (size_t)len) != len)
        return; /* the parent then reports that no figure arrived */
}

static int fail(int *exit_status, int status)
{
    if (exit_status)
        *exit_status = status;
    return -1;
}

int peak_rss_of_program(const char *program, const char *spec,
                        size_t *peak_bytes, int *exit_status)
{
    *peak_bytes = 0;
    char arg[256];
    int len = snprintf(arg, sizeof arg, "--child=%s", spec);
    if (len < 0 || (size_t)len >= sizeof arg)
        return fail(exit_status, 127);

    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return fail(exit_status, 127);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    /* dup2 clears close-on-exec on the copy, so only fd 3 stays open. */
    posix_spawn_file_actions_adddup2(&actions, fds[1], REPORT_FD);
    char *argv[] = {(char *)program, arg, NULL};
    pid_t pid;
    int err = posix_spawn(&pid, program, &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (err != 0) {
        fprintf(stderr, "peak_rss: cannot start %s: %s\n", program, strerror(err));
        close(fds[0]);
        return fail(exit_status, 127);
    }

    char report[64] = "";
    size_t got = 0;
    ssize_t n;
    while (got + 1 < sizeof report &&
           ((n = read(fds[0], report + got, sizeof report - 1 - got)) > 0 ||
            (n < 0 && errno == EINTR)))
        if (n > 0)
            got += (size_t)n;
    report[got] = '\0';
    close(fds[0]);

    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return fail(exit_status, 127);
    int code = WIFEXITED(status) ? WEXITSTATUS(status)
             : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 127;
    char *end;
    unsigned long long bytes = strtoull(report, &end, 10);
    if (code == 0 && (end == report || *end != '\n'))
        code = 127;
    if (exit_status)
        *exit_status = code;
    if (code != 0)
        return -1;
    *peak_bytes = (size_t)bytes;
    return 0;
}

int peak_rss_of_child(const char *spec, size_t *peak_bytes, int *exit_status)
{
    return peak_rss_of_program("/proc/self/exe", spec, peak_bytes, exit_status);
}
