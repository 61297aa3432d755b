/* test_growth_cases.c - growth's append variants, views and --child runner:
 * exact names, counts against the policy, and out-of-memory paths. */
#include "alloc/counting.h"
#include "growth/append_case.h"
#include "growth/child.h"
#include "growth/views.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
    append_cases_make();
}

TestSuite(growth_cases, .init = setup);

Test(growth_cases, table_names_in_registration_order)
{
    cr_assert_str_eq(append_cases[0].name, "u64/prealloc");
    cr_assert(append_cases[0].reserve);
    cr_assert_str_eq(append_cases[1].name, "u64/x2/realloc");
    cr_assert_str_eq(append_cases[2].name, "u64/x2/copy");
    cr_assert_eq(append_case_find("user/prealloc"),
                 &append_cases[APPEND_CASE_COUNT / 2]);
    cr_assert_null(append_case_find("u64/x3/realloc"));
    for (size_t i = 0; i < APPEND_CASE_COUNT; i++)
        cr_assert_eq(append_case_find(append_cases[i].name), &append_cases[i]);
}

Test(growth_cases, every_build_matches_its_plan)
{
    bool all = true;
    for (size_t i = 0; i < APPEND_CASE_COUNT; i++) {
        const append_case *ac = &append_cases[i];
        for (size_t n = 0; n <= 1000; n += 333) {
            growable g;
            all &= append_case_build(ac, &c.base, n, &g);
            all &= ac->kind->check(&g, n) && append_case_matches_plan(ac, &g, n);
            growable_release(&g);
        }
    }
    cr_assert(all);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(growth_cases, check_catches_a_wrong_value)
{
    const append_case *ac = append_case_find("u64/x2/copy");
    growable g;
    cr_assert(append_case_build(ac, &c.base, 10, &g));
    ((uint64_t *)g.data)[3] = 99;
    cr_assert_not(ac->kind->check(&g, 10));
    cr_assert_not(ac->kind->check(&g, 9), "length is checked too");
    growable_release(&g);
}

Test(growth_cases, build_reports_allocation_failure)
{
    const append_case *ac = append_case_find("user/x1.5/realloc");
    cr_assert_not_null(ac);
    growable g;
    counting_fail_at(&c, 3);
    cr_assert_not(append_case_build(ac, &c.base, 100, &g));
    growable_release(&g);
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(growth_cases, views_keep_buffers_copies_do_not)
{
    enum { M = 3 };
    slice_i64 kept[M] = {0};
    const view_case *view = view_case_prefixing("keep_view:3");
    cr_assert_eq(view, &view_cases[0]);
    cr_assert(keep_views(view, &c.base, kept, M));
    cr_assert(views_hold_their_values(kept, M));
    cr_assert_eq(c.stats.live_bytes, M * VIEW_BUFFER_ELEMS * sizeof(int64_t));
    release_views(kept, M, &c.base);
    cr_assert_eq(c.stats.live_bytes, 0);

    memset(kept, 0, sizeof kept);
    cr_assert(keep_views(view_case_prefixing("keep_copy"), &c.base, kept, M));
    cr_assert(views_hold_their_values(kept, M));
    cr_assert_eq(c.stats.live_bytes, M * VIEW_LEN * sizeof(int64_t));
    kept[1].ptr[0] = -1;
    cr_assert_not(views_hold_their_values(kept, M));
    release_views(kept, M, &c.base);
    cr_assert_eq(c.stats.live_bytes, 0);
    cr_assert_null(view_case_prefixing("keep_all"));
}

Test(growth_cases, views_release_everything_when_out_of_memory)
{
    enum { M = 3 };
    slice_i64 kept[M] = {0};
    /* Buffer, copy, free; buffer, then the second copy fails. */
    counting_fail_at(&c, 4);
    cr_assert_not(keep_views(&view_cases[1], &c.base, kept, M));
    cr_assert_eq(c.stats.live_bytes, 0);
}

Test(growth_cases, child_runs_good_specs_and_refuses_bad_ones)
{
    cr_assert_eq(growth_child_run("append:u64/x2/realloc:1000"), 0);
    cr_assert_eq(growth_child_run("append:user/prealloc:10"), 0);
    cr_assert_eq(growth_child_run("views:keep_copy:2"), 0);
    cr_assert_eq(growth_child_run("append:u64/x9/realloc:10"), 2);
    cr_assert_eq(growth_child_run("append:u64/x2/realloc"), 2);
    cr_assert_eq(growth_child_run("views:keep_all:2"), 2);
    cr_assert_eq(growth_child_run("shrink:u64:2"), 2);
    cr_assert_eq(growth_child_run(""), 2);
}
