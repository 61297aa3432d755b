/*
 * register.h - register a family of cases under a name built like printf's.
 *
 * Every bench program registers its variants as "<program>/<variant>"
 * families; this builds the name and registers in one call, so a program's
 * main says which variants it runs, not how names are assembled.
 */
#ifndef HARNESS_REGISTER_H
#define HARNESS_REGISTER_H

#include "shim/bench.h"

/* The longest family name, without its args: longer ones are refused. */
#define BENCH_FAMILY_NAME_MAX 127

/*
 * Registers def (run, user, args, ...; its name is ignored) as the family
 * named by fmt and what follows.  Returns 0, or -1 with a message on
 * stderr when the name is empty or longer than BENCH_FAMILY_NAME_MAX, or
 * when bench_register refuses the definition.
 */
int bench_register_named(bench_def def, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif /* HARNESS_REGISTER_H */
