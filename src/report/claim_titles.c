/* claim_titles.c - the claims' headings of docs/claims.md, as data. */
#include "claim_titles.h"

#include <string.h>

static const struct {
    const char *id, *title;
} titles[] = {
    {"L1", "A linked list is slower to walk than an array"},
    {"L2", "Big-O is not the whole story"},
    {"L3", "An array of values is cheaper to iterate than an array of pointers"},
    {"L4", "A Python list of objects costs far more than a compact array"},
    {"L5", "Compact layout, not the language, makes array libraries fast"},
    {"L6", "Memory moves a cache line at a time"},
    {"G1", "Appending past capacity reallocates and copies"},
    {"G2", "Reserving the size up front is a simple win"},
    {"G3", "A small view keeps a big array alive"},
    {"G4", "Copying a slice header shares the elements"},
    {"A1", "Reference counting frees at the last release"},
    {"A2", "Reference counting alone never frees a cycle"},
    {"A3", "Many small allocations cost more than a few large ones"},
    {"A4", "A value that escapes to the heap costs an allocation"},
    {"A5", "A new string per line allocates per line"},
    {"S1", "Reading a file whole needs memory the size of the file"},
    {"S2", "A fixed line limit breaks on long lines"},
    {"S3", "A bounded queue keeps memory bounded"},
    {"S4", "A bounded worker pool beats a thread per item"},
    {"C1", "Allocating more gives the collector more work"},
    {"C2", "An object graph costs the collector more than a flat array"},
    {"C3", "References kept alive keep memory and collector work"},
    {"C4", "Pauses grow with the live heap; incremental marking shortens them"},
    {"C5", "A tracing collector frees the cycles counting leaks"},
    {"A6", "A reused scanner buffer is overwritten by later reads"},
    {"S5", "Under a memory limit, reading a file whole fails; streaming completes"},
    {"S6", "A pool of workers speeds up per-line work, up to the CPUs available"},
    {"L7", "`__slots__` objects are smaller and faster to read than dict-backed "
           "instances"},
    {"X1", "The memory mountain: bandwidth falls with stride and with each level"},
    {"X2", "Independent misses overlap (memory-level parallelism)"},
    {"X3", "Power-of-two strides collide in cache sets (associativity)"},
    {"X4", "Threads writing to one cache line slow each other (false sharing)"},
    {"X5", "The prefetcher hides latency for predictable patterns"},
    {"X6", "Crossing pages costs TLB misses; huge pages extend the reach"},
    {"X7", "A plain store reads its line first; streaming stores do not"},
};

const char *claim_title(const char *id)
{
    for (size_t i = 0; i < sizeof titles / sizeof titles[0]; i++)
        if (strcmp(titles[i].id, id) == 0)
            return titles[i].title;
    return "";
}
