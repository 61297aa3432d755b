/*
 * side.h - the side-by-side mode (make report RUN=a AGAINST=b): both
 * verdicts of every claim in one table at the top, and both beside each
 * other in each claim's section.  Claims are matched by id.
 */
#ifndef PAGE_SIDE_H
#define PAGE_SIDE_H

#include "page/load.h"

#include <jansson.h>
#include <stdio.h>

/* The claim with this id in run's report.json; NULL if none. */
const json_t *side_find_claim(const page_run *run, const char *id);

/* A table: claim, verdict in a, verdict in b, whether the kind changed;
 * claims of b that a lacks come last. */
void side_summary(FILE *out, const page_run *a, const page_run *b);

/* Both verdicts of one claim with their figures (b may be NULL: "not in
 * that run"). */
void side_claim(FILE *out, const json_t *a, const char *label_a, const json_t *b,
                const char *label_b);

#endif /* PAGE_SIDE_H */
