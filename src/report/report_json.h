/*
 * report_json.h - the verdicts as data: <run>/report.json, written beside
 * report.md from the same judged claims, and read back by claims_diff
 * and compare.  The schema is docs/report-json.md ("memlayout-report/1");
 * a reader refuses any other.
 */
#ifndef REPORT_REPORT_JSON_H
#define REPORT_REPORT_JSON_H

#include "run.h"
#include "verdict.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#define REPORT_JSON_SCHEMA "memlayout-report/1"

/*
 * The whole document: schema, run (the directory's base name), generated
 * (now, UTC), the run's machine.json and conditions.json as they are (or
 * null), and per claim of claim_rules (results[i] for rule i) its id,
 * experiment, title, kind, verdict, condition, note, line, figures, unit,
 * threshold, levels, tables and the plots the run has.  Numbers that are
 * not finite are null.  A new reference; exits (status 1) when out of
 * memory.
 */
json_t *report_json_build(const report_run *run, const claim_result *results, time_t now);

/* Writes doc to f, indented, one claim after another. */
void report_json_dump(FILE *f, json_t *doc);

/*
 * Reads a report.json: a new reference in *out and true, or false with
 * one line in err naming the file (not there, malformed, not an object
 * with a "claims" array, or a "schema" this reader does not know).
 */
bool report_json_load(const char *path, json_t **out, char *err, size_t errsize);

#endif /* REPORT_REPORT_JSON_H */
