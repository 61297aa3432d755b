/*
 * scratch.h - a temporary directory for generated files, removed whatever
 * way the program ends: return from main, exit(), an error path, or
 * SIGINT, SIGTERM, SIGHUP (Ctrl-C, kill, a closed terminal), SIGABRT
 * (abort(): a failed check inside a library), SIGPIPE, SIGQUIT, SIGXFSZ.
 * Only SIGKILL, a crash (SIGSEGV) and a power cut leave it behind, under
 * $TMPDIR with a name starting with the program's.
 *
 * One scratch directory per process; its files are created by the caller
 * at paths from scratch_file(), which remembers them so that a signal
 * handler can delete them without allocating (the handler may only call
 * async-signal-safe functions: unlink, rmdir, sigaction, raise).
 */
#ifndef SCRATCH_H
#define SCRATCH_H

#include <stdbool.h>
#include <stddef.h>

/* Most files one scratch directory may hold. */
#define SCRATCH_MAX_FILES 32

/*
 * Creates $TMPDIR/<prefix>.XXXXXX (TMPDIR unset or empty: /tmp) and
 * installs the removal at exit and on the signals above.  Returns its
 * path (owned by this module), or NULL with a message on stderr when it
 * cannot be created, the path would be too long, or one already exists.
 */
const char *scratch_create(const char *prefix);

/* The directory, or NULL when none exists. */
const char *scratch_dir(void);

/*
 * Registers <dir>/<name> for removal and returns its full path (owned by
 * this module, valid until scratch_remove).  Returns NULL when there is no
 * directory, the name contains '/', is empty or too long, or
 * SCRATCH_MAX_FILES names are registered already.  Registering a name
 * twice returns the same path.  The file itself is the caller's to create.
 */
const char *scratch_file(const char *name);

/* Deletes the registered files that exist, then the directory, and
 * restores the signal handlers that were there before.  Safe to call when
 * nothing exists, and twice. */
void scratch_remove(void);

/* Bytes an unprivileged user may still write on the file system holding
 * 'path' (statvfs f_bavail); 0 when unknown. */
size_t scratch_free_bytes(const char *path);

/* True when 'path' lives on tmpfs or ramfs: its files are in memory, so
 * they use RAM and there is no disk to read them from. */
bool scratch_in_memory(const char *path);

#endif /* SCRATCH_H */
