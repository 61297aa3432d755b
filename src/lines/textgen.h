/*
 * textgen.h - seeded text made of lines whose lengths follow a chosen
 * distribution: the input of the line-splitting experiment (claim A5).
 *
 * Line lengths matter because a per-line cost (an allocation) weighs more
 * on short lines, and because a line longer than a reader's buffer makes
 * the buffer grow.  Each distribution draws a length uniformly from a
 * usual range, and a few lines per million from a rare range (a heavy
 * tail, as one huge JSON record in a log).  Bytes are printable ASCII,
 * never '\n' or '\r', so every line is exactly what was generated.
 */
#ifndef TEXTGEN_H
#define TEXTGEN_H

#include <stddef.h>
#include <stdint.h>

typedef struct line_dist {
    const char *name;          /* the <dist> part of a case name */
    const char *summary;       /* one line for --help and the docs */
    size_t min, max;           /* usual line length, '\n' not counted */
    uint32_t rare_per_million; /* lines drawn from the rare range instead */
    size_t rare_min, rare_max;
} line_dist;

/* short, medium, long, skewed: in the order of cases and plots. */
extern const line_dist line_dists[];
extern const size_t line_dist_count;

/* The distribution called 'name', or NULL. */
const line_dist *line_dist_find(const char *name);

/*
 * Fills text[0..len) with lines drawn from 'd' and 'seed', each ended by
 * '\n' (the last one shortened to fit, so the text always ends with '\n'
 * when len > 0).  Returns the number of lines.  The same arguments give
 * the same bytes.
 */
size_t textgen_fill(char *text, size_t len, const line_dist *d, uint64_t seed);

#endif /* TEXTGEN_H */
