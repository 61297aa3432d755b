/* record_catalog.c - descriptors of the suite's records, from offsetof and sizeof. */
#include "record_catalog.h"

#include "boxed.h"
#include "list.h"
#include "user.h"

#include <stdalign.h>
#include <string.h>

#include "alloc/arena.h"
#include "alloc/pool.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const record_field user_fields[] = {
    RECORD_FIELD(struct user, id, "int64_t"),
    RECORD_FIELD(struct user, active, "bool"),
    RECORD_FIELD(struct user, score, "double"),
};
const record_desc record_user =
    RECORD_DESC(struct user, "src/traverse/user.h", user_fields);

static const record_field user_reordered_fields[] = {
    RECORD_FIELD(struct user_reordered, id, "int64_t"),
    RECORD_FIELD(struct user_reordered, score, "double"),
    RECORD_FIELD(struct user_reordered, active, "bool"),
};
const record_desc record_user_reordered =
    RECORD_DESC(struct user_reordered, "src/traverse/record_catalog.h", user_reordered_fields);

static const record_field user_narrow_fields[] = {
    RECORD_FIELD(struct user_narrow, score, "double"),
    RECORD_FIELD(struct user_narrow, id, "int32_t"),
    RECORD_FIELD(struct user_narrow, active, "bool"),
};
const record_desc record_user_narrow =
    RECORD_DESC(struct user_narrow, "src/traverse/record_catalog.h", user_narrow_fields);

static const record_field user_node_fields[] = {
    RECORD_FIELD(struct user_node, user, "struct user"),
    RECORD_FIELD(struct user_node, next, "struct user_node *"),
};
const record_desc record_user_node =
    RECORD_DESC(struct user_node, "src/traverse/list.h", user_node_fields);

static const record_field box_header_fields[] = {
    RECORD_FIELD(struct box_header, refcount, "intptr_t"),
    RECORD_FIELD(struct box_header, type, "const struct box_type *"),
};
static const record_desc record_box_header =
    RECORD_DESC(struct box_header, "src/traverse/boxed.h", box_header_fields);

static const record_field box_int_fields[] = {
    RECORD_FIELD(struct box_int, h, "struct box_header"),
    RECORD_FIELD(struct box_int, value, "int64_t"),
};
const record_desc record_box_int =
    RECORD_DESC(struct box_int, "src/traverse/boxed.h", box_int_fields);

static const record_field box_float_fields[] = {
    RECORD_FIELD(struct box_float, h, "struct box_header"),
    RECORD_FIELD(struct box_float, value, "double"),
};
const record_desc record_box_float =
    RECORD_DESC(struct box_float, "src/traverse/boxed.h", box_float_fields);

static const record_field box_user_fields[] = {
    RECORD_FIELD(struct box_user, h, "struct box_header"),
    RECORD_FIELD(struct box_user, id, "struct box_int *"),
    RECORD_FIELD(struct box_user, active, "const struct box_header *"),
    RECORD_FIELD(struct box_user, score, "struct box_float *"),
};
const record_desc record_box_user =
    RECORD_DESC(struct box_user, "src/traverse/boxed.h", box_user_fields);

/* The bookkeeping of one arena: an allocator's three function pointers
 * first, then the bump pointers.  Each block it takes from the parent
 * also starts with a 16-byte header (alloc/blocks.h). */
static const record_field arena_fields[] = {
    RECORD_FIELD(arena, base, "allocator"),
    RECORD_FIELD(arena, parent, "allocator *"),
    RECORD_FIELD(arena, block_size, "size_t"),
    RECORD_FIELD(arena, beg, "char *"),
    RECORD_FIELD(arena, end, "char *"),
    RECORD_FIELD(arena, first, "arena_block *"),
    RECORD_FIELD(arena, cur, "arena_block *"),
    RECORD_FIELD(arena, blocks, "size_t"),
    RECORD_FIELD(arena, reserved, "size_t"),
};
static const record_desc record_arena =
    RECORD_DESC(arena, "src/alloc/arena.h", arena_fields);

/* The bookkeeping of one pool; each slab also starts with a 16-byte
 * header (alloc/blocks.h), and a free slot holds only the next free
 * slot's address (pool.c). */
static const record_field pool_fields[] = {
    RECORD_FIELD(pool, base, "allocator"),
    RECORD_FIELD(pool, parent, "allocator *"),
    RECORD_FIELD(pool, slot_size, "size_t"),
    RECORD_FIELD(pool, slot_align, "size_t"),
    RECORD_FIELD(pool, slots_per_slab, "size_t"),
    RECORD_FIELD(pool, slab_bytes, "size_t"),
    RECORD_FIELD(pool, free_list, "pool_slot *"),
    RECORD_FIELD(pool, carve, "char *"),
    RECORD_FIELD(pool, carve_end, "char *"),
    RECORD_FIELD(pool, slabs, "pool_slab *"),
    RECORD_FIELD(pool, slab_count, "size_t"),
    RECORD_FIELD(pool, live, "size_t"),
};
static const record_desc record_pool = RECORD_DESC(pool, "src/alloc/pool.h", pool_fields);

const record_desc *const suite_records[] = {
    &record_user,      &record_user_reordered, &record_user_narrow,
    &record_user_node, &record_box_header,     &record_box_int,
    &record_box_float, &record_box_user,
    &record_arena,     &record_pool,
};
const size_t suite_record_count = COUNT(suite_records);

const record_desc *record_find(const char *name)
{
    for (size_t i = 0; i < suite_record_count; i++)
        if (strcmp(suite_records[i]->name, name) == 0)
            return suite_records[i];
    return NULL;
}
