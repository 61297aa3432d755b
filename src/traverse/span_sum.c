/* span_sum.c - the sequential sum over a contiguous layout's bytes (span_sum.h). */
#include "traverse/span_sum.h"

#include "harness/read_sum.h"

bool layout_has_spans(const layout_kind *kind)
{
    return kind && kind->shape->spans;
}

/* The runs of l; 0 when its kind has none. */
static size_t spans_of(const layout *l, layout_span out[LAYOUT_MAX_SPANS])
{
    return l->kind && layout_has_spans(l->kind) ? l->kind->shape->spans(l, out) : 0;
}

size_t layout_span_bytes(const layout *l)
{
    layout_span s[LAYOUT_MAX_SPANS];
    size_t n = spans_of(l, s), bytes = 0;
    for (size_t i = 0; i < n; i++)
        bytes += s[i].bytes;
    return bytes;
}

uint64_t layout_span_sum(const layout *l)
{
    layout_span s[LAYOUT_MAX_SPANS];
    size_t nspans = spans_of(l, s), per_record[LAYOUT_MAX_SPANS];
    if (nspans == 0 || l->n == 0)
        return 0;
    if (nspans == 1)
        return read_sum_bytes(s[0].at, s[0].bytes);
    for (size_t i = 0; i < nspans; i++)
        per_record[i] = s[i].bytes / l->n;
    uint64_t sum = 0;
    for (size_t r = 0; r < l->n; r += LAYOUT_RUN_RECORDS) {
        size_t records = l->n - r < LAYOUT_RUN_RECORDS ? l->n - r : LAYOUT_RUN_RECORDS;
        for (size_t i = 0; i < nspans; i++)
            sum += read_sum_bytes((const char *)s[i].at + r * per_record[i],
                                  records * per_record[i]);
    }
    return sum;
}
