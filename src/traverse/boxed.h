/*
 * boxed.h - a model of how CPython stores a list of small objects.
 *
 * A Python list is an array of pointers (PyListObject.ob_item).  Each
 * element is an object that starts with a header: a reference count and a
 * pointer to its type (PyObject: ob_refcnt, ob_type).  A User instance of a
 * class with __slots__ = ('id', 'active', 'score') holds three more
 * pointers, and each points to another object: an int, True or False (two
 * shared singletons), a float.  So reading u.score from the list is three
 * dependent loads: the slot, the object, the float.
 *
 * Sizes here, on a 64-bit machine: header 16, user object 40, float 24,
 * int 24.  CPython 3.11's are close but not equal (an int is 28 bytes, and
 * objects that can form cycles carry a 16-byte GC header in front): the
 * model keeps the shape, not every byte.  CPython also shares the ints
 * from -5 to 256; the model allocates every id.
 */
#ifndef BOXED_H
#define BOXED_H

#include <stdint.h>

struct box_type {
    const char *name;
};

struct box_header {
    intptr_t refcount;
    const struct box_type *type;
};

struct box_int {
    struct box_header h;
    int64_t value;
};

struct box_float {
    struct box_header h;
    double value;
};

struct box_user {
    struct box_header h;
    struct box_int *id;
    const struct box_header *active; /* &box_true or &box_false */
    struct box_float *score;
};

extern const struct box_header box_true, box_false;

#endif /* BOXED_H */
