/*
 * rules.h - the claims the report judges, in one table (rules.c).
 *
 * Each row names a claim of docs/claims.md, the bench whose JSON decides
 * it, its plots, and the function that turns the figures into a verdict.
 * The judge functions live beside their bench, in rules/<bench>.c.
 * claim_judge() handles what is common: a claim whose bench was not run,
 * or whose rule is not written yet, is "not measured", never guessed.
 *
 * To add a rule for a new bench (docs/claims.md, "Adding a rule"): write
 * judge_<id>() in src/report/rules/<bench>.c, declare it below, put its
 * name in the claim's row in rules.c, and add fixture tests.
 */
#ifndef REPORT_RULES_H
#define REPORT_RULES_H

#include "run.h"
#include "verdict.h"

#include <stddef.h>

/* Fills out (already initialized) with the verdict, its deciding figures
 * and its markdown.  Called only when the rule's <bench>.json is in run. */
typedef void claim_judge_fn(const report_run *run, claim_result *out);

/* The most plots one claim names. */
#define CLAIM_MAX_PLOTS 4

typedef struct claim_rule {
    const char *id;            /* "L1", as in docs/claims.md */
    const char *claim;         /* the claim, one line, in the project's words */
    const char *bench;         /* its bench: <bench>.json in the run */
    const char *plots[CLAIM_MAX_PLOTS];   /* the plots that show the claim, as
                                             plots/<x>.gp names them in <run>/plots/
                                             (no extension); none where no plot does */
    claim_judge_fn *judge;     /* NULL until the rule is written */
} claim_rule;

extern const claim_rule claim_rules[];
extern const size_t claim_rule_count;

/* Claims considered and left out, with why (listed in the report too). */
typedef struct claim_out_of_scope {
    const char *claim;
    const char *seeds;
    const char *why;
} claim_out_of_scope;

extern const claim_out_of_scope claims_out_of_scope[];
extern const size_t claims_out_of_scope_count;

/* The row of claim 'id', or NULL. */
const claim_rule *claim_rule_find(const char *id);

/* Judges one claim into out (initialized here; free with
 * claim_result_free): "not measured" when <bench>.json is absent or the
 * row has no judge yet, else the judge's verdict. */
void claim_judge(const claim_rule *rule, const report_run *run, claim_result *out);

/* Judges, rules/traverse.c: list vs array, values vs pointers, the boxed
 * model of a Python list, compact layouts. */
claim_judge_fn judge_l1, judge_l3, judge_l4, judge_l5;

/* rules/insert.c: a list against an array at inserts in the middle. */
claim_judge_fn judge_l2;

/* rules/stride.c: a read next to the last one against one per line. */
claim_judge_fn judge_l6;

/* rules/growth.c: growing by appends (exact counts), reserving up front,
 * what a small view keeps alive.  G4 is a test (tests/test_slice.c), not
 * in growth.json: it has no judge. */
claim_judge_fn judge_g1, judge_g2, judge_g3, judge_g4;

/* Judges of the allocation and streaming benches: rules/alloc.c (A1-A3),
 * rules/escape.c (A4), rules/lines.c (A5), rules/stream.c (S1, S2),
 * rules/queue.c (S3, S4). */
claim_judge_fn judge_a1, judge_a2, judge_a3, judge_a4, judge_a5;
claim_judge_fn judge_s1, judge_s2, judge_s3, judge_s4;

/* The claims the first catalogue missed: rules/lines.c (A6, a view kept
 * past later reads), rules/stream.c (S5, reading under a memory limit),
 * rules/queue.c (S6, the pool's speedup by workers), rules/traverse.c
 * (L7, __slots__ in the real CPython, from crosscheck.json). */
claim_judge_fn judge_a6, judge_s5, judge_s6, judge_l7;

/* rules/gc.c: the Boehm collector's work, heap and pauses (C1-C4), and
 * the cycles counting leaks, reclaimed (C5, A2's second half). */
claim_judge_fn judge_c1, judge_c2, judge_c3, judge_c4, judge_c5;
/* rules/gallery.c: the cache gallery (X1-X7). */
claim_judge_fn judge_x1, judge_x2, judge_x3, judge_x4, judge_x5, judge_x6, judge_x7;

/* The threshold of timing rules: the costly case must be at least 10%
 * slower (ratio of medians), with the ratio's 95% interval above 1
 * (significance.h).  Below that, a machine's own drift between two runs
 * could flip the verdict. */
#define RULE_MIN_RATIO 1.10

#endif /* REPORT_RULES_H */
