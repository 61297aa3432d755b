/* heap.c - malloc's own view of the bytes it holds, from mallinfo2(). */
#include "heap.h"

#include <malloc.h>
#include <stdlib.h>

size_t heap_bytes_in_use(void)
{
    struct mallinfo2 mi = mallinfo2();
    return mi.uordblks + mi.hblkhd;
}

bool heap_figures_available(void)
{
    static int known = -1;
    if (known < 0) {
        size_t before = heap_bytes_in_use();
        void *volatile probe = malloc(4096);
        size_t after = heap_bytes_in_use();
        free(probe);
        known = probe && after >= before + 4096;
    }
    return known;
}
