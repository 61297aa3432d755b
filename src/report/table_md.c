/* table_md.c - a report table shown in report.md (table_md.h). */
#include "table_md.h"

#include "md_escape.h"

#include <math.h>

static void cell_markdown(const table_cell *cell, text *out)
{
    if (!cell || cell->kind == CELL_NULL)
        text_printf(out, "-");
    else if (cell->kind == CELL_TEXT)
        md_escape(out, cell->text, false);
    /* Exact counts are the point of these tables: no rounding of whole
     * numbers, however large (below 2^53 a double holds them exactly). */
    else if (cell->number == floor(cell->number) && fabs(cell->number) < 9007199254740992.0)
        text_printf(out, "%.0f", cell->number);
    else
        text_printf(out, "%.4g", cell->number);
}

void data_table_markdown(const data_table *t, text *out)
{
    if (t->ncolumns == 0)
        return;
    if (t->collapsed) {
        text_printf(out, "<details><summary>");
        md_escape(out, t->title, false);
        text_printf(out, "</summary>\n\n");
    } else if (t->title[0]) {
        text_printf(out, "*");
        md_escape(out, t->title, false);
        text_printf(out, "*\n\n");
    }
    text_printf(out, "|");
    for (size_t c = 0; c < t->ncolumns; c++) {
        text_printf(out, " ");
        md_escape(out, t->columns[c], false);
        text_printf(out, " |");
    }
    text_printf(out, "\n|");
    for (size_t c = 0; c < t->ncolumns; c++)
        text_printf(out, "---|");
    text_printf(out, "\n");
    for (size_t r = 0; r < data_table_rows(t); r++) {
        text_printf(out, "|");
        for (size_t c = 0; c < t->ncolumns; c++) {
            text_printf(out, " ");
            cell_markdown(data_table_cell(t, r, c), out);
            text_printf(out, " |");
        }
        text_printf(out, "\n");
    }
    text_printf(out, t->collapsed ? "\n</details>\n\n" : "\n");
}
