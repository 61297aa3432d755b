/* positive_counter.c - set a counter only when it is above 0 (no NaN CV). */
#include "harness/positive_counter.h"

void bench_set_counter_if_positive(bench_state *s, const char *name, double value)
{
    if (value > 0)
        bench_set_counter(s, name, value, BENCH_COUNTER_PLAIN);
}
