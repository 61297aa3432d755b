/*
 * calibrate.c - measure this machine's memory in a few seconds and write
 * machine.json: cache levels, transfer unit, read bandwidth, page-fault
 * cost, beside what the system reports.
 *
 * Run:    build/bin/calibrate results/<run>/machine.json   (or - for stdout)
 *         build/bin/calibrate --again results/<run>   (after its programs)
 * What:   src/harness/profile_measure.h (how each figure is measured),
 *         src/harness/profile_write.h (the file), docs/machine-profile.md;
 *         --again: src/report/recalibration.h.
 * Output: the JSON file; a summary on stderr.  Figures are medians of
 *         short repeats; repeats that lost the CPU to another program are
 *         run again, and the file says how many were.  --again prints one
 *         line on stdout when it measured again, nothing otherwise.
 * Exit:   0 written (or, with --again, nothing to do); 1 reading, measuring
 *         or writing failed; 2 bad usage.
 */
#include "harness/cpu_pin.h"
#include "harness/machine.h"
#include "harness/profile.h"
#include "harness/profile_measure.h"
#include "harness/profile_reported.h"
#include "harness/profile_write.h"
#include "harness/rng.h"
#include "harness/run_conditions.h"
#include "harness/sizes.h"
#include "report/recalibration.h"

