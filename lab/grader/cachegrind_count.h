/*
 * cachegrind_count.h - D1 misses of one source file's code, read from a
 * cachegrind output file (valgrind --tool=cachegrind --cache-sim=yes).
 *
 * The file lists, per source file (fl=) and function (fn=), one line per
 * source line: its number, then one count per event named on the
 * "events:" line (Ir I1mr ILmr Dr D1mr DLmr Dw D1mw DLmw).  Only lines
 * under an fl= whose last path component is 'source' are added up, so
 * the program's setup, in other files, is not counted.
 */
#ifndef LAB_CACHEGRIND_COUNT_H
#define LAB_CACHEGRIND_COUNT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef struct cg_counts {
    uint64_t data_reads, data_writes;   /* Dr, Dw */
    uint64_t d1_read_misses, d1_write_misses; /* D1mr, D1mw */
    uint64_t lines;                     /* source lines of 'source' seen */
} cg_counts;

/* Adds up the counts of 'source' in the cachegrind output read from f.
 * False when the file has no "events:" line naming Dr, D1mr, Dw and D1mw
 * (cachegrind ran without --cache-sim=yes, or this is not its output). */
bool cg_count_source(FILE *f, const char *source, cg_counts *out);

#endif /* LAB_CACHEGRIND_COUNT_H */
