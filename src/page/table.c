/*
 * table.c - a claim's levels and data tables as HTML (table.h).
 */
#include "page/table.h"

#include "page/fmt.h"
#include "page/html.h"

static void number_or_dash(FILE *out, const json_t *v)
{
    if (json_is_number(v))
        fmt_number(out, json_number_value(v));
    else
        fputs("&ndash;", out);
}

static void bytes_or_dash(FILE *out, const json_t *v)
{
    if (json_is_number(v))
        fmt_bytes(out, json_number_value(v));
    else
        fputs("&ndash;", out);
}

void page_levels_table(FILE *out, const json_t *levels)
{
    if (json_array_size(levels) == 0)
        return;
    fputs("<table class=\"levels\"><tr><th>pair</th><th>level</th><th>sizes</th>"
          "<th>working sets</th><th>ratio</th><th>95% interval</th><th>status</th></tr>\n",
          out);
    size_t i;
    json_t *l;
    json_array_foreach(levels, i, l) {
        fputs("<tr><td>", out);
        html_text(out, json_string_value(json_object_get(l, "pair")));
        fputs("</td><td>", out);
        html_text(out, json_string_value(json_object_get(l, "level")));
        fputs("</td><td class=\"n\">", out);
        number_or_dash(out, json_object_get(l, "sizes"));
        fputs("</td><td class=\"n\">", out);
        bytes_or_dash(out, json_object_get(l, "ws_lo"));
        fputs(" &ndash; ", out);
        bytes_or_dash(out, json_object_get(l, "ws_hi"));
        fputs("</td><td class=\"n\">", out);
        number_or_dash(out, json_object_get(l, "ratio"));
        fputs("</td><td class=\"n\">", out);
        if (json_is_number(json_object_get(l, "lo")) || json_is_number(json_object_get(l, "hi"))) {
            fputc('[', out);
            number_or_dash(out, json_object_get(l, "lo"));
            fputs(", ", out);
            number_or_dash(out, json_object_get(l, "hi"));
            fputc(']', out);
        } else {
            fputs("none", out);
        }
        fputs("</td><td>", out);
        html_text(out, json_string_value(json_object_get(l, "status")));
        fputs("</td></tr>\n", out);
    }
    fputs("</table>\n", out);
}

void page_data_table(FILE *out, const json_t *table)
{
    const json_t *columns = json_object_get(table, "columns"), *rows = json_object_get(table, "rows");
    const char *title = json_string_value(json_object_get(table, "title"));
    bool collapsed = json_is_true(json_object_get(table, "collapsed"));
    if (collapsed) {
        fputs("<details><summary>", out);
        html_text(out, title && *title ? title : "table");
        fprintf(out, " (%zu rows)</summary>\n", json_array_size(rows));
    } else {
        html_text_in(out, "<h3>", title, "</h3>\n");
    }
    fputs("<table><tr>", out);
    size_t i, j;
    json_t *c, *r;
    json_array_foreach(columns, i, c) {
        fputs("<th>", out);
        fmt_cell(out, c);
        fputs("</th>", out);
    }
    fputs("</tr>\n", out);
    json_array_foreach(rows, i, r) {
        fputs("<tr>", out);
        json_array_foreach(r, j, c) {
            fputs(json_is_number(c) ? "<td class=\"n\">" : "<td>", out);
            fmt_cell(out, c);
            fputs("</td>", out);
        }
        fputs("</tr>\n", out);
    }
    fputs("</table>\n", out);
    if (collapsed)
        fputs("</details>\n", out);
}
