/*
 * stability.h - do two runs give the same verdicts?  Reads each run's
 * report.json (or, for a run that has none, such as the committed
 * reference, judges its results as the report does) and says, claim by
 * claim, whether the verdict stayed, moved or flipped:
 *
 *   stayed   the same kind of verdict, the same outcome in every level of
 *            every compared pair, the same condition (sizes after "from",
 *            "up to" and "at least" left out: a boundary size moves by a
 *            step between runs when the change is gradual)
 *   moved    the same kind, but a level's outcome or the condition changed
 *   flipped  another kind of verdict
 */
#ifndef REPORT_STABILITY_H
#define REPORT_STABILITY_H

#include "text.h"

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum stability_kind {
    STABILITY_STAYED,
    STABILITY_MOVED,
    STABILITY_FLIPPED,
} stability_kind;

/*
 * How claim b (an object of report.json's "claims") compares with claim
 * a: flipped when the kinds differ; moved when a level both measured has
 * another status, when the conditions differ in more than their sizes,
 * or when the two share no level at all; stayed otherwise.  A level only
 * one run measured is no move by itself.  When what is not NULL, appends
 * each level that differs: "memory: holds, now within_noise" ("L3:
 * (none), now holds" for a level one run lacks; pair and level named
 * when there are several pairs), and "condition".
 */
stability_kind stability_compare(json_t *a, json_t *b, text *what);

/* "stayed", "moved", "flipped". */
const char *stability_kind_name(stability_kind k);

/* The condition with its boundary sizes left out, into out (cleared
 * first): "past L1 (32 KiB), from 50.8 KiB" becomes "past L1 (32 KiB)". */
void stability_levels_only(const char *condition, text *out);

/*
 * The verdicts of the run in dir as report.json holds them: its
 * report.json when there is one (refused, with the file named in err,
 * when its schema is unknown or it is malformed), else judged from the
 * run's results.  A new reference, or NULL with err set.
 */
json_t *stability_verdicts(const char *dir, char *err, size_t errsize);

/*
 * Prints to out a markdown table (claim, verdict on a, on b, outcome and
 * what moved) and a count per outcome.  Returns 0, or 1 when a run cannot
 * be read or out cannot be written (message on err).
 */
int stability_report(const char *a, const char *b, FILE *out, FILE *err);

#endif /* REPORT_STABILITY_H */
