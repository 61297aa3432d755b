/* cli.c - command line, context, memory check and exit status for bench programs. */
#include "cli.h"

#include "build_info.h"
#include "cpu_pin.h"
#include "host_speed.h"
#include "machine.h"
#include "paragraph.h"
#include "peak_rss.h"
#include "profile.h"
#include "rng.h"
#include "run_conditions.h"
#include "shim/bench.h"
#include "sizes.h"
#include "thp.h"

#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <math.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

static const bench_program *current;
/* argv with the suite's defaults added; the library keeps pointers into
 * it, so it lives until exit (reachable, not leaked). */
static char **volatile argv_with_defaults; /* volatile: never read, must be kept */
static bool any_case_failed;
static bool listing; /* --benchmark_list_tests: names only, nothing runs */
static bool replicating; /* --replicate: a later process, prog->replicate only */
/* The repetitions and minimum time the run uses, given or defaulted, for
 * the context. */
static char repetitions_used[32], min_time_used[32], interleaving_used[32];
/* The run's measured machine (or the fallback, saying why). */
static machine_profile profile;
/* Taken when the cases are about to run, for the load check after them. */
static run_cpu_sample conditions_start;

/* --help's width: the purpose fills an 80-column terminal with a margin. */
#define HELP_COLUMNS 76

static void print_help(void)
{
    char max[32], quick[32];
    char purpose[4096];
    paragraph_fill(current->purpose, HELP_COLUMNS, purpose, sizeof purpose);
    printf(
            "usage: %s [--quick] [--max-ws=SIZE] [--seed=N] [--benchmark_...]\n"
            "\n%s\n\n"
            "Options of this suite:\n"
            "  --quick          fewer sizes and shorter runs (largest working set %s)\n"
            "  --max-ws=SIZE    largest working set, e.g. 64M or 1G (default %s)\n"
            "  --seed=N         seed for generated data and shuffles (default 0x%" PRIx64 ")\n"
            "  --help           this text, then Google Benchmark's flags\n",
            current->name, purpose,
            size_format(current->max_ws.quick, quick, sizeof quick),
            size_format(current->max_ws.full, max, sizeof max),
            (uint64_t)BENCH_DEFAULT_SEED);
    if (current->replicate)
        printf("  --replicate      only the cases a later process of the run measures\n"
               "                   again (%s)\n", current->replicate);
    if (current->llc_multiple)
        printf("                   (without --max-ws: %ux the last cache level the run\n"
               "                   measured, at least %s, at most the default)\n",
               current->llc_multiple, size_format(BENCH_MIN_LLC_SWEEP_TOP, quick, sizeof quick));
    printf("\nGoogle Benchmark's flags (all accepted):\n");
    bench_print_library_help();
}

__attribute__((format(printf, 1, 2), noreturn))
static void usage_error(const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "%s: ", current->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr,
            "\nusage: %s [--quick] [--max-ws=SIZE] [--seed=N] [--benchmark_...]\n"
            "Try '%s --help' for more.\n",
            current->name, current->name);
    exit(2);
}

