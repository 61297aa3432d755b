/*
 * cli.h - what every bench program does before and after its cases run.
 *
 * One call parses the command line (Google Benchmark's flags, then the
 * suite's own), prints --help, records the run's context (compiler, flags,
 * mode, seed, allocator, repetitions, and what may add noise: CPU model,
 * frequency governor, load average at start) into the JSON, and one call
 * refuses a working set
 * that would not fit in memory.  Bench files then hold only their
 * experiment.
 */
#ifndef CLI_H
#define CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "harness/malloc_thresholds.h"
#include "harness/profile.h"

/* The file a program writes its load check to after its cases
 * (run_conditions_write()); the run script merges them into
 * <run>/conditions.json.  Unset: nothing is written. */
#define BENCH_CONDITIONS_ENV "MEMLAYOUT_CONDITIONS_OUT"

typedef struct bench_program {
    const char *name;        /* "traverse": the first part of every case name */
    /* What it measures, for --help: one source line a paragraph, filled
     * when printed (paragraph.h), so grep finds a sentence of --help. */
    const char *purpose;
    /* Largest working set in bytes, in a full run and with --quick;
     * --max-ws overrides both. */
    struct { size_t full, quick; } max_ws;
    /* Default --benchmark_min_time per repetition, in a full run and with
     * --quick; 0 means the suite's (BENCH_DEFAULT_MIN_TIME_S,
     * BENCH_QUICK_MIN_TIME_S). */
    struct { double full, quick; } min_time_s;
    /* Runs one case alone for peak_rss_of_child(), when the program is
     * started as "--child=SPEC"; returns the exit status.  NULL when the
     * program measures no resident memory. */
    int (*child_main)(const char *spec);
    /* Run the repetitions of all cases in a random order (Google
     * Benchmark's --benchmark_enable_random_interleaving) unless the flag
     * is given.  A case's repetitions then lie far apart in time, so
     * their spread includes what drifts over seconds (a neighbour on the
     * host, the clock), which back-to-back repetitions never see; the
     * comparisons the claims report makes rest on that spread.  For
     * programs whose cases set up cheaply, since every repetition may set
     * up anew. */
    bool interleave;
    /* When not 0, and --max-ws and --quick are not given: the largest
     * working set is this many times the last cache level the run's
     * profile measured (at least BENCH_MIN_LLC_SWEEP_TOP, at most
     * max_ws.full), so a sweep ends well past the last cache, not at a
     * fixed size that may lie a hundred times past it and costs the most
     * of any size to build. */
    unsigned llc_multiple;
    /* glibc malloc's thresholds, pinned by bench_cli_start before anything
     * allocates (also in a --child) and recorded in the context; {0, 0}
     * leaves glibc's own and records nothing. */
    malloc_thresholds malloc;
    /* NULL, or the cases (a POSIX extended regular expression over case
     * names, as --benchmark_filter takes) that later processes of the
     * run measure again, started with --replicate: cases whose claim
     * compares one size, so no other size averages out what drifts
     * between processes, and whose figures were seen to drift between
     * processes of one run more than between the repetitions of one
     * (docs/measuring.md).  The report judges them over the processes. */
    const char *replicate;
    /* Every case runs threads of its own: no case is pinned to one CPU
     * (cpu_pin.h).  A program with only some such cases calls
     * cpu_pin_release() in them instead. */
    bool threads;
} bench_program;

/* The least largest working set llc_multiple gives: past the last-level
 * caches of common machines even when the measured one is small. */
#define BENCH_MIN_LLC_SWEEP_TOP ((size_t)64 << 20)

/* The seconds per repetition prog runs unless --benchmark_min_time is
 * given: its own, or the suite's default. */
double bench_min_time_s(const bench_program *prog, bool quick);

/* The largest working set for prog: max_ws.full, or with llc_multiple
 * and a profile that measured its levels, that multiple of the last level
 * within [BENCH_MIN_LLC_SWEEP_TOP, max_ws.full]. */
size_t bench_default_max_ws(const bench_program *prog, const machine_profile *profile);

/* Repetitions of every case unless --benchmark_repetitions is given: enough
 * for a median and a range; fewer with --quick. */
#define BENCH_DEFAULT_REPETITIONS 5
#define BENCH_QUICK_REPETITIONS 3

/* Seconds per repetition unless a program or --benchmark_min_time says
 * otherwise: long enough that the clock's resolution and the call into
 * the library are far below 1% of the timed work. */
#define BENCH_DEFAULT_MIN_TIME_S 0.05
#define BENCH_QUICK_MIN_TIME_S 0.01

typedef struct bench_options {
    bool quick;              /* fewer sizes, shorter runs */
    size_t max_ws;           /* largest working set, bytes */
    uint64_t seed;           /* for every random choice */
} bench_options;

/* The seed used unless --seed is given. */
#define BENCH_DEFAULT_SEED UINT64_C(0x5eed0fc0ffee)

/*
 * Pins prog->malloc first (exits 1, saying so, when glibc refuses it).
 * Then parses argv.  Google Benchmark's flags are consumed by the library; the
 * suite's are:
 *   --quick           fewer sizes and shorter runs
 *   --max-ws=SIZE     largest working set (e.g. 256M, 1G)
 *   --seed=N          seed for generated data and shuffles
 *   --help            this program's options, then the library's
 *   --replicate       run only prog->replicate's cases (a later process
 *                     of the run measuring them again); refused when the
 *                     program has none or --benchmark_filter is given
 *   --child=SPEC      run one case alone and exit (see peak_rss.h); not
 *                     for people: the program starts itself this way
 * An unknown option or a malformed value prints the usage on stderr and
 * exits with status 2.  Unless given, --benchmark_repetitions,
 * --benchmark_min_time and (for prog->interleave)
 * --benchmark_enable_random_interleaving default to the suite's values
 * (above and in prog), so a program run by hand measures the same way as
 * under make bench.
 * Also adds the run's context to the JSON.
 */
bench_options bench_cli_start(const bench_program *prog, int argc, char **argv);

/*
 * Exits with status 2 and a message naming the program and 'what' when
 * 'bytes' would not fit in the memory available now (with 10% to spare).
 * Call before allocating anything.
 */
void bench_cli_require_memory(size_t bytes, const char *what);

/* True when the program was started to list its cases
 * (--benchmark_list_tests): nothing will run, so a program skips the
 * inputs it would build for them (stream's files), and registers the same
 * cases all the same. */
bool bench_cli_listing(void);

/* The repetitions of every case in this run, after bench_cli_start():
 * --benchmark_repetitions's value, or the suite's default for the mode.
 * A family that needs more samples than a size sweep gives it (one size,
 * a spread of modes) asks for a multiple of this in bench_def.repetitions,
 * so that a quick run or a user's flag still scales it. */
int bench_cli_repetitions(void);

/* The run's machine profile, loaded by bench_cli_start() from
 * MEMLAYOUT_PROFILE (the fallback, saying why, when there is none): size
 * sweeps and level names use its measured levels. */
const machine_profile *bench_cli_profile(void);

/* Runs the registered cases, shuts the library down, and returns the exit
 * status: 0, or 1 when any case reported an error (bench_cli_fail).
 * Others' CPU share while the cases ran is then checked: a warning on
 * stderr when busy (run_conditions_busy()), and a record written to the
 * file in BENCH_CONDITIONS_ENV when it is set. */
int bench_cli_finish(void);

/* Records that a case failed its check (a wrong checksum): the program
 * will exit 1 after the run. */
void bench_cli_fail(void);

#endif /* CLI_H */
