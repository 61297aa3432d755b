/*
 * escape.c - what it costs when a value escapes to the heap: a function
 * that returns a record by value, against one that returns a pointer to a
 * record it allocated (which the caller frees).
 *
 * Claim A4 (docs/experiments/escape.md).  The record is the article's User (int64
 * id, bool active, double score: 24 bytes).  Both functions live in
 * src/escape/escape.c, another file, so neither can be inlined here: each call
 * is a real call, and the heap version really calls the allocator
 * (objdump -d build/bin/escape shows the indirect call through
 * allocator.alloc in escape_user_heap, and the one to free in the loop).
 *
 * Files:  benches/escape.c, src/escape/ (tests/test_escape.c,
 *         test_escape_batch.c),
 *         plots/escape.gp, src/report/rules/escape.c,
 *         docs/experiments/escape.md, docs/lessons/escape.md,
 *         make demo-escape.
 * Run:    make bench BENCH=escape          (or build/bin/escape --help)
 * Cases:  escape/<variant>/24  (24: the record's bytes)
 *           value  s = escape_user_value(id)              no allocation
 *           heap   p = escape_user_heap(libc, id) ... free(p)   malloc + free
 *           arena  the same pointer-returning function on a bump arena,
 *                  reset every 1024 calls: an escape without malloc
 * Timed:  1024 calls per batch, ids 0..1023, each record's score added to
 *         a sum when active; the arena's reset is inside the timed loop.
 * Output: Google Benchmark JSON; ns per call = 1e9 / items_per_second;
 *         counters
 *           calls_per_batch   1024
 *           allocs_per_call   requests to the allocator the record comes
 *                             from (exact, counting allocator)
 *           malloc_per_call   of which reach malloc (the arena's blocks)
 *           peak_bytes        most bytes held from malloc at once
 * Check:  every batch's sum must equal escape_expected_sum(1024).
 */
#include "alloc/arena.h"
#include "harness/cli.h"
#include "harness/register.h"
#include "harness/fail_case.h"
#include "escape/batch.h"
#include "escape/escape.h"
#include "shim/bench.h"

#include <stdio.h>

static const bench_program escape_program = {
    .name = "escape",
    .purpose = "Calls a function that returns the article's User record by value, and one that returns a pointer to a heap copy (freed by the caller), in a loop: ns per call and allocations per call.  The pointer version also runs on a bump arena.  Claim A4.  (--max-ws is accepted and unused: the working set is one record.)",
    .max_ws = {.full = 4096, .quick = 4096},
    .min_time_s = {.full = 0.1, .quick = 0.02},
};

static void escape_case(bench_state *s, const void *user)
{
    escape_mode v = *(const escape_mode *)user;
    escape_counts c = escape_count_batch(v);
    arena ar;
    arena_init(&ar, alloc_libc(), 0);
    allocator *libc = alloc_libc();
    double expected = escape_expected_sum(ESCAPE_CALLS);
    double sum = expected;
    bool all_right = true;
    while (bench_keep_running(s, ESCAPE_CALLS)) {
        sum = escape_batch(v, libc, &ar);
        /* Keeps every batch: nothing else reads the sum. */
        bench_do_not_optimize(&sum);
        all_right &= sum == expected;
    }
    arena_release(&ar);
    if (!all_right) {
        bench_fail_casef(s, "checksum mismatch: sum %.2f, expected %.2f", sum, expected);
        return;
    }
    bench_set_items_processed(s, bench_iterations(s));
    bench_set_counter(s, "calls_per_batch", ESCAPE_CALLS, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "allocs_per_call", c.allocs_per_call, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "malloc_per_call", c.malloc_per_call, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "peak_bytes", (double)c.peak_bytes, BENCH_COUNTER_PLAIN);
}

int main(int argc, char **argv)
{
    bench_cli_start(&escape_program, argc, argv);
    static const int64_t record_bytes[] = {sizeof(struct user)};
    for (size_t i = 0; i < ESCAPE_VARIANT_COUNT; i++)
        if (bench_register_named((bench_def){.run = escape_case, .user = &escape_variants[i].v,
                                             .args = record_bytes, .nargs = 1},
                                 "escape/%s", escape_variants[i].name) != 0)
            return 2;
    return bench_cli_finish();
}
