/*
 * record_catalog.h - every record the suite stores, described for the layout map,
 * and two reorderings of the article's User to compare against.
 */
#ifndef EXPLAIN_RECORDS_H
#define EXPLAIN_RECORDS_H

#include "record_layout.h"

#include <stdbool.h>
#include <stdint.h>

/* The article's fields, largest first: the usual advice for less padding.
 * For User it saves nothing: the 7 bytes after 'active' move to the end,
 * because the record's size must stay a multiple of its 8-byte alignment
 * so that the next element's id and score are aligned too. */
struct user_reordered {
    int64_t id;
    double score;
    bool active;
};

/* Largest first, with id narrowed to 32 bits (enough for 4 billion
 * users): 16 bytes instead of 24.  Reordering alone does not shrink User;
 * reordering plus one narrower field does. */
struct user_narrow {
    double score;
    int32_t id;
    bool active;
};

/* The records, in the order the layout map prints them; the ones that
 * exist only when another module is built (arena, pool) are added there. */
extern const record_desc *const suite_records[];
extern const size_t suite_record_count;

/* The ones the comparisons and the model name directly. */
extern const record_desc record_user, record_user_reordered, record_user_narrow,
    record_user_node, record_box_user, record_box_int, record_box_float;

/* The record called 'name' ("struct user"), or NULL. */
const record_desc *record_find(const char *name);

#endif /* EXPLAIN_RECORDS_H */
