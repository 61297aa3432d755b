/* test_layout.c - every layout holds the same records: same sum, exact
 * bytes and blocks, nothing left after destroy or after any failed build. */
#include "alloc/counting.h"
#include "traverse/layout.h"
#include "traverse/boxed.h"
#include "traverse/user.h"

#include <criterion/criterion.h>
#include <stdlib.h>

#define SEED 1234

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

TestSuite(layout, .init = setup);

static struct user *users_of(size_t n)
{
    struct user *u = malloc((n ? n : 1) * sizeof *u);
    cr_assert_not_null(u);
    user_generate(u, n, SEED);
    return u;
}

/* Exact bytes each kind asks for per record, from the declared structs;
 * the list node is a user plus a next pointer, the boxed record a list
 * slot, a user object and two number objects. */
static size_t expected_bytes_per_record(const layout_kind *k)
{
    if (k->shape == &layout_aos_shape)
        return sizeof(struct user);
    if (k->shape == &layout_soa_shape)
        return sizeof(int64_t) + sizeof(bool) + sizeof(double);
    if (k->shape == &layout_aop_shape)
        return sizeof(struct user *) + sizeof(struct user);
    if (k->shape == &layout_list_shape)
        return sizeof(struct user) + sizeof(void *);
    return sizeof(struct box_user *) + sizeof(struct box_user) +
           sizeof(struct box_int) + sizeof(struct box_float);
}

static size_t expected_blocks(const layout_kind *k, size_t n)
{
    if (k->shape == &layout_aos_shape)
        return 1;
    if (k->shape == &layout_soa_shape)
        return 3;
    if (k->shape == &layout_list_shape)
        return n;
    if (k->shape == &layout_boxed_shape)
        return 1 + 3 * n;
    return 1 + n;
}

Test(layout, table_has_the_seven_case_names_once)
{
    const char *names[] = {"aos", "soa", "aop_inorder", "aop_scattered",
                           "list_inorder", "list_scattered", "boxed"};
    cr_assert_eq(layout_kind_count, 7);
    for (size_t i = 0; i < 7; i++) {
        const layout_kind *k = layout_find(names[i]);
        cr_assert_not_null(k, "%s", names[i]);
        cr_assert_str_eq(k->name, names[i]);
    }
    cr_assert_null(layout_find("linked_list"));
}

Test(layout, empty_layouts_sum_to_zero_and_allocate_nothing)
{
    for (size_t k = 0; k < layout_kind_count; k++) {
        layout l;
        cr_assert(layout_build(&l, &layout_kinds[k], NULL, 0, SEED, &c.base));
        cr_assert_eq(layout_sum(&l), 0.0, "%s", layout_kinds[k].name);
        layout_destroy(&l, &c.base);
    }
    cr_assert_eq(c.stats.alloc_calls, 0);
}

Test(layout, one_record_sums_to_its_score_if_active)
{
    struct user u[1] = {{.id = 9, .active = true, .score = 12.5}};
    for (int active = 0; active <= 1; active++) {
        u[0].active = active;
        for (size_t k = 0; k < layout_kind_count; k++) {
            layout l;
            cr_assert(layout_build(&l, &layout_kinds[k], u, 1, SEED, &c.base));
            cr_assert_eq(layout_sum(&l), active ? 12.5 : 0.0, "%s", layout_kinds[k].name);
            layout_destroy(&l, &c.base);
        }
    }
    cr_assert_eq(c.stats.live_bytes, 0);
}

/* Sizes around the four-way unrolled loop's boundaries, around the blocks
 * in which soa takes its runs (LAYOUT_RUN_RECORDS), and a larger one. */
static const size_t sizes[] = {
    2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 1000,
    LAYOUT_RUN_RECORDS - 1, LAYOUT_RUN_RECORDS, LAYOUT_RUN_RECORDS + 1,
    2 * LAYOUT_RUN_RECORDS + 7, 4099};

Test(layout, every_kind_gives_the_reference_sum)
{
    for (size_t s = 0; s < sizeof sizes / sizeof sizes[0]; s++) {
        size_t n = sizes[s];
        struct user *u = users_of(n);
        double expected = user_active_score_sum(u, n);
        cr_assert_gt(expected, 0.0);
        for (size_t k = 0; k < layout_kind_count; k++) {
            layout l;
            cr_assert(layout_build(&l, &layout_kinds[k], u, n, SEED, &c.base));
            cr_assert_eq(layout_sum(&l), expected, "%s with n=%zu: %f != %f",
                         layout_kinds[k].name, n, layout_sum(&l), expected);
            layout_destroy(&l, &c.base);
        }
        free(u);
    }
}

Test(layout, bytes_and_blocks_held_are_exact)
{
    size_t n = 1000;
    struct user *u = users_of(n);
    for (size_t k = 0; k < layout_kind_count; k++) {
        const layout_kind *kind = &layout_kinds[k];
        layout l;
        cr_assert(layout_build(&l, kind, u, n, SEED, &c.base));
        cr_assert_eq(c.stats.live_bytes, n * expected_bytes_per_record(kind),
                     "%s holds %zu bytes", kind->name, c.stats.live_bytes);
        cr_assert_eq(c.stats.live_blocks, expected_blocks(kind, n), "%s", kind->name);
        layout_destroy(&l, &c.base);
        cr_assert_eq(c.stats.live_bytes, 0, "%s leaks", kind->name);
        cr_assert_eq(c.stats.live_blocks, 0, "%s leaks", kind->name);
    }
    free(u);
}

