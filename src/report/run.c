/* run.c - read a results directory with jansson and index its cases. */
#include "run.h"

#include "gz_read.h"
#include "xalloc.h"

#include "harness/host_speed.h"
#include "harness/profile.h"
#include "stats/bootstrap.h"

#include <dirent.h>
#include <errno.h>
#include <jansson.h>
#include <limits.h>
#include <stdint.h>
#include <sys/stat.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct report_file {
    char *bench;        /* "traverse" for traverse.json */
    char *path;
    json_t *root;       /* owns every record the cases point to */
    json_t *context;    /* borrowed from root; NULL when absent */
};

/* One repetition: its record, borrowed, and the process that ran it (0
 * the program's own, k the k-th pass of run-benches.sh's replicates). */
typedef struct report_rep {
    json_t *rec;
    unsigned process;
} report_rep;

struct report_case {
    char *name;         /* "traverse/aos/170" */
    size_t first;       /* order of first appearance in the run's files */
    report_rep *reps;   /* successful iteration records */
    size_t nreps, cap;
    report_rep *kept;   /* the records judged: reps but those taken while the
                           host was slow (host_filter), or NULL for all */
    size_t nkept;
    const char *error;  /* error_message of a failed repetition, or NULL */
};

static void set_err(char *err, size_t errsize, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void set_err(char *err, size_t errsize, const char *fmt, ...)
{
    if (!err || errsize == 0)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errsize, fmt, ap);
    va_end(ap);
}

char *report_case_name(const char *run_name)
{
    char *copy = report_xstrdup(run_name);
    char *out = report_xrealloc(NULL, strlen(run_name) + 1);
    out[0] = '\0';
    char *save = NULL;
    for (char *part = strtok_r(copy, "/", &save); part;
         part = strtok_r(NULL, "/", &save)) {
        if (strcmp(part, "real_time") == 0 || strcmp(part, "manual_time") == 0 ||
            strcmp(part, "process_time") == 0 || strchr(part, ':'))
            continue;
        if (out[0])
            strcat(out, "/");
        strcat(out, part);
    }
    free(copy);
    return out;
}

