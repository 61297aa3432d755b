/*
 * alloc.h - the one allocator interface every data structure allocates through.
 *
 * An allocator is a struct of three function pointers, so the same list or
 * array can run on libc malloc, on a counting wrapper that gives exact
 * figures for tests and benchmark counters, or on an arena or a pool.
 *
 * Contract shared by every implementation:
 *   - alloc(size, align): size > 0, align a power of two.  Returns memory
 *     aligned to at least 'align', or NULL when it cannot (out of memory, a
 *     refused request, size 0).  Never aborts.
 *   - free(ptr, size): ptr came from this allocator with this size (the
 *     caller remembers sizes, as in C++'s sized delete); free(NULL, ...) is
 *     a no-op.
 *   - resize(ptr, old, new, align): grows or shrinks a block, possibly
 *     moving it.  On failure returns NULL and leaves the old block intact
 *     and owned by the caller.  resize(NULL, 0, new, align) is alloc.
 */
#ifndef ALLOC_H
#define ALLOC_H

#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct allocator allocator;

/* Whether align is one the contract accepts: a power of two (0 is not).
 * Each allocator refuses any other with NULL.  An int, not a bool: so
 * gcc 12 compiles arena_alloc and pool_alloc, which A3 times, exactly as
 * it did their own int checks. */
static inline int alloc_align_valid(size_t align)
{
    return align != 0 && (align & (align - 1)) == 0;
}

struct allocator {
    void *(*alloc)(allocator *self, size_t size, size_t align);
    void (*free)(allocator *self, void *ptr, size_t size);
    void *(*resize)(allocator *self, void *ptr, size_t old_size,
                    size_t new_size, size_t align);
};

static inline void *alloc_bytes(allocator *a, size_t size, size_t align)
{
    return a->alloc(a, size, align);
}

static inline void alloc_free(allocator *a, void *ptr, size_t size)
{
    a->free(a, ptr, size);
}

/* Room for 'count' objects of 'size' bytes, or NULL when count * size
 * overflows size_t: a wrapped product would hand out a too-small block. */
static inline void *alloc_array(allocator *a, size_t count, size_t size,
                                size_t align)
{
    if (size != 0 && count > SIZE_MAX / size)
        return NULL;
    return a->alloc(a, count * size, align);
}

/* A NUL-terminated copy of the len bytes at p (len + 1 bytes from a),
 * or NULL when a refuses or len + 1 overflows. */
static inline char *alloc_string(allocator *a, const char *p, size_t len)
{
    if (len == SIZE_MAX)
        return NULL;
    /* The cast: tools/shim_overhead/native.cc includes this header as C++. */
    char *s = (char *)a->alloc(a, len + 1, 1);
    if (s) {
        memcpy(s, p, len);
        s[len] = '\0';
    }
    return s;
}

/* Typed forms: ALLOC_NEW(a, struct user) and ALLOC_ARRAY(a, double, n). */
#define ALLOC_NEW(a, type) ((type *)alloc_bytes((a), sizeof(type), alignof(type)))
#define ALLOC_ARRAY(a, type, n) \
    ((type *)alloc_array((a), (n), sizeof(type), alignof(type)))

/* malloc, aligned_alloc, realloc and free from the C library.  Stateless:
 * one shared instance. */
allocator *alloc_libc(void);

#endif /* ALLOC_H */
