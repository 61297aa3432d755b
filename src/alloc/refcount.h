/*
 * refcount.h - reference counting as a header embedded in each object, on
 * any allocator.
 *
 * Each counted object starts with an rc_header: how many references point
 * to it, and its type.  The type says the object's size and where its
 * pointers to other counted objects are, so a release that takes a count
 * to zero can release those children too: dropping the last reference to
 * the root of a tree frees every node at that moment, with no collector
 * running later (claim A1).  The flip side (claim A2): objects that point
 * to each other keep each other's counts above zero, so a cycle is never
 * freed by counting alone; see docs/experiments/alloc.md for what a cycle
 * collector adds.
 *
 * The release is iterative: objects whose count reaches zero are chained
 * through their own headers, so freeing a list of ten million nodes needs
 * no stack and no memory.
 *
 * Checks: unless NDEBUG is defined, releasing an object whose count is
 * already zero (a double release) prints the object's type and aborts.  It
 * is caught while the freed memory is still readable as it was, which an
 * arena guarantees; with malloc or a pool the memory may have been reused
 * already (AddressSanitizer catches that use after free instead).
 */
#ifndef REFCOUNT_H
#define REFCOUNT_H

#include "alloc.h"

#include <stddef.h>

/* What the release needs to know about a kind of counted object. */
typedef struct rc_type {
    const char *name;            /* for messages */
    size_t size;                 /* bytes of the whole object, header included */
    size_t align;                /* a power of two, at least alignof(rc_header) */
    size_t nchildren;            /* pointer fields to counted objects ... */
    const size_t *child_offsets; /* ... at these offsets (offsetof); may be NULL */
} rc_type;

/* The rc_type of struct T, whose pointers to counted objects are at the
 * offsets in the array 'children' (offsetof): name, size, alignment and
 * the number of children come from the compiler, so a descriptor cannot
 * disagree with its struct.  E.g. RC_TYPE(rc_link, rc_link_children). */
#define RC_TYPE(T, children)                                                  \
    {                                                                         \
        #T, sizeof(struct T), alignof(struct T),                              \
        sizeof(children) / sizeof((children)[0]), children                    \
    }

typedef struct rc_header {
    union {
        size_t count;                 /* references held; 0 once freed */
        struct rc_header *next_dead;  /* only while a release frees it */
    } u;
    const rc_type *type;
} rc_header;

/*
 * A zero-filled object of 'type' (children NULL) with a count of 1: the
 * caller holds that one reference.  NULL when the allocator fails or the
 * type is invalid (size smaller than the header, align not a power of two
 * or below the header's).
 */
void *rc_new(allocator *a, const rc_type *type);

/* Adds a reference to obj and returns obj (NULL stays NULL).  Storing the
 * result in a child field hands that reference to the parent object. */
void *rc_retain(void *obj);

/*
 * Drops one reference to obj (NULL: nothing).  When it was the last, obj
 * is freed through 'a' (the allocator it came from, as every object it
 * points to), after dropping the reference it held to each child, which
 * frees them in turn when that was their last.  Returns the number of
 * objects freed by this call.  Cannot fail.
 */
size_t rc_release(allocator *a, void *obj);

/* References held to a live object. */
size_t rc_count(const void *obj);

#endif /* REFCOUNT_H */
