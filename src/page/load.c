/*
 * load.c - reads the files of a run the page is built from (load.h):
 * report.json with its schema checked, the machine profile, and the
 * compiler, allocator and noise grade from a bench result's context.
 */
#include "page/load.h"

#include "report/gz_read.h"
#include "report/run.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* A gzipped file is read whole into memory; report.json of a full run is
 * about a megabyte, so this leaves room without letting a hostile file
 * (a gzip bomb) take the machine. */
#define GZ_LIMIT (64u << 20)

__attribute__((format(printf, 3, 4)))
static void set_err(char *err, size_t errsize, const char *fmt, ...)
{
    if (!err || !errsize)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err, errsize, fmt, ap);
    va_end(ap);
}

/* dir/name+suffix, to free(). */
static char *join(const char *dir, const char *name, const char *suffix)
{
    size_t n = strlen(dir) + 1 + strlen(name) + strlen(suffix) + 1;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s%s", dir, name, suffix);
    return p;
}

static bool is_regular(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static json_t *parse_gz(const char *path, char *err, size_t errsize)
{
    char *text, why[160];
    size_t len;
    json_t *root = NULL;
    switch (gz_read_all(path, GZ_LIMIT, true, &text, &len, why, sizeof why)) {
    case GZ_READ_OK: {
        json_error_t jerr;
        root = json_loadb(text, len, JSON_REJECT_DUPLICATES, &jerr);
        if (!root)
            set_err(err, errsize, "%s: malformed JSON: %s", path, jerr.text);
        free(text);
        break;
    }
    case GZ_READ_CANNOT_OPEN:
        set_err(err, errsize, "%s: cannot be read: %s", path, strerror(errno));
        break;
    case GZ_READ_NOT_GZIP:
        set_err(err, errsize, "%s: cannot be unpacked (not gzip data)", path);
        break;
    case GZ_READ_CORRUPT:
        set_err(err, errsize, "%s: cannot be unpacked (%s)", path, why);
        break;
    case GZ_READ_TOO_LARGE:
        set_err(err, errsize, "%s: unpacks to more than 64 MiB", path);
        break;
    }
    return root;
}

json_t *page_load_json(const char *dir, const char *name, bool *found, char *err,
                       size_t errsize)
{
    char *plain = join(dir, name, ""), *gz = join(dir, name, ".gz");
    json_t *root = NULL;
    bool have_plain = plain && is_regular(plain), have_gz = gz && is_regular(gz);
    if (found)
        *found = have_plain || have_gz;
    if (!plain || !gz) {
        set_err(err, errsize, "%s/%s: out of memory", dir, name);
    } else if (have_plain) {
        json_error_t jerr;
        root = json_load_file(plain, JSON_REJECT_DUPLICATES, &jerr);
        if (!root)
            set_err(err, errsize, "%s:%d: malformed JSON: %s", plain, jerr.line, jerr.text);
    } else if (have_gz) {
        root = parse_gz(gz, err, errsize);
    } else {
        set_err(err, errsize, "%s/%s: not found (run make claims on it first)", dir, name);
    }
    free(plain);
    free(gz);
    return root;
}

static char *dup_or_null(const char *s)
{
    return s && *s ? strdup(s) : NULL;
}

/* The first bench result by name: <bench>.json, or <bench>.json.gz in a
 * committed run.  Files that describe the run are no bench. */
static char *first_bench(const char *dir, bool *gz)
{
    static const char *const not_bench[] = {"machine", "conditions", "report", "crosscheck"};
    DIR *d = opendir(dir);
    char *best = NULL;
    if (!d)
        return NULL;
    struct dirent *e;
    while ((e = readdir(d))) {
        const char *dot = strstr(e->d_name, ".json");
        if (!dot || (strcmp(dot, ".json") != 0 && strcmp(dot, ".json.gz") != 0))
            continue;
        size_t stem = (size_t)(dot - e->d_name), k;
        for (k = 0; k < sizeof not_bench / sizeof *not_bench; k++)
            if (strlen(not_bench[k]) == stem && strncmp(e->d_name, not_bench[k], stem) == 0)
                break;
        if (k < sizeof not_bench / sizeof *not_bench || stem == 0)
            continue;
        if (!best || strcmp(e->d_name, best) < 0) {
            free(best);
            best = strdup(e->d_name);
        }
    }
    closedir(d);
    if (best) {
        char *dot = strstr(best, ".json");
        *gz = strcmp(dot, ".json.gz") == 0;
        *dot = '\0';
    }
    return best;
}

/* Compiler, allocator, noise grade and mode from one bench's context:
 * the same in every bench of a run.  The report's reader takes the plain
 * result (which may hold NaN tokens) and the gzipped one alike. */
static void load_context(page_run *run)
{
    bool gz = false;
    char *bench = first_bench(run->dir, &gz);
    if (!bench)
        return;
    static const char *const keys[] = {"compiler", "allocator", "noise_grade", "mode"};
    char **dest[] = {&run->compiler, &run->allocator, &run->noise_grade, &run->mode};
    char *path = join(run->dir, bench, gz ? ".json.gz" : ".json"), err[256];
    report_run r = {0};
    if (path && report_run_load_file(&r, path, err, sizeof err))
        for (size_t k = 0; k < 4; k++)
            *dest[k] = dup_or_null(report_run_context(&r, NULL, keys[k]));
    report_run_free(&r);
    free(path);
    free(bench);
}

bool page_run_load(page_run *run, const char *dir, char *err, size_t errsize)
{
    memset(run, 0, sizeof *run);
    run->dir = strdup(dir);
    if (!run->dir) {
        set_err(err, errsize, "%s: out of memory", dir);
        return false;
    }
    run->report = page_load_json(dir, "report.json", NULL, err, errsize);
    if (!run->report) {
        page_run_free(run);
        return false;
    }
    const char *schema = json_string_value(json_object_get(run->report, "schema"));
    if (!json_is_object(run->report) || !schema || strcmp(schema, PAGE_REPORT_SCHEMA) != 0) {
        set_err(err, errsize, "%s/report.json: schema '%.60s' is not one this page knows (%s)",
                dir, schema ? schema : "(none)", PAGE_REPORT_SCHEMA);
        page_run_free(run);
        return false;
    }
    if (!json_is_array(json_object_get(run->report, "claims"))) {
        set_err(err, errsize, "%s/report.json: no \"claims\" array", dir);
        page_run_free(run);
        return false;
    }
    json_t *machine = json_object_get(run->report, "machine");
    if (json_is_object(machine))
        run->machine = json_incref(machine);
    else
        run->machine = page_load_json(dir, "machine.json", NULL, NULL, 0);
    if (run->machine && !json_is_object(run->machine)) {
        json_decref(run->machine);
        run->machine = NULL;
    }
    json_t *conditions = json_object_get(run->report, "conditions");
    if (json_is_object(conditions))
        run->conditions = json_incref(conditions);
    load_context(run);
    return true;
}

void page_run_free(page_run *run)
{
    free(run->dir);
    json_decref(run->report);
    json_decref(run->machine);
    json_decref(run->conditions);
    free(run->compiler);
    free(run->allocator);
    free(run->noise_grade);
    free(run->mode);
    memset(run, 0, sizeof *run);
}

const char *page_run_name(const page_run *run)
{
    const char *name = json_string_value(json_object_get(run->report, "run"));
    if (name && *name)
        return name;
    const char *slash = run->dir ? strrchr(run->dir, '/') : NULL;
    return slash && slash[1] ? slash + 1 : run->dir;
}
