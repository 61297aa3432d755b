/* verdict.c - verdict names, phrases and combining parts of a claim. */
#include "verdict.h"

#include "xalloc.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void verdict_free(verdict *v)
{
    text_free(&v->condition);
    text_free(&v->note);
    v->kind = VERDICT_NOT_MEASURED;
}

void verdict_copy(verdict *dst, const verdict *src)
{
    dst->kind = src->kind;
    text_clear(&dst->condition);
    text_clear(&dst->note);
    text_printf(&dst->condition, "%s", text_str(&src->condition));
    text_printf(&dst->note, "%s", text_str(&src->note));
}

void claim_result_init(claim_result *r)
{
    *r = (claim_result){.v = VERDICT_INIT, .figures = TEXT_INIT, .body = TEXT_INIT,
                        .unit = TEXT_INIT, .threshold = NAN};
}

static void level_free(claim_level *l)
{
    free(l->pair);
    free(l->level);
}

void claim_result_free(claim_result *r)
{
    verdict_free(&r->v);
    text_free(&r->figures);
    text_free(&r->body);
    text_free(&r->unit);
    for (size_t i = 0; i < r->nlevels; i++)
        level_free(&r->levels[i]);
    for (size_t i = 0; i < r->ntables; i++)
        data_table_free(&r->tables[i]);
    free(r->levels);
    free(r->tables);
    claim_result_init(r);
}

/* True when unit is one of the "; "-separated units in list. */
static bool has_unit(const char *list, const char *unit)
{
    size_t n = strlen(unit);
    for (const char *p = list; (p = strstr(p, unit)); p++)
        if ((p == list || (p >= list + 2 && p[-2] == ';' && p[-1] == ' ')) &&
            (p[n] == '\0' || p[n] == ';'))
            return true;
    return false;
}

void claim_result_measure(claim_result *r, const char *unit, double threshold)
{
    if (unit && *unit && !has_unit(text_str(&r->unit), unit))
        text_printf(&r->unit, "%s%s", r->unit.len ? "; " : "", unit);
    if (isnan(r->threshold) && isfinite(threshold))
        r->threshold = threshold;
}

void claim_result_add_level(claim_result *r, const claim_level *l)
{
    r->levels = report_xrealloc(r->levels, (r->nlevels + 1) * sizeof *r->levels);
    claim_level *d = &r->levels[r->nlevels++];
    *d = *l;
    d->pair = report_xstrdup(l->pair);
    d->level = report_xstrdup(l->level);
}

data_table *claim_result_add_table(claim_result *r, const char *title, bool collapsed)
{
    r->tables = report_xrealloc(r->tables, (r->ntables + 1) * sizeof *r->tables);
    data_table *t = &r->tables[r->ntables++];
    data_table_init(t, title, collapsed);
    return t;
}

void claim_result_take(claim_result *dst, claim_result *src)
{
    claim_result_measure(dst, text_str(&src->unit), src->threshold);
    if (src->nlevels) {
        dst->levels = report_xrealloc(dst->levels, (dst->nlevels + src->nlevels) * sizeof *dst->levels);
        memcpy(dst->levels + dst->nlevels, src->levels, src->nlevels * sizeof *src->levels);
        dst->nlevels += src->nlevels;
    }
    if (src->ntables) {
        dst->tables = report_xrealloc(dst->tables, (dst->ntables + src->ntables) * sizeof *dst->tables);
        memcpy(dst->tables + dst->ntables, src->tables, src->ntables * sizeof *src->tables);
        dst->ntables += src->ntables;
    }
    free(src->levels);
    free(src->tables);
    src->levels = NULL;
    src->tables = NULL;
    src->nlevels = src->ntables = 0;
}

void verdict_set(verdict *v, verdict_kind kind, const char *fmt, ...)
{
    v->kind = kind;
    text_clear(&v->condition);
    text_clear(&v->note);
    if (!fmt)
        return;
    char buf[1024];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    text_printf(&v->condition, "%s", buf);
}

/* Each kind's words for people and its token in report.json, by kind. */
static const struct {
    const char *name, *token;
} kind_words[] = {
    [VERDICT_NOT_MEASURED] = {"not measured", "not_measured"},
    [VERDICT_HOLDS] = {"holds", "holds"},
    [VERDICT_HOLDS_ONLY_WHEN] = {"holds only when", "holds_only_when"},
    [VERDICT_WITHIN_NOISE] = {"within noise", "within_noise"},
    [VERDICT_DOES_NOT_HOLD] = {"does not hold", "does_not_hold"},
};

const char *verdict_kind_name(verdict_kind k)
{
    return (unsigned)k <= VERDICT_DOES_NOT_HOLD ? kind_words[k].name : "?";
}

const char *verdict_kind_token(verdict_kind k)
{
    return (unsigned)k <= VERDICT_DOES_NOT_HOLD ? kind_words[k].token : "?";
}

bool verdict_kind_from_token(const char *token, verdict_kind *out)
{
    for (int k = VERDICT_NOT_MEASURED; k <= VERDICT_DOES_NOT_HOLD; k++)
        if (token && strcmp(token, verdict_kind_token((verdict_kind)k)) == 0) {
            *out = (verdict_kind)k;
            return true;
        }
    return false;
}

