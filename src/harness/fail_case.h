/*
 * fail_case.h - failing a case loudly: its message in the JSON record and
 * the program's exit status 1 (cli.h), so a wrong answer never passes as
 * a slow one.
 */
#ifndef FAIL_CASE_H
#define FAIL_CASE_H

#include "shim/bench.h"

/*
 * Marks the running case failed with 'what' (bench_skip_with_error) and
 * records it for bench_cli_finish(), which then returns 1.  The caller
 * must leave the keep-running loop, or not enter it, and return.
 */
void bench_fail_case(bench_state *s, const char *what);

/* The same with a printf-style message (cut at 255 bytes). */
void bench_fail_casef(bench_state *s, const char *format, ...)
    __attribute__((format(printf, 2, 3)));

#endif /* FAIL_CASE_H */
