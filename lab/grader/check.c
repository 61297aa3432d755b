/* check.c - runs a check in a child process with a time limit. */
#include "check.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

bool lab_fail(lab_why *why, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why->text, sizeof why->text, fmt, ap);
    va_end(ap);
    return false;
}

bool lab_note(lab_why *why, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(why->text, sizeof why->text, fmt, ap);
    va_end(ap);
    return true;
}

/* Reads what fd holds, up to size - 1 bytes, terminated. */
static size_t read_all(int fd, char *buf, size_t size)
{
    size_t got = 0;
    while (got + 1 < size) {
        ssize_t n = read(fd, buf + got, size - 1 - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    buf[got] = '\0';
    return got;
}

/* The line of the child's stderr that says what went wrong (a
 * sanitizer's "ERROR:" or "runtime error:" line, else the first line) and
 * the first stack frames after it ("    #0 0x... in f file.c:12"). */
static void crash_reason(FILE *err, lab_why *why, const char *prefix)
{
    char line[512], first[512] = "";
    int found = 0, frames = 0;
    size_t used = 0;
    why->frames[0] = '\0';
    rewind(err);
    while (fgets(line, sizeof line, err) && frames < 4) {
        line[strcspn(line, "\n")] = '\0';
        if (!found && (strstr(line, "ERROR:") || strstr(line, "runtime error:"))) {
            snprintf(first, sizeof first, "%s", line);
            found = 1;
        } else if (!first[0] && line[0]) {
            snprintf(first, sizeof first, "%s", line);
        } else if (found && strstr(line, "    #") == line) {
            int n = snprintf(why->frames + used, sizeof why->frames - used, "%s\n", line + 4);
            if (n < 0 || (size_t)n >= sizeof why->frames - used)
                break;
            used += (size_t)n;
            frames++;
        }
    }
    /* Cut to what fits after the prefix: the line is long, the text short. */
    snprintf(why->text, sizeof why->text, "%s%s%.180s", prefix, first[0] ? ": " : "",
             first);
}

/* In the child: run, report through the pipe, and leave without running
 * exit handlers (the parent's streams and LeakSanitizer's exit check
 * belong to the parent). */
static void child(const lab_check *c, int out)
{
    lab_why why = {{0}, {0}};
    alarm(LAB_CHECK_SECONDS);
    bool ok = c->run(&why);
    char msg[sizeof why.text + 2];
    int n = snprintf(msg, sizeof msg, "%c%s", ok ? 'P' : 'F', why.text);
    if (write(out, msg, (size_t)n) < 0)
        _exit(3);
    _exit(0);
}

lab_outcome lab_run_check(const lab_check *c, lab_why *why)
{
    why->text[0] = why->frames[0] = '\0';
    int fds[2];
    FILE *err = tmpfile();
    if (!err || pipe(fds) != 0) {
        if (err)
            fclose(err);
        lab_fail(why, "the grader could not start the check: %s", strerror(errno));
        return LAB_NOT_RUN;
    }
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        lab_fail(why, "the grader could not start the check: %s", strerror(errno));
        close(fds[0]);
        close(fds[1]);
        fclose(err);
        return LAB_NOT_RUN;
    }
    if (pid == 0) {
        close(fds[0]);
        dup2(fileno(err), STDERR_FILENO);
        child(c, fds[1]);
    }
    close(fds[1]);
    char msg[sizeof why->text + 2];
    size_t n = read_all(fds[0], msg, sizeof msg);
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    lab_outcome result;
    if (n > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        snprintf(why->text, sizeof why->text, "%.255s", msg + 1);
        result = msg[0] == 'P' ? LAB_PASSED : LAB_FAILED;
    } else if (WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM) {
        lab_fail(why, "still running after %d s: an endless loop?", LAB_CHECK_SECONDS);
        result = LAB_TIMED_OUT;
    } else {
        char prefix[64];
        if (WIFSIGNALED(status))
            snprintf(prefix, sizeof prefix, "crashed (%s)", strsignal(WTERMSIG(status)));
        else
            snprintf(prefix, sizeof prefix, "crashed (exit status %d)", WEXITSTATUS(status));
        crash_reason(err, why, prefix);
        result = LAB_CRASHED;
    }
    fclose(err);
    return result;
}
