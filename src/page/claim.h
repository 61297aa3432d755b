/*
 * claim.h - one claim of report.json in the page: its line in the list
 * at the top (coloured by verdict kind, linking to its section) and its
 * section: title, verdict, deciding figures with intervals, levels table,
 * plots inline, tables (long ones collapsed).
 */
#ifndef PAGE_CLAIM_H
#define PAGE_CLAIM_H

#include "page/load.h"

#include <jansson.h>
#include <stdio.h>

/* The plots and charts already in the page: a plot several claims show
 * (traverse for L1, L3, L4, L5) is inlined once and linked after. */
typedef struct claim_seen {
    char **names;
    size_t count;
} claim_seen;

void claim_seen_free(claim_seen *seen);

/* The CSS class of a verdict kind: "k-holds", ... for the kinds of
 * docs/report-json.md, "k-other" for anything else. */
const char *claim_kind_class(const char *kind);

/* The verdict as a badge coloured by its kind, then its condition:
 * <span class="badge k-...">verdict</span> condition.  A claim without a
 * verdict shows 'no_verdict'. */
void claim_badge(FILE *out, const json_t *claim, const char *no_verdict);

/* <li> with the claim's one-line summary, linking to its section. */
void page_claim_line(FILE *out, const json_t *claim);

/*
 * The claim's <section>.  index numbers the claim in the page (ids of
 * its inline plots); link_base is put before links to the run's files.
 * With against not NULL, the other run's verdict for the same id sits
 * beside this one, and the traverse and stride plots get a chart of both
 * runs.  seen collects the plots shown, so each is inlined once.
 */
void page_claim_section(FILE *out, const page_run *run, const json_t *claim, size_t index,
                        const page_run *against, const char *link_base, claim_seen *seen);

#endif /* PAGE_CLAIM_H */