/* Visit order of a list: the ids met walking from the head. */
static void list_ids(const layout *l, int64_t *ids)
{
    struct node_view {
        struct user user;
        struct node_view *next;
    };
    size_t i = 0;
    for (const struct node_view *p = (const void *)l->as.list; p; p = p->next)
        ids[i++] = p->user.id;
    cr_assert_eq(i, l->n);
}

Test(layout, scattered_visits_every_record_once_in_a_seeded_order)
{
    size_t n = 200;
    struct user *u = users_of(n);
    int64_t in_order[200], a[200], b[200], other_seed[200];
    layout l;
    cr_assert(layout_build(&l, layout_find("list_inorder"), u, n, SEED, &c.base));
    list_ids(&l, in_order);
    layout_destroy(&l, &c.base);
    cr_assert(layout_build(&l, layout_find("list_scattered"), u, n, SEED, &c.base));
    list_ids(&l, a);
    layout_destroy(&l, &c.base);
    cr_assert(layout_build(&l, layout_find("list_scattered"), u, n, SEED, &c.base));
    list_ids(&l, b);
    layout_destroy(&l, &c.base);
    cr_assert(layout_build(&l, layout_find("list_scattered"), u, n, SEED + 1, &c.base));
    list_ids(&l, other_seed);
    layout_destroy(&l, &c.base);

    bool seen[201] = {false};
    for (size_t i = 0; i < n; i++) {
        cr_assert_eq(in_order[i], (int64_t)i + 1);
        cr_assert(a[i] >= 1 && a[i] <= 200 && !seen[a[i]], "id %lld", (long long)a[i]);
        seen[a[i]] = true;
    }
    cr_assert_arr_eq(a, b, sizeof a, "same seed, same order");
    cr_assert_arr_neq(a, in_order, sizeof a);
    cr_assert_arr_neq(a, other_seed, sizeof a);

    cr_assert(layout_build(&l, layout_find("aop_scattered"), u, n, SEED, &c.base));
    for (size_t i = 0; i < n; i++)
        cr_assert_eq(l.as.aop[i]->id, a[i], "aop and list share the seeded order");
    layout_destroy(&l, &c.base);
    free(u);
}

Test(layout, every_failed_allocation_leaves_nothing_behind)
{
    size_t n = 6;
    struct user *u = users_of(n);
    for (size_t k = 0; k < layout_kind_count; k++) {
        const layout_kind *kind = &layout_kinds[k];
        for (uint64_t fail = 1;; fail++) {
            counting_init(&c, alloc_libc());
            counting_fail_at(&c, fail);
            layout l;
            bool ok = layout_build(&l, kind, u, n, SEED, &c.base);
            if (ok) {
                cr_assert_eq(layout_sum(&l), user_active_score_sum(u, n));
                layout_destroy(&l, &c.base);
                cr_assert_gt(fail, 1, "%s: the first request must matter", kind->name);
                break;
            }
            cr_assert_eq(c.stats.failed_calls, 1);
            cr_assert_eq(c.stats.live_bytes, 0, "%s, failing request %llu: %zu bytes leak",
                         kind->name, (unsigned long long)fail, c.stats.live_bytes);
            cr_assert_eq(l.n, 0, "a failed build leaves an empty layout");
            cr_assert_lt(fail, 100, "%s never succeeds", kind->name);
        }
    }
    free(u);
}

Test(layout, boxed_objects_carry_headers_and_shared_bools)
{
    struct user u[2] = {{1, true, 1.5}, {2, false, 2.5}};
    layout l;
    cr_assert(layout_build(&l, layout_find("boxed"), u, 2, SEED, &c.base));
    const struct box_user *a = l.as.boxed[0], *b = l.as.boxed[1];
    cr_assert_eq(a->h.refcount, 1);
    cr_assert_str_eq(a->h.type->name, "User");
    cr_assert_str_eq(a->score->h.type->name, "float");
    cr_assert_eq(a->id->value, 1);
    cr_assert_eq(a->active, &box_true);
    cr_assert_eq(b->active, &box_false);
    cr_assert_eq(b->score->value, 2.5);
    layout_destroy(&l, &c.base);
}

Test(layout, soa_sums_every_pattern_of_eight_activities)
{
    /* The columns' kernel packs eight activities into eight bits at once
     * and takes masks for pairs of them from a table: each of the 256
     * patterns, then a tail of 1..7 records the step does not cover. */
    for (size_t n = 8; n <= 15; n++)
        for (unsigned pattern = 0; pattern < 256; pattern++) {
            struct user u[15];
            double expected = 0;
            for (size_t i = 0; i < n; i++) {
                bool on = i < 8 ? (pattern >> i) & 1 : i % 2;
                u[i] = (struct user){.id = (int64_t)i, .active = on, .score = 1.25 * (double)(i + 1)};
                expected += on ? u[i].score : 0;
            }
            layout l;
            cr_assert(layout_build(&l, layout_find("soa"), u, n, SEED, &c.base));
            cr_assert_eq(layout_sum(&l), expected, "n=%zu pattern %u", n, pattern);
            layout_destroy(&l, &c.base);
        }
    cr_assert_eq(c.stats.live_bytes, 0);
}
