/* stability.c - compare the verdicts of two runs, claim by claim. */
#include "stability.h"

#include "rules.h"
#include "write_check.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>

/* ", from 50.8 KiB", " up to 96.0 KiB", " at least 30.2 KiB": the sizes
 * sweep.c writes after a level. */
#define BOUNDARY_RE ",? ?(from|up to|at least) [0-9][0-9.]* ?[KMGT]?i?B"

void stability_levels_only(const char *condition, text *out)
{
    text_clear(out);
    regex_t re;
    if (regcomp(&re, BOUNDARY_RE, REG_EXTENDED) != 0) {
        text_printf(out, "%s", condition);
        return;
    }
    const char *p = condition;
    regmatch_t m;
    while (regexec(&re, p, 1, &m, 0) == 0) {
        text_printf(out, "%.*s", (int)m.rm_so, p);
        p += m.rm_eo;
    }
    text_printf(out, "%s", p);
    regfree(&re);
}

stability_kind stability_compare(const verdict *a, const verdict *b)
{
    if (a->kind != b->kind)
        return STABILITY_FLIPPED;
    const char *ca = text_str(&a->condition), *cb = text_str(&b->condition);
    if (strcmp(ca, cb) == 0)
        return STABILITY_SAME;
    text la = TEXT_INIT, lb = TEXT_INIT;
    stability_levels_only(ca, &la);
    stability_levels_only(cb, &lb);
    bool levels_same = strcmp(text_str(&la), text_str(&lb)) == 0;
    text_free(&la);
    text_free(&lb);
    return levels_same ? STABILITY_BOUNDARY_MOVED : STABILITY_CONDITION_MOVED;
}

const char *stability_kind_name(stability_kind k)
{
    switch (k) {
    case STABILITY_SAME:
        return "same";
    case STABILITY_BOUNDARY_MOVED:
        return "boundary moved";
    case STABILITY_CONDITION_MOVED:
        return "condition moved";
    case STABILITY_FLIPPED:
        return "flipped";
    }
    return "?";
}

/* Every claim judged on the run in dir, or NULL (message on err). */
static claim_result *judge_all(const char *dir, FILE *err)
{
    report_run run;
    char msg[1024];
    if (!report_run_load(&run, dir, msg, sizeof msg)) {
        fprintf(err, "report: %s\n", msg);
        return NULL;
    }
    claim_result *r = calloc(claim_rule_count, sizeof *r);
    if (r)
        for (size_t i = 0; i < claim_rule_count; i++)
            claim_judge(&claim_rules[i], &run, &r[i]);
    else
        fputs("report: out of memory\n", err);
    report_run_free(&run);
    return r;
}

static void free_all(claim_result *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < claim_rule_count; i++)
        claim_result_free(&r[i]);
    free(r);
}

int stability_report(const char *a, const char *b, FILE *out, FILE *err)
{
    claim_result *ra = judge_all(a, err);
    claim_result *rb = ra ? judge_all(b, err) : NULL;
    if (!rb) {
        free_all(ra);
        return 1;
    }
    size_t count[STABILITY_FLIPPED + 1] = {0};
    fprintf(out, "| id | %s | %s | outcome |\n|---|---|---|---|\n", a, b);
    for (size_t i = 0; i < claim_rule_count; i++) {
        stability_kind k = stability_compare(&ra[i].v, &rb[i].v);
        count[k]++;
        text pa = TEXT_INIT, pb = TEXT_INIT;
        verdict_phrase(&ra[i].v, false, &pa);
        verdict_phrase(&rb[i].v, false, &pb);
        fprintf(out, "| %s | %s | %s | %s |\n", claim_rules[i].id, text_str(&pa),
                text_str(&pb), stability_kind_name(k));
        text_free(&pa);
        text_free(&pb);
    }
    fprintf(out, "\n%zu claims: ", claim_rule_count);
    for (int k = STABILITY_SAME; k <= STABILITY_FLIPPED; k++)
        fprintf(out, "%s%zu %s", k ? ", " : "", count[k], stability_kind_name((stability_kind)k));
    fprintf(out, ".\n");
    free_all(ra);
    free_all(rb);
    return write_check(out, "claims_diff", "the table", err);
}
