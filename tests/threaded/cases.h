/*
 * cases.h - the tests that run several threads over the ring, the linked
 * queue, the locked allocator and the pipelines, as plain C functions.
 *
 * Criterion cannot run under ThreadSanitizer (its sandbox fails to start:
 * Snaipe/Criterion issue #274), so these cases live outside any test
 * framework.  tests/test_threaded.c runs each one under make test
 * (AddressSanitizer); tests/threaded/tsan_main.c runs them all under make
 * test-tsan (ThreadSanitizer).
 */
#ifndef THREADED_CASES_H
#define THREADED_CASES_H

#include <stddef.h>

typedef struct threaded_case {
    const char *name;
    /* NULL when the case holds, else what went wrong (a static buffer). */
    const char *(*run)(void);
} threaded_case;

extern const threaded_case threaded_cases[];
extern const size_t threaded_case_count;

/* The case called 'name', or NULL. */
const threaded_case *threaded_case_find(const char *name);

#endif /* THREADED_CASES_H */