/* FNV-1a: spreads case names over the index while loading. */
static uint64_t name_hash(const char *s)
{
    uint64_t h = 1469598103934665603u;
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* Rebuilds the open-addressing index (slot = case number + 1, 0 = empty)
 * at twice the capacity needed, so that a probe stays short. */
static void index_grow(report_run *run, size_t need)
{
    size_t cap = 64;
    while (cap < 2 * need)
        cap *= 2;
    free(run->index);
    run->index = calloc(cap, sizeof *run->index);
    if (!run->index)
        report_out_of_memory();
    run->index_cap = cap;
    for (size_t i = 0; i < run->ncases; i++) {
        size_t slot = name_hash(run->cases[i].name) & (cap - 1);
        while (run->index[slot])
            slot = (slot + 1) & (cap - 1);
        run->index[slot] = i + 1;
    }
}

/* The case called name, added when new: each record is indexed once, so
 * 10^5 cases load in linear time rather than by scanning every case. */
static report_case *case_for(report_run *run, const char *name)
{
    if (2 * (run->ncases + 1) > run->index_cap)
        index_grow(run, run->ncases + 1);
    size_t mask = run->index_cap - 1, slot = name_hash(name) & mask;
    for (; run->index[slot]; slot = (slot + 1) & mask)
        if (strcmp(run->cases[run->index[slot] - 1].name, name) == 0)
            return &run->cases[run->index[slot] - 1];
    if (run->ncases == run->cases_cap) {
        run->cases_cap = run->cases_cap ? 2 * run->cases_cap : 64;
        run->cases = report_xrealloc(run->cases, run->cases_cap * sizeof *run->cases);
    }
    run->index[slot] = run->ncases + 1;
    report_case *c = &run->cases[run->ncases];
    memset(c, 0, sizeof *c);
    c->name = report_xstrdup(name);
    c->first = run->ncases++;
    return c;
}

static void case_add(report_case *c, json_t *record, unsigned process)
{
    if (c->nreps == c->cap) {
        c->cap = c->cap ? 2 * c->cap : 8;
        c->reps = report_xrealloc(c->reps, c->cap * sizeof *c->reps);
    }
    c->reps[c->nreps++] = (report_rep){record, process};
}

/* Indexes the iteration records of one loaded file, run by 'process'.
 * False (with err set) when the file is not shaped like a Google
 * Benchmark result. */
static bool index_file(report_run *run, report_file *f, unsigned process, char *err,
                       size_t errsize)
{
    if (!json_is_object(f->root)) {
        set_err(err, errsize, "%s: not a Google Benchmark result (the top level is not an object)",
                f->path);
        return false;
    }
    json_t *benchmarks = json_object_get(f->root, "benchmarks");
    if (!json_is_array(benchmarks)) {
        set_err(err, errsize, "%s: not a Google Benchmark result (no \"benchmarks\" array)",
                f->path);
        return false;
    }
    json_t *context = json_object_get(f->root, "context");
    if (context && !json_is_object(context)) {
        set_err(err, errsize, "%s: \"context\" is not an object", f->path);
        return false;
    }
    f->context = context;
    size_t i;
    json_t *rec;
    json_array_foreach(benchmarks, i, rec) {
        const char *run_name = json_string_value(json_object_get(rec, "run_name"));
        if (!run_name)
            run_name = json_string_value(json_object_get(rec, "name"));
        if (!json_is_object(rec) || !run_name) {
            set_err(err, errsize, "%s: benchmarks[%zu] has no \"name\"", f->path, i);
            return false;
        }
        /* Records written before run_type existed are iterations; one
         * whose run_type is not a string is neither, and guessing would
         * count aggregate rows (means, medians) as repetitions. */
        json_t *run_type = json_object_get(rec, "run_type");
        if (run_type && !json_is_string(run_type)) {
            set_err(err, errsize, "%s: benchmarks[%zu] has a \"run_type\" that is not a string",
                    f->path, i);
            return false;
        }
        const char *type = json_string_value(run_type);
        if (type && strcmp(type, "iteration") != 0)
            continue;   /* aggregates: the report takes its own median */
        char *name = report_case_name(run_name);
        report_case *c = case_for(run, name);
        free(name);
        if (json_is_true(json_object_get(rec, "error_occurred"))) {
            const char *msg = json_string_value(json_object_get(rec, "error_message"));
            c->error = msg ? msg : "failed (no message)";
        } else {
            case_add(c, rec, process);
        }
    }
    return true;
}

static int cmp_file(const void *a, const void *b)
{
    return strcmp(((const report_file *)a)->bench, ((const report_file *)b)->bench);
}

static int cmp_case(const void *a, const void *b)
{
    return strcmp(((const report_case *)a)->name, ((const report_case *)b)->name);
}

/* JSON files a run holds beside its benches' results: the measured machine
 * profile, the run's conditions, and the report's own verdicts.  Read by
 * their own readers, never as Google Benchmark results. */
static bool not_a_bench(const char *bench)
{
    static const char *const others[] = {"machine", "conditions", "report"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++)
        if (strcmp(bench, others[i]) == 0)
            return true;
    return false;
}

/* The bench name of a file name: "traverse" for "traverse.json" and for
 * "traverse.json.gz" (the committed reference run is stored compressed);
 * NULL for any other name.  A new string (free it). */
static char *bench_of_file(const char *file)
{
    static const char *const suffixes[] = {".json", ".json.gz"};
    size_t len = strlen(file);
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t slen = strlen(suffixes[i]);
        if (len > slen && strcmp(file + len - slen, suffixes[i]) == 0) {
            char *bench = report_xstrdup(file);
            bench[len - slen] = '\0';
            return bench;
        }
    }
    return NULL;
}

/* The files of dir that hold a bench's results: "<bench>.json", or
 * "<bench>.json.gz" when there is no plain one (a run uncompressed beside
 * its archive is read once).  names[i] is the bench, files[i] its file
 * name.  False if dir cannot be read.  Only regular files (or links to
 * them) count: reading a FIFO or a device named x.json would block or
 * never end. */
