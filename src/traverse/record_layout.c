/* record_layout.c - padding and cache-line arithmetic over record descriptors. */
#include "record_layout.h"

#include <assert.h>
#include <stdint.h>

size_t record_padding_after(const record_desc *r, size_t i)
{
    assert(i < r->nfields);
    size_t end = r->fields[i].offset + r->fields[i].size;
    size_t next = i + 1 < r->nfields ? r->fields[i + 1].offset : r->size;
    return next - end;
}

size_t record_payload(const record_desc *r)
{
    size_t sum = 0;
    for (size_t i = 0; i < r->nfields; i++)
        sum += r->fields[i].size;
    return sum;
}

size_t record_padding(const record_desc *r)
{
    return r->size - record_payload(r);
}

bool record_desc_valid(const record_desc *r)
{
    if (r->size == 0 || r->align == 0 || r->size % r->align != 0)
        return false;
    size_t end = 0;
    for (size_t i = 0; i < r->nfields; i++) {
        const record_field *f = &r->fields[i];
        if (f->size == 0 || f->offset < end || f->offset + f->size > r->size)
            return false;
        end = f->offset + f->size;
    }
    return true;
}

line_span line_span_of(size_t start, size_t len)
{
    assert(len > 0);
    return (line_span){start / CACHE_LINE, (start + len - 1) / CACHE_LINE};
}

line_span record_aos_field_lines(const record_desc *r, size_t i, size_t f)
{
    assert(f < r->nfields);
    return line_span_of(i * r->size + r->fields[f].offset, r->fields[f].size);
}

line_span record_soa_field_lines(const record_desc *r, size_t i, size_t f)
{
    assert(f < r->nfields);
    return line_span_of(i * r->fields[f].size, r->fields[f].size);
}

line_span record_aop_slot_lines(size_t i)
{
    return line_span_of(i * sizeof(void *), sizeof(void *));
}

double record_per_line(const record_desc *r)
{
    return (double)CACHE_LINE / (double)r->size;
}

double record_useful_share(const record_desc *r, unsigned used)
{
    size_t bytes = 0;
    for (size_t i = 0; i < r->nfields && i < sizeof used * 8; i++)
        if (used & (1u << i))
            bytes += r->fields[i].size;
    return (double)bytes / (double)r->size;
}
