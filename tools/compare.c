/*
 * compare.c - two results of one bench, case by case: the ratio of medians
 * and whether it is beyond the noise.
 *
 * For every case in both files (same name, e.g. traverse/aos/43690) it
 * takes each repetition's time per item (1e9 / items_per_second; the time
 * per iteration when the case sets no items), and prints the median of A
 * and of B, the ratio B/A with its 95% bootstrap interval
 * (src/stats/bootstrap.h), and a verdict: "B faster" or "B slower" when
 * the interval excludes 1, "within noise" when it contains it.  The column
 * "ranges" says whether the repetitions' min-max ranges overlap, the
 * rougher rule of docs/measuring.md.
 *
 * Run:   make compare A=results/<run> B=results/<run>   (every bench in both)
 *        build/bin/compare A.json B.json
 * Out:   a Markdown table on stdout; a case in only one file is listed
 *        under the table.
 * Exit:  0 when the table is printed (whatever it shows), 1 when a file
 *        cannot be read, 2 on bad usage.
 */
#include "stats/bootstrap.h"

#include <jansson.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { MAX_REPS = 1024 };

/* One case of one file: its name and each repetition's time. */
typedef struct sample_set {
    char name[160];
    size_t n;
    double t[MAX_REPS];
    bool per_item; /* from items_per_second, else time per iteration */
} sample_set;

typedef struct results {
    json_t *root;
    sample_set *cases;
    size_t count;
} results;

static double to_ns(double value, const char *unit)
{
    if (!unit || strcmp(unit, "ns") == 0)
        return value;
    if (strcmp(unit, "us") == 0)
        return value * 1e3;
    if (strcmp(unit, "ms") == 0)
        return value * 1e6;
    return value * 1e9;
}

/* The case called 'name' in r, appended when new.  NULL when out of memory. */
static sample_set *case_named(results *r, const char *name)
{
    for (size_t i = 0; i < r->count; i++)
        if (strcmp(r->cases[i].name, name) == 0)
            return &r->cases[i];
    sample_set *grown = realloc(r->cases, (r->count + 1) * sizeof *grown);
    if (!grown)
        return NULL;
    r->cases = grown;
    sample_set *s = &r->cases[r->count++];
    memset(s, 0, sizeof *s);
    snprintf(s->name, sizeof s->name, "%s", name);
    return s;
}

/* Strips Google Benchmark's "/real_time" and similar suffixes. */
static void case_name(const char *run_name, char *out, size_t size)
{
    snprintf(out, size, "%s", run_name);
    static const char *const suffixes[] = {"/real_time", "/manual_time", "/process_time"};
    for (size_t i = 0; i < sizeof suffixes / sizeof suffixes[0]; i++) {
        size_t len = strlen(out), slen = strlen(suffixes[i]);
        if (len > slen && strcmp(out + len - slen, suffixes[i]) == 0)
            out[len - slen] = '\0';
    }
}

/* Reads the repetitions of every successful case of 'path'.  Returns false
 * with a message on stderr when the file is not benchmark JSON. */
static bool load(const char *path, results *r)
{
    json_error_t err;
    memset(r, 0, sizeof *r);
    r->root = json_load_file(path, 0, &err);
    if (!r->root) {
        fprintf(stderr, "compare: %s: %s (line %d)\n", path, err.text, err.line);
        return false;
    }
    json_t *benchmarks = json_object_get(r->root, "benchmarks");
    if (!json_is_array(benchmarks)) {
        fprintf(stderr, "compare: %s: no \"benchmarks\" array\n", path);
        return false;
    }
    size_t i;
    json_t *b;
    json_array_foreach(benchmarks, i, b) {
        const char *type = json_string_value(json_object_get(b, "run_type"));
        const char *run_name = json_string_value(json_object_get(b, "run_name"));
        if (!type || strcmp(type, "iteration") != 0 || !run_name ||
            json_is_true(json_object_get(b, "error_occurred")))
            continue;
        char name[160];
        case_name(run_name, name, sizeof name);
        sample_set *s = case_named(r, name);
        if (!s) {
            fprintf(stderr, "compare: out of memory\n");
            return false;
        }
        if (s->n == MAX_REPS)
            continue;
        double ips = json_number_value(json_object_get(b, "items_per_second"));
        if (ips > 0) {
            s->per_item = true;
            s->t[s->n++] = 1e9 / ips;
        } else {
            double t = json_number_value(json_object_get(b, "real_time"));
            if (t > 0)
                s->t[s->n++] = to_ns(t, json_string_value(json_object_get(b, "time_unit")));
        }
    }
    return true;
}