static bool list_json(const char *dir, char ***names, char ***files, size_t *count)
{
    DIR *d = opendir(dir);
    if (!d)
        return false;
    *names = NULL;
    *files = NULL;
    *count = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        char *bench = bench_of_file(e->d_name);
        struct stat st;
        if (!bench || not_a_bench(bench) || fstatat(dirfd(d), e->d_name, &st, 0) != 0 ||
            !S_ISREG(st.st_mode)) {
            free(bench);
            continue;
        }
        bool gz = strcmp(e->d_name + strlen(e->d_name) - 3, ".gz") == 0;
        size_t at = *count;
        for (size_t i = 0; i < *count; i++)
            if (strcmp((*names)[i], bench) == 0)
                at = i;
        if (at < *count) {
            /* Both forms: the plain file wins, whichever came first. */
            if (!gz) {
                free((*files)[at]);
                (*files)[at] = report_xstrdup(e->d_name);
            }
            free(bench);
            continue;
        }
        *names = report_xrealloc(*names, (*count + 1) * sizeof **names);
        *files = report_xrealloc(*files, (*count + 1) * sizeof **files);
        (*names)[*count] = bench;
        (*files)[*count] = report_xstrdup(e->d_name);
        (*count)++;
    }
    closedir(d);
    return true;
}

/* Google Benchmark writes NaN, -NaN, Infinity or -Infinity for a statistic
 * it cannot compute (the coefficient of variation of a counter that is 0
 * in every repetition: 0 / 0).  That is not JSON and jansson refuses the
 * whole file, so such a bare token outside a string is read as null: the
 * metric has no value, which the readers already handle. */
/* How load_benchmark_json's error text starts when zlib failed. */
#define GZ_ERROR "cannot decompress it: "

static json_t *load_benchmark_json(const char *path, json_error_t *jerr)
{
    static const char *const bad[] = {"-Infinity", "Infinity", "-NaN", "NaN"};
    /* One reader for a fresh run and the committed reference (*.json.gz). */
    char *text, why[100];
    size_t len;
    gz_read_status st = gz_read_all(path, 0, false, &text, &len, why, sizeof why);
    if (st == GZ_READ_CANNOT_OPEN)
        return json_load_file(path, 0, jerr); /* for jansson's message */
    if (st != GZ_READ_OK) {
        /* A truncated or corrupt archive: say so, with zlib's words. */
        snprintf(jerr->text, sizeof jerr->text, "%s%s", GZ_ERROR, why);
        jerr->line = 0;
        jerr->column = 0;
        return NULL;
    }
    /* "null" is at most one byte longer than a replaced token ("NaN"). */
    char *out = report_xrealloc(NULL, 2 * len + 1);
    size_t o = 0;
    bool in_string = false;
    for (size_t i = 0; i < len;) {
        char c = text[i];
        if (in_string) {
            out[o++] = c;
            if (c == '\\' && i + 1 < len)
                out[o++] = text[++i];
            else if (c == '"')
                in_string = false;
            i++;
            continue;
        }
        size_t k = 0;
        while (k < sizeof bad / sizeof bad[0] && strncmp(text + i, bad[k], strlen(bad[k])) != 0)
            k++;
        if (k < sizeof bad / sizeof bad[0]) {
            memcpy(out + o, "null", 4);
            o += 4;
            i += strlen(bad[k]);
            continue;
        }
        in_string = c == '"';
        out[o++] = c;
        i++;
    }
    free(text);
    json_t *root = json_loadb(out, o, 0, jerr);
    free(out);
    return root;
}

/* Parses f->path and indexes its records as run by 'process'; false with
 * err set. */
static bool load_file(report_run *run, report_file *f, unsigned process, char *err,
                      size_t errsize)
{
    json_error_t jerr;
    f->root = load_benchmark_json(f->path, &jerr);
    if (f->root)
        return index_file(run, f, process, err, errsize);
    /* jansson 2.14 seldom says json_error_out_of_memory: an allocation that
     * fails mid-parse leaves an error without a position (line -1) and
     * without text.  A malformed file always has a position. */
    if (strncmp(jerr.text, GZ_ERROR, strlen(GZ_ERROR)) == 0)
        set_err(err, errsize, "%s: %s", f->path, jerr.text);
    else if (json_error_code(&jerr) == json_error_out_of_memory || jerr.line < 0)
        set_err(err, errsize, "%s: out of memory while reading it", f->path);
    else
        set_err(err, errsize, "%s:%d:%d: malformed JSON: %s", f->path, jerr.line,
                jerr.column, jerr.text);
    return false;
}

