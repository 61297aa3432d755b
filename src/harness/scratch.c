/* scratch.c - a temporary directory removed at exit and on the signals that end a program. */
#include "scratch.h"

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <unistd.h>

#ifndef TMPFS_MAGIC
#define TMPFS_MAGIC 0x01021994
#endif
#ifndef RAMFS_MAGIC
#define RAMFS_MAGIC 0x858458f6
#endif

/* Everything the signal handler reads lives in static arrays filled
 * before the handler is installed, so it never allocates. */
static char dir[512];
static char files[SCRATCH_MAX_FILES][640];
static volatile sig_atomic_t nfiles;
static volatile sig_atomic_t exists;
static bool atexit_done;

/* Ctrl-C, kill, a closed terminal; abort() (a failed check in Google
 * Benchmark, a sanitizer report: stream's files are a gigabyte and more);
 * a closed pipe, Ctrl-\, and a file size limit. */
static const int signals[] = {SIGINT, SIGTERM, SIGHUP, SIGABRT, SIGPIPE, SIGQUIT, SIGXFSZ};
#define NSIGNALS (sizeof signals / sizeof signals[0])
static struct sigaction previous[NSIGNALS];
static bool installed[NSIGNALS];

/* Async-signal-safe: unlink and rmdir only. */
static void remove_all(void)
{
    if (!exists)
        return;
    for (sig_atomic_t i = 0; i < nfiles; i++)
        unlink(files[i]);
    rmdir(dir);
    exists = 0;
}

static void restore_handlers(void)
{
    for (size_t i = 0; i < NSIGNALS; i++)
        if (installed[i]) {
            sigaction(signals[i], &previous[i], NULL);
            installed[i] = false;
        }
}

/* Removes the files, then dies of the same signal with the handler that
 * was there before, so the parent (a shell, make) sees the real cause. */
static void on_signal(int sig)
{
    remove_all();
    restore_handlers();
    raise(sig);
}

const char *scratch_create(const char *prefix)
{
    if (exists) {
        fprintf(stderr, "scratch: a scratch directory exists already: %s\n", dir);
        return NULL;
    }
    const char *tmp = getenv("TMPDIR");
    if (!tmp || !*tmp)
        tmp = "/tmp";
    int len = snprintf(dir, sizeof dir, "%s/%s.XXXXXX", tmp, prefix);
    if (len < 0 || (size_t)len >= sizeof dir) {
        fprintf(stderr, "scratch: the path under TMPDIR=%s is too long\n", tmp);
        return NULL;
    }
    if (!mkdtemp(dir)) {
        perror("scratch: cannot create a directory under TMPDIR");
        return NULL;
    }
    nfiles = 0;
    exists = 1;
    if (!atexit_done && atexit(scratch_remove) == 0)
        atexit_done = true;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NSIGNALS; i++)
        sigaddset(&sa.sa_mask, signals[i]); /* one handler run at a time */
    for (size_t i = 0; i < NSIGNALS; i++) {
        /* A signal the caller ignores (nohup's SIGHUP) stays ignored: a
         * handler would remove the files and then carry on without them. */
        if (sigaction(signals[i], NULL, &previous[i]) != 0 ||
            previous[i].sa_handler == SIG_IGN)
            continue;
        installed[i] = sigaction(signals[i], &sa, NULL) == 0;
    }
    return dir;
}

const char *scratch_dir(void)
{
    return exists ? dir : NULL;
}

const char *scratch_file(const char *name)
{
    if (!exists || !name || !*name || strchr(name, '/'))
        return NULL;
    char path[sizeof files[0]];
    int len = snprintf(path, sizeof path, "%s/%s", dir, name);
    if (len < 0 || (size_t)len >= sizeof path)
        return NULL;
    for (sig_atomic_t i = 0; i < nfiles; i++)
        if (strcmp(files[i], path) == 0)
            return files[i];
    if (nfiles >= SCRATCH_MAX_FILES)
        return NULL;
    memcpy(files[nfiles], path, (size_t)len + 1);
    /* The count goes up only once the name is complete: a signal
     * arriving in between must not see half a path. */
    nfiles = nfiles + 1;
    return files[nfiles - 1];
}

void scratch_remove(void)
{
    if (!exists)
        return;
    /* Signals blocked while removing, so the handler does not run the
     * same removal halfway through this one. */
    sigset_t block, old;
    sigemptyset(&block);
    for (size_t i = 0; i < NSIGNALS; i++)
        sigaddset(&block, signals[i]);
    sigprocmask(SIG_BLOCK, &block, &old);
    remove_all();
    restore_handlers();
    nfiles = 0;
    sigprocmask(SIG_SETMASK, &old, NULL);
}

size_t scratch_free_bytes(const char *path)
{
    struct statvfs s;
    if (statvfs(path, &s) != 0)
        return 0;
    return (size_t)s.f_bavail * (size_t)s.f_frsize;
}

bool scratch_in_memory(const char *path)
{
    struct statfs s;
    if (statfs(path, &s) != 0)
        return false;
    return s.f_type == TMPFS_MAGIC || s.f_type == RAMFS_MAGIC;
}
