/*
 * cache_probe.c - the program the cachegrind check (d2) runs under
 * valgrind: fills a 512 x 512 matrix and calls the student's
 * lab_column_sums once.  Built without sanitizers (valgrind cannot run
 * them) and with fixed flags, so one build always simulates the same
 * misses.  Only traverse.c's code is counted: the setup here is not.
 * Exits 1 when the sums are wrong.
 *
 * Usage: cache_probe   (no arguments; --help prints this)
 */
#include "../lab.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
    if (argc > 1) {
        int help = strcmp(argv[1], "--help") == 0;
        fprintf(help ? stdout : stderr,
                "usage: %s\nRuns lab_column_sums on a %d x %d matrix once, for "
                "make lab-grade's cachegrind check.\n", argv[0], LAB_CACHE_ROWS,
                LAB_CACHE_COLS);
        return help ? 0 : 2;
    }
    size_t rows = LAB_CACHE_ROWS, cols = LAB_CACHE_COLS;
    /* Line-aligned, so the count does not depend on where malloc put it. */
    double *m = aligned_alloc(64, rows * cols * sizeof *m);
    double *sums = aligned_alloc(64, cols * sizeof *sums);
    if (!m || !sums) {
        fprintf(stderr, "cache_probe: out of memory\n");
        return 2;
    }
    for (size_t i = 0; i < rows; i++)
        for (size_t j = 0; j < cols; j++)
            m[i * cols + j] = (double)(i % 3); /* each column sums to 511 */
    lab_column_sums(m, rows, cols, sums);
    int wrong = 0;
    for (size_t j = 0; j < cols; j++)
        wrong |= sums[j] != 511.0;
    free(m);
    free(sums);
    if (wrong) {
        fprintf(stderr, "cache_probe: wrong column sums\n");
        return 1;
    }
    return 0;
}
