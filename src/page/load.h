/*
 * load.h - what the browser page reads from a run directory: report.json
 * (the verdicts, docs/report-json.md), machine.json (the measured
 * profile) and the context of one bench result (compiler, allocator,
 * noise grade).  A committed run keeps its JSON gzipped (results/reference:
 * report.json.gz, ...), so each file is read as <name> or else <name>.gz.
 */
#ifndef PAGE_LOAD_H
#define PAGE_LOAD_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

/* The one report.json schema this page knows. */
#define PAGE_REPORT_SCHEMA "memlayout-report/1"

typedef struct page_run {
    char *dir;            /* as given */
    json_t *report;       /* report.json's root */
    json_t *machine;      /* report.json's "machine", else machine.json; NULL if none */
    json_t *conditions;   /* report.json's "conditions"; NULL if none */
    char *compiler;       /* from a bench result's context; NULL if not recorded */
    char *allocator;
    char *noise_grade;
    char *mode;           /* "quick" or "full" */
} page_run;

/*
 * Reads <dir>/<name>, or <dir>/<name>.gz (report/gz_read.h, at most
 * 64 MiB unpacked) when only that exists, as JSON.  NULL with a one-line
 * message naming the file in err (errsize bytes) when neither exists, it
 * cannot be read or is not JSON.
 * *found (if not NULL) says whether either file existed.
 */
json_t *page_load_json(const char *dir, const char *name, bool *found, char *err,
                       size_t errsize);

/*
 * Loads a run for the page: report.json is required and must have the
 * schema PAGE_REPORT_SCHEMA and a "claims" array; machine.json and the
 * bench context are optional.  Returns true, or false with a message
 * naming the file in err; run is then empty (page_run_free is harmless).
 */
bool page_run_load(page_run *run, const char *dir, char *err, size_t errsize);

void page_run_free(page_run *run);

/* The "run" string of the report, or the directory's last part. */
const char *page_run_name(const page_run *run);

#endif /* PAGE_LOAD_H */
