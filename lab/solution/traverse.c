/*
 * traverse.c - reference solution of part (d): walk the matrix in the
 * order it is stored.
 *
 * Row by row, each 64-byte line of the matrix is loaded once and its
 * eight doubles used at once; the 4 KiB of sums stay in the D1 cache.
 * Column by column, consecutive reads are cols * 8 bytes apart: every
 * read is a new line, and with 512 columns (4 KiB apart) all 512 reads
 * of a column map to the same set of an 8-way D1, so none survives to
 * be used by the next column.
 */
#include "lab.h"

void lab_column_sums(const double *m, size_t rows, size_t cols, double *sums)
{
    for (size_t j = 0; j < cols; j++)
        sums[j] = 0.0;
    for (size_t i = 0; i < rows; i++) {
        const double *row = m + i * cols;
        for (size_t j = 0; j < cols; j++)
            sums[j] += row[j];
    }
}
