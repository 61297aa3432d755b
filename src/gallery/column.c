/* column.c - link the rows of a matrix into a chase down one column. */
#include "column.h"

size_t column_bytes(size_t pitch, size_t rows)
{
    return rows ? (rows - 1) * pitch + sizeof(void *) : 0;
}

bool column_link(void *buf, size_t pitch, size_t rows)
{
    if (rows == 0 || pitch == 0 || pitch % sizeof(void *))
        return false;
    char *base = buf;
    for (size_t i = 0; i < rows; i++)
        *(void **)(base + i * pitch) = base + (i + 1 < rows ? i + 1 : 0) * pitch;
    return true;
}