#include <errno.h>
#include <stdarg.h>
#include <getopt.h>
#include <inttypes.h>
#include <libgen.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static void usage(FILE *f)
{
    fputs("usage: calibrate [--ignore-reported] [--max-ws=SIZE] [--seed=N] PATH\n"
          "       calibrate --again [--ignore-reported] [--max-ws=SIZE] [--seed=N] RUN\n"
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
          "With --again, after a run's programs (scripts/run-benches.sh does it): when\n"
          "RUN's cases say its calibration ran slowed (another thread shared this core:\n"
          "its host speed check 1.25x the cases' or slower, or repeats run beside that\n"
          "thread), measures again; when that one ran unslowed it becomes\n"
          "RUN/machine.json, which keeps the first whole under \"first_calibration\".\n"
          "Prints one line on stdout when it measured, nothing when the first was fine.\n"
          "\n"
          "Options:\n"
          "  --again            measure RUN again if its calibration ran slowed\n"
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
    fputs("\nusage: calibrate [--again] [--ignore-reported] [--max-ws=SIZE] [--seed=N] PATH|RUN\n"
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

/* Everything one calibration writes: measured figures, reported sizes,
 * the conditions and their notes. */
typedef struct calibration {
    profile_measure_params params;
    profile_reported reported;
    profile_measured m;
    run_others others;
    profile_notes notes;
} calibration;

/* Measures this machine into c: 0, or the exit status with the reason
 * on stderr (2: too little memory for the sizes asked, 1: measuring failed). */
static int calibration_take(calibration *c, bool ignore)
{
    /* The buffer and the cycle's order (8 bytes per 64-byte block), with
     * room to spare, as the benches check it. */
    size_t need = c->params.max_ws + c->params.max_ws / 8, avail = machine_mem_available();
    if (avail && need > avail / 10 * 9) {
        char a[32], b[32];
        fprintf(stderr, "calibrate: measuring needs about %s, but only %s of memory is "
                        "available now; lower it with --max-ws (e.g. --max-ws=32M)\n",
                size_format(need, a, sizeof a), size_format(avail, b, sizeof b));
        return 2;
    }
    run_cpu_sample start = run_conditions_sample();
    c->reported = reported_read(ignore);
    char err[256];
    if (!profile_measure(&c->params, &c->m, err, sizeof err)) {
        fprintf(stderr, "calibrate: %s\n", err);
        return 1;
    }
    run_cpu_sample end = run_conditions_sample();
    long hz = sysconf(_SC_CLK_TCK);
    c->others = run_conditions_others(&start, &end, hz > 0 ? (double)hz : 100);
    profile_notes_make(&c->m, &c->reported, &c->others, &c->notes);
    return 0;
}

/* The machine.json document of c (json_decref it); NULL out of memory. */
static json_t *calibration_json(const calibration *c)
{
    char host[256] = "", date[32] = "", model[256];
    gethostname(host, sizeof host - 1);
    time_t now = time(NULL);
    strftime(date, sizeof date, "%Y-%m-%dT%H:%M:%SZ", gmtime(&now));
    profile_run_info info = {.host = host, .date = date, .seed = c->params.seed,
                             .max_ws = c->params.max_ws,
                             .cpu_model = run_conditions_cpu_model(model, sizeof model)};
    return profile_json(&info, &c->m, &c->reported, &c->others, &c->notes);
}

/* "L1 34 KiB, L2 652 KiB, L3 16.5 MiB" of a loaded profile. */
static void levels_text(const machine_profile *p, char *out, size_t size)
{
    out[0] = '\0';
    for (size_t k = 0; k < p->nlevels; k++) {
        char b[32];
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s%s %s", k ? ", " : "", profile_level_name(p, k),
                 size_format(p->level[k].bytes, b, sizeof b));
    }
}

/* "check 29.0 us against the run's 19.4 us; 90 repeats beside another thread" */
static void slowed_text(double check_ns, size_t gave_up, double reference_ns, char *out,
                        size_t size)
{
    int n = snprintf(out, size, "check %.1f us against the run's %.1f us", check_ns / 1e3,
                     reference_ns / 1e3);
    if (gave_up && n >= 0 && (size_t)n < size)
        snprintf(out + n, size - (size_t)n, "; %zu repeats beside another thread", gave_up);
}

/*
 * calibrate --again RUN: measures again when RUN's calibration ran slowed,
 * and replaces it when the new one did not.  The first is not lost: the
 * new machine.json carries it whole under "first_calibration", and the
 * file is replaced by a rename, never half-written.
 */
static int calibrate_again(const char *dir, bool ignore, profile_measure_params params)
{
    recalibration r;
    char err[512];
    if (!recalibration_read(dir, &r, err, sizeof err)) {
        fprintf(stderr, "calibrate: %s\n", err);
        return 1;
    }
    char path[4096], why[120];
    snprintf(path, sizeof path, "%s/machine.json", dir);
    if (!r.slowed) {
        fprintf(stderr, "calibrate: %s ran unslowed (check %.1f us, the run's %.1f us): kept\n",
                path, r.profile.host_check_ns / 1e3, r.reference_ns / 1e3);
        return 0;
    }
    json_error_t jerr;
    json_t *first_doc = json_load_file(path, 0, &jerr);
    if (!first_doc) {
        fprintf(stderr, "calibrate: %s: %s\n", path, jerr.text);
        return 1;
    }
    if (json_object_get(first_doc, "first_calibration")) {
        fprintf(stderr, "calibrate: %s was measured again already: not again\n", path);
        json_decref(first_doc);
        return 0;
    }
    slowed_text(r.profile.host_check_ns, r.profile.host_gate_gave_up, r.reference_ns, why,
                sizeof why);
    fprintf(stderr, "calibrate: %s ran slowed (%s): measuring again\n", path, why);

    calibration *c = calloc(1, sizeof *c);
    if (!c) {
        fprintf(stderr, "calibrate: out of memory\n");
        json_decref(first_doc);
        return 1;
    }
    c->params = params;
    int status = calibration_take(c, ignore);
    if (status != 0) {
        free(c);
        json_decref(first_doc);
        return status;
    }
    print_summary(&c->m, &c->notes);
    char again[120];
    slowed_text(c->m.host_check_ns, c->m.repeats.gave_up, r.reference_ns, again, sizeof again);
    if (!recalibration_may_replace(&r, c->m.host_check_ns, c->m.repeats.gave_up)) {
        printf("calibrated again after the programs; that ran slowed too (%s): the first "
               "calibration is kept\n", again);
        free(c);
        json_decref(first_doc);
        return 0;
    }
    char old_levels[100], new_levels[100];
    levels_text(&r.profile, old_levels, sizeof old_levels);
    if (c->notes.count < PROFILE_MAX_NOTES)
        snprintf(c->notes.text[c->notes.count++], sizeof c->notes.text[0],
                 "measured again after the run's programs: the first calibration ran while "
                 "another thread shared this core (%s) and measured %s; it is kept whole "
                 "under first_calibration",
                 why, old_levels[0] ? old_levels : "no cache level");
    json_t *doc = calibration_json(c);
    double first_check = r.profile.host_check_ns;
    json_t *replaced = json_pack("{s:f, s:I, s:f, s:o}",
                                 "host_check_ns", isfinite(first_check) ? first_check : 0.0,
                                 "host_gate_gave_up", (json_int_t)r.profile.host_gate_gave_up,
                                 "reference_ns", isfinite(r.reference_ns) ? r.reference_ns : 0.0,
                                 "profile", first_doc);
    bool ok = doc && replaced && json_object_set_new(doc, "first_calibration", replaced) == 0;
    if (!ok)
        fprintf(stderr, "calibrate: out of memory\n");
    else if (!(ok = profile_write_file(doc, path, err, sizeof err)))
        fprintf(stderr, "calibrate: cannot write the profile: %s\n", err);
    json_decref(doc);
    free(c);
    if (!ok)
        return 1;
    machine_profile now;
    profile_load(path, &now);
    levels_text(&now, new_levels, sizeof new_levels);
    printf("calibrated again after the programs: the first calibration ran slowed (%s; "
           "it measured %s); now %s\n",
           why, old_levels[0] ? old_levels : "no cache level",
           new_levels[0] ? new_levels : "no cache level");
    return 0;
}

int main(int argc, char **argv)
{
    enum { OPT_IGNORE = 1, OPT_MAX_WS, OPT_SEED, OPT_AGAIN, OPT_HELP };
    static const struct option options[] = {
        {"ignore-reported", no_argument, NULL, OPT_IGNORE},
        {"max-ws", required_argument, NULL, OPT_MAX_WS},
        {"seed", required_argument, NULL, OPT_SEED},
        {"again", no_argument, NULL, OPT_AGAIN},
        {"help", no_argument, NULL, OPT_HELP},
        {NULL, 0, NULL, 0},
    };
    cpu_pin_start(true);
    profile_measure_params p = profile_measure_defaults();
    bool ignore = profile_ignore_reported(), again = false;
    opterr = 0;
    int opt;
    while ((opt = getopt_long(argc, argv, "", options, NULL)) != -1) {
        switch (opt) {
        case OPT_IGNORE:
            ignore = true;
            break;
        case OPT_AGAIN:
            again = true;
            break;
        case OPT_MAX_WS:
            if (!size_parse(optarg, &p.max_ws) || p.max_ws < ((size_t)1 << 20))
                usage_error("--max-ws wants a size of at least 1M, like 128M, not '%s'", optarg);
            break;
        case OPT_SEED:
            if (!rng_seed_parse(optarg, &p.seed))
                usage_error("--seed wants a non-negative integer, not '%s'", optarg);
            break;
        case OPT_HELP:
            usage(stdout);
            return 0;
        default:
            usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (optind == argc)
        usage_error(again ? "say which run to measure again (RUN)"
                          : "say where to write the profile (PATH, or - for stdout)");
    if (optind != argc - 1)
        usage_error("one %s only, not '%s'", again ? "RUN" : "PATH", argv[argc - 1]);
    const char *path = argv[optind];
    if (again)
        return calibrate_again(path, ignore, p);
    /* Before seconds of measuring, not after. */
    char dir[4096];
    snprintf(dir, sizeof dir, "%s", path);
    if (strcmp(path, "-") != 0 && access(dirname(dir), W_OK) != 0) {
        fprintf(stderr, "calibrate: cannot write into the directory of %s: %s\n", path,
                strerror(errno));
        return 1;
    }

    calibration *c = calloc(1, sizeof *c);
    if (!c) {
        fprintf(stderr, "calibrate: out of memory\n");
        return 1;
    }
    c->params = p;
    int status = calibration_take(c, ignore);
    if (status != 0) {
        free(c);
        return status;
    }
    char err[256];
    json_t *doc = calibration_json(c);
    bool ok = profile_write_file(doc, path, err, sizeof err);
    json_decref(doc);
    if (!ok) {
        fprintf(stderr, "calibrate: cannot write the profile: %s\n", err);
        free(c);
        return 1;
    }
    print_summary(&c->m, &c->notes);
    free(c);
    if (strcmp(path, "-") != 0)
        fprintf(stderr, "calibrate: wrote %s\n", path);
    return 0;
}