static int cmp_first(const void *a, const void *b)
{
    size_t x = (*(const report_case *const *)a)->first;
    size_t y = (*(const report_case *const *)b)->first;
    return (x > y) - (x < y);
}

/* Sorts files and cases by name (for bsearch) and keeps the order of
 * first appearance beside them; drops the loading index. */
static void finish_load(report_run *run)
{
    free(run->index);
    run->index = NULL;
    run->index_cap = 0;
    if (run->nfiles)   /* qsort and bsearch want a real array, even for 0 */
        qsort(run->files, run->nfiles, sizeof *run->files, cmp_file);
    if (run->ncases)
        qsort(run->cases, run->ncases, sizeof *run->cases, cmp_case);
    run->in_order = report_xrealloc(NULL, run->ncases * sizeof *run->in_order);
    for (size_t i = 0; i < run->ncases; i++)
        run->in_order[i] = &run->cases[i];
    if (run->ncases)
        qsort(run->in_order, run->ncases, sizeof *run->in_order, cmp_first);
}

/* The host check of one record (harness/host_speed.h), or NAN. */
static double host_check_of(json_t *rec)
{
    json_t *v = json_object_get(rec, HOST_SPEED_COUNTER);
    return json_is_number(v) && json_number_value(v) > 0 ? json_number_value(v) : NAN;
}

/*
 * The host speed check's reference: the calibration's time (read here
 * into run->host_calibration_ns from <dir>/machine.json), or the median
 * over every case repetition of the programs' own processes when that is
 * faster (a calibration that itself ran while the host was slow: then
 * most cases ran faster than it).  The replicates are not counted, so
 * that scripts/slow-limit.sh, reading the programs' files, gives the same
 * limit.  NAN when the run has no checks.
 */
static double host_reference(report_run *run)
{
    size_t n = 0, cap = 0;
    double *v = NULL;
    for (size_t i = 0; i < run->ncases; i++)
        for (size_t k = 0; k < run->cases[i].nreps; k++) {
            double ns = host_check_of(run->cases[i].reps[k].rec);
            if (isnan(ns) || run->cases[i].reps[k].process != 0)
                continue;
            if (n == cap) {
                cap = cap ? 2 * cap : 256;
                v = report_xrealloc(v, cap * sizeof *v);
            }
            v[n++] = ns;
        }
    double median = n ? summary_of(v, n).median : NAN;
    free(v);
    char path[4096];
    snprintf(path, sizeof path, "%s/machine.json", run->dir ? run->dir : ".");
    machine_profile profile;
    if (profile_load(path, &profile) && profile.host_check_ns > 0) {
        run->host_calibration_ns = profile.host_check_ns;
        run->host_calibration_gave_up = profile.host_gate_gave_up;
        run->host_first_calibration_ns = profile.first_check_ns;
        run->host_first_gave_up = profile.first_gate_gave_up;
    }
    if (n == 0)
        return NAN;
    return run->host_calibration_ns < median ? run->host_calibration_ns : median;
}

/*
 * Leaves out of every case the repetitions whose host check took
 * REPORT_HOST_SLOW times the reference or more, when at least
 * REPORT_HOST_KEEP_MIN others remain: while the host runs another thread
 * on this core, throughput-bound loops (an array summed in L1) run up to
 * 1.5x slower and latency-bound ones (a pointer chase) hardly at all, so
 * such a repetition biases a ratio between the two (docs/measuring.md).
 * With fewer left, the case keeps them all and counts as slowed.
 */
static void host_filter(report_run *run)
{
    run->host_calibration_ns = run->host_first_calibration_ns = NAN;
    run->host_reference_ns = host_reference(run);
    if (isnan(run->host_reference_ns))
        return;
    double limit = REPORT_HOST_SLOW * run->host_reference_ns;
    for (size_t i = 0; i < run->ncases; i++) {
        report_case *c = &run->cases[i];
        size_t fast = 0;
        for (size_t k = 0; k < c->nreps; k++)
            fast += !(host_check_of(c->reps[k].rec) >= limit);
        if (fast == c->nreps)
            continue;
        if (fast < REPORT_HOST_KEEP_MIN) {
            run->host_slowed_cases++;
            continue;
        }
        c->kept = report_xrealloc(NULL, fast * sizeof *c->kept);
        for (size_t k = 0; k < c->nreps; k++)
            if (!(host_check_of(c->reps[k].rec) >= limit))
                c->kept[c->nkept++] = c->reps[k];
        run->host_dropped_reps += c->nreps - c->nkept;
    }
}

