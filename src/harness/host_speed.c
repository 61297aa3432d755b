/* host_speed.c - the host speed check: a fixed L1-resident sum, timed. */
#include "harness/host_speed.h"

#include "harness/cpu_pin.h"
#include "harness/read_sum.h"
#include "harness/timing.h"
#include "shim/bench.h"

#include <math.h>
#include <stdint.h>

enum {
    CHECK_WORDS = 512,  /* 4 KiB: in any L1 data cache */
    CHECK_PASSES = 512, /* about 20 us a try (an EPYC guest, 2026) */
    CHECK_TRIES = 5,
};

double host_speed_check_ns(void)
{
    static uint64_t words[CHECK_WORDS];
    for (size_t i = 0; i < CHECK_WORDS; i++)
        words[i] = i;
    double best = INFINITY;
    for (int t = 0; t < CHECK_TRIES; t++) {
        uint64_t sum = 0;
        double start = timing_thread_cpu_now();
        for (int p = 0; p < CHECK_PASSES; p++) {
            /* The compiler must read the words again each pass. */
            bench_clobber_memory();
            sum += read_sum(words, CHECK_WORDS);
        }
        double ns = (timing_thread_cpu_now() - start) * 1e9;
        bench_do_not_optimize(&sum);
        if (ns < best)
            best = ns;
    }
    return best;
}

/* On the fastest CPU, when there is a choice (cpu_pin.h): the check then
 * says how fast the CPU the case runs on is. */
static void record_host_speed(bench_state *s)
{
    int cpu;
    double ns = cpu_pin_fastest(host_speed_check_ns, &cpu);
    bench_set_counter(s, HOST_SPEED_COUNTER, ns, BENCH_COUNTER_PLAIN);
}

void host_speed_install(void)
{
    bench_set_prologue(record_host_speed);
}
