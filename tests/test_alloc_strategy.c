/* test_alloc_strategy.c - alloc's strategies, sessions, exact figures and
 * --child runner: exact malloc calls and bytes, no leak after a cycle,
 * and the out-of-memory and bad-spec paths. */
#include "alloc/counting.h"
#include "alloc/figures.h"
#include "alloc/strategy.h"

#include <criterion/criterion.h>
#include <stdlib.h>

static counting_allocator c;

static void setup(void)
{
    counting_init(&c, alloc_libc());
}

TestSuite(alloc_strategy, .init = setup);

Test(alloc_strategy, names_in_registration_order)
{
    static const char *const names[] = {"malloc", "refcount", "arena", "arena_reset",
                                        "pool"};
    for (size_t i = 0; i < ALLOC_STRATEGY_COUNT; i++) {
        cr_assert_str_eq(alloc_strategies[i].name, names[i]);
        cr_assert_eq(alloc_strategy_named(names[i]), &alloc_strategies[i]);
    }
    cr_assert_null(alloc_strategy_named("gc"));
    cr_assert(alloc_strategy_named("arena_reset")->persistent);
    cr_assert(alloc_strategy_named("refcount")->refcounted);
    cr_assert_not(alloc_strategy_named("malloc")->refcounted);
}

Test(alloc_strategy, every_cycle_sums_right_and_leaves_nothing)
{
    for (size_t i = 0; i < ALLOC_STRATEGY_COUNT; i++) {
        session s;
        session_start(&s, &c.base);
        cr_assert(one_cycle(&alloc_strategies[i], &s, 1000), "%s", alloc_strategies[i].name);
        cr_assert(one_cycle(&alloc_strategies[i], &s, 1000), "%s", alloc_strategies[i].name);
        session_finish(&s);
        cr_assert_eq(c.stats.live_bytes, 0, "%s", alloc_strategies[i].name);
    }
}

Test(alloc_strategy, malloc_calls_one_per_node_and_refcount_frees_all)
{
    session s;
    session_start(&s, &c.base);
    cr_assert(one_cycle(alloc_strategy_named("malloc"), &s, 1000));
    cr_assert_eq(c.stats.alloc_calls, 1000);
    cr_assert(one_cycle(alloc_strategy_named("refcount"), &s, 1000));
    cr_assert_eq(c.stats.alloc_calls, 2000);
    cr_assert_eq(s.freed_by_drop, 1000);
    session_finish(&s);
}

Test(alloc_strategy, a_failed_build_is_torn_down)
{
    for (size_t i = 0; i < ALLOC_STRATEGY_COUNT; i++) {
        session s;
        session_start(&s, &c.base);
        counting_fail_at(&c, 2);
        cr_assert_not(one_cycle(&alloc_strategies[i], &s, 5000), "%s",
                      alloc_strategies[i].name);
        counting_fail_at(&c, 0);
        session_finish(&s);
        cr_assert_eq(c.stats.live_bytes, 0, "%s", alloc_strategies[i].name);
    }
}

Test(alloc_strategy, figures_are_exact_and_kept)
{
    /* The probe does not know alloc's specs: the RSS figure is unknown. */
    const char *probe = getenv("CHILD_PROBE");
    cr_assert_not_null(probe, "run through make test, which sets CHILD_PROBE");
    const strategy *st = alloc_strategy_named("refcount");
    const figures *f = figures_for(probe, st, 1024);
    cr_assert_not_null(f);
    cr_assert_eq(f->malloc_calls, 1024);
    cr_assert_eq(f->live_after_drop, 0);
    cr_assert_eq(f->freed_by_drop, 1024);
    cr_assert_not(f->rss_known);
    cr_assert_eq(f->rss_bytes, 0);
    cr_assert_eq(figures_for(probe, st, 1024), f, "measured once");
    const figures *g = figures_for(probe, alloc_strategy_named("arena_reset"), 1024);
    cr_assert_not_null(g);
    cr_assert_eq(g->malloc_calls, 0, "steady state: the blocks are kept");
}

Test(alloc_strategy, child_runs_good_specs_and_refuses_bad_ones)
{
    cr_assert_eq(alloc_child_run("pool:1000"), 0);
    cr_assert_eq(alloc_child_run("arena_reset:10"), 0);
    cr_assert_eq(alloc_child_run("gc:10"), 2);
    cr_assert_eq(alloc_child_run("pool"), 2);
    cr_assert_eq(alloc_child_run("Pool:10"), 2);
}