/* The pass of a replicate's file name: 2 for "gallery.2.json" (or
 * ".json.gz"), a whole number from 1 to 999; 0 for any other name. */
static unsigned replicate_pass(const char *file)
{
    char *stem = bench_of_file(file);   /* "gallery.2" */
    const char *dot = stem ? strrchr(stem, '.') : NULL;
    unsigned pass = 0;
    if (dot && dot > stem) {
        size_t len = strlen(dot + 1);
        if (len >= 1 && len <= 3 && dot[1] != '0' && strspn(dot + 1, "0123456789") == len)
            pass = (unsigned)atoi(dot + 1);
    }
    free(stem);
    return pass;
}

/* The replicates of <dir>/replicates/ (scripts/run-benches.sh): each
 * "<bench>.<pass>.json" indexed as run by process <pass>, kept in
 * run->replicas, not run->files (a replicate is no bench of its own: the
 * context, the program list and the plots read the program's own file).
 * A run without that folder has none; false, with err set, when a file
 * in it cannot be read. */
static bool load_replicates(report_run *run, char *err, size_t errsize)
{
    char sub[4096];
    snprintf(sub, sizeof sub, "%s/replicates", run->dir);
    char **names, **files;
    size_t count;
    if (!list_json(sub, &names, &files, &count))
        return true;
    bool ok = true;
    run->replicas = report_xrealloc(NULL, (count ? count : 1) * sizeof *run->replicas);
    for (size_t i = 0; i < count; i++) {
        unsigned pass = replicate_pass(files[i]);
        if (ok && pass > 0) {
            report_file *f = &run->replicas[run->nreplicas++];
            memset(f, 0, sizeof *f);
            f->bench = names[i];
            size_t plen = strlen(sub) + strlen(files[i]) + 2;
            f->path = report_xrealloc(NULL, plen);
            snprintf(f->path, plen, "%s/%s", sub, files[i]);
            ok = load_file(run, f, pass, err, errsize);
        } else {
            free(names[i]);
        }
        free(files[i]);
    }
    free(names);
    free(files);
    return ok;
}

bool report_run_load(report_run *run, const char *dir, char *err, size_t errsize)
{
    memset(run, 0, sizeof *run);
    char **names, **files;
    size_t count;
    if (!list_json(dir, &names, &files, &count)) {
        set_err(err, errsize, "%s: cannot read the run directory (no such run?)", dir);
        return false;
    }
    run->dir = report_xstrdup(dir);
    run->files = report_xrealloc(NULL, count * sizeof *run->files);
    bool ok = true;
    for (size_t i = 0; i < count; i++) {
        report_file *f = &run->files[run->nfiles];
        memset(f, 0, sizeof *f);
        f->bench = names[i];
        size_t plen = strlen(dir) + strlen(files[i]) + 2;
        f->path = report_xrealloc(NULL, plen);
        snprintf(f->path, plen, "%s/%s", dir, files[i]);
        free(files[i]);
        run->nfiles++;
        if (ok)   /* after a failure, keep taking ownership of the names */
            ok = load_file(run, f, 0, err, errsize);
    }
    free(names);
    free(files);
    if (ok)
        ok = load_replicates(run, err, errsize);
    if (!ok) {
        report_run_free(run);
        return false;
    }
    finish_load(run);
    host_filter(run);
    return true;
}

