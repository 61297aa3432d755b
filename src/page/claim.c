/*
 * claim.c - a claim's line and section in the page (claim.h).
 */
#include "page/claim.h"

#include "page/figure.h"
#include "page/fmt.h"
#include "page/html.h"
#include "page/overlay.h"
#include "page/side.h"
#include "page/table.h"
#include "report/verdict.h"

#include <stdlib.h>
#include <string.h>

static const char *str(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

const char *claim_kind_class(const char *kind)
{
    static const char *const kinds[][2] = {
        {"holds", "k-holds"},
        {"does_not_hold", "k-does_not_hold"},
        {"holds_only_when", "k-holds_only_when"},
        {"within_noise", "k-within_noise"},
        {"not_measured", "k-not_measured"},
    };
    for (size_t i = 0; kind && i < sizeof kinds / sizeof *kinds; i++)
        if (strcmp(kind, kinds[i][0]) == 0)
            return kinds[i][1];
    return "k-other";
}

void page_claim_line(FILE *out, const json_t *claim)
{
    const char *id = str(claim, "id"), *line = str(claim, "line");
    fprintf(out, "<li class=\"%s\"><a href=\"#", claim_kind_class(str(claim, "kind")));
    html_claim_anchor(out, id);
    fputs("\">", out);
    if (line && *line) {
        html_text(out, line);
    } else {
        html_text(out, id ? id : "?");
        fputc(' ', out);
        html_text(out, str(claim, "verdict"));
    }
    fputs("</a>", out);
    /* The claim in words beside its verdict: "G1 holds" alone says little. */
    html_text_in(out, " <span class=\"t\">", str(claim, "title"), "</span>");
    fputs("</li>\n", out);
}

void claim_badge(FILE *out, const json_t *claim, const char *no_verdict)
{
    fprintf(out, "<span class=\"badge %s\">", claim_kind_class(str(claim, "kind")));
    const char *v = str(claim, "verdict");
    html_text(out, v && *v ? v : no_verdict);
    fputs("</span>", out);
    /* The lead the report writes: "holds only when, for time, ...". */
    const char *cond = verdict_condition_read(str(claim, "condition"));
    html_text_in(out, verdict_condition_lead_token(str(claim, "kind"), cond), cond, "");
}

static void verdict_paragraph(FILE *out, const json_t *claim)
{
    fputs("<p>", out);
    claim_badge(out, claim, "no verdict");
    html_text_in(out, " <i>(", str(claim, "note"), ")</i>");
    fputs("</p>\n", out);
}

static void figures(FILE *out, const json_t *claim)
{
    const char *f = str(claim, "figures"), *unit = str(claim, "unit");
    const json_t *threshold = json_object_get(claim, "threshold");
    html_text_in(out, "<div class=\"figures\">", f, "</div>\n");
    if ((unit && *unit) || json_is_number(threshold)) {
        fputs("<p>", out);
        html_text_in(out, "Metric: ", unit, ". ");
        if (json_is_number(threshold)) {
            fputs("Threshold (fixed before the data): a ratio of ", out);
            fmt_number(out, json_number_value(threshold));
            fputs(".", out);
        } else {
            fputs("Judged on exact counts.", out);
        }
        fputs("</p>\n", out);
    }
}

void claim_seen_free(claim_seen *seen)
{
    for (size_t i = 0; i < seen->count; i++)
        free(seen->names[i]);
    free(seen->names);
    seen->names = NULL;
    seen->count = 0;
}

/* True when name was shown before; else records it (and returns false).
 * Out of memory, a plot is shown again rather than lost. */
static bool seen_before(claim_seen *seen, const char *name)
{
    for (size_t i = 0; i < seen->count; i++)
        if (strcmp(seen->names[i], name) == 0)
            return true;
    char **grown = realloc(seen->names, (seen->count + 1) * sizeof *grown);
    if (grown) {
        seen->names = grown;
        if ((grown[seen->count] = strdup(name)))
            seen->count++;
    }
    return false;
}

static void plot(FILE *out, const page_run *run, const char *name, const char *experiment,
                 const char *prefix, const char *link_base, claim_seen *seen)
{
    if (html_plain_name(name) && seen_before(seen, name)) {
        fputs("<p>Plot <a href=\"#plot-", out);
        html_text(out, name);
        fputs("\">", out);
        html_text(out, name);
        fputs("</a> is shown above.</p>\n", out);
        return;
    }
    if (html_plain_name(name)) {
        fputs("<div id=\"plot-", out);
        html_text(out, name);
        fputs("\">\n", out);
    }
    page_figure(out, run->dir, link_base, name, experiment, prefix);
    if (html_plain_name(name))
        fputs("</div>\n", out);
}

void page_claim_section(FILE *out, const page_run *run, const json_t *claim, size_t index,
                        const page_run *against, const char *link_base, claim_seen *seen)
{
    const char *id = str(claim, "id"), *experiment = str(claim, "experiment");
    fputs("<section class=\"claim\" id=\"", out);
    html_claim_anchor(out, id);
    fputs("\">\n<h2><span class=\"cid\">", out);
    html_text(out, id ? id : "?");
    fputs("</span>: ", out);
    html_text(out, str(claim, "title"));
    fputs("</h2>\n", out);
    html_text_in(out, "<p class=\"sub\">Experiment ", experiment, "</p>\n");
    verdict_paragraph(out, claim);
    if (against)
        side_claim(out, claim, page_run_name(run), side_find_claim(against, id),
                   page_run_name(against));
    figures(out, claim);
    page_levels_table(out, json_object_get(claim, "levels"));

    size_t i;
    json_t *p;
    json_array_foreach(json_object_get(claim, "plots"), i, p) {
        char prefix[48];
        snprintf(prefix, sizeof prefix, "c%zu-p%zu-", index, i);
        if (json_is_string(p))
            plot(out, run, json_string_value(p), experiment, prefix, link_base, seen);
    }
    /* The charts of both runs, once per experiment. */
    size_t nspecs = 0;
    const overlay_spec *specs = against ? overlay_specs(experiment, &nspecs) : NULL;
    char key[96];
    snprintf(key, sizeof key, "overlay %.80s", experiment ? experiment : "");
    if (nspecs && seen_before(seen, key)) {
        fputs("<p>The charts of both runs for this experiment are shown above.</p>\n", out);
        nspecs = 0;
    }
    for (size_t k = 0; k < nspecs; k++)
        overlay_runs(out, &specs[k], run->dir, page_run_name(run), against->dir,
                     page_run_name(against));

    json_t *table;
    json_array_foreach(json_object_get(claim, "tables"), i, table)
        page_data_table(out, table);
    fputs("<p><a href=\"#top\">back to the verdicts</a></p>\n</section>\n", out);
}
