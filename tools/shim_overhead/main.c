/*
 * main.c - what the C shim costs: the same kernels timed through it and
 * directly from C++ (native.cc), in one program, so the two can be compared
 * case by case.  make shim-overhead runs it and prints the ratios.
 *
 *   trivial: one out-of-line increment per iteration (kernels_tick, the
 *            same call on both sides); shows the price of one call into
 *            the shim per iteration (batch 1) and its amortized price when
 *            iterations come in batches of 64.
 *   real:    the traverse array-of-structs sum over 1365 records (32 KiB,
 *            in L1) and 43690 records (1 MiB, in L2).
 */
#include "kernels.h"
#include "shim/bench.h"

#include <stdint.h>
#include <stdio.h>

static const char usage[] = "usage: shim_overhead [Google Benchmark flags]\n";

/* --help: what it times, then the library's flags (make shim-overhead
 * passes them). */
static void help(void)
{
    printf("%s\nTimes the same kernels through the suite's C shim and from C++\n"
           "directly, case by case: one call per iteration, 64 per batch, and the\n"
           "traverse array-of-structs sum in L1 and L2.  make shim-overhead runs it\n"
           "and prints the ratios.\n\n", usage);
    bench_print_library_help();
}

static void shim_trivial(bench_state *s, const void *user)
{
    int64_t batch = *(const int64_t *)user;
    long x = 0;
    while (bench_keep_running(s, batch))
        for (int64_t b = 0; b < batch; b++)
            kernels_tick(&x);
    bench_do_not_optimize(&x);
}

static void shim_real(bench_state *s, const void *user)
{
    (void)user;
    int64_t n = bench_arg(s, 0);
    layout *l = kernels_make_aos((size_t)n);
    if (!l) {
        bench_skip_with_error(s, "out of memory");
        return;
    }
    while (bench_keep_running(s, 1)) {
        double sum = layout_sum(l);
        bench_do_not_optimize(&sum);
    }
    bench_set_items_processed(s, bench_iterations(s) * n);
    kernels_free_aos(l);
}

int main(int argc, char **argv)
{
    static const int64_t one = 1, sixty_four = 64, sizes[] = {1365, 43690};
    bench_initialize(&argc, argv, help);
    if (argc > 1) {   /* the library took its flags: anything left is not one */
        fprintf(stderr, "shim_overhead: unexpected argument '%s'\n%s", argv[1], usage);
        return 2;
    }
    bench_def defs[] = {
        {.name = "shim_overhead/shim_trivial_batch1", .run = shim_trivial, .user = &one},
        {.name = "shim_overhead/shim_trivial_batch64", .run = shim_trivial, .user = &sixty_four},
        {.name = "shim_overhead/shim_real", .run = shim_real, .args = sizes, .nargs = 2},
    };
    for (size_t i = 0; i < sizeof defs / sizeof defs[0]; i++)
        if (bench_register(&defs[i]) != 0)
            return 2;
    bench_run();
    bench_shutdown();
    return 0;
}
