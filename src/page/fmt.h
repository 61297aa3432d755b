/*
 * fmt.h - numbers as the page shows them: sizes in KiB/MiB/GiB, figures
 * to four significant digits, JSON cells of any type.
 */
#ifndef PAGE_FMT_H
#define PAGE_FMT_H

#include <jansson.h>
#include <stdio.h>

/* "512 B", "32 KiB", "1.2 MiB"; "?" for a negative or non-finite size. */
void fmt_bytes(FILE *out, double bytes);

/* A figure to four significant digits ("1.234", "12340", "1.2e-05");
 * "?" when not finite. */
void fmt_number(FILE *out, double v);

/* A table cell from report.json: integers as they are, reals through
 * fmt_number, strings escaped, null as an en dash, anything else "?". */
void fmt_cell(FILE *out, const json_t *cell);

#endif /* PAGE_FMT_H */
