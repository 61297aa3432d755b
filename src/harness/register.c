/* register.c - register a family of cases under a printf-built name, or
 * families whose repetitions run side by side. */
#include "harness/register.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

size_t bench_side_by_side_order(size_t nfamilies, size_t nargs, int rounds, bench_slot *out,
                                size_t cap)
{
    if (nfamilies == 0 || nargs == 0 || rounds <= 0 ||
        nargs > cap / nfamilies / (size_t)rounds)
        return 0;
    size_t k = 0;
    for (size_t arg = 0; arg < nargs; arg++)
        for (int round = 0; round < rounds; round++)
            for (size_t i = 0; i < nfamilies; i++)
                out[k++] = (bench_slot){round % 2 ? nfamilies - 1 - i : i, arg};
    return k;
}

int bench_register_side_by_side(const bench_def *defs, size_t n, int rounds)
{
    if (n == 0 || rounds <= 0 || !defs[0].args || defs[0].nargs == 0) {
        fprintf(stderr, "bench: side by side needs families, rounds and args (%zu, %d)\n", n,
                rounds);
        return -1;
    }
    size_t nargs = defs[0].nargs;
    for (size_t i = 0; i < n; i++)
        if (!defs[i].name || !defs[i].args || defs[i].nargs != nargs ||
            memcmp(defs[i].args, defs[0].args, nargs * sizeof *defs[0].args) != 0) {
            fprintf(stderr, "bench: side by side: family %zu (%s) has other args than "
                    "the first\n", i, defs[i].name ? defs[i].name : "no name");
            return -1;
        }
    if (nargs > SIZE_MAX / sizeof(bench_slot) / n / (size_t)rounds) {
        fputs("bench: side by side: too many repetitions\n", stderr);
        return -1;
    }
    size_t cap = n * nargs * (size_t)rounds;
    bench_slot *order = malloc(cap * sizeof *order);
    if (!order || bench_side_by_side_order(n, nargs, rounds, order, cap) != cap) {
        free(order);
        fputs("bench: side by side: out of memory\n", stderr);
        return -1;
    }
    int status = 0;
    for (size_t k = 0; k < cap && status == 0; k++) {
        bench_def one = defs[order[k].family];
        one.args = &defs[order[k].family].args[order[k].arg];
        one.nargs = 1;
        one.repetitions = 1;
        status = bench_register_named(one, "%s", one.name);
    }
    free(order);
    return status;
}
