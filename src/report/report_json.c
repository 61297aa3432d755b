/* report_json.c - write and read report.json (docs/report-json.md). */
#include "report_json.h"

#include "claim_line.h"
#include "claim_plots.h"
#include "claim_titles.h"
#include "host_speed.h"
#include "rules.h"

#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static json_t *must(json_t *v)
{
    if (!v) {
        fputs("report: out of memory\n", stderr);
        exit(1);
    }
    return v;
}

/* A string as JSON.  Text from a results file is UTF-8 (jansson read it
 * so), but a sentence cut at a byte limit may end inside a character;
 * rather than lose the field, such bytes become '?'. */
static json_t *str(const char *s)
{
    json_t *v = json_string(s ? s : "");
    if (v)
        return v;
    char *copy = strdup(s);
    if (!copy)
        return must(NULL);
    for (char *p = copy; *p; p++)
        if ((unsigned char)*p >= 0x80)
            *p = '?';
    v = json_string(copy);
    free(copy);
    return must(v);
}

/* A number, or null where it is not finite; whole numbers as integers
 * (element counts and bytes read better as 1024 than 1024.0). */
static json_t *num(double x)
{
    if (!isfinite(x))
        return must(json_null());
    if (x == floor(x) && fabs(x) < 9007199254740992.0)
        return must(json_integer((json_int_t)x));
    return must(json_real(x));
}

static void set(json_t *obj, const char *key, json_t *value)
{
    if (json_object_set_new(obj, key, value) != 0)
        must(NULL);
}

static void push(json_t *arr, json_t *value)
{
    if (json_array_append_new(arr, value) != 0)
        must(NULL);
}

/* <dir>/<name> as it is, or null when absent or not JSON. */
static json_t *side_file(const char *dir, const char *name)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    json_t *v = json_load_file(path, JSON_DECODE_ANY, NULL);
    return v ? v : must(json_null());
}

/* Which programs ran while the host was slow (host_speed.h), or null when
 * the run has no host checks to compare. */
static json_t *host_speed_json(const report_run *run)
{
    host_speed_summary *hs = malloc(sizeof *hs);
    if (!hs)
        return must(NULL);
    report_host_speed(run, hs);
    if (!hs->known) {
        free(hs);
        return must(json_null());
    }
    json_t *o = must(json_object()), *programs = must(json_array());
    set(o, "reference_ns", num(hs->reference_ns));
    set(o, "calibration_ns", num(hs->calibration_ns));
    set(o, "calibration_slowed", must(json_boolean(hs->calibration_slowed)));
    json_t *first = must(json_null());
    if (hs->recalibrated) {
        first = must(json_object());
        set(first, "calibration_ns", num(hs->first_calibration_ns));
        set(first, "gave_up", num((double)hs->first_gave_up));
    }
    set(o, "first_calibration", first);
    set(o, "slow_factor", num(REPORT_HOST_SLOW));
    set(o, "runs", num((double)hs->runs));
    set(o, "slowed", num((double)hs->slowed));
    set(o, "left_out", num((double)hs->dropped));
    set(o, "judged_slowed", num((double)hs->kept_slowed));
    for (size_t i = 0; i < hs->nprograms; i++) {
        json_t *p = must(json_object());
        set(p, "name", str(hs->programs[i].name));
        set(p, "runs", num((double)hs->programs[i].runs));
        set(p, "slowed", num((double)hs->programs[i].slowed));
        set(p, "worst", num(hs->programs[i].worst));
        set(p, "warned", must(json_boolean(host_speed_program_slowed(&hs->programs[i]))));
        push(programs, p);
    }
    set(o, "programs", programs);
    free(hs);
    return o;
}

/* The run's name: the directory's own name (results/latest resolved). */
static json_t *run_name(const char *dir)
{
    char *real = realpath(dir, NULL);
    const char *d = real ? real : dir;
    size_t len = strlen(d);
    while (len > 1 && d[len - 1] == '/')
        len--;
    size_t start = len;
    while (start > 0 && d[start - 1] != '/')
        start--;
    char name[PATH_MAX];
    snprintf(name, sizeof name, "%.*s", (int)(len - start), d + start);
    free(real);
    return str(name);
}

static json_t *level_json(const claim_level *l)
{
    json_t *o = must(json_object());
    set(o, "pair", str(l->pair));
    set(o, "level", str(l->level));
    set(o, "sizes", must(json_integer((json_int_t)l->sizes)));
    set(o, "ws_lo", num(l->ws_lo));
    set(o, "ws_hi", num(l->ws_hi));
    set(o, "ratio", num(l->ratio));
    set(o, "lo", num(l->lo));
    set(o, "hi", num(l->hi));
    set(o, "status", str(l->status));
    return o;
}

