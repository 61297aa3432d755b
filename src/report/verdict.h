/*
 * verdict.h - what the report says about one claim, and how parts combine.
 *
 * Every claim ends in one of five verdicts.  "holds only when" always
 * carries its measured condition; "not measured" carries the reason (the
 * bench was not run, a case is missing or failed) and is never a guess.
 */
#ifndef REPORT_VERDICT_H
#define REPORT_VERDICT_H

#include "data_table.h"
#include "text.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum verdict_kind {
    VERDICT_NOT_MEASURED,
    VERDICT_HOLDS,
    VERDICT_HOLDS_ONLY_WHEN,
    VERDICT_WITHIN_NOISE,
    VERDICT_DOES_NOT_HOLD,
} verdict_kind;

typedef struct verdict {
    verdict_kind kind;
    /* HOLDS_ONLY_WHEN: the condition ("the working set is past L1 (32 KiB),
     * from 48 KiB").  NOT_MEASURED: why.  Empty for the other kinds. */
    text condition;
    /* What a reader should also know, in parentheses after the verdict:
     * exceptions, how the other levels came out ("in L1: 0 of 3 hold,
     * 3 reversed").  Often empty. */
    text note;
} verdict;

#define VERDICT_INIT {VERDICT_NOT_MEASURED, TEXT_INIT, TEXT_INIT}

void verdict_free(verdict *v);

/* Copies kind and texts of src into dst (dst's old texts are replaced). */
void verdict_copy(verdict *dst, const verdict *src);

/* One group of sizes (a measured cache level, or all sizes) of one
 * compared pair: what report.json lists under "levels". */
typedef struct claim_level {
    char *pair;          /* "list in order / array" */
    char *level;         /* "L2", "memory", "all sizes" */
    size_t sizes;
    double ws_lo, ws_hi; /* the working sets of its sizes, bytes */
    double ratio;        /* median of the sizes' ratios */
    double lo, hi;       /* its 95% interval; NAN when there is none */
    const char *status;  /* "holds", "within_noise", "below_threshold",
                            "reversed" (compare_status_token) */
} claim_level;

/* One claim's outcome, as the report prints it and report.json holds it. */
typedef struct claim_result {
    verdict v;
    text figures;   /* the deciding figures, one line (summary and report) */
    text body;      /* markdown for report.md: tables and notes */
    /* The same as data (claim_result_measure, _add_level, _add_table):
     * filled by the sweeps for every timing rule, by a rule for its own
     * exact figures. */
    text unit;          /* of the deciding figures; parts' units joined by "; " */
    double threshold;   /* the ratio the rule asks for; NAN where it is exact */
    claim_level *levels;
    size_t nlevels;
    data_table *tables;
    size_t ntables;
} claim_result;

/* Empties r (NOT_MEASURED, texts empty, no threshold, levels or tables). */
void claim_result_init(claim_result *r);
void claim_result_free(claim_result *r);

/* Records what the deciding figures are measured in and the threshold
 * the rule applies: a unit not yet named is appended ("bytes per element;
 * ns per element"); the first finite threshold stays (a claim has one in
 * docs/claims.md; where parts differ, the first part's).  unit may be
 * NULL, threshold NAN. */
void claim_result_measure(claim_result *r, const char *unit, double threshold);

/* Appends a copy of l (its strings copied; status must be static). */
void claim_result_add_level(claim_result *r, const claim_level *l);

/* A new empty table at the end of r's tables (data_table.h fills it);
 * valid until the next claim_result_add_table or _take on r. */
data_table *claim_result_add_table(claim_result *r, const char *title, bool collapsed);

/* Moves src's levels and tables to the end of dst's and merges its unit
 * and threshold (claim_result_measure): a part's data into its claim.
 * src keeps its verdict and texts. */
void claim_result_take(claim_result *dst, claim_result *src);

/* Sets v to kind with a printf-formatted condition (fmt may be NULL) and
 * an empty note. */
void verdict_set(verdict *v, verdict_kind kind, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "holds", "does not hold", "holds only when", "within noise",
 * "not measured". */
const char *verdict_kind_name(verdict_kind k);

/* The same as a token of report.json: "holds", "does_not_hold",
 * "holds_only_when", "within_noise", "not_measured"; and back (false for
 * a token that is none of them). */
const char *verdict_kind_token(verdict_kind k);
bool verdict_kind_from_token(const char *token, verdict_kind *out);

/* What goes between a verdict's name and its condition, so that every
 * place that writes them (the report, the page, claims-diff) reads
 * alike: "" without a condition; for "holds only when", ", " before a
 * condition in parts ("for time, ...; for memory, always") and " " before
 * any other; ": " for every other kind. */
const char *verdict_condition_lead(verdict_kind k, const char *condition);

/* The same for a kind as report.json writes it (verdict_kind_token): a
 * token that names no kind gets a plain space before its condition. */
const char *verdict_condition_lead_token(const char *kind_token, const char *condition);

/* A condition as read from a report.json: without the ", " that reports
 * before 2026-12-05 put before a condition in parts, so that an old run
 * and a new one compare and print alike.  NULL gives "". */
const char *verdict_condition_read(const char *condition);

/* The verdict as one phrase, appended to out: "holds only when
 * <condition>", "not measured: <reason>", "within noise"; with_note adds
 * " (<note>)" when there is one. */
void verdict_phrase(const verdict *v, bool with_note, text *out);

/*
 * The verdict of a claim made of several parts (memory and time, two
 * comparisons), each named (names[i], e.g. "memory").  Any part not
 * measured: not measured, naming it.  All parts of one kind: that kind.
 * More parts that hold than parts within noise, and no other kind: holds,
 * with "within noise for <name>" in the note (a part near its threshold
 * falls on either side from run to run; it must not flip the verdict).  Else, when at least
 * one part holds (fully or only when): "holds only when, for <name>,
 * <condition>; for <name>, always; ...".  Else: does not hold.  The
 * parts' notes are kept, each under its name.
 */
void verdict_combine(verdict *out, const verdict *parts, const char *const *names,
                     size_t n);

/* verdict_combine(), then frees the parts: the last step of every rule
 * made of parts, which has no use for them once combined. */
void verdict_combine_free(verdict *out, verdict *parts, const char *const *names,
                          size_t n);

#endif /* REPORT_VERDICT_H */
