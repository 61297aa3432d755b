/*
 * bench.h - a small C API over Google Benchmark 1.7 (libbenchmark-dev).
 *
 * A bench program is plain C: it fills a bench_def per case family, calls
 * bench_register(), then bench_run().  Google Benchmark does the timing,
 * the repetitions, the statistics and the JSON output; every one of its
 * command-line flags (--benchmark_filter, --benchmark_repetitions,
 * --benchmark_out, ...) keeps working.  A C program never sees C++.
 *
 * The shape of a benchmark function:
 *
 *     static void sum_array(bench_state *s, const void *user)
 *     {
 *         size_t n = (size_t)bench_arg(s, 0);
 *         ... setup: allocate and fill, untimed ...
 *         while (bench_keep_running(s, 1)) {
 *             double total = kernel(data, n);
 *             bench_do_not_optimize(&total);
 *         }
 *         bench_set_items_processed(s, bench_iterations(s) * (int64_t)n);
 *         ... teardown, untimed ...
 *     }
 *
 * Only the body of the keep-running loop is timed.  Each call to
 * bench_keep_running() crosses from C into C++ once; pass a batch > 1 when
 * one iteration is so short that this call would show in the figures.
 */
#ifndef BENCH_H
#define BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Opaque handle on a running benchmark (a benchmark::State underneath). */
typedef struct bench_state bench_state;

/* The timed function.  'user' is bench_def.user, passed through untouched. */
typedef void (*bench_fn)(bench_state *state, const void *user);

/*
 * One family of cases.  Google Benchmark names each case "<name>/<arg>".
 * Give the arguments either as an explicit list (args, nargs) or as a
 * geometric range (range_lo .. range_hi, each step times range_mult); a
 * family with neither runs once with no argument.
 */
typedef struct bench_def {
    const char *name;        /* e.g. "traverse/aos"; copied, may be freed after */
    bench_fn run;
    const void *user;
    const int64_t *args;     /* explicit argument values, run in this order */
    size_t nargs;
    int64_t range_lo, range_hi;
    int range_mult;          /* >= 2 when a range is used */
    double min_time;         /* seconds per repetition; 0 = the flag's value */
    int64_t iterations;      /* fixed iteration count; 0 = chosen by the library */
    int repetitions;         /* this family's repetitions; 0 = the flag's value */
} bench_def;

/* Registers a family.  Returns 0, or -1 (with a message on stderr) when the
 * definition is invalid: no name, no function, both a list and a range, or
 * a bad range.  Wall-clock (real) time is used for timings and rates. */
int bench_register(const bench_def *def);

/*
 * Parses and removes Google Benchmark's flags from argv.  'help' is called
 * for --help (then the program exits 0); pass NULL for the library's own
 * text.  Call once, before reading the program's own flags from argv.
 */
void bench_initialize(int *argc, char **argv, void (*help)(void));

/* Prints Google Benchmark's own list of flags (what --help shows by
 * default), for a program that prints its own help first. */
void bench_print_library_help(void);

/* Runs every registered family that passes --benchmark_filter and writes
 * the console and file reports.  Returns the number of families run.
 * When the --benchmark_out file cannot be written whole (a full disk, an
 * I/O error), prints why and exits 1, as the library does when it cannot
 * open it: a cut-off file must never look like a finished run. */
size_t bench_run(void);

/* Releases the library's global state; call after bench_run(). */
void bench_shutdown(void);

/*
 * A function run at the start of every call into a case, before the case's
 * own code (so before its timed loop: untimed), with the case's state; NULL
 * removes it.  For what every case should carry alike (the harness's host
 * speed check, harness/host_speed.h), without each bench calling it.
 */
void bench_set_prologue(void (*prologue)(bench_state *state));

/* Adds "key": "value" to the "context" block of the JSON output. */
void bench_add_context(const char *key, const char *value);

/*
 * True while the library wants more iterations.  The caller then runs
 * exactly 'batch' iterations before calling again; the library counts them
 * all.  'batch' must be >= 1.
 */
bool bench_keep_running(bench_state *s, int64_t batch);

/* The i-th argument of this case (i = 0 for the single-argument form). */
int64_t bench_arg(const bench_state *s, int index);

/* Iterations run so far; after the loop, the total the library timed. */
int64_t bench_iterations(const bench_state *s);

/* Stop and restart the clock inside the loop.  Costly (two clock reads and
 * bookkeeping each); prefer setup before the loop. */
void bench_pause_timing(bench_state *s);
void bench_resume_timing(bench_state *s);

/* Totals over the whole run; the library reports them per second. */
void bench_set_items_processed(bench_state *s, int64_t items);
void bench_set_bytes_processed(bench_state *s, int64_t bytes);

/* How a named counter's value is reported. */
typedef enum bench_counter_kind {
    BENCH_COUNTER_PLAIN,         /* as given */
    BENCH_COUNTER_RATE,          /* value / elapsed seconds */
    BENCH_COUNTER_PER_ITERATION, /* value / iterations */
    BENCH_COUNTER_INVARIANT_RATE /* value * iterations / elapsed seconds */
} bench_counter_kind;

/* Sets (or replaces) a named counter of this case; it appears in the
 * console line and as a field of the JSON record.  Name is copied. */
void bench_set_counter(bench_state *s, const char *name, double value,
                       bench_counter_kind kind);

/* A short free-text label shown with this case. */
void bench_set_label(bench_state *s, const char *label);

/* Marks this case as failed with a message; the caller must then leave the
 * keep-running loop (or not enter it).  bench_run() still returns, and the
 * case appears in the JSON with "error_occurred": true. */
void bench_skip_with_error(bench_state *s, const char *message);

/* True once bench_skip_with_error() was called for this case. */
bool bench_error_occurred(const bench_state *s);

/*
 * Do-not-optimize barriers, as in Google Benchmark, written for C.
 *
 * bench_do_not_optimize(&x): the compiler must assume the asm reads x
 * through the pointer, so the computation of x cannot be deleted, and any
 * memory may have been read.
 * bench_clobber_memory(): the compiler must assume all memory was read and
 * written, so pending stores happen and later loads are not cached.
 */
static inline void bench_do_not_optimize(const void *value)
{
    __asm__ volatile("" : : "r"(value) : "memory");
}

static inline void bench_clobber_memory(void)
{
    __asm__ volatile("" : : : "memory");
}

#ifdef __cplusplus
}
#endif

#endif /* BENCH_H */
