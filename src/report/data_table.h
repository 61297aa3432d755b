/*
 * data_table.h - a table of the report as data: a title, column names and
 * cells that are numbers, strings or nothing, row by row.
 *
 * report.md shows tables for people ("1.23 [1.20-1.31]" in one cell);
 * report.json carries the same figures as numbers, one per cell, so that
 * a page or a script can sort, plot or compare them without parsing
 * markdown (docs/report-json.md, "tables").
 */
#ifndef REPORT_DATA_TABLE_H
#define REPORT_DATA_TABLE_H

#include <stdbool.h>
#include <stddef.h>

typedef enum table_cell_kind {
    CELL_NULL,     /* no value: not measured, or not finite */
    CELL_NUMBER,
    CELL_TEXT,
} table_cell_kind;

typedef struct table_cell {
    table_cell_kind kind;
    double number;   /* CELL_NUMBER: always finite */
    char *text;      /* CELL_TEXT: owned */
} table_cell;

typedef struct data_table {
    char *title;
    bool collapsed;       /* long (every size): shown folded */
    char **columns;
    size_t ncolumns;
    table_cell *cells;    /* row-major: row r, column c is cells[r * ncolumns + c] */
    size_t ncells, cap;
} data_table;

/* An empty table with a title and no columns yet.  Exits (status 1) when
 * out of memory, as the rest of the report does (text.h). */
void data_table_init(data_table *t, const char *title, bool collapsed);

/* Adds a column; columns come before the first cell. */
void data_table_column(data_table *t, const char *name);

/* Adds the n columns of names, in order (a rule's fixed list). */
void data_table_columns(data_table *t, const char *const *names, size_t n);

/* Appends the next cell, filling rows left to right: a number (NAN or an
 * infinity becomes CELL_NULL) or a string (NULL becomes CELL_NULL). */
void data_table_number(data_table *t, double x);
void data_table_text(data_table *t, const char *s);

/* Complete rows and partial last row alike: ceil(ncells / ncolumns); 0
 * for a table without columns. */
size_t data_table_rows(const data_table *t);

/* The cell at row r, column c, or NULL past the cells written. */
const table_cell *data_table_cell(const data_table *t, size_t r, size_t c);

/* Frees everything; t is then empty. */
void data_table_free(data_table *t);

#endif /* REPORT_DATA_TABLE_H */