static void add_context(const bench_options *o, bool max_ws_given)
{
    char buf[128];
    const char *preload = getenv("LD_PRELOAD");
    bench_add_context("suite_program", current->name);
    bench_add_context("suite_revision", BUILD_REVISION);
    bench_add_context("compiler", BUILD_COMPILER);
    bench_add_context("cflags", BUILD_CFLAGS);
    /* make bench runs the noise preflight (make doctor) first and passes
     * its grade down; a program run by hand has none. */
    const char *grade = getenv("BENCH_NOISE_GRADE");
    bench_add_context("noise_grade",
                      grade && *grade ? grade : "not checked (run under make bench)");
    bench_add_context("mode", o->quick ? "quick" : "full");
    bench_add_context("allocator", preload && *preload ? preload : "glibc malloc");
    bench_add_context("repetitions", repetitions_used);
    bench_add_context("min_time_s", min_time_used);
    bench_add_context("random_interleaving", interleaving_used);
    if (replicating)
        bench_add_context("replicate", current->replicate);
    /* What else may move a timing, as it was when the run started. */
    bench_add_context("cpu_model", run_conditions_cpu_model(buf, sizeof buf));
    bench_add_context("cpu_governor", run_conditions_governor(buf, sizeof buf));
    bench_add_context("load_avg_at_start", run_conditions_loadavg(buf, sizeof buf));
    snprintf(buf, sizeof buf, "%" PRIu64, o->seed);
    bench_add_context("seed", buf);
    snprintf(buf, sizeof buf, "%zu", o->max_ws);
    bench_add_context("max_ws_bytes", buf);
    bench_add_context("max_ws_source", max_ws_given ? "--max-ws" : "default");
    snprintf(buf, sizeof buf, "%zu", machine_page_size());
    bench_add_context("page_size", buf);
    /* The huge page mode decides what a random access past the caches
     * costs (thp.h): every program says it, not only those that ask. */
    bench_add_context("thp_enabled", thp_mode("enabled", buf, sizeof buf));
    bench_add_context("thp_defrag", thp_mode("defrag", buf, sizeof buf));
    /* Whether each case ran on the CPU its host check found fastest. */
    bench_add_context("case_cpu", cpu_pin_enabled() ? "pinned to the fastest by the host check"
                                                    : "where the scheduler put it");
    machine_caches c = machine_cache_sizes();
    snprintf(buf, sizeof buf, "%zu", c.l1d);
    bench_add_context("sysfs_l1d_bytes", buf);
    snprintf(buf, sizeof buf, "%zu", c.l2);
    bench_add_context("sysfs_l2_bytes", buf);
    snprintf(buf, sizeof buf, "%zu", c.l3);
    bench_add_context("sysfs_l3_bytes", buf);
    bench_add_context("ignore_reported", profile_ignore_reported() ? "true" : "false");
    /* The levels this program's sizes were placed by, and where from. */
    bench_add_context("machine_profile", profile.source);
    size_t used = 0;
    buf[0] = '\0';
    for (size_t k = 0; k < profile.nlevels && used < sizeof buf; k++) {
        char sz[32];
        int w = snprintf(buf + used, sizeof buf - used, "%s%s %s", k ? ", " : "",
                         profile_level_name(&profile, k),
                         size_format(profile.level[k].bytes, sz, sizeof sz));
        used += w > 0 ? (size_t)w : 0;
    }
    bench_add_context("profile_levels", buf);
}

/* The argument of the last "flag" or "flag=value" in argv ("" for the
 * first form), or NULL when the flag is absent. */
static const char *flag_value(int argc, char **argv, const char *flag)
{
    size_t len = strlen(flag);
    const char *value = NULL;
    for (int i = 1; i < argc; i++)
        if (strncmp(argv[i], flag, len) == 0 && (argv[i][len] == '=' || argv[i][len] == '\0'))
            value = argv[i][len] ? argv[i] + len + 1 : "";
    return value;
}

/* Whether a boolean flag's value turns it on, as Google Benchmark reads it:
 * no value, or anything but 0, f, n, false, no, off (any case). */
static bool truthy(const char *v)
{
    static const char *const off[] = {"0", "f", "n", "false", "no", "off"};
    for (size_t i = 0; i < sizeof off / sizeof off[0]; i++)
        if (strcasecmp(v, off[i]) == 0)
            return false;
    return true;
}

static bool has_flag(int argc, char **argv, const char *flag)
{
    return flag_value(argc, argv, flag) != NULL;
}

/* Whether a library flag's value, well-formed for the library, is one the
 * suite cannot run with.  A malformed value is left to the library, which
 * names the flag and the type it wants; these catch the well-formed ones it
 * takes and then aborts on (repetitions -1, exit 134), runs nothing with
 * (repetitions 0, a filter that does not compile) or times nothing with. */
static bool below_one(const char *v)
{
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    return end != v && *end == '\0' && !errno && n < 1;
}

static bool not_positive(const char *v)
{
    char *end;
    double d = strtod(v, &end);
    return end != v && *end == '\0' && !(d > 0 && isfinite(d));
}

/* Google Benchmark compiles the filter as a POSIX extended regular
 * expression (std::regex extended; a leading '-' negates it). */
static bool bad_regex(const char *v)
{
    if (v[0] == '-')
        v++;
    regex_t re;
    if (regcomp(&re, v, REG_EXTENDED | REG_NOSUB) != 0)
        return true;
    regfree(&re);
    return false;
}

static bool not_a_format(const char *v)
{
    return strcmp(v, "console") != 0 && strcmp(v, "json") != 0 && strcmp(v, "csv") != 0;
}

static const struct library_flag {
    const char *flag;
    bool (*refused)(const char *value);
    const char *wants;
} library_flags[] = {
    {"--benchmark_repetitions", below_one, "a whole number of at least 1"},
    {"--benchmark_min_time", not_positive, "a positive number of seconds"},
    {"--benchmark_filter", bad_regex, "a valid regular expression (POSIX extended)"},
    {"--benchmark_format", not_a_format, "console, json or csv"},
    {"--benchmark_out_format", not_a_format, "console, json or csv"},
};

