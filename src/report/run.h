/*
 * run.h - one results directory, read for the claims report.
 *
 * A run (results/<UTC time>-<host>/) holds one Google Benchmark JSON file
 * per bench program, <bench>.json, and optionally crosscheck.json (written
 * by tools/crosscheck.py in the same format).  Loading reads every *.json
 * with jansson and indexes the repetitions of each case by its name without
 * Google Benchmark's suffixes: "traverse/aos/170/real_time" is the case
 * "traverse/aos/170".  Aggregate records (mean, median, ...) are ignored:
 * the report computes its own median and range from the repetitions.
 */
#ifndef REPORT_RUN_H
#define REPORT_RUN_H

#include "stats.h"

#include <stdbool.h>
#include <stddef.h>

typedef struct report_file report_file;   /* one <bench>.json */
typedef struct report_case report_case;   /* one case's repetitions */

typedef struct report_run {
    char *dir;                 /* as given to report_run_load */
    report_file *files;        /* sorted by bench name */
    size_t nfiles;
    report_file *replicas;     /* <dir>/replicates/<bench>.<pass>.json */
    size_t nreplicas;
    report_case *cases;        /* sorted by name */
    size_t ncases, cases_cap;
    report_case **in_order;    /* the cases in order of first appearance */
    size_t *index, index_cap;  /* name hash -> case + 1, while loading */
    /* The host speed check (harness/host_speed.h, report/host_speed.h),
     * for runs loaded by report_run_load: */
    double host_reference_ns;  /* the unslowed check; NAN: no checks */
    double host_calibration_ns;    /* machine.json's check; NAN: none */
    size_t host_calibration_gave_up; /* its repeats run beside another
                                        thread (host_gate_gave_up) */
    double host_first_calibration_ns; /* the check of a calibration that
                                         ran slowed and was measured again
                                         (calibrate --again); NAN: none */
    size_t host_first_gave_up;        /* its repeats beside another thread */
    size_t host_dropped_reps;  /* repetitions left out as slowed */
    size_t host_slowed_cases;  /* cases kept whole though slowed: too few
                                  repetitions would have remained */
} report_run;

/* A case repetition whose host check (counter host_check_ns) took
 * REPORT_HOST_SLOW times the run's reference or more ran while the host
 * was slow; it is left out of every figure the report reads (summary,
 * samples) when REPORT_HOST_KEEP_MIN repetitions of the case remain.  The
 * factor was fixed with the check, before any verdict was read from it. */
#define REPORT_HOST_SLOW 1.25
#define REPORT_HOST_KEEP_MIN 2

/* The cache sizes a run's context reports, in bytes; 0 when absent. */
typedef struct report_caches {
    double l1d, l2, l3;
} report_caches;

/*
 * Reads every <dir>/<name>.json but machine.json, conditions.json and
 * report.json (not bench results), and every <name>.json.gz that has no
 * plain <name>.json beside it (the committed reference run is stored
 * gzipped; zlib inflates it, a plain file is read as it is).  Returns
 * true on success.  On failure (no such
 * directory, malformed JSON, a file that is not a Google Benchmark result,
 * a record without a name) writes one line naming the file and the problem
 * into err (errsize bytes) and returns false; run is then empty and needs
 * no report_run_free (calling it is harmless).  A directory without any
 * JSON file loads as an empty run: every claim is then "not measured".
 */
bool report_run_load(report_run *run, const char *dir, char *err, size_t errsize);

/*
 * Reads one Google Benchmark JSON file as a run of one bench (its name
 * without ".json" or ".json.gz"; gzipped or plain): what compare reads.  Fails like report_run_load, and
 * also when path is not a regular file (a FIFO would block the reader).
 */
bool report_run_load_file(report_run *run, const char *path, char *err, size_t errsize);

/*
 * The case name of a record: its run_name without the parts Google
 * Benchmark appends for its own options ("real_time", "iterations:1",
 * "threads:2"), the same rule as plots/flatten.jq, so that the report,
 * compare and the plots name a case alike.  Returns a new string (free
 * it); exits (status 1) when out of memory.
 */
char *report_case_name(const char *run_name);

/*
 * The name of a case of a family at one argument: the family, formatted
 * from 'family' as by printf, then "/" and arg as Google Benchmark prints
 * an integer argument ("stream/%s" with "slurp", 1048576 ->
 * "stream/slurp/1048576").  Returns false, with buf empty, when the name
 * does not fit in cap bytes: cut short it could name another case, and an
 * empty name names none, so a caller may look it up as it is and find the
 * case missing.
 */
bool report_case_name_at(char *buf, size_t cap, double arg, const char *family, ...)
    __attribute__((format(printf, 4, 5)));

