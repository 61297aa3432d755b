/*
 * profile_write.h - machine.json: what calibrate measured, what the system
 * reports, the conditions, and every disagreement or absence in words.
 *
 * The notes are sentences for a reader ("reported L3 508 MiB (CPUID),
 * measured 4.4 MiB at 20 ns: ..."), so the report can print them as they
 * are.  The layout of the file is in docs/machine-profile.md; profile.h
 * loads the part the suite decides with ("measured").
 */
#ifndef PROFILE_WRITE_H
#define PROFILE_WRITE_H

#include "harness/profile_measure.h"
#include "harness/profile_reported.h"
#include "harness/run_conditions.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PROFILE_MAX_NOTES 16

typedef struct profile_notes {
    size_t count;
    char text[PROFILE_MAX_NOTES][400];
} profile_notes;

/* Two sizes agree when neither is more than this factor above the other. */
#define PROFILE_AGREE_FACTOR 1.5

/* Every disagreement between measured and reported sizes, every source
 * that reports nothing, and what may have disturbed the figures. */
void profile_notes_make(const profile_measured *m, const profile_reported *r,
                        const run_others *others, profile_notes *out);

typedef struct profile_run_info {
    const char *host, *date, *cpu_model;
    uint64_t seed;
    size_t max_ws;
} profile_run_info;

/* The whole document (a new reference: json_decref it); NULL when out of
 * memory. */
json_t *profile_json(const profile_run_info *info, const profile_measured *m,
                     const profile_reported *r, const run_others *others,
                     const profile_notes *notes);

/* Writes doc to path through a temporary file in the same directory and
 * a rename, so a reader never sees half a file; "-" writes to stdout.
 * False with a message in err. */
bool profile_write_file(json_t *doc, const char *path, char *err, size_t errsize);

#endif /* PROFILE_WRITE_H */