/* Exits 2 with a message when a library flag has a value the suite cannot
 * run with; the last occurrence counts, as for the library. */
static void check_library_flags(int argc, char **argv)
{
    for (size_t i = 0; i < sizeof library_flags / sizeof library_flags[0]; i++) {
        const struct library_flag *f = &library_flags[i];
        const char *v = flag_value(argc, argv, f->flag);
        if (v && f->refused(v))
            usage_error("%s wants %s, not '%s'", f->flag, f->wants, v);
    }
}

/* A copy of argv with the suite's default repetitions and minimum time
 * appended where the caller gave none.  Lives until the program exits. */
static char **with_defaults(int *argc, char **argv)
{
    static char reps[64], min_time[64];
    static char interleave[] = "--benchmark_enable_random_interleaving=true";
    static char *filter;
    bool quick = has_flag(*argc, argv, "--quick");
    char **out = calloc((size_t)*argc + 5, sizeof *out);
    if (!out) {
        fprintf(stderr, "%s: out of memory\n", current->name);
        exit(2);
    }
    int n = 0;
    for (int i = 0; i < *argc; i++)
        out[n++] = argv[i];
    const char *given = flag_value(*argc, argv, "--benchmark_repetitions");
    if (!given) {
        snprintf(reps, sizeof reps, "--benchmark_repetitions=%d",
                 quick ? BENCH_QUICK_REPETITIONS : BENCH_DEFAULT_REPETITIONS);
        out[n++] = reps;
        given = strchr(reps, '=') + 1;
    }
    snprintf(repetitions_used, sizeof repetitions_used, "%s", given);
    given = flag_value(*argc, argv, "--benchmark_min_time");
    if (!given) {
        snprintf(min_time, sizeof min_time, "--benchmark_min_time=%g",
                 bench_min_time_s(current, quick));
        out[n++] = min_time;
        given = strchr(min_time, '=') + 1;
    }
    snprintf(min_time_used, sizeof min_time_used, "%s", given);
    given = flag_value(*argc, argv, "--benchmark_enable_random_interleaving");
    if (!given && current->interleave) {
        out[n++] = interleave;
        given = strchr(interleave, '=') + 1;
    }
    snprintf(interleaving_used, sizeof interleaving_used, "%s", given ? given : "false");
    if (replicating) {
        size_t len = strlen("--benchmark_filter=") + strlen(current->replicate) + 1;
        if (!(filter = malloc(len))) {
            fprintf(stderr, "%s: out of memory\n", current->name);
            exit(2);
        }
        snprintf(filter, len, "--benchmark_filter=%s", current->replicate);
        out[n++] = filter;
    }
    out[n] = NULL;
    *argc = n;
    argv_with_defaults = out;
    return out;
}

