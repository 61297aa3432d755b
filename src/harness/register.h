/*
 * register.h - register a family of cases under a name built like printf's,
 * or families whose repetitions run side by side.
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

/* One repetition in a side-by-side order: which family, at which of its
 * arguments. */
typedef struct bench_slot {
    size_t family, arg;
} bench_slot;

/*
 * The order bench_register_side_by_side runs nfamilies families of nargs
 * arguments each, rounds repetitions: argument by argument, and for each
 * argument, rounds rounds of one repetition of every family, in order in
 * even rounds and reversed in odd ones (a b, b a, a b, ...).  Writes
 * nfamilies * nargs * rounds slots to out and returns that count, or 0
 * (nothing written) when it exceeds cap or any count is 0.
 */
size_t bench_side_by_side_order(size_t nfamilies, size_t nargs, int rounds, bench_slot *out,
                                size_t cap);

/*
 * Registers the families defs[0..n) (each named, all with the same nargs
 * explicit args) so that the cases compared at one argument run side by
 * side: one repetition each, in bench_side_by_side_order, instead of one
 * family's repetitions back to back and the next family's after them.  A
 * stretch of seconds in which the host runs this machine slower then
 * falls on the compared cases alike, not on one of them (gc's C3: five
 * repetitions of one case 1.7x slow, the other's not, read as "reversed").
 * For cases that set up anew in every repetition (a fresh process each).
 * Each repetition is a family of one repetition under the case's name, so
 * Google Benchmark writes no aggregates for it; the report, the plots and
 * the noise summary gather the records by name.  Returns 0, or -1 with a
 * message on stderr when n or rounds is 0, a family has no name or other
 * args than the first, or bench_register refuses one.
 */
int bench_register_side_by_side(const bench_def *defs, size_t n, int rounds);

#endif /* HARNESS_REGISTER_H */
