/* data_table.c - a report table as numbers and strings, for report.json. */
#include "data_table.h"

#include "xalloc.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void data_table_init(data_table *t, const char *title, bool collapsed)
{
    memset(t, 0, sizeof *t);
    t->title = report_xstrdup(title);
    t->collapsed = collapsed;
}

void data_table_column(data_table *t, const char *name)
{
    t->columns = report_xrealloc(t->columns, (t->ncolumns + 1) * sizeof *t->columns);
    t->columns[t->ncolumns++] = report_xstrdup(name);
}

void data_table_columns(data_table *t, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        data_table_column(t, names[i]);
}

static table_cell *next_cell(data_table *t)
{
    if (t->ncells == t->cap) {
        t->cap = t->cap ? 2 * t->cap : 16;
        t->cells = report_xrealloc(t->cells, t->cap * sizeof *t->cells);
    }
    table_cell *c = &t->cells[t->ncells++];
    *c = (table_cell){CELL_NULL, 0, NULL};
    return c;
}

void data_table_number(data_table *t, double x)
{
    table_cell *c = next_cell(t);
    if (isfinite(x))
        *c = (table_cell){CELL_NUMBER, x, NULL};
}

void data_table_text(data_table *t, const char *s)
{
    table_cell *c = next_cell(t);
    if (s)
        *c = (table_cell){CELL_TEXT, 0, report_xstrdup(s)};
}

size_t data_table_rows(const data_table *t)
{
    return t->ncolumns ? (t->ncells + t->ncolumns - 1) / t->ncolumns : 0;
}

const table_cell *data_table_cell(const data_table *t, size_t r, size_t c)
{
    if (c >= t->ncolumns || r >= data_table_rows(t))
        return NULL;
    size_t i = r * t->ncolumns + c;
    return i < t->ncells ? &t->cells[i] : NULL;
}

void data_table_free(data_table *t)
{
    for (size_t i = 0; i < t->ncolumns; i++)
        free(t->columns[i]);
    for (size_t i = 0; i < t->ncells; i++)
        free(t->cells[i].text);
    free(t->columns);
    free(t->cells);
    free(t->title);
    memset(t, 0, sizeof *t);
}
