/*
 * side.c - two runs' verdicts side by side (side.h).
 */
#include "page/side.h"

#include "page/claim.h"
#include "page/html.h"

#include <string.h>

static const char *str(const json_t *o, const char *key)
{
    return json_string_value(json_object_get(o, key));
}

const json_t *side_find_claim(const page_run *run, const char *id)
{
    size_t i;
    json_t *c;
    if (!id)
        return NULL;
    json_array_foreach(json_object_get(run->report, "claims"), i, c) {
        const char *cid = str(c, "id");
        if (cid && strcmp(cid, id) == 0)
            return c;
    }
    return NULL;
}

/* A verdict as a coloured badge with its condition. */
static void verdict_cell(FILE *out, const json_t *claim)
{
    if (!claim) {
        fputs("<td class=\"missing\">not in this run</td>", out);
        return;
    }
    fputs("<td>", out);
    claim_badge(out, claim, "");
    fputs("</td>", out);
}

static void pair_row(FILE *out, const char *id, const json_t *a, const json_t *b)
{
    /* A claim only the other run has gets no section here to link to. */
    fputs("<tr><td>", out);
    if (a) {
        fputs("<a href=\"#", out);
        html_claim_anchor(out, id);
        fputs("\">", out);
    }
    html_text(out, id);
    fputs(a ? "</a></td>" : "</td>", out);
    verdict_cell(out, a);
    verdict_cell(out, b);
    const char *ka = a ? str(a, "kind") : NULL, *kb = b ? str(b, "kind") : NULL;
    bool same = ka && kb && strcmp(ka, kb) == 0;
    fprintf(out, "<td>%s</td></tr>\n", !a || !b ? "" : same ? "same" : "<b>changed</b>");
}

static void header(FILE *out, const char *label_a, const char *label_b)
{
    fputs("<tr><th>claim</th><th>", out);
    html_text(out, label_a);
    fputs("</th><th>", out);
    html_text(out, label_b);
    fputs("</th><th>kind</th></tr>\n", out);
}

void side_summary(FILE *out, const page_run *a, const page_run *b)
{
    fputs("<h2>Side by side</h2>\n<table class=\"pair\">\n", out);
    header(out, page_run_name(a), page_run_name(b));
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(a->report, "claims"), i, c)
        pair_row(out, str(c, "id"), c, side_find_claim(b, str(c, "id")));
    json_array_foreach(json_object_get(b->report, "claims"), i, c)
        if (!side_find_claim(a, str(c, "id")))
            pair_row(out, str(c, "id"), NULL, c);
    fputs("</table>\n", out);
}

void side_claim(FILE *out, const json_t *a, const char *label_a, const json_t *b,
                const char *label_b)
{
    fputs("<table class=\"pair\"><tr><th>run</th><th>verdict</th><th>deciding figures</th></tr>\n",
          out);
    const json_t *both[] = {a, b};
    const char *labels[] = {label_a, label_b};
    for (size_t r = 0; r < 2; r++) {
        fputs("<tr><td>", out);
        html_text(out, labels[r]);
        fputs("</td>", out);
        verdict_cell(out, both[r]);
        fputs("<td>", out);
        html_text(out, both[r] ? str(both[r], "figures") : NULL);
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
}
