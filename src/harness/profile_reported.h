/*
 * profile_reported.h - the cache sizes the system reports, from every
 * source there is, each with the reason when it reports nothing.
 *
 *   sysfs    /sys/devices/system/cpu/cpu0/cache/index<N>/{level,type,size,
 *            coherency_line_size}: what lscpu shows (absent in some
 *            containers and virtual machines)
 *   CPUID    leaf 4 (Intel), leaf 0x8000001D (AMD with topology
 *            extensions), else AMD's older leaves 0x80000005 (L1d) and
 *            0x80000006 (L2, L3): what the hypervisor chose to pass on,
 *            often the host's whole L3
 *   getconf  sysconf(_SC_LEVEL1_DCACHE_SIZE, ...): glibc's reading of CPUID
 *
 * These are never measurements: calibrate writes them beside what it
 * measured (profile_write.h), and nothing in the suite decides with them.
 */
#ifndef PROFILE_REPORTED_H
#define PROFILE_REPORTED_H

#include <stdbool.h>
#include <stddef.h>

#define REPORTED_LEVELS 4

typedef struct reported_source {
    const char *name;               /* "sysfs", "CPUID", "getconf" */
    bool available;                 /* reports at least one data cache */
    char detail[160];               /* where it came from, or why nothing */
    size_t bytes[REPORTED_LEVELS];  /* data or unified cache of level k + 1; 0 = none */
    size_t line_bytes;              /* 0 = not reported */
} reported_source;

typedef struct profile_reported {
    bool ignored;                   /* the switch was on: nothing was read */
    reported_source sysfs, cpuid, getconf;
} profile_reported;

/* The sysfs default directory. */
#define REPORTED_SYSFS_DIR "/sys/devices/system/cpu/cpu0/cache"

/* Reads a sysfs cache directory laid out as REPORTED_SYSFS_DIR (tests pass
 * their own). */
reported_source reported_sysfs(const char *dir);

/* One CPUID query: regs = {eax, ebx, ecx, edx}; false when the leaf is
 * beyond what the CPU offers.  Tests pass a table of their own. */
typedef bool (*cpuid_query)(unsigned leaf, unsigned subleaf, unsigned regs[4], void *ctx);

/* Decodes the cache leaves through 'query'; the real CPU's with
 * reported_cpuid(). */
reported_source reported_cpuid_with(cpuid_query query, void *ctx);
reported_source reported_cpuid(void);

reported_source reported_getconf(void);

/* All three, or none with ignored set when 'ignore' is true. */
profile_reported reported_read(bool ignore);

/* The first source that reports level k + 1 (k < REPORTED_LEVELS), or
 * NULL; *bytes gets its size. */
const reported_source *reported_level(const profile_reported *r, size_t k, size_t *bytes);

/* The first source that reports a line size, or NULL. */
const reported_source *reported_line(const profile_reported *r, size_t *bytes);

#endif /* PROFILE_REPORTED_H */
