/* register.c - register a family of cases under a printf-built name. */
#include "harness/register.h"

#include <stdarg.h>
#include <stdio.h>

int bench_register_named(bench_def def, const char *fmt, ...)
{
    char name[BENCH_FAMILY_NAME_MAX + 1];
    va_list ap;
    va_start(ap, fmt);
    int length = vsnprintf(name, sizeof name, fmt, ap);
    va_end(ap);
    if (length <= 0 || length > BENCH_FAMILY_NAME_MAX) {
        fprintf(stderr, "bench: a case family's name is %s: '%s'\n",
                length <= 0 ? "empty" : "too long", name);
        return -1;
    }
    def.name = name;
    return bench_register(&def);
}
