/*
 * run_conditions.h - what else on this machine may move a timing: CPU
 * model, frequency governor and load average when a run starts, and the
 * CPU time other programs took while it ran.
 *
 * Each figure goes into the results' context so that a reader can tell a
 * noisy run from a real effect (docs/quality.md).  Every reader returns a
 * printable string and never fails: a file the system does not provide
 * (no cpufreq on most virtual machines) gives "unreadable", so the field
 * is always present.
 */
#ifndef RUN_CONDITIONS_H
#define RUN_CONDITIONS_H

#include <stdbool.h>
#include <stddef.h>

/* The first line of 'path' without its newline into buf, or "unreadable".
 * Returns buf.  Exposed for the tests; the others use it. */
const char *run_conditions_first_line(const char *path, char *buf, size_t size);

/* "model name" of the first CPU in /proc/cpuinfo, or "unreadable". */
const char *run_conditions_cpu_model(char *buf, size_t size);

/* cpu0's cpufreq scaling governor ("performance", "powersave", ...), or
 * "unreadable" (a virtual machine usually exposes none). */
const char *run_conditions_governor(char *buf, size_t size);

/* The 1, 5 and 15 minute load averages, "0.52 0.31 0.20", or "unreadable".
 * For the record only: the 1-minute figure lags by a minute, so it still
 * counts the suite's own previous program (run_conditions_others_since()
 * is the load check). */
const char *run_conditions_loadavg(char *buf, size_t size);

/*
 * The load check.  /proc/stat counts the time every CPU spent busy since
 * boot; /proc/self/stat counts this process's own (all its threads, and
 * the children it has waited for).  Over a run, busy time minus our own
 * is what other programs took (host steal time included: a vCPU the host
 * gave to another guest is as lost).  Unlike the load average, it does
 * not lag and does not count the suite's previous program once it has
 * exited.  Times are in clock ticks (USER_HZ).
 */
typedef struct run_cpu_sample {
    bool ok;                        /* both files were read and parsed */
    unsigned long long busy, total; /* all CPUs: busy ticks, all ticks */
    unsigned long long own;         /* utime + stime + cutime + cstime */
    unsigned cpus;                  /* "cpuN" lines in /proc/stat */
} run_cpu_sample;

/* Parses the text of /proc/stat and of /proc/<pid>/stat (for tests).
 * False (out->ok false) when either is not in the kernel's format. */
bool run_conditions_parse_sample(const char *proc_stat, const char *self_stat,
                                 run_cpu_sample *out);

/* Reads both files now; .ok is false when they cannot be read. */
run_cpu_sample run_conditions_sample(void);

typedef struct run_others {
    bool known;      /* both samples were read */
    double share;    /* others' busy time over all CPUs' time, 0..1 */
    double cpus;     /* the same in CPUs kept busy on average */
    unsigned ncpus;
    double seconds;  /* between the samples */
} run_others;

/* Other programs' use of the CPUs between two samples. */
run_others run_conditions_others(const run_cpu_sample *start, const run_cpu_sample *end,
                                 double ticks_per_second);

/* Others' share of the CPUs from which a run gets a warning: 10%, a fifth
 * of a CPU on two.  A quiet machine (daemons, a shell) stays near 1%. */
#define RUN_OTHERS_WARN_SHARE 0.10

/* True when others used at least RUN_OTHERS_WARN_SHARE of the CPUs. */
bool run_conditions_busy(const run_others *o);

/* "others 3% of 2 CPUs (0.06 CPU) over 12.5 s", or "unreadable". */
const char *run_conditions_others_text(const run_others *o, char *buf, size_t size);

/* Samples now and writes run_conditions_others_text() since 'start'
 * (taken with run_conditions_sample()).  Returns buf. */
const char *run_conditions_others_since(const run_cpu_sample *start, char *buf, size_t size);

/*
 * Writes one program's load check for the run script to merge into
 * <run>/conditions.json:
 *   {"name": "traverse", "others_cpu_share": 0.03, "seconds": 180.2}
 * (others_cpu_share null when unknown).  False, with nothing left at
 * 'path', when it cannot be written.
 */
bool run_conditions_write(const char *path, const char *name, const run_others *o);

#endif /* RUN_CONDITIONS_H */
