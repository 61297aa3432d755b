/* test_latency_model.c - the traverse model in ns on a made-up machine
 * whose answers are known by hand. */
#include "traverse/latency_model.h"

#include <criterion/criterion.h>

/* L1 32 KiB at 1 ns, L2 1 MiB at 4 ns, L3 16 MiB at 12 ns, memory at
 * 100 ns and 8 bytes per ns (8 GB/s). */
static machine_levels machine(void)
{
    return (machine_levels){
        .count = 3,
        .bytes = {32 << 10, 1 << 20, 16 << 20},
        .ns = {1, 4, 12},
        .mem_ns = 100,
        .mem_bytes_per_ns = 8,
        .line_bytes = 64,
    };
}

Test(latency_model, scattered_list_in_memory_costs_its_lines_times_latency)
{
    machine_levels lv = machine();
    traverse_model m;
    cr_assert(traverse_model_of("list_scattered", &m));
    latency_prediction p;
    cr_assert(latency_predict(&m, 256e6, &lv, &p));
    cr_assert_eq(p.level, -1);
    cr_assert_float_eq(p.random_ns, 1.25 * 100, 1e-9);
    cr_assert_float_eq(p.stream_ns, 0, 1e-12);
    cr_assert_float_eq(p.total_ns, 125, 1e-9);
    cr_assert_not(p.upper_bound);
}

Test(latency_model, array_of_structs_in_memory_is_bandwidth)
{
    machine_levels lv = machine();
    traverse_model m;
    cr_assert(traverse_model_of("aos", &m));
    latency_prediction p;
    cr_assert(latency_predict(&m, 1e9, &lv, &p));
    /* 0.375 lines * 64 bytes / 8 bytes per ns */
    cr_assert_float_eq(p.stream_ns, 3.0, 1e-9);
    cr_assert_float_eq(p.random_ns, 0, 1e-12);
    cr_assert_not(p.upper_bound);
}

Test(latency_model, the_smallest_level_that_holds_the_data_is_used)
{
    machine_levels lv = machine();
    traverse_model m;
    cr_assert(traverse_model_of("aop_scattered", &m));
    latency_prediction p;
    cr_assert(latency_predict(&m, 512 << 10, &lv, &p));
    cr_assert_eq(p.level, 1);
    cr_assert_float_eq(p.random_ns, 1.25 * 4, 1e-9);
    cr_assert_eq(p.stream_ns, 0);
    cr_assert(p.upper_bound);
    cr_assert(latency_predict(&m, 32 << 10, &lv, &p)); /* exactly L1 */
    cr_assert_eq(p.level, 0);
}

Test(latency_model, unusable_machines_are_refused)
{
    traverse_model m;
    cr_assert(traverse_model_of("aos", &m));
    latency_prediction p = {.total_ns = 42};
    machine_levels lv = machine();
    lv.ns[1] = 0;
    cr_assert_not(latency_predict(&m, 1e3, &lv, &p));
    lv = machine();
    lv.bytes[2] = lv.bytes[1];
    cr_assert_not(latency_predict(&m, 1e3, &lv, &p));
    lv = machine();
    lv.ns[2] = 2; /* faster than L2 */
    cr_assert_not(latency_predict(&m, 1e3, &lv, &p));
    lv = machine();
    lv.mem_ns = 0;
    cr_assert_not(latency_predict(&m, 1e9, &lv, &p));
    cr_assert(latency_predict(&m, 1e3, &lv, &p)); /* in L1: mem_ns unused */
    lv = machine();
    lv.count = LATENCY_MAX_LEVELS + 1;
    cr_assert_not(latency_predict(&m, 1e3, &lv, &p));
    cr_assert_not(latency_predict(NULL, 1e3, &lv, &p));
    p.total_ns = 42;
    lv = machine();
    lv.line_bytes = 0;
    cr_assert_not(latency_predict(&m, 1e3, &lv, &p));
    cr_assert_eq(p.total_ns, 42);
}