bool report_run_load_file(report_run *run, const char *path, char *err, size_t errsize)
{
    memset(run, 0, sizeof *run);
    /* One file: no machine.json to compare with. */
    run->host_reference_ns = run->host_calibration_ns = run->host_first_calibration_ns = NAN;
    struct stat st;
    if (stat(path, &st) != 0) {
        set_err(err, errsize, "%s: %s", path, strerror(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {   /* a FIFO would block, a device never end */
        set_err(err, errsize, "%s: not a regular file", path);
        return false;
    }
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    run->dir = report_xstrdup(path);
    run->files = report_xrealloc(NULL, sizeof *run->files);
    report_file *f = &run->files[0];
    memset(f, 0, sizeof *f);
    f->bench = bench_of_file(base);
    if (!f->bench)
        f->bench = report_xstrdup(base);
    f->path = report_xstrdup(path);
    run->nfiles = 1;
    if (!load_file(run, f, 0, err, errsize)) {
        report_run_free(run);
        return false;
    }
    finish_load(run);
    return true;
}

/* The bench files and the replicate files are freed alike. */
static void files_free(report_file *files, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(files[i].bench);
        free(files[i].path);
        json_decref(files[i].root);
    }
    free(files);
}

void report_run_free(report_run *run)
{
    files_free(run->files, run->nfiles);
    files_free(run->replicas, run->nreplicas);
    for (size_t i = 0; i < run->ncases; i++) {
        free(run->cases[i].name);
        free(run->cases[i].reps);
        free(run->cases[i].kept);
    }
    free(run->cases);
    free(run->in_order);
    free(run->index);
    free(run->dir);
    memset(run, 0, sizeof *run);
}

static const report_file *file_of(const report_run *run, const char *bench)
{
    for (size_t i = 0; i < run->nfiles; i++)
        if (strcmp(run->files[i].bench, bench) == 0)
            return &run->files[i];
    return NULL;
}

const char *report_run_bench_name(const report_run *run, size_t i)
{
    return i < run->nfiles ? run->files[i].bench : NULL;
}

bool report_run_has_bench(const report_run *run, const char *bench)
{
    return file_of(run, bench) != NULL;
}

/* The context value 'key' of bench (or of the first file that has it). */
static json_t *context_value(const report_run *run, const char *bench, const char *key)
{
    if (bench) {
        const report_file *f = file_of(run, bench);
        return f && f->context ? json_object_get(f->context, key) : NULL;
    }
    for (size_t i = 0; i < run->nfiles; i++) {
        json_t *v = run->files[i].context ? json_object_get(run->files[i].context, key)
                                          : NULL;
        if (v)
            return v;
    }
    return NULL;
}

const char *report_run_context(const report_run *run, const char *bench,
                               const char *key)
{
    return json_string_value(context_value(run, bench, key));
}

double report_run_context_number(const report_run *run, const char *bench,
                                 const char *key)
{
    json_t *v = context_value(run, bench, key);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

double report_run_context_item(const report_run *run, const char *bench,
                               const char *key, size_t i)
{
    json_t *v = json_array_get(context_value(run, bench, key), i);
    return json_is_number(v) ? json_number_value(v) : NAN;
}

report_caches report_run_caches(const report_run *run, const char *bench)
{
    report_caches c = {0, 0, 0};
    for (size_t i = 0; i < run->nfiles; i++) {
        const report_file *f = &run->files[i];
        if (bench && strcmp(f->bench, bench) != 0)
            continue;
        json_t *caches = f->context ? json_object_get(f->context, "caches") : NULL;
        size_t k;
        json_t *cache;
        json_array_foreach(caches, k, cache) {
            const char *type = json_string_value(json_object_get(cache, "type"));
            json_t *level = json_object_get(cache, "level");
            json_t *size = json_object_get(cache, "size");
            if (!json_is_integer(level) || !json_is_number(size) ||
                (type && strcmp(type, "Instruction") == 0))
                continue;
            double bytes = json_number_value(size);
            switch (json_integer_value(level)) {
            case 1: c.l1d = bytes; break;
            case 2: c.l2 = bytes; break;
            case 3: c.l3 = bytes; break;
            default: break;
            }
        }
        if (c.l1d || c.l2 || c.l3)
            break;
    }
    return c;
}

static const report_case *case_of(const report_run *run, const char *name)
{
    report_case key = {.name = (char *)name};
    if (run->ncases == 0)
        return NULL;
    return bsearch(&key, run->cases, run->ncases, sizeof *run->cases, cmp_case);
}

const char *report_run_case_error(const report_run *run, const char *name)
{
    const report_case *c = case_of(run, name);
    return c ? c->error : NULL;
}

/* True when Google Benchmark computed the record's rates from wall-clock
 * (or manual) time rather than CPU time: its name says so. */
static bool rates_from_real_time(json_t *rec)
{
    const char *name = json_string_value(json_object_get(rec, "run_name"));
    if (!name)
        name = json_string_value(json_object_get(rec, "name"));
    return name && (strstr(name, "/real_time") || strstr(name, "/manual_time"));
}

/* Nanoseconds per item where the record counts items, else its real
 * time per iteration in ns (Google Benchmark writes it in time_unit). */
static bool time_ns_of(json_t *rec, double *out)
{
    json_t *ips = json_object_get(rec, "items_per_second");
    if (json_is_number(ips) && json_number_value(ips) > 0) {
        *out = 1e9 / json_number_value(ips);
        return true;
    }
    json_t *t = json_object_get(rec, "real_time");
    if (!json_is_number(t) || !(json_number_value(t) > 0))
        return false;
    static const struct { const char *unit; double ns; } units[] = {
        {"ns", 1}, {"us", 1e3}, {"ms", 1e6}, {"s", 1e9}};
    const char *unit = json_string_value(json_object_get(rec, "time_unit"));
    double scale = 1;   /* the library's default unit is ns */
    for (size_t i = 0; unit && i < sizeof units / sizeof units[0]; i++)
        if (strcmp(unit, units[i].unit) == 0)
            scale = units[i].ns;
    *out = json_number_value(t) * scale;
    return true;
}

/* The metric of one record; false when the record lacks it. */
static bool metric_of(json_t *rec, const char *metric, double *out)
{
    bool cpu = strcmp(metric, "cpu_ns_per_item") == 0;
    if (cpu || strcmp(metric, "ns_per_item") == 0) {
        json_t *ips = json_object_get(rec, "items_per_second");
        if (!json_is_number(ips) || json_number_value(ips) <= 0)
            return false;
        *out = 1e9 / json_number_value(ips);
        if (cpu && rates_from_real_time(rec)) {
            /* Same time unit for both: their ratio rescales the rate. */
            json_t *c = json_object_get(rec, "cpu_time"), *r = json_object_get(rec, "real_time");
            if (!json_is_number(c) || !json_is_number(r) || json_number_value(r) <= 0)
                return false;
            *out *= json_number_value(c) / json_number_value(r);
        }
        return true;
    }
    if (strcmp(metric, "time_ns") == 0)
        return time_ns_of(rec, out);
    json_t *v = json_object_get(rec, metric);
    if (!json_is_number(v))
        return false;
    *out = json_number_value(v);
    return true;
}

/* The repetitions a figure of case c reads: all of them for the host
 * checks themselves (host_speed.h counts them), else those host_filter
 * kept. */
static const report_rep *judged_reps(const report_case *c, const char *metric, size_t *n)
{
    bool all = !c->kept || strcmp(metric, HOST_SPEED_COUNTER) == 0;
    *n = all ? c->nreps : c->nkept;
    return all ? c->reps : c->kept;
}

/* case_values' process for the repetitions of every process. */
#define ANY_PROCESS UINT_MAX

/* The metric of every repetition of case 'name' that 'process' ran (all
 * of them for ANY_PROCESS), in a new array (free it) of *n values;
 * *values is set only when the status is SAMPLE_OK. */
static sample_status case_values(const report_run *run, const char *name,
                                 const char *metric, unsigned process, double **values,
                                 size_t *n)
{
    const report_case *c = case_of(run, name);
    if (!c)
        return SAMPLE_MISSING;
    if (c->error)
        return SAMPLE_FAILED;
    if (c->nreps == 0)
        return SAMPLE_MISSING;
    size_t count;
    const report_rep *reps = judged_reps(c, metric, &count);
    double *v = report_xrealloc(NULL, count * sizeof *v);
    size_t m = 0;
    for (size_t i = 0; i < count; i++) {
        if (process != ANY_PROCESS && reps[i].process != process)
            continue;
        if (!metric_of(reps[i].rec, metric, &v[m++])) {
            free(v);
            return SAMPLE_NO_METRIC;
        }
    }
    if (m == 0) {
        free(v);
        return SAMPLE_MISSING;
    }
    *values = v;
    *n = m;
    return SAMPLE_OK;
}

sample_status report_run_summary(const report_run *run, const char *name,
                                 const char *metric, summary *out)
{
    double *v;
    size_t n;
    sample_status st = case_values(run, name, metric, ANY_PROCESS, &v, &n);
    if (st != SAMPLE_OK)
        return st;
    *out = summary_of(v, n);
    free(v);
    return SAMPLE_OK;
}

bool report_case_name_at(char *buf, size_t cap, double arg, const char *family, ...)
{
    va_list ap;
    va_start(ap, family);
    int len = vsnprintf(buf, cap, family, ap);
    va_end(ap);
    if (len >= 0 && (size_t)len < cap) {
        int tail = snprintf(buf + len, cap - (size_t)len, "/%.0f", arg);
        if (tail >= 0 && (size_t)tail < cap - (size_t)len)
            return true;
    }
    if (cap > 0)
        buf[0] = '\0';
    return false;
}

double report_run_median_at(const report_run *run, const char *prefix, double arg,
                            const char *metric)
{
    char name[160];
    report_case_name_at(name, sizeof name, arg, "%s", prefix);
    summary s;
    return report_run_summary(run, name, metric, &s) == SAMPLE_OK ? s.median : NAN;
}

sample_status report_run_samples(const report_run *run, const char *name,
                                 const char *metric, double *out, size_t cap,
                                 size_t *count)
{
    return report_run_process_samples(run, name, metric, ANY_PROCESS, out, cap, count);
}

size_t report_run_args(const report_run *run, const char *prefix, double *out,
                       size_t cap)
{
    size_t plen = strlen(prefix), count = 0;
    /* Cases are sorted by name: "<prefix>/..." starts at the first name
     * not below "<prefix>/", and ends where the prefix stops matching. */
    size_t lo = 0, hi = run->ncases;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const char *name = run->cases[mid].name;
        int c = strncmp(name, prefix, plen);
        if (c < 0 || (c == 0 && (unsigned char)name[plen] < '/'))
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t i = lo; i < run->ncases; i++) {
        const char *name = run->cases[i].name;
        if (strncmp(name, prefix, plen) != 0 || name[plen] != '/')
            break;
        char *end;
        double arg = strtod(name + plen + 1, &end);
        if (end == name + plen + 1 || *end != '\0')
            continue;   /* a deeper name, or not a number */
        if (count < cap)
            out[count] = arg;
        count++;
    }
    stats_sort(out, count < cap ? count : cap);
    return count;
}

size_t report_run_case_count(const report_run *run)
{
    return run->ncases;
}

const char *report_run_case_name(const report_run *run, size_t i)
{
    return i < run->ncases ? run->in_order[i]->name : NULL;
}

/* The processes that ran the judged repetitions of c, ascending, into
 * out; returns how many, at most cap (the first cap met). */
static size_t case_processes(const report_case *c, unsigned *out, size_t cap)
{
    size_t count, n = 0;
    const report_rep *reps = judged_reps(c, "", &count);
    for (size_t i = 0; i < count; i++) {
        size_t at = 0;
        while (at < n && out[at] < reps[i].process)
            at++;
        if ((at < n && out[at] == reps[i].process) || n == cap)
            continue;
        memmove(out + at + 1, out + at, (n - at) * sizeof *out);
        out[at] = reps[i].process;
        n++;
    }
    return n;
}

size_t report_run_processes(const report_run *run, const char *name, unsigned *ids,
                            size_t cap)
{
    const report_case *c = case_of(run, name);
    return c && !c->error ? case_processes(c, ids, cap) : 0;
}

sample_status report_run_process_samples(const report_run *run, const char *name,
                                         const char *metric, unsigned process, double *out,
                                         size_t cap, size_t *count)
{
    double *v;
    size_t n;
    sample_status st = case_values(run, name, metric, process, &v, &n);
    if (st != SAMPLE_OK)
        return st;
    for (size_t i = 0; i < n && i < cap; i++)
        out[i] = v[i];
    *count = n;
    free(v);
    return SAMPLE_OK;
}
