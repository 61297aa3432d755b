/* child_output.c - run a program and read one of its descriptors. */
#include "child_output.h"

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

int child_output(const char *program, const char *arg, int child_fd,
                 char *buf, size_t bufsize, char *why, size_t whysize)
{
    if (bufsize > 0)
        buf[0] = '\0';
    if (!program || !arg || child_fd < 0 || bufsize == 0) {
        if (why)
            snprintf(why, whysize, "bad arguments");
        return 127;
    }
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) {
        if (why)
            snprintf(why, whysize, "pipe: %s", strerror(errno));
        return 127;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    /* dup2 clears close-on-exec on the copy, so only that one stays open. */
    posix_spawn_file_actions_adddup2(&actions, fds[1], child_fd);
    if (child_fd != 3)
        posix_spawn_file_actions_addopen(&actions, 3, "/dev/null", O_WRONLY, 0);
    char *argv[] = {(char *)program, (char *)arg, NULL};
    pid_t pid;
    int err = posix_spawn(&pid, program, &actions, NULL, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (err != 0) {
        if (why)
            snprintf(why, whysize, "cannot start %s: %s", program, strerror(err));
        close(fds[0]);
        return 127;
    }
    size_t got = 0;
    ssize_t n;
    while (got + 1 < bufsize &&
           ((n = read(fds[0], buf + got, bufsize - 1 - got)) > 0 ||
            (n < 0 && errno == EINTR)))
        if (n > 0)
            got += (size_t)n;
    buf[got] = '\0';
    close(fds[0]);
    int status;
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) {
            if (why)
                snprintf(why, whysize, "waitpid: %s", strerror(errno));
            return 127;
        }
    return WIFEXITED(status) ? WEXITSTATUS(status)
         : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : 127;
}
