/* figures_line.c - uint64_t fields as one line of decimal numbers. */
#include "figures_line.h"

#include <errno.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FIGURES_MAX 32

bool figures_spec_plain(const char *spec)
{
    return spec[strspn(spec, "abcdefghijklmnopqrstuvwxyz:0123456789")] == '\0';
}

int figures_line_format(const void *figures, const size_t *offsets, size_t count,
                        char *buf, size_t cap)
{
    size_t used = 0;
    int total = 0;
    for (size_t i = 0; i < count; i++) {
        uint64_t v;
        memcpy(&v, (const char *)figures + offsets[i], sizeof v);
        int n = snprintf(buf + used, used < cap ? cap - used : 0, "%" PRIu64 "%s", v,
                         i + 1 < count ? " " : "\n");
        if (n < 0)
            return n;
        total += n;
        used += (size_t)n;
    }
    return total;
}

bool figures_line_parse(const char *line, void *figures, const size_t *offsets,
                        size_t count)
{
    uint64_t values[FIGURES_MAX];
    if (count == 0 || count > FIGURES_MAX)
        return false;
    const char *p = line;
    for (size_t i = 0; i < count; i++) {
        if (*p < '0' || *p > '9')
            return false;
        char *end;
        errno = 0;
        unsigned long long v = strtoull(p, &end, 10);
        if (errno == ERANGE)
            return false;
        values[i] = v;
        p = end;
        if (i + 1 < count && *p++ != ' ')
            return false;
    }
    if (*p == '\n')
        p++;
    if (*p != '\0')
        return false;
    for (size_t i = 0; i < count; i++)
        memcpy((char *)figures + offsets[i], &values[i], sizeof values[i]);
    return true;
}
