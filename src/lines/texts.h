/*
 * texts.h - the generated texts lines' cases read, with the totals every
 * pass must give, kept while the following cases read the same ones.
 *
 * It holds the texts of one distribution, one per size (two sizes): the
 * copy and view cases of a distribution use the same texts.  With the
 * repetitions interleaved (cli.h) a text is often made again; making it
 * is not timed, and keeping every distribution's would hold four times
 * the memory.
 */
#ifndef LINES_TEXTS_H
#define LINES_TEXTS_H

#include "lines/linepass.h"
#include "lines/textgen.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct line_text {
    const line_dist *dist;
    size_t len;
    char *bytes;
    line_totals expected;     /* linepass_reference over bytes */
} line_text;

/* The text of distribution d and len bytes generated from seed, made now
 * unless it is held; making one of another distribution frees both held
 * texts first.  NULL when out of memory.  Valid until the next call or
 * line_texts_free. */
const line_text *line_text_for(const line_dist *d, size_t len, uint64_t seed);

/* Frees the held texts. */
void line_texts_free(void);

/* True when two passes saw the same lines, bytes and digest. */
bool line_totals_same(const line_totals *a, const line_totals *b);

#endif /* LINES_TEXTS_H */
