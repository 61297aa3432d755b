/*
 * machine.h - the facts about this machine a benchmark needs before it runs.
 *
 * Cache sizes as the system reports them (sysfs, as lscpu shows them).  On
 * a virtual machine these can be the host's, not what this guest gets:
 * they mark plots and place extra sweep points, and are never trusted as
 * measurements.
 */
#ifndef MACHINE_H
#define MACHINE_H

#include <stddef.h>

typedef struct machine_caches {
    size_t l1d, l2, l3; /* bytes per instance; 0 when not reported */
} machine_caches;

/* All 0 when MEMLAYOUT_IGNORE_REPORTED=1 (profile_ignore_reported()). */
machine_caches machine_cache_sizes(void);

/* The first "<key>: <n> kB" line of a /proc file such as /proc/meminfo or
 * /proc/self/status, in bytes; 0 when the file or the key is missing. */
size_t machine_proc_kib_field(const char *path, const char *key);

/* MemAvailable from /proc/meminfo, in bytes; 0 when unreadable. */
size_t machine_mem_available(void);

size_t machine_page_size(void);

/* The L1 data cache line size the system reports (sysfs
 * coherency_line_size); 64 when it reports none or MEMLAYOUT_IGNORE_REPORTED=1. */
size_t machine_line_size(void);

#endif /* MACHINE_H */