static json_t *table_json(const data_table *t)
{
    json_t *o = must(json_object()), *cols = must(json_array()), *rows = must(json_array());
    set(o, "title", str(t->title));
    set(o, "collapsed", must(json_boolean(t->collapsed)));
    for (size_t c = 0; c < t->ncolumns; c++)
        push(cols, str(t->columns[c]));
    for (size_t r = 0; r < data_table_rows(t); r++) {
        json_t *row = must(json_array());
        for (size_t c = 0; c < t->ncolumns; c++) {
            /* A short last row is padded: every row has every column. */
            const table_cell *cell = data_table_cell(t, r, c);
            push(row, !cell || cell->kind == CELL_NULL ? must(json_null())
                      : cell->kind == CELL_NUMBER      ? num(cell->number)
                                                       : str(cell->text));
        }
        push(rows, row);
    }
    set(o, "columns", cols);
    set(o, "rows", rows);
    return o;
}

/* The rule's plots that the run has drawn (as report.md links them). */
static json_t *plots_json(const report_run *run, const claim_rule *r)
{
    json_t *a = must(json_array());
    claim_plot plots[CLAIM_MAX_PLOTS];
    size_t n = claim_plots_in_run(run->dir, r, plots);
    for (size_t k = 0; k < n; k++)
        push(a, str(plots[k].name));
    return a;
}

static json_t *claim_json(const report_run *run, const claim_rule *r, const claim_result *c)
{
    json_t *o = must(json_object());
    text line = TEXT_INIT;
    claim_line(r->id, &c->v, &line);
    set(o, "id", str(r->id));
    set(o, "experiment", str(r->bench));
    set(o, "title", str(claim_title(r->id)));
    set(o, "kind", str(verdict_kind_token(c->v.kind)));
    set(o, "verdict", str(verdict_kind_name(c->v.kind)));
    set(o, "condition", str(text_str(&c->v.condition)));
    set(o, "note", str(text_str(&c->v.note)));
    set(o, "line", str(text_str(&line)));
    set(o, "figures", str(text_str(&c->figures)));
    set(o, "unit", str(text_str(&c->unit)));
    set(o, "threshold", num(c->threshold));
    json_t *levels = must(json_array()), *tables = must(json_array());
    for (size_t i = 0; i < c->nlevels; i++)
        push(levels, level_json(&c->levels[i]));
    for (size_t i = 0; i < c->ntables; i++)
        push(tables, table_json(&c->tables[i]));
    set(o, "levels", levels);
    set(o, "tables", tables);
    set(o, "plots", plots_json(run, r));
    text_free(&line);
    return o;
}

json_t *report_json_build(const report_run *run, const claim_result *results, time_t now)
{
    json_t *doc = must(json_object()), *claims = must(json_array());
    char when[32];
    struct tm tm;
    strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
    set(doc, "schema", str(REPORT_JSON_SCHEMA));
    set(doc, "run", run_name(run->dir));
    set(doc, "generated", str(when));
    set(doc, "machine", side_file(run->dir, "machine.json"));
    set(doc, "conditions", side_file(run->dir, "conditions.json"));
    set(doc, "host_speed", host_speed_json(run));
    for (size_t i = 0; i < claim_rule_count; i++)
        push(claims, claim_json(run, &claim_rules[i], &results[i]));
    set(doc, "claims", claims);
    return doc;
}

void report_json_dump(FILE *f, json_t *doc)
{
    /* Keys in the schema's order; six significant digits are more than
     * repetitions on a shared machine can tell apart. */
    if (json_dumpf(doc, f, JSON_INDENT(1) | JSON_PRESERVE_ORDER | JSON_REAL_PRECISION(6)) == 0)
        fputc('\n', f);
}

bool report_json_load(const char *path, json_t **out, char *err, size_t errsize)
{
    json_error_t jerr;
    json_t *doc = json_load_file(path, 0, &jerr);
    if (!doc) {
        snprintf(err, errsize, "%s: %s", path, jerr.text);
        return false;
    }
    const char *schema = json_string_value(json_object_get(doc, "schema"));
    if (!schema || strcmp(schema, REPORT_JSON_SCHEMA) != 0) {
        snprintf(err, errsize, "%s: schema \"%s\" is not one this tool reads (%s)", path,
                 schema ? schema : "(none)", REPORT_JSON_SCHEMA);
        json_decref(doc);
        return false;
    }
    if (!json_is_array(json_object_get(doc, "claims"))) {
        snprintf(err, errsize, "%s: no \"claims\" array", path);
        json_decref(doc);
        return false;
    }
    *out = doc;
    return true;
}
