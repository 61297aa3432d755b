/* fail_case.c - failing a case: the message in the JSON, exit status 1. */
#include "harness/fail_case.h"

#include "harness/cli.h"

#include <stdarg.h>
#include <stdio.h>

void bench_fail_case(bench_state *s, const char *what)
{
    bench_skip_with_error(s, what);
    bench_cli_fail();
}

void bench_fail_casef(bench_state *s, const char *format, ...)
{
    /* Long enough for a case name, two figures and a system error. */
    char msg[256];
    va_list ap;
    va_start(ap, format);
    vsnprintf(msg, sizeof msg, format, ap);
    va_end(ap);
    bench_fail_case(s, msg);
}
