/* stability.c - compare the verdicts of two runs, claim by claim, from
 * their report.json. */
#include "stability.h"

#include "harness/enum_text.h"
#include "md_escape.h"
#include "report_json.h"
#include "rules.h"
#include "write_check.h"

#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ", from 50.8 KiB", " up to 96.0 KiB", " at least 30.2 KiB": the sizes
 * a condition may carry after a level. */
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

static const char *field(json_t *obj, const char *key)
{
    const char *s = json_string_value(json_object_get(obj, key));
    return s ? s : "";
}

/* The level of claim c for the same pair and level as l, or NULL. */
static json_t *same_level(json_t *c, json_t *l)
{
    size_t i;
    json_t *other;
    json_array_foreach(json_object_get(c, "levels"), i, other)
        if (strcmp(field(other, "pair"), field(l, "pair")) == 0 &&
            strcmp(field(other, "level"), field(l, "level")) == 0)
            return other;
    return NULL;
}

/* True when claim c compares more than one pair. */
static bool several_pairs(json_t *c)
{
    json_t *levels = json_object_get(c, "levels");
    const char *first = field(json_array_get(levels, 0), "pair");
    size_t i;
    json_t *l;
    json_array_foreach(levels, i, l)
        if (strcmp(field(l, "pair"), first) != 0)
            return true;
    return false;
}

/* "L2: holds, now within_noise" (with the pair when there are several);
 * a level only one run has reads "(none)" on the other side. */
static void note_level(text *what, json_t *named, json_t *a, json_t *b, bool pairs)
{
    if (!what)
        return;
    text_printf(what, "%s", what->len ? "; " : "");
    if (pairs)
        text_printf(what, "%s, ", field(named, "pair"));
    text_printf(what, "%s: %s, now %s", field(named, "level"), a ? field(a, "status") : "(none)",
                b ? field(b, "status") : "(none)");
}

stability_kind stability_compare(json_t *a, json_t *b, text *what)
{
    if (strcmp(field(a, "kind"), field(b, "kind")) != 0)
        return STABILITY_FLIPPED;
    stability_kind k = STABILITY_STAYED;
    bool pairs = several_pairs(a) || several_pairs(b);
    size_t i, shared = 0;
    json_t *l;
    json_array_foreach(json_object_get(a, "levels"), i, l)
        shared += same_level(b, l) != NULL;
    /* A level only one run measured is named, but it is no move when the
     * runs share other levels: the machine's levels differed (a guest's
     * shared L3 is measured at 2 MiB in one run and not at all in the
     * next), not the verdict.  With no level in common, nothing was
     * compared, and that is a move. */
    bool one_sided_moves = shared == 0;
    json_array_foreach(json_object_get(a, "levels"), i, l) {
        json_t *o = same_level(b, l);
        if (o && strcmp(field(l, "status"), field(o, "status")) == 0)
            continue;
        if (o || one_sided_moves)
            k = STABILITY_MOVED;
        note_level(what, l, l, o, pairs);
    }
    json_array_foreach(json_object_get(b, "levels"), i, l) {
        if (!same_level(a, l)) {
            if (one_sided_moves)
                k = STABILITY_MOVED;
            note_level(what, l, NULL, l, pairs);
        }
    }
    text la = TEXT_INIT, lb = TEXT_INIT;
    stability_levels_only(verdict_condition_read(field(a, "condition")), &la);
    stability_levels_only(verdict_condition_read(field(b, "condition")), &lb);
    if (strcmp(text_str(&la), text_str(&lb)) != 0) {
        k = STABILITY_MOVED;
        if (what)
            text_printf(what, "%scondition", what->len ? "; " : "");
    }
    text_free(&la);
    text_free(&lb);
    return k;
}

const char *stability_kind_name(stability_kind k)
{
    static const char *const names[] = {
        [STABILITY_STAYED] = "stayed",
        [STABILITY_MOVED] = "moved",
        [STABILITY_FLIPPED] = "flipped",
    };
    return ENUM_TEXT(names, k, "?");
}

