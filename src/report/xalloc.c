/* xalloc.c - the report's allocations that exit when memory runs out. */
#include "xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void report_out_of_memory(void)
{
    fputs("report: out of memory\n", stderr);
    exit(1);
}

void *report_xrealloc(void *p, size_t bytes)
{
    p = realloc(p, bytes ? bytes : 1);
    if (!p)
        report_out_of_memory();
    return p;
}

char *report_xstrdup(const char *s)
{
    if (!s)
        s = "";
    size_t n = strlen(s) + 1;
    return memcpy(report_xrealloc(NULL, n), s, n);
}
