/*
 * calibrate.c - measure this machine's memory in a few seconds and write
 * machine.json: cache levels, transfer unit, read bandwidth, page-fault
 * cost, beside what the system reports.
 *
 * Run:    build/bin/calibrate results/<run>/machine.json   (or - for stdout)
 * What:   src/harness/profile_measure.h (how each figure is measured),
 *         src/harness/profile_write.h (the file), docs/machine-profile.md.
 * Output: the JSON file; a summary on stderr.  Figures are medians of
 *         short repeats; repeats that lost the CPU to another program are
 *         run again, and the file says how many were.
 * Exit:   0 written; 1 measuring or writing failed; 2 bad usage.
 */
#include "harness/machine.h"
#include "harness/profile.h"
#include "harness/profile_measure.h"
#include "harness/profile_reported.h"
#include "harness/profile_write.h"
#include "harness/run_conditions.h"
#include "harness/sizes.h"

#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <inttypes.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fputs("usage: calibrate [--ignore-reported] [--max-ws=SIZE] [--seed=N] PATH\n"
          "\n"
          "Measures this machine's memory in a few seconds and writes it as JSON to\n"
          "PATH (- for stdout), normally results/<run>/machine.json:\n"
          "  cache levels    size and latency of each, from a dependent-load pointer\n"
          "                  chase over one random cycle, working sets 4 KiB .. SIZE\n"
          "  line            the transfer unit, from reads one every 8 B .. 2 KiB\n"
          "  bandwidth       sequential reads of one thread, 1 MiB .. SIZE\n"
          "  page faults     microseconds per first touch of a fresh page\n"
          "beside the sizes sysfs, CPUID and getconf report, with every disagreement\n"
          "or absence in words (\"notes\").  Benches and the report read it from the\n"
          "path in MEMLAYOUT_PROFILE (docs/machine-profile.md).\n"
          "\n"
          "Options:\n"
          "  --ignore-reported  read no reported sizes (also MEMLAYOUT_IGNORE_REPORTED=1)\n"
          "  --max-ws=SIZE      largest working set, at least 1M (default 128M)\n"
          "  --seed=N           seed of the chase's random cycles\n"
          "  --help             this text\n",
          f);
}

__attribute__((noreturn, format(printf, 1, 2)))
static void usage_error(const char *fmt, ...)
{
    va_list ap;
    fputs("calibrate: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputs("\nusage: calibrate [--ignore-reported] [--max-ws=SIZE] [--seed=N] PATH\n"
          "Try 'calibrate --help' for more.\n",
          stderr);
    exit(2);
}

static void print_summary(const profile_measured *m, const profile_notes *notes)
{
    char b[32];
    fprintf(stderr, "calibrate: measured in %.1f s (%zu repeats, %zu run again):\n", m->seconds,
            m->repeats.done, m->repeats.redone);
    size_t count = m->have_levels ? m->levels.count : 0;
    for (size_t k = 0; k < count; k++)
        fprintf(stderr, "  L%zu      %7.1f ns  up to %s\n", k + 1, m->levels.ns[k],
                size_format((size_t)m->levels.bytes[k], b, sizeof b));
    if (m->have_levels)
        fprintf(stderr, "  memory  %7.1f ns\n", m->levels.ns[count]);
    fprintf(stderr, "  line %zu B%s, read %.1f GB/s, first touch %.1f us per %zu-byte page\n",
            m->line_bytes, m->line_found ? "" : " (assumed)", m->read_bytes_per_s / 1e9,
            m->fault_us, m->page_bytes);
    fprintf(stderr, "  host speed check %.1f us (each case times it again)\n",
            m->host_check_ns / 1e3);
    for (size_t i = 0; i < notes->count; i++)
        fprintf(stderr, "  - %s\n", notes->text[i]);
}

int main(int argc, char **argv)
{
    enum { OPT_IGNORE = 1, OPT_MAX_WS, OPT_SEED, OPT_HELP };
    static const struct option options[] = {
        {"ignore-reported", no_argument, NULL, OPT_IGNORE},
        {"max-ws", required_argument, NULL, OPT_MAX_WS},
        {"seed", required_argument, NULL, OPT_SEED},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    profile_measure_params p = profile_measure_defaults();
    bool ignore = profile_ignore_reported();
    opterr = 0;
    int opt;
    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
        switch (opt) {
        case OPT_IGNORE:
            ignore = true;
            break;
        case OPT_MAX_WS:
            if (!size_parse(optarg, &p.max_ws) || p.max_ws < ((size_t)1 << 20))
                usage_error("--max-ws wants a size of at least 1M, like 128M, not '%s'", optarg);
            break;
        case OPT_SEED: {
            char *end;
            errno = 0;
            unsigned long long v = strtoull(optarg, &end, 0);
            if (errno || *end || optarg[0] == '-' || !optarg[0])
                usage_error("--seed wants a non-negative integer, not '%s'", optarg);
            p.seed = v;
            break;
        }
        case OPT_HELP:
            usage(stdout);
            return 0;
        default:
            usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind != argc - 1)
        usage_error(optind == argc ? "say where to write the profile (PATH, or - for stdout)"
                                   : "one PATH only, not '%s'", argv[argc - 1]);
    const char *path = argv[optind];
    /* Before seconds of measuring, not after. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    if (strcmp(path, "-") != 0 && access(dirname(dir), W_OK) != 0) {
        fprintf(stderr, "calibrate: cannot write into the directory of %s: %s\n", path,
                strerror(errno));
        return 1;
    }

    /* The buffer and the cycle's order (8 bytes per 64-byte block), with
     * room to spare, as the benches check it. */
    size_t need = p.max_ws + p.max_ws / 8, avail = machine_mem_available();
    if (avail && need > avail / 10 * 9) {
        char a[32], b[32];
        fprintf(stderr, "calibrate: measuring needs about %s, but only %s of memory is "
                        "available now; lower it with --max-ws (e.g. --max-ws=32M)\n",
                size_format(need, a, sizeof a), size_format(avail, b, sizeof b));
        return 2;
    }

    run_cpu_sample start = run_conditions_sample();
    profile_reported reported = reported_read(ignore);
    profile_measured m;
    char err[256];
    if (!profile_measure(&p, &m, err, sizeof err)) {
        fprintf(stderr, "calibrate: %s\n", err);
        return 1;
    }
    run_cpu_sample end = run_conditions_sample();
    long hz = sysconf(_SC_CLK_TCK);
    run_others others = run_conditions_others(&start, &end, hz > 0 ? (double)hz : 100);

    profile_notes notes;
    profile_notes_make(&m, &reported, &others, &notes);
    char host[256] = "", date[32] = "", model[256];
    gethostname(host, sizeof host - 1);
    time_t now = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    profile_run_info info = {.host = host, .date = date, .seed = p.seed, .max_ws = p.max_ws,
                             .cpu_model = run_conditions_cpu_model(model, sizeof model)};
    json_t *doc = profile_json(&info, &m, &reported, &others, &notes);
    bool ok = profile_write_file(doc, path, err, sizeof err);
    json_decref(doc);
    if (!ok) {
        fprintf(stderr, "calibrate: cannot write the profile: %s\n", err);
        return 1;
    }
    print_summary(&m, &notes);
    if (strcmp(path, "-") != 0)
        fprintf(stderr, "calibrate: wrote %s\n", path);
    return 0;
}