const char *verdict_condition_lead(verdict_kind k, const char *condition)
{
    if (!condition || !*condition)
        return "";
    if (k != VERDICT_HOLDS_ONLY_WHEN)
        return ": ";
    /* "holds only when, for time, ...; for memory, always" */
    return strncmp(condition, "for ", 4) == 0 ? ", " : " ";
}

const char *verdict_condition_lead_token(const char *kind_token, const char *condition)
{
    verdict_kind k;
    if (!condition || !*condition)
        return "";
    return verdict_kind_from_token(kind_token, &k) ? verdict_condition_lead(k, condition) : " ";
}

const char *verdict_condition_read(const char *condition)
{
    if (!condition)
        return "";
    return strncmp(condition, ", ", 2) == 0 ? condition + 2 : condition;
}

void verdict_phrase(const verdict *v, bool with_note, text *out)
{
    const char *cond = text_str(&v->condition);
    text_printf(out, "%s%s%s", verdict_kind_name(v->kind), verdict_condition_lead(v->kind, cond),
                cond);
    if (with_note && v->note.len)
        text_printf(out, " (%s)", text_str(&v->note));
}

/* "name: note; name: note" over the parts that have a note. */
static void combine_notes(text *out, const verdict *parts, const char *const *names,
                          size_t n)
{
    const char *sep = "";
    for (size_t i = 0; i < n; i++) {
        if (!parts[i].note.len)
            continue;
        text_printf(out, "%s%s: %s", sep, names[i], text_str(&parts[i].note));
        sep = "; ";
    }
}

void verdict_combine(verdict *out, const verdict *parts, const char *const *names,
                     size_t n)
{
    size_t count[VERDICT_DOES_NOT_HOLD + 1] = {0};
    for (size_t i = 0; i < n; i++)
        count[parts[i].kind]++;
    text_clear(&out->condition);
    text_clear(&out->note);
    combine_notes(&out->note, parts, names, n);

    if (count[VERDICT_NOT_MEASURED]) {
        out->kind = VERDICT_NOT_MEASURED;
        const char *sep = "";
        for (size_t i = 0; i < n; i++) {
            if (parts[i].kind != VERDICT_NOT_MEASURED)
                continue;
            text_printf(&out->condition, "%s%s: %s", sep, names[i],
                        text_str(&parts[i].condition));
            sep = "; ";
        }
        return;
    }
    for (int k = VERDICT_HOLDS; k <= VERDICT_DOES_NOT_HOLD; k++) {
        if (count[k] == n && k != VERDICT_HOLDS_ONLY_WHEN) {
            out->kind = (verdict_kind)k;
            return;
        }
    }
    if (count[VERDICT_HOLDS] > count[VERDICT_WITHIN_NOISE] &&
        count[VERDICT_HOLDS] + count[VERDICT_WITHIN_NOISE] == n) {
        /* A part within noise is no evidence against the claim, and one
         * near its threshold lands on either side from run to run: when
         * most parts hold, it is named in the note and leaves the verdict
         * alone.  When as many parts are within noise as hold, the claim
         * rests on too little, and the condition says which held. */
        out->kind = VERDICT_HOLDS;
        text t = TEXT_INIT;
        const char *sep = "within noise for ";
        for (size_t i = 0; i < n; i++) {
            if (parts[i].kind != VERDICT_WITHIN_NOISE)
                continue;
            text_printf(&t, "%s%s", sep, names[i]);
            sep = ", ";
        }
        if (out->note.len)
            text_printf(&t, "; %s", text_str(&out->note));
        text_free(&out->note);
        out->note = t;
        return;
    }
    if (count[VERDICT_HOLDS] || count[VERDICT_HOLDS_ONLY_WHEN]) {
        /* "holds only when, for time, the working set is past L1 ...;
         * for memory, always" */
        out->kind = VERDICT_HOLDS_ONLY_WHEN;
        for (size_t i = 0; i < n; i++) {
            text_printf(&out->condition, "%sfor %s, ", i ? "; " : "", names[i]);
            if (parts[i].kind == VERDICT_HOLDS_ONLY_WHEN)
                text_printf(&out->condition, "%s", text_str(&parts[i].condition));
            else if (parts[i].kind == VERDICT_HOLDS)
                text_printf(&out->condition, "always");
            else
                verdict_phrase(&parts[i], false, &out->condition);
        }
        return;
    }
    /* Nothing holds, and the parts disagree on why. */
    out->kind = VERDICT_DOES_NOT_HOLD;
    for (size_t i = 0; i < n; i++) {
        text_printf(&out->condition, "%sfor %s, ", i ? "; " : "", names[i]);
        verdict_phrase(&parts[i], false, &out->condition);
    }
}

void verdict_combine_free(verdict *out, verdict *parts, const char *const *names,
                          size_t n)
{
    verdict_combine(out, parts, names, n);
    for (size_t i = 0; i < n; i++)
        verdict_free(&parts[i]);
}
