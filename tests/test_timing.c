/* test_timing.c - the clock bench programs use for their own figures goes
 * forward and counts seconds. */
#include "harness/timing.h"

#include <criterion/criterion.h>
#include <unistd.h>

Test(timing, never_goes_back_and_counts_seconds)
{
    double a = timing_now();
    usleep(20000);
    double b = timing_now();
    cr_assert_geq(b - a, 0.019, "slept 20 ms, saw %g s", b - a);
    for (int i = 0; i < 1000; i++) {
        double c = timing_now();
        cr_assert_geq(c, b);
        b = c;
    }
}
