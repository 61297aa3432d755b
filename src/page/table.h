/*
 * table.h - the tables of a claim as report.json holds them ("levels",
 * "tables"), written as HTML tables; long ones ("collapsed") inside a
 * <details> element, closed until the reader opens it.
 */
#ifndef PAGE_TABLE_H
#define PAGE_TABLE_H

#include <jansson.h>
#include <stdio.h>

/* The levels table of a claim (pair, level, sizes, working sets, ratio
 * with its interval, status); nothing when levels is empty. */
void page_levels_table(FILE *out, const json_t *levels);

/* One of "tables": {title, collapsed, columns, rows}.  Rows may be
 * shorter or longer than columns: each is written as it is. */
void page_data_table(FILE *out, const json_t *table);

#endif /* PAGE_TABLE_H */
