/* exact.c - verdicts from exact counts, case by case (exact.h). */
#include "exact.h"

#include "md_escape.h"

#include <stdarg.h>
#include <stdio.h>

void exact_check_free(exact_check *c)
{
    text_free(&c->held_at);
    text_free(&c->failed_at);
    text_free(&c->missing);
    c->held = c->failed = 0;
}

static const char *status_reason(sample_status st)
{
    switch (st) {
    case SAMPLE_MISSING: return "is not in the run";
    case SAMPLE_FAILED: return "failed its check";
    case SAMPLE_NO_METRIC: return "has no counter";
    case SAMPLE_OK: break;
    }
    return "is fine";
}

bool exact_read(exact_check *c, const report_run *run, const char *name,
                const char *counter, double *out, summary *whole)
{
    summary s;
    sample_status st = report_run_summary(run, name, counter, &s);
    if (st == SAMPLE_OK) {
        *out = s.median;
        if (whole)
            *whole = s;
        return true;
    }
    if (c->missing.len == 0) {
        const char *err = report_run_case_error(run, name);
        text_printf(&c->missing, "case %s %s%s%s%s", name, status_reason(st),
                    st == SAMPLE_NO_METRIC ? " " : "",
                    st == SAMPLE_NO_METRIC ? counter : "", err ? ": " : "");
        md_escape(&c->missing, err, false);   /* the bench's words: data */
    }
    return false;
}

bool exact_read_at(exact_check *c, const report_run *run, const char *family, double arg,
                   const char *counter, double *out, summary *whole)
{
    char name[160];
    if (!report_case_name_at(name, sizeof name, arg, "%s", family)) {
        if (c->missing.len == 0)
            text_printf(&c->missing, "case %.40s.../%.0f has a name too long to read",
                        family, arg);
        return false;
    }
    return exact_read(c, run, name, counter, out, whole);
}

size_t exact_args(exact_check *c, const report_run *run, const char *prefix,
                  const char *what, double *args, size_t cap)
{
    size_t n = report_run_args(run, prefix, args, cap);
    if (n == 0 && c->missing.len == 0)
        text_printf(&c->missing, "no case %s/<%s> in the run", prefix, what);
    return n > cap ? cap : n;
}

void exact_record(exact_check *c, bool ok, const char *fmt, ...)
{
    text *list = ok ? &c->held_at : &c->failed_at;
    char label[256];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(label, sizeof label, fmt, ap);
    va_end(ap);
    text_printf(list, "%s%s", list->len ? ", " : "", label);
    if (ok)
        c->held++;
    else
        c->failed++;
}

void exact_verdict(const exact_check *c, const char *what, verdict *v)
{
    if (c->missing.len)
        verdict_set(v, VERDICT_NOT_MEASURED, "%s", text_str(&c->missing));
    else if (c->held + c->failed == 0)
        verdict_set(v, VERDICT_NOT_MEASURED, "no case %s in the run", what);
    else if (c->failed == 0)
        verdict_set(v, VERDICT_HOLDS, NULL);
    else if (c->held == 0) {
        verdict_set(v, VERDICT_DOES_NOT_HOLD, NULL);
        text_printf(&v->note, "not at %s", text_str(&c->failed_at));
    } else {
        verdict_set(v, VERDICT_HOLDS_ONLY_WHEN, "at %s", text_str(&c->held_at));
        text_printf(&v->note, "not at %s", text_str(&c->failed_at));
    }
}

const char *exact_outcome(bool ok)
{
    return ok ? "as the rule says" : "against the rule";
}

void exact_markdown(const exact_check *c, const verdict *v, text *body)
{
    if (v->kind == VERDICT_NOT_MEASURED)
        text_printf(body, "Not measured: %s.\n\n", text_str(&v->condition));
    else if (c->failed)
        text_printf(body, "Not met at %s.\n\n", text_str(&c->failed_at));
}