/* How many cases the run holds, and the name of case i (0 <= i < count)
 * in order of first appearance in the files: the order of a table. */
size_t report_run_case_count(const report_run *run);
const char *report_run_case_name(const report_run *run, size_t i);

/* Frees everything report_run_load allocated. */
void report_run_free(report_run *run);

/* The bench name of file i (0 <= i < run->nfiles), by name order. */
const char *report_run_bench_name(const report_run *run, size_t i);

/* True when the run holds <bench>.json. */
bool report_run_has_bench(const report_run *run, const char *bench);

/*
 * A string from the "context" block of <bench>.json ("mode", "compiler",
 * "date", ...).  With bench NULL, the first file (by name) that has it.
 * NULL when absent or not a string.  Lives until report_run_free.
 */
const char *report_run_context(const report_run *run, const char *bench,
                               const char *key);

/* The same for a number ("num_cpus", "mhz_per_cpu"); NAN when absent. */
double report_run_context_number(const report_run *run, const char *bench,
                                 const char *key);

/* Item i of an array of numbers in the context ("load_avg": [1.1, 1.0,
 * 0.9]); NAN when the key is absent, not an array, too short, or the
 * item is not a number. */
double report_run_context_item(const report_run *run, const char *bench,
                               const char *key, size_t i);


/* Cache sizes from the context of <bench>.json (bench NULL: the first
 * file that reports any). */
report_caches report_run_caches(const report_run *run, const char *bench);

typedef enum sample_status {
    SAMPLE_OK,
    SAMPLE_MISSING,     /* no such case in the run */
    SAMPLE_FAILED,      /* the case reported an error (a failed check) */
    SAMPLE_NO_METRIC,   /* the case has no such counter */
} sample_status;

/*
 * Median and range over the repetitions of case 'name' of the metric:
 *   "ns_per_item"      1e9 / items_per_second: wall-clock time per element
 *                      (for cases timed in real time, as the plots show)
 *   "cpu_ns_per_item"  the same in CPU time: ns_per_item scaled by
 *                      cpu_time / real_time (for a case whose rates came
 *                      from CPU time already, equal to ns_per_item)
 *   "time_ns"          ns_per_item where the record counts items, else
 *                      real_time per iteration in ns (compare's time)
 *   anything else      a numeric field of the records (a counter,
 *                      "real_time")
 * Fills *out only when the status is SAMPLE_OK.
 */
sample_status report_run_summary(const report_run *run, const char *name,
                                 const char *metric, summary *out);

/* The median of metric for the case "<prefix>/<arg>" (arg a whole number,
 * as the benches name their sizes), or NAN when that case or metric is
 * missing or failed: for the tables and ratios that skip what a run lacks. */
double report_run_median_at(const report_run *run, const char *prefix, double arg,
                            const char *metric);

/*
 * The same metric for each repetition of case 'name', in the order of the
 * JSON file: the samples a bootstrap interval (stats/bootstrap.h) needs.
 * Writes at most cap values into out and sets *count to how many
 * repetitions there are (which may exceed cap); out and *count are set
 * only when the status is SAMPLE_OK.
 */
sample_status report_run_samples(const report_run *run, const char *name,
                                 const char *metric, double *out, size_t cap,
                                 size_t *count);

/*
 * Later processes of a run measure some cases again (a program's
 * --replicate, scripts/run-benches.sh): <dir>/replicates/<bench>.<pass>
 * .json, read by report_run_load as the repetitions of process <pass>,
 * the program's own being process 0.  Every reader above pools them; a
 * comparison judged over processes (significance.h) reads them apart.
 * REPORT_MAX_PROCESSES is more than a run makes.
 */
#define REPORT_MAX_PROCESSES 8

/* The processes that ran the judged repetitions of case 'name' (those
 * the host check did not leave out), ascending, into ids (at most cap,
 * those first met); returns how many: 1 for a case its program's process
 * alone measured, 0 when the case is missing or failed.
 */
size_t report_run_processes(const report_run *run, const char *name, unsigned *ids,
                            size_t cap);

/* report_run_samples of the judged repetitions of case 'name' that
 * process 'process' ran; SAMPLE_MISSING when it ran none. */
sample_status report_run_process_samples(const report_run *run, const char *name,
                                         const char *metric, unsigned process, double *out,
                                         size_t cap, size_t *count);

/* The error message of a failed case, or NULL. */
const char *report_run_case_error(const report_run *run, const char *name);

/*
 * The numeric last parts of the cases "<prefix>/<number>" (for prefix
 * "traverse/aos": the element counts), ascending, at most cap of them.
 * Returns how many there are (which may exceed cap).
 */
size_t report_run_args(const report_run *run, const char *prefix, double *out,
                       size_t cap);

#endif /* REPORT_RUN_H */
