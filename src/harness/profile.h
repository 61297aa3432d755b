/*
 * profile.h - the measured machine profile (machine.json), as benches and
 * the report use it: cache levels, line, bandwidth and fault cost.
 *
 * build/bin/calibrate measures this machine in a few seconds and writes
 * machine.json into a run (docs/machine-profile.md).  A program loads it
 * from the path in MEMLAYOUT_PROFILE and asks which level a working set
 * falls in by the MEASURED sizes: what the system reports (sysfs, CPUID)
 * may be the host's cache or nothing at all, and is never used to decide.
 * Without a profile the fallback below is used, and says so in 'source'.
 */
#ifndef PROFILE_H
#define PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#define PROFILE_MAX_LEVELS 4

/* The environment variables: the profile's path, and the switch that makes
 * the suite ignore reported sizes ("1" turns it on). */
#define PROFILE_ENV "MEMLAYOUT_PROFILE"
#define PROFILE_IGNORE_ENV "MEMLAYOUT_IGNORE_REPORTED"

/* The figure written as "format" in machine.json; a loader refuses others. */
#define PROFILE_FORMAT "memlayout-machine-profile-1"

/* Points of the read bandwidth curve a profile keeps (calibrate measures
 * regions of 1 MiB, 2 MiB, .. up to its buffer: 8 by default). */
#define PROFILE_MAX_BW_POINTS 16

/* A larger measured.line_bytes is refused as no cache line's size. */
#define PROFILE_MAX_LINE_BYTES ((size_t)1 << 20)

typedef struct profile_level {
    size_t bytes;   /* effective capacity: the working set where the chase
                       latency has risen a quarter of the way to the next level */
    double ns;      /* latency of a dependent load served by it; NAN unknown */
} profile_level;

typedef struct machine_profile {
    bool measured;                   /* false: the fallback figures */
    char source[512];                /* the file read, or why the fallback */
    size_t nlevels;                  /* cache levels, 0..PROFILE_MAX_LEVELS */
    profile_level level[PROFILE_MAX_LEVELS];
    double memory_ns;                /* past the last level; NAN unknown */
    size_t line_bytes;               /* the transfer unit */
    bool line_measured;              /* line_bytes is the file's, not 64 assumed */
    double read_bytes_per_s;         /* sequential, one thread; NAN unknown */
    /* Sequential read bandwidth over regions of growing size, ascending
     * (measured.bandwidth_curve); nbw 0 when the file has none or one
     * that is not a curve. */
    size_t nbw;
    struct { double bytes, bytes_per_s; } bw[PROFILE_MAX_BW_POINTS];
    double fault_us;                 /* first touch of a base page; NAN unknown */
    double host_check_ns;            /* the host speed check at calibration
                                        (host_speed.h); NAN unknown */
    size_t host_gate_gave_up;        /* calibration repeats run beside another
                                        thread once its wait was spent */
    /* A calibration that ran slowed and was measured again after the
     * programs (calibrate --again; machine.json "first_calibration"):
     * its check and gave-up repeats.  NAN and 0 when this is the run's
     * only calibration. */
    double first_check_ns;
    size_t first_gate_gave_up;
} machine_profile;

/*
 * The fallback when no profile was measured: L1 32 KiB, L2 512 KiB, L3
 * 8 MiB and 64-byte lines, smaller than most machines of the last decade
 * have (so "past L3" errs towards memory), every time and rate unknown
 * (NAN).  'why' goes into source, followed by what was assumed.
 */
void profile_fallback(machine_profile *out, const char *why);

/*
 * Loads a machine.json.  False (out holding the fallback, with the
 * reason in source) when the file cannot be read, is not JSON, has
 * another format, or has levels that are not ascending positive sizes.
 */
bool profile_load(const char *path, machine_profile *out);

/* The same without the fallback, for a tool that must refuse a bad file:
 * false with the reason (naming the path) in why, out untouched. */
bool profile_read(const char *path, machine_profile *out, char *why, size_t size);

/* The same from the path in MEMLAYOUT_PROFILE; unset or empty gives the
 * fallback ("MEMLAYOUT_PROFILE is not set: ..."). */
bool profile_from_env(machine_profile *out);

/* The level a working set of 'bytes' falls in: 0 for L1 (bytes <= L1's
 * size), 1 for L2, .., nlevels for memory. */
size_t profile_level_of(const machine_profile *p, size_t bytes);

/* The sequential read bandwidth over a region of 'bytes', in bytes per
 * second: the curve interpolated between its points on a log scale of
 * sizes, its first point below them and its last above; NAN without a
 * curve. */
double profile_read_bw_at(const machine_profile *p, double bytes);

/* "L1", "L2", "L3", "L4" or "memory" for a level of profile_level_of(). */
const char *profile_level_name(const machine_profile *p, size_t level);

/* True when MEMLAYOUT_IGNORE_REPORTED is "1": sysfs and CPUID sizes are
 * then not read at all (calibrate --ignore-reported does the same). */
bool profile_ignore_reported(void);

#endif /* PROFILE_H */
