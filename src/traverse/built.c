/* built.c - traverse's kept layout per case, and one case alone (--child). */
#include "traverse/built.h"

#include "harness/faults.h"
#include "harness/heap.h"
#include "harness/timing.h"
#include "shim/bench.h"

#include <stdio.h>
#include <stdlib.h>

size_t measured_bytes_per_record(const layout_kind *kind, uint64_t seed)
{
    enum { PROBE = 1024 };
    static struct user users[PROBE];
    user_generate(users, PROBE, seed);
    counting_allocator probe;
    counting_init(&probe, alloc_libc());
    layout l;
    if (!layout_build(&l, kind, users, PROBE, seed, &probe.base))
        return 0;
    size_t bytes = probe.stats.live_bytes;
    layout_destroy(&l, &probe.base);
    return (bytes + PROBE - 1) / PROBE;
}

void traverse_built_release(traverse_built *b)
{
    if (b->kind)
        layout_destroy(&b->l, &b->counter.base);
    b->kind = NULL;
}

bool traverse_built_ensure(traverse_built *b, const layout_kind *kind, size_t n,
                           uint64_t seed)
{
    if (b->kind == kind && b->n == n)
        return true;
    traverse_built_release(b);
    if (n >= ((size_t)1 << 20))
        fprintf(stderr, "traverse: building %s with %zu elements...\n", kind->name, n);
    struct user *users = malloc(n * sizeof *users);
    if (!users)
        return false;
    user_generate(users, n, seed);
    counting_init(&b->counter, alloc_libc());
    size_t heap_before = heap_bytes_in_use();
    bool ok = layout_build(&b->l, kind, users, n, seed, &b->counter.base);
    size_t heap_after = heap_bytes_in_use();
    b->expected = user_active_score_sum(users, n);
    free(users);
    if (!ok)
        return false;
    b->kind = kind;
    b->n = n;
    b->heap_bytes = heap_figures_available() && heap_after > heap_before
                        ? heap_after - heap_before
                        : 0;
    uint64_t faults_before = minor_faults();
    double start = timing_cpu_now();
    double sum = layout_sum(&b->l);
    bench_do_not_optimize(&sum);
    b->cold_pass_seconds = timing_cpu_now() - start;
    b->cold_pass_faults = minor_faults() - faults_before;
    b->cold_pass_sum_ok = sum == b->expected;
    return true;
}

int traverse_child_run(const char *spec)
{
    char name[64];
    unsigned long long n, passes;
    int used = 0;
    if (sscanf(spec, "%63[^/]/%llu/%llu%n", name, &n, &passes, &used) != 3 ||
        spec[used] != '\0' || !layout_find(name) || n > ((size_t)1 << 40)) {
        fprintf(stderr, "traverse: --child wants LAYOUT/ELEMENTS/PASSES, not '%s'\n", spec);
        return 2;
    }
    const layout_kind *kind = layout_find(name);
    /* The same allowance as the bench's: the layout plus, while it is
     * built, the source records, the shuffle order and malloc's overhead. */
    size_t need = (size_t)n * measured_bytes_per_record(kind, BENCH_DEFAULT_SEED) / 4 * 10;
    bench_cli_require_memory(need, "this case, while it is built,");
    traverse_built b = {0};
    if (!traverse_built_ensure(&b, kind, (size_t)n, BENCH_DEFAULT_SEED)) {
        fprintf(stderr, "traverse: out of memory while building %s\n", spec);
        return 1;
    }
    double sum = 0;
    for (unsigned long long p = 0; p < passes; p++) {
        sum = layout_sum(&b.l);
        bench_do_not_optimize(&sum);
        if (sum != b.expected) {
            fprintf(stderr, "traverse: %s: checksum mismatch\n", spec);
            traverse_built_release(&b);
            return 1;
        }
    }
    printf("%s sum %.2f after %llu passes\n", spec, sum, passes);
    traverse_built_release(&b);
    return 0;
}
