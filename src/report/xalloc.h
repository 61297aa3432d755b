/*
 * xalloc.h - memory for the report, or exit.
 *
 * The report is a short-lived program whose structures are built from a
 * run and written out: when memory runs out there is nothing sensible to
 * judge with, so it says so and exits (status 1) instead of passing NULL
 * through every rule.  One place for that, so each file does not carry
 * its own copy of it.
 */
#ifndef REPORT_XALLOC_H
#define REPORT_XALLOC_H

#include <stddef.h>

/* Prints "report: out of memory" to stderr and exits with status 1. */
_Noreturn void report_out_of_memory(void);

/* realloc(p, bytes), never NULL (bytes 0 gets 1 byte, so the result can
 * be freed and grown like any other). */
void *report_xrealloc(void *p, size_t bytes);

/* A copy of s (NULL copies ""), to free(). */
char *report_xstrdup(const char *s);

#endif /* REPORT_XALLOC_H */
