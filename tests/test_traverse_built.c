/* test_traverse_built.c - traverse's kept layout and --child runner:
 * exact bytes per record, the reference sum, kept or rebuilt, bad specs. */
#include "traverse/built.h"

#include <criterion/criterion.h>

Test(traverse_built, bytes_per_record_of_the_array_of_structs)
{
    cr_assert_eq(measured_bytes_per_record(layout_find("aos"), 1), sizeof(struct user));
    cr_assert_gt(measured_bytes_per_record(layout_find("boxed"), 1),
                 measured_bytes_per_record(layout_find("aos"), 1));
}

Test(traverse_built, built_once_then_kept)
{
    traverse_built b = {0};
    for (size_t k = 0; k < layout_kind_count; k++) {
        const layout_kind *kind = &layout_kinds[k];
        cr_assert(traverse_built_ensure(&b, kind, 1000, 9), "%s", kind->name);
        cr_assert_eq(layout_sum(&b.l), b.expected, "%s", kind->name);
        cr_assert(b.cold_pass_sum_ok, "%s: the cold pass sums right", kind->name);
        cr_assert_geq(b.cold_pass_seconds, 0.0);
        uint64_t calls = b.counter.stats.alloc_calls;
        /* A kept layout is not passed over again: the cold pass stays the
         * one after the build. */
        b.cold_pass_seconds = -1;
        cr_assert(traverse_built_ensure(&b, kind, 1000, 9));
        cr_assert_eq(b.counter.stats.alloc_calls, calls, "kept, not rebuilt");
        cr_assert_eq(b.cold_pass_seconds, -1.0);
    }
    cr_assert(traverse_built_ensure(&b, layout_find("aos"), 10, 9));
    cr_assert_eq(b.n, 10);
    cr_assert_eq(b.counter.stats.live_bytes, 10 * sizeof(struct user));
    traverse_built_release(&b);
    cr_assert_null(b.kind);
    traverse_built_release(&b);
}

Test(traverse_built, child_runs_and_refuses_bad_specs)
{
    cr_assert_eq(traverse_child_run("aos/100/2"), 0);
    cr_assert_eq(traverse_child_run("list_scattered/50/0"), 0);
    cr_assert_eq(traverse_child_run("aos/100"), 2);
    cr_assert_eq(traverse_child_run("aos/100/2x"), 2);
    cr_assert_eq(traverse_child_run("tree/100/2"), 2);
    cr_assert_eq(traverse_child_run("aos/2000000000000/1"), 2);
}
