/* named.c - an entry of a table found by its name (named.h). */
#include "harness/named.h"

#include <search.h>
#include <string.h>

/* lfind's comparison: the key is a name, an entry begins with one. */
static int name_differs(const void *key, const void *entry)
{
    return strcmp(*(const char *const *)key, *(const char *const *)entry);
}

const void *named_find(const void *table, size_t count, size_t entry_size, const char *name)
{
    if (!name || !table)
        return NULL;
    size_t n = count;
    return lfind(&name, table, &n, entry_size, name_differs);
}
