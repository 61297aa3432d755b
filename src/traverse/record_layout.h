/*
 * record_layout.h - a record's fields as the compiler laid them out, and where
 * they fall in 64-byte cache lines.
 *
 * A record_desc lists each field's offset and size, taken from offsetof
 * and sizeof (RECORD_FIELD below), so the figures are the compiler's, not
 * typed by hand.  The functions compute padding and, for the three ways
 * the suite stores records (array of structs, array of pointers, struct of
 * arrays), which cache line an element's field lands on.  Cache lines are
 * counted from the start of the array, which the allocators here align to
 * at least 16 bytes; a line index assumes the array starts a line.
 */
#ifndef EXPLAIN_RECORD_H
#define EXPLAIN_RECORD_H

#include <stdalign.h>
#include <stdbool.h>
#include <stddef.h>

#define CACHE_LINE 64

typedef struct record_field {
    const char *name;
    const char *type;  /* C type as written in the declaration, for display */
    size_t offset;
    size_t size;
} record_field;

typedef struct record_desc {
    const char *name;        /* "struct user" */
    const char *where;       /* header that declares it, for display */
    size_t size;             /* sizeof */
    size_t align;            /* alignof */
    const record_field *fields;  /* in declaration (= offset) order */
    size_t nfields;
} record_desc;

/* One field of struct T, e.g. RECORD_FIELD(struct user, score, "double").
 * A descriptor, not code: it only names offsetof and sizeof. */
#define RECORD_FIELD(T, f, type_text) \
    { #f, type_text, offsetof(T, f), sizeof(((T *)0)->f) }

/* The descriptor of T, declared in header 'where', from its RECORD_FIELD
 * table: the name, size and alignment come from T itself, so they cannot
 * disagree with the fields.  E.g. RECORD_DESC(struct user,
 * "src/traverse/user.h", user_fields). */
#define RECORD_DESC(T, where, fields)                                           \
    { #T, where, sizeof(T), alignof(T), fields, sizeof(fields) / sizeof((fields)[0]) }

/* Bytes of padding after field i: up to the next field, or to the end of
 * the record for the last one. */
size_t record_padding_after(const record_desc *r, size_t i);

/* Bytes of padding in the whole record (size minus the fields' sizes). */
size_t record_padding(const record_desc *r);

/* Sum of the fields' sizes: the bytes that carry data. */
size_t record_payload(const record_desc *r);

/* True when the fields are in offset order, do not overlap, and fit in
 * size: what a C compiler guarantees; a check of the descriptor table. */
bool record_desc_valid(const record_desc *r);

/*
 * The cache lines byte range [start, start + len) touches, counted from
 * address 0: first and last line (inclusive).  len must be > 0.
 */
typedef struct line_span {
    size_t first, last;
} line_span;

line_span line_span_of(size_t start, size_t len);

/* Array of structs: where field 'f' of element 'i' lies, from the array's
 * start (element i begins at i * size). */
line_span record_aos_field_lines(const record_desc *r, size_t i, size_t f);

/* Struct of arrays: field f of element i lives in the array of field f at
 * i * field size; the line is counted from that array's start. */
line_span record_soa_field_lines(const record_desc *r, size_t i, size_t f);

/* Array of pointers: element i's pointer is 8 bytes at i * sizeof(void *)
 * in the pointer array. */
line_span record_aop_slot_lines(size_t i);

/* Records per cache line in an array of structs, as a fraction: 64 / size. */
double record_per_line(const record_desc *r);

/* Of every byte an array of structs streams through the cache, the share
 * that fields 'used' (a bit mask over field indices) carry: what a loop
 * reading only those fields gets out of each line it loads. */
double record_useful_share(const record_desc *r, unsigned used);

#endif /* EXPLAIN_RECORD_H */
