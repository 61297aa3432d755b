/* seq_array.c - positional insert and remove in one block, by memmove. */
#include "seq_array.h"

#include <string.h>

void seq_array_init(seq_array *s, allocator *a)
{
    *s = (seq_array){.a = a};
}

seq_status seq_array_reserve(seq_array *s, size_t cap)
{
    if (cap <= s->cap)
        return SEQ_OK;
    if (cap > SIZE_MAX / sizeof *s->data)
        return SEQ_NO_MEMORY;
    int64_t *grown = s->a->resize(s->a, s->data, s->cap * sizeof *s->data,
                                  cap * sizeof *s->data, alignof(int64_t));
    if (!grown)
        return SEQ_NO_MEMORY;
    s->data = grown;
    s->cap = cap;
    return SEQ_OK;
}

seq_status seq_array_insert(seq_array *s, size_t pos, int64_t v)
{
    if (pos > s->len)
        return SEQ_BAD_POSITION;
    if (s->len == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 8;
        if (cap < s->cap)   /* doubling wrapped: ask for one more instead */
            cap = s->cap + 1;
        seq_status st = seq_array_reserve(s, cap);
        if (st != SEQ_OK)
            return st;
    }
    size_t tail = (s->len - pos) * sizeof *s->data;
    memmove(s->data + pos + 1, s->data + pos, tail);
    s->data[pos] = v;
    s->len++;
    s->moved_bytes += tail;
    return SEQ_OK;
}

seq_status seq_array_remove(seq_array *s, size_t pos, int64_t *out)
{
    if (pos >= s->len)
        return SEQ_BAD_POSITION;
    if (out)
        *out = s->data[pos];
    size_t tail = (s->len - pos - 1) * sizeof *s->data;
    memmove(s->data + pos, s->data + pos + 1, tail);
    s->len--;
    s->moved_bytes += tail;
    return SEQ_OK;
}

void seq_array_destroy(seq_array *s)
{
    if (s->data)
        alloc_free(s->a, s->data, s->cap * sizeof *s->data);
    s->data = NULL;
    s->len = s->cap = 0;
}