/* Every claim judged on the run in dir, as report.json would hold it. */
static json_t *judge_run(const char *dir, char *err, size_t errsize)
{
    report_run run;
    if (!report_run_load(&run, dir, err, errsize))
        return NULL;
    claim_result *r = calloc(claim_rule_count, sizeof *r);
    if (!r) {
        snprintf(err, errsize, "out of memory");
        report_run_free(&run);
        return NULL;
    }
    for (size_t i = 0; i < claim_rule_count; i++)
        claim_judge(&claim_rules[i], &run, &r[i]);
    json_t *doc = report_json_build(&run, r, time(NULL));
    for (size_t i = 0; i < claim_rule_count; i++)
        claim_result_free(&r[i]);
    free(r);
    report_run_free(&run);
    return doc;
}

json_t *stability_verdicts(const char *dir, char *err, size_t errsize)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/report.json", dir);
    struct stat st;
    if (stat(path, &st) != 0)
        return judge_run(dir, err, errsize);
    json_t *doc;
    return report_json_load(path, &doc, err, errsize) ? doc : NULL;
}

/* The claim with this id in doc, or NULL. */
static json_t *claim_of(json_t *doc, const char *id)
{
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(doc, "claims"), i, c)
        if (strcmp(field(c, "id"), id) == 0)
            return c;
    return NULL;
}

/* "holds only when <condition>", escaped: report.json is a shared file,
 * and what it says is shown as text. */
static void cell(text *out, json_t *c)
{
    text phrase = TEXT_INIT;
    const char *cond = verdict_condition_read(field(c, "condition"));
    text_printf(&phrase, "%s%s%s", c ? field(c, "verdict") : "(no such claim)",
                verdict_condition_lead_token(field(c, "kind"), cond), cond);
    md_escape(out, text_str(&phrase), false);
    text_free(&phrase);
}

int stability_report(const char *a, const char *b, FILE *out, FILE *err)
{
    char msg[1024];
    json_t *da = stability_verdicts(a, msg, sizeof msg), *db = NULL;
    if (da)
        db = stability_verdicts(b, msg, sizeof msg);
    if (!db) {
        fprintf(err, "claims_diff: %s\n", msg);
        json_decref(da);
        return 1;
    }
    size_t count[STABILITY_FLIPPED + 1] = {0};
    text line = TEXT_INIT;
    text_printf(&line, "| id | ");
    md_escape(&line, a, false);
    text_printf(&line, " | ");
    md_escape(&line, b, false);
    text_printf(&line, " | outcome |\n|---|---|---|---|\n");
    fputs(text_str(&line), out);
    size_t i;
    json_t *ca;
    json_array_foreach(json_object_get(da, "claims"), i, ca) {
        json_t *cb = claim_of(db, field(ca, "id"));
        text what = TEXT_INIT;
        stability_kind k = cb ? stability_compare(ca, cb, &what) : STABILITY_FLIPPED;
        count[k]++;
        text_clear(&line);
        text_printf(&line, "| ");
        md_escape(&line, field(ca, "id"), false);
        text_printf(&line, " | ");
        cell(&line, ca);
        text_printf(&line, " | ");
        cell(&line, cb);
        text_printf(&line, " | %s", stability_kind_name(k));
        if (what.len) {
            text_printf(&line, " (");
            md_escape(&line, text_str(&what), false);
            text_printf(&line, ")");
        }
        text_printf(&line, " |\n");
        fputs(text_str(&line), out);
        text_free(&what);
    }
    fprintf(out, "\n%zu claims: ", json_array_size(json_object_get(da, "claims")));
    for (int k = STABILITY_STAYED; k <= STABILITY_FLIPPED; k++)
        fprintf(out, "%s%zu %s", k ? ", " : "", count[k], stability_kind_name((stability_kind)k));
    fprintf(out, ".\n");
    text_free(&line);
    json_decref(da);
    json_decref(db);
    return write_check(out, "claims_diff", "the table", err);
}
