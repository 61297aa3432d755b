/* views.c - keep a small view of, or a copy from, each of m 1 MiB buffers. */
#include "growth/views.h"

#include <string.h>

const view_case view_cases[VIEW_CASE_COUNT] = {{"keep_view", false}, {"keep_copy", true}};

const view_case *view_case_prefixing(const char *spec)
{
    const view_case *v = NULL;
    for (size_t i = 0; i < VIEW_CASE_COUNT; i++)
        if (strncmp(spec, view_cases[i].name, strlen(view_cases[i].name)) == 0)
            v = &view_cases[i];
    return v;
}

/* Element j of buffer i: distinct everywhere. */
static inline int64_t view_value(size_t i, size_t j)
{
    return (int64_t)(i * VIEW_BUFFER_ELEMS + j);
}

bool keep_views(const view_case *v, allocator *a, slice_i64 *kept, size_t m)
{
    for (size_t i = 0; i < m; i++) {
        int64_t *buf = ALLOC_ARRAY(a, int64_t, VIEW_BUFFER_ELEMS);
        if (!buf)
            goto fail;
        for (size_t j = 0; j < VIEW_BUFFER_ELEMS; j++)
            buf[j] = view_value(i, j);
        slice_i64 whole = slice_i64_of(buf, VIEW_BUFFER_ELEMS, VIEW_BUFFER_ELEMS), head;
        slice_i64_sub(whole, 0, VIEW_LEN, &head);
        if (!v->copy) {
            kept[i] = head; /* keeps all of buf: head.cap runs to its end */
            continue;
        }
        bool copied = slice_i64_clone(head, a, &kept[i]);
        slice_i64_free(&whole, a);
        if (!copied) {
            m = i;
            goto fail;
        }
    }
    return true;
fail:
    for (size_t i = 0; i < m && kept[i].ptr; i++)
        slice_i64_free(&kept[i], a);
    return false;
}

bool views_hold_their_values(const slice_i64 *kept, size_t m)
{
    for (size_t i = 0; i < m; i++) {
        if (kept[i].len != VIEW_LEN)
            return false;
        for (size_t j = 0; j < VIEW_LEN; j++)
            if (kept[i].ptr[j] != view_value(i, j))
                return false;
    }
    return true;
}

void release_views(slice_i64 *kept, size_t m, allocator *a)
{
    for (size_t i = 0; i < m; i++)
        slice_i64_free(&kept[i], a);
}