static void release(results *r)
{
    json_decref(r->root);
    free(r->cases);
}

static const sample_set *find(const results *r, const char *name)
{
    for (size_t i = 0; i < r->count; i++)
        if (strcmp(r->cases[i].name, name) == 0)
            return &r->cases[i];
    return NULL;
}

static void min_max(const sample_set *s, double *lo, double *hi)
{
    *lo = INFINITY;
    *hi = -INFINITY;
    for (size_t i = 0; i < s->n; i++) {
        *lo = fmin(*lo, s->t[i]);
        *hi = fmax(*hi, s->t[i]);
    }
}

/* "gcc 12.2.0, quick run, 3 repetitions, host vm, 2026-11-23T10:58" */
static void describe(const char *label, const char *path, const results *r)
{
    json_t *c = json_object_get(r->root, "context");
    const char *fields[] = {"compiler", "cflags", "allocator", "mode", "repetitions",
                            "host_name", "date", "load_avg_at_start"};
    printf("- %s: `%s`", label, path);
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        const char *v = json_string_value(json_object_get(c, fields[i]));
        if (v)
            printf("; %s %s", fields[i], v);
    }
    printf("\n");
}

static void usage(FILE *f)
{
    fputs("usage: compare A.json B.json\n"
          "  Per case of both files: median time per item of A and B, the ratio B/A\n"
          "  with its 95% bootstrap interval, and whether it is beyond the noise.\n",
          f);
}

int main(int argc, char **argv)
{
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc != 3 || argv[1][0] == '-' || argv[2][0] == '-') {
        usage(stderr);
        return 2;
    }
    results a, b;
    bool ok_a = load(argv[1], &a);
    bool ok_b = ok_a && load(argv[2], &b);
    if (!ok_a || !ok_b) {
        release(&a);
        if (ok_a)
            release(&b);
        return 1;
    }
    describe("A", argv[1], &a);
    describe("B", argv[2], &b);
    printf("\n| case | A ns | B ns | B/A [95%% CI] | verdict | ranges |\n"
           "|---|---:|---:|---|---|---|\n");
    size_t compared = 0, faster = 0, slower = 0;
    for (size_t i = 0; i < a.count; i++) {
        const sample_set *sa = &a.cases[i], *sb = find(&b, sa->name);
        if (!sb || sa->n == 0 || sb->n == 0)
            continue;
        ratio_ci ci;
        if (!stats_ratio_ci95(sb->t, sb->n, sa->t, sa->n, &ci))
            continue;
        double alo, ahi, blo, bhi;
        min_max(sa, &alo, &ahi);
        min_max(sb, &blo, &bhi);
        const char *verdict = ci.within_noise ? "within noise"
                              : ci.ratio < 1  ? "B faster"
                                              : "B slower";
        faster += !ci.within_noise && ci.ratio < 1;
        slower += !ci.within_noise && ci.ratio > 1;
        compared++;
        printf("| %s | %.3g | %.3g | %.3f [%.3f, %.3f] | %s | %s |\n", sa->name,
               stats_median(sa->t, sa->n), stats_median(sb->t, sb->n), ci.ratio, ci.lo,
               ci.hi, verdict, blo <= ahi && alo <= bhi ? "overlap" : "apart");
    }
    printf("\n%zu cases compared: B faster in %zu, slower in %zu, within noise in %zu.\n"
           "Times are ns per item (per element) where the case counts items, else per\n"
           "iteration.  The interval is a percentile bootstrap of the ratio of medians;\n"
           "with 3 to 5 repetitions it is coarse (src/stats/bootstrap.h).\n",
           compared, faster, slower, compared - faster - slower);
    for (size_t i = 0; i < a.count; i++)
        if (!find(&b, a.cases[i].name))
            printf("only in A: %s\n", a.cases[i].name);
    for (size_t i = 0; i < b.count; i++)
        if (!find(&a, b.cases[i].name))
            printf("only in B: %s\n", b.cases[i].name);
    release(&a);
    release(&b);
    return 0;
}
