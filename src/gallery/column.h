/*
 * column.h - a chase down one column of a row-major matrix (associativity).
 *
 * A cache puts a line in one set, chosen by address bits just above the
 * line offset, and each set holds only a few lines (its ways).  In an L1
 * of 64 sets of 64-byte lines, addresses 4096 bytes apart share a set:
 * walking down a column of a matrix whose rows are 4096 bytes apart
 * (its pitch) uses one set, and once the column has more lines than the
 * set has ways every load misses, though the column is a few KiB.  A pitch
 * of 4096 + 64 moves each row to the next set, and the same column fits.
 * The walk is a chase (each load's address is the value loaded), so its
 * time per load is the latency of wherever the lines live.
 */
#ifndef GALLERY_COLUMN_H
#define GALLERY_COLUMN_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes of a matrix of 'rows' rows 'pitch' bytes apart (the last row
 * needs only one pointer). */
size_t column_bytes(size_t pitch, size_t rows);

/*
 * Links the first pointer of each row of buf into a cycle down the column:
 * row i holds the address of row i + 1, the last row that of row 0.  buf
 * must hold column_bytes(pitch, rows) bytes and be pointer-aligned.  False
 * (nothing written) when rows is 0 or pitch is not a positive multiple of
 * the pointer size.
 */
bool column_link(void *buf, size_t pitch, size_t rows);

#endif /* GALLERY_COLUMN_H */
