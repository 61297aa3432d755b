/*
 * traverse.c - part (d) of the lab: sum each column of a matrix.
 *
 * As given, the sums are right but the matrix is walked column by column
 * while it is stored row by row.  Task (docs/lab.md): keep the sums, and
 * bring the simulated D1 misses of this file's code under the bound in
 * lab.h.  make lab-grade prints the misses it counted.
 */
#include "lab.h"

void lab_column_sums(const double *m, size_t rows, size_t cols, double *sums)
{
    for (size_t j = 0; j < cols; j++) {
        double s = 0.0;
        for (size_t i = 0; i < rows; i++)
            s += m[i * cols + j];
        sums[j] = s;
    }
}
