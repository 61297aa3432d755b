/* slice.c - views that share an array, and copies that do not. */
#include "slice.h"

#include <string.h>

bool slice_i64_sub(slice_i64 s, size_t lo, size_t hi, slice_i64 *out)
{
    if (!out || lo > hi || hi > s.cap)
        return false;
    *out = (slice_i64){s.ptr + lo, hi - lo, s.cap - lo};
    return true;
}

bool slice_i64_clone(slice_i64 s, allocator *a, slice_i64 *out)
{
    if (!out || !a)
        return false;
    if (s.len == 0) {
        *out = (slice_i64){NULL, 0, 0};
        return true;
    }
    int64_t *copy = ALLOC_ARRAY(a, int64_t, s.len);
    if (!copy)
        return false;
    memcpy(copy, s.ptr, s.len * sizeof *copy);
    *out = (slice_i64){copy, s.len, s.len};
    return true;
}

void slice_i64_free(slice_i64 *s, allocator *a)
{
    if (!s || !s->ptr)
        return;
    alloc_free(a, s->ptr, s->cap * sizeof *s->ptr);
    *s = (slice_i64){NULL, 0, 0};
}
