/*
 * layout.h - one set of User records, stored seven ways, summed the same way.
 *
 * The traverse experiment asks how much the shape of memory costs when a
 * loop reads every record once: sum the score of active users.  Each
 * layout_kind (the table in layout.c) stores the same records in one of
 * five shapes, and each shape has its own kernel:
 *
 *   aos             one array of struct user                 (Go: []User)
 *   aop_inorder     array of pointers, one allocation per record, the
 *                   pointers in allocation order               ([]*User)
 *   aop_scattered   the same, pointers in a seeded random order
 *   list_inorder    singly linked list, linked in allocation order
 *   list_scattered  the same nodes linked in a seeded random order
 *   soa             one array per field (struct of arrays)
 *   boxed           a model of a CPython list of objects: an array of
 *                   pointers to objects with a refcount and type header,
 *                   whose fields point to boxed int and float objects
 *
 * "Scattered" means allocated in one order and visited in another, as
 * happens when records are created over time and then sorted or shuffled.
 * Every allocation goes through the allocator given to layout_build(), so
 * the counting allocator measures each layout's bytes exactly.
 */
#ifndef LAYOUT_H
#define LAYOUT_H

#include "alloc/alloc.h"
#include "user.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

struct user_node;  /* list.c */
struct box_user;   /* boxed.h */

typedef struct layout_kind layout_kind;

/* A built instance.  Only the member of 'as' that 'kind' names is valid. */
typedef struct layout {
    const layout_kind *kind;
    size_t n;
    union {
        /* The array of an indexed shape (layout_slots) as layout.c builds
         * and frees it; aos, aop and boxed are the same address, typed. */
        void *slots;
        struct user *aos;
        struct user **aop;
        struct user_node *list;
        struct {
            int64_t *id;
            bool *active;
            double *score;
        } soa;
        struct box_user **boxed;
    } as;
} layout;

/*
 * The indexed shapes (aos, aop, boxed) hold an array of n slots, slot k for
 * the record visited k-th; they differ only in what a slot holds.  So
 * layout.c builds, shuffles and frees that array once for all of them,
 * through these hooks.  Their sums stay each in its file: the kernel must
 * inline its value_at (layout_sum_indexed).
 */
typedef struct layout_slots {
    size_t size, align; /* of one slot */
    /* Fills slot i with record *u.  False when out of memory, having
     * allocated nothing. */
    bool (*store)(void *slots, size_t i, const struct user *u, allocator *a);
    /* Frees what slot i points to; NULL when a slot points to nothing. */
    void (*release)(void *slots, size_t i, allocator *a);
} layout_slots;

/* A run of bytes a kernel reads front to back. */
typedef struct layout_span {
    const void *at;
    size_t bytes;
} layout_span;

/* The most runs a shape's kernel reads (soa: activity and score). */
#define LAYOUT_MAX_SPANS 2

/* Where a kernel reads several runs (soa), records it takes from each run
 * before it moves on to the next: a block of one, then the same records'
 * block of the other.  The sum beside it (span_sum.h) keeps the same
 * order, so the two differ in their loops only.  Why blocks and not one
 * record of each at a time: soa.c. */
#define LAYOUT_RUN_RECORDS 512

/* How one shape of storage is built, summed and freed.  The seven kinds
 * are five shapes: aop and list are each visited in two orders. */
typedef struct layout_shape {
    /* The timed kernel: sum of score over active users. */
    double (*sum)(const layout *l);
    /* Bytes the kernel reads per record when it skips some of what the
     * layout holds (soa never reads id); 0: all of it.  For its effective
     * bandwidth. */
    size_t bytes_read_per_record;
    /* The runs of bytes the kernel streams through, for the sequential
     * sum set beside it (span_sum.h); returns how many it wrote.  NULL
     * for the shapes that follow pointers: their bytes are no run. */
    size_t (*spans)(const layout *l, layout_span out[LAYOUT_MAX_SPANS]);
    /* An indexed shape gives its slots, and neither build nor destroy. */
    layout_slots slots;
    /* Stores users[order[k]] at visit position k (order is NULL for in-order
     * kinds).  Returns false after freeing everything it had allocated. */
    bool (*build)(layout *l, const struct user *users, const size_t *order,
                  allocator *a);
    void (*destroy)(layout *l, allocator *a);
} layout_shape;

/* Each shape, defined in the file of its name. */
extern const layout_shape layout_aos_shape, layout_soa_shape, layout_aop_shape,
    layout_list_shape, layout_boxed_shape;

struct layout_kind {
    const char *name;           /* the <variant> in "traverse/<variant>/<n>" */
    const layout_shape *shape;
    bool scattered;             /* visited in a random permutation of allocation order */
    const char *summary;        /* one line for --help and the docs */
};

/* All seven kinds, in the order of cases and plot legends (layout.c). */
extern const layout_kind layout_kinds[];
extern const size_t layout_kind_count;

/* The kind called 'name', or NULL. */
const layout_kind *layout_find(const char *name);

/*
 * Builds 'kind' over users[0..n).  Scattered kinds draw their visit order
 * from 'seed'.  n == 0 gives an empty layout whose sum is 0.  Returns false
 * when an allocation fails, leaving nothing allocated.
 */
bool layout_build(layout *l, const layout_kind *kind, const struct user *users,
                  size_t n, uint64_t seed, allocator *a);

static inline double layout_sum(const layout *l)
{
    return l->kind->shape->sum(l);
}

/* Frees everything layout_build() allocated; the layout is then empty. */
void layout_destroy(layout *l, allocator *a);

/* Score if active, else 0, without a branch on 'active': the score's bits
 * are ANDed with a mask of all ones or all zeros (+0.0).  Half the records
 * are active at random; a branch would be mispredicted on about every
 * other record and cost more than the memory access this experiment is
 * about.  Compilers see through the obvious forms: "active ? score : 0.0"
 * (gcc 12), "score * active" and even a plain mask (clang 14) all become
 * a branch.  The empty asm hides the mask's origin, so it stays a mask;
 * it emits no instruction. */
static inline double layout_active_score(bool active, double score)
{
    uint64_t bits, mask = -(uint64_t)active;
    __asm__("" : "+r"(mask));
    memcpy(&bits, &score, sizeof bits);
    bits &= mask;
    memcpy(&score, &bits, sizeof score);
    return score;
}

/*
 * Sums value_at(data, i) for i in [0, n) with four independent running
 * sums.  One sum would chain every addition on the last (4 cycles each),
 * and the loop would then measure the adder's latency, not memory.  The
 * scores are exact multiples of 0.25, so regrouping the additions does
 * not change the result.  Static inline: the compiler inlines value_at.
 */
static inline double layout_sum_indexed(const void *data, size_t n,
                                        double (*value_at)(const void *, size_t))
{
    double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    size_t i = 0;
    for (; i + 4 <= n; i += 4) {
        s0 += value_at(data, i);
        s1 += value_at(data, i + 1);
        s2 += value_at(data, i + 2);
        s3 += value_at(data, i + 3);
    }
    for (; i < n; i++)
        s0 += value_at(data, i);
    return (s0 + s1) + (s2 + s3);
}

#endif /* LAYOUT_H */