bench_options bench_cli_start(const bench_program *prog, int argc, char **argv)
{
    current = prog;
    /* First, so a --child knows the CPUs its program started with. */
    cpu_pin_start(!prog->threads);
    /* Before anything allocates, so every block sees the same rule. */
    if (!malloc_thresholds_apply(prog->malloc)) {
        fprintf(stderr, "%s: glibc refused the malloc thresholds (mallopt)\n", prog->name);
        exit(1);
    }
    check_library_flags(argc, argv);
    const char *list = flag_value(argc, argv, "--benchmark_list_tests");
    listing = list && truthy(list);
    replicating = has_flag(argc, argv, "--replicate");
    if (replicating && !prog->replicate)
        usage_error("--replicate: %s has no cases that later processes measure again",
                    prog->name);
    if (replicating && flag_value(argc, argv, "--benchmark_filter"))
        usage_error("--replicate chooses its own cases; give it or --benchmark_filter, not both");
    argv = with_defaults(&argc, argv);
    bench_initialize(&argc, argv, print_help);

    enum { OPT_QUICK = 1, OPT_MAX_WS, OPT_SEED, OPT_HELP, OPT_CHILD, OPT_REPLICATE };
    static const struct option long_options[] = {
        {"quick", no_argument, NULL, OPT_QUICK},
        {"max-ws", required_argument, NULL, OPT_MAX_WS},
        {"seed", required_argument, NULL, OPT_SEED},
        {"help", no_argument, NULL, OPT_HELP},
        {"child", required_argument, NULL, OPT_CHILD},
        {"replicate", no_argument, NULL, OPT_REPLICATE},
        {NULL, 0, NULL, 0},
    };
    bench_options o = {.max_ws = prog->max_ws.full, .seed = BENCH_DEFAULT_SEED};
    bool max_ws_given = false;
    opterr = 0;
    int opt;
    while ((opt = getopt_long(argc, argv, "", long_options, NULL)) != -1) {
        switch (opt) {
        case OPT_QUICK:
            o.quick = true;
            break;
        case OPT_MAX_WS:
            if (!size_parse(optarg, &o.max_ws) || o.max_ws < 4096)
                usage_error("--max-ws wants a size of at least 4K, like 64M or 1G, not '%s'",
                            optarg);
            max_ws_given = true;
            break;
        case OPT_SEED:
            if (!rng_seed_parse(optarg, &o.seed))
                usage_error("--seed wants a non-negative integer, not '%s'", optarg);
            break;
        case OPT_REPLICATE:
            break;   /* with_defaults() set the filter */
        case OPT_HELP:
            print_help();
            exit(0);
        case OPT_CHILD:
            /* A fresh process for one case: nothing else may run in it,
             * so its peak resident memory is the case's own. */
            if (strcmp(optarg, "baseline") == 0) {
                peak_rss_report_to_parent();
                exit(0);
            }
            if (!prog->child_main)
                usage_error("--child is not supported by %s", prog->name);
            /* Last, so the case's growth is measured from here. */
            peak_rss_start_case();
            int status = prog->child_main(optarg);
            peak_rss_report_to_parent();
            exit(status);
        default:
            usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind < argc)
        usage_error("unexpected argument '%s'", argv[optind]);
    profile_from_env(&profile);
    if (o.quick && !max_ws_given)
        o.max_ws = prog->max_ws.quick;
    else if (!max_ws_given)
        o.max_ws = bench_default_max_ws(prog, &profile);
    add_context(&o, max_ws_given);
    if (prog->malloc.mmap || prog->malloc.trim)
        malloc_thresholds_record(prog->malloc);
    conditions_start = run_conditions_sample();
    host_speed_install();
    return o;
}

double bench_min_time_s(const bench_program *prog, bool quick)
{
    double seconds = quick ? prog->min_time_s.quick : prog->min_time_s.full;
    if (seconds > 0)
        return seconds;
    return quick ? BENCH_QUICK_MIN_TIME_S : BENCH_DEFAULT_MIN_TIME_S;
}

size_t bench_default_max_ws(const bench_program *prog, const machine_profile *levels)
{
    size_t top = prog->max_ws.full;
    if (!prog->llc_multiple || !levels || !levels->measured || levels->nlevels == 0)
        return top;
    size_t last = levels->level[levels->nlevels - 1].bytes;
    size_t want = last > top / prog->llc_multiple ? top : last * prog->llc_multiple;
    if (want < BENCH_MIN_LLC_SWEEP_TOP)
        want = BENCH_MIN_LLC_SWEEP_TOP;
    return want < top ? want : top;
}

void bench_cli_require_memory(size_t bytes, const char *what)
{
    size_t available = machine_mem_available();
    if (available == 0 || bytes <= available / 10 * 9)
        return;
    char need[32], have[32];
    fprintf(stderr,
            "%s: %s needs about %s, but only %s of memory is available now.\n"
            "Lower the largest working set, e.g. --max-ws=256M "
            "(make bench MAX_WS=256M).\n",
            current ? current->name : program_invocation_short_name, what,
            size_format(bytes, need, sizeof need),
            size_format(available, have, sizeof have));
    exit(2);
}

void bench_cli_fail(void)
{
    any_case_failed = true;
}

bool bench_cli_listing(void)
{
    return listing;
}

int bench_cli_repetitions(void)
{
    return atoi(repetitions_used);
}

const machine_profile *bench_cli_profile(void)
{
    return &profile;
}

/* Others' share of the CPUs while the cases ran: a warning when it may
 * have moved the timings (none on a quiet machine), and a record for the
 * run's conditions.json when the run script asks for one. */
static void record_conditions(void)
{
    run_cpu_sample end = run_conditions_sample();
    long hz = sysconf(_SC_CLK_TCK);
    run_others o = run_conditions_others(&conditions_start, &end, hz > 0 ? (double)hz : 100);
    if (run_conditions_busy(&o)) {
        char text[128];
        fprintf(stderr,
                "%s: other programs took CPU time during this run (%s); "
                "its timings may not repeat.\n",
                current->name, run_conditions_others_text(&o, text, sizeof text));
    }
    const char *path = getenv(BENCH_CONDITIONS_ENV);
    if (path && *path && !run_conditions_write(path, current->name, &o))
        fprintf(stderr, "%s: cannot write the load check to '%s'\n", current->name, path);
}

int bench_cli_finish(void)
{
    bench_run();
    bench_shutdown();
    if (!listing)
        record_conditions();
    return any_case_failed ? 1 : 0;
}
