/*
 * text.h - a growable string for the claims report's sentences and tables.
 *
 * The report builds its verdicts and markdown piece by piece; this keeps
 * that to printf-style appends.  It uses malloc directly, as jansson does:
 * the report is a tool that reads results, not a measured data structure,
 * and has nothing useful to do without memory, so running out prints a
 * message and exits with status 1.
 */
#ifndef REPORT_TEXT_H
#define REPORT_TEXT_H

#include <stddef.h>

typedef struct text {
    char *s;        /* NUL-terminated; NULL until the first append */
    size_t len;
    size_t cap;
} text;

#define TEXT_INIT {NULL, 0, 0}

/* Appends printf-formatted text.  Exits (status 1) when out of memory. */
void text_printf(text *t, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* The content so far; "" for an empty text (never NULL). */
const char *text_str(const text *t);

/* Empties t, keeping its buffer. */
void text_clear(text *t);

/* Frees the buffer; t is then empty and reusable. */
void text_free(text *t);

#endif /* REPORT_TEXT_H */
