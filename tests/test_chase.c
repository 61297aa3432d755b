/* test_chase.c - a linked ring visits every line once per lap, in the
 * order of next[]; the single-cycle check accepts exactly single cycles. */
#include "stride/chase.h"
#include "harness/rng.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>

Test(chase, a_walk_follows_next_and_laps_after_n_steps)
{
    enum { N = 257, LINE = 64 };
    size_t next[N];
    rng r = rng_seeded(11);
    rng_single_cycle(&r, next, N);
    char *buf = aligned_alloc(64, N * LINE);
    cr_assert_not_null(buf);
    chase_link(buf, LINE, next, N);
    size_t at = 0;
    void *p = buf;
    for (size_t step = 1; step <= N; step++) {
        p = chase_walk(p, 1);
        at = next[at];
        cr_assert_eq(p, buf + at * LINE, "step %zu", step);
    }
    cr_assert_eq(p, buf, "one lap returns to the start");
    cr_assert_eq(chase_walk(buf, 3 * N), buf, "and so do three");
    cr_assert_eq(chase_walk(buf, 0), buf, "zero steps stay");
    free(buf);
}

Test(chase, lines_may_be_any_multiple_of_a_pointer)
{
    size_t next[3] = {2, 0, 1};
    void *buf[3 * 2];
    chase_link(buf, 2 * sizeof(void *), next, 3);
    cr_assert_eq(buf[0], &buf[4]);
    cr_assert_eq(buf[2], &buf[0]);
    cr_assert_eq(buf[4], &buf[2]);
    cr_assert_eq(chase_walk(buf, 2), &buf[2]);
}

Test(chase, single_cycle_check_accepts_sattolo_cycles)
{
    size_t next[500];
    for (size_t n = 1; n <= 500; n = n * 2 + 1) {
        rng r = rng_seeded(n);
        rng_single_cycle(&r, next, n);
        cr_assert(chase_is_single_cycle(next, n), "n=%zu", n);
    }
}

Test(chase, single_cycle_check_refuses_everything_else)
{
    size_t two_cycles[4] = {1, 0, 3, 2};
    size_t fixed_point[3] = {0, 2, 1};
    size_t out_of_range[3] = {1, 5, 0};
    size_t rho[4] = {1, 2, 3, 1};   /* 0 leads into the cycle 1-2-3 */
    cr_assert_not(chase_is_single_cycle(two_cycles, 4));
    cr_assert_not(chase_is_single_cycle(fixed_point, 3));
    cr_assert_not(chase_is_single_cycle(out_of_range, 3));
    cr_assert_not(chase_is_single_cycle(rho, 4));
    cr_assert_not(chase_is_single_cycle(NULL, 0), "nothing is no cycle");
    size_t one[1] = {0};
    cr_assert(chase_is_single_cycle(one, 1));
}
