/*
 * named.h - an entry of a table found by its name.
 *
 * Each experiment keeps a const table of its variants (layouts, growth
 * policies, line-length distributions, queue variants, allocation
 * strategies, ...), an array of structs whose first member is
 * `const char *name`, and finds one by the name a user or a child spec
 * gives.  A pointer to a struct may be read as a pointer to its first
 * member, so one search serves every such table; each caller asserts
 * that its name comes first (NAMED_FIRST).
 */
#ifndef NAMED_H
#define NAMED_H

#include <stddef.h>

/* The first of 'count' entries of 'entry_size' bytes at 'table' whose
 * name is 'name', or NULL (also for a NULL name). */
const void *named_find(const void *table, size_t count, size_t entry_size, const char *name);

/* Fails to compile unless type's first member is its name, a pointer to
 * chars (a char array in its place would be read as a pointer). */
#define NAMED_FIRST(type)                                                            \
    _Static_assert(offsetof(type, name) == 0 &&                                     \
                       _Generic(&((type *)0)->name, const char **: 1,               \
                                const char *const *: 1, char **: 1, default: 0),    \
                   #type " must begin with its name, a const char * (named.h)")

#endif /* NAMED_H */
