/*
 * insert.c - inserts and removals at random positions: an array that
 * shifts its tail against a linked list that walks to the position.
 *
 * Claim L2 (docs/claims.md): Big-O is not the whole story.  Both
 * structures do O(n) work per operation here: the array moves half its
 * elements (memmove, in bulk, prefetched), the list follows half its
 * links (one dependent load each, the next address unknown until the
 * load returns).  Which one is faster, and by how much as n grows, is
 * what the constants decide.
 *
 * Files:  benches/insert.c, src/insert/ (tests/test_seq_array.c,
 *         test_seq_list.c, test_insert_workload.c), plots/insert.gp,
 *         src/report/rules/insert.c,
 *         docs/experiments/insert.md, docs/lessons/insert.md,
 *         make demo-insert.
 * Run:    make bench BENCH=insert           (or build/bin/insert --help)
 * Cases:  insert/<variant>/<N>, N = 100, 200, 500, ... 500 000 (100, 1000,
 *         10 000, 100 000 with --quick; fewer when --max-ws is below N x 32
 *         bytes), variants:
 *           array      seq_array: one block of int64, memmove (src/insert/seq_array.h)
 *           list       seq_list: a node per element from malloc, nodes
 *                      scattered in memory (src/insert/seq_list.h)
 *           list_pool  the same list, nodes from a pool of 16-byte slots
 *                      (src/alloc/pool.h): no malloc header, no malloc call
 * Timed:  the structure holds N elements (values 0..N-1, built untimed
 *         once per case).  One iteration runs a fixed ring of K pairs (K =
 *         2^21 / N, between 8 and 4096): insert at a random position, then
 *         remove at a random position, so the size stays N.  Positions are
 *         uniform and stratified (each of K equal slices of 0..N is drawn
 *         once, in shuffled order), so even a short ring averages N/2; the
 *         same ring (fixed seed) serves every variant.  Time per operation
 *         at size N is 1e9 / items_per_second ns; doing N inserts and N
 *         removals from empty costs about N times that (the average size
 *         is N/2 and the cost grows with the size).
 * Output: Google Benchmark JSON; per case the counters
 *           elements            N
 *           ring_pairs          K
 *           ws_bytes            bytes the structure holds (counting allocator)
 *           heap_bytes_per_elem what malloc holds per element (mallinfo2)
 *           moved_bytes_per_op  bytes memmove shifted per operation (array)
 *           hops_per_op         links followed per operation (lists)
 * Check:  the first pass over the ring (untimed) must remove the same
 *         values and leave the same sequence as a plain reference array
 *         shifted one element at a time; after every run the elements must
 *         still add up to what the inserts and removals say.  A mismatch
 *         fails the case and the program exits 1.
 */
#include "harness/cli.h"
#include "harness/register.h"
#include "harness/fail_case.h"
#include "insert/workload.h"
#include "shim/bench.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const bench_program insert_program = {
    .name = "insert",
    .purpose = "Inserts and removes int64 values at random positions in a dynamic array (memmove) and in a linked list (walk to the position; nodes from malloc or from a pool), holding N = 100 .. 500 000 elements (100 000 with --quick; --max-ws caps N at max-ws / 32 bytes, what malloc holds per list node).  Reports time per operation, the list/array ratio, and the bytes moved and links followed per operation.  Claim L2.",
    /* The list's nodes as malloc holds them (32 bytes each) at the largest
     * N: a larger --max-ws does not add sizes, a smaller one removes some. */
    .max_ws = {.full = (size_t)16 << 20, .quick = (size_t)4 << 20},
};

enum { LARGEST_N = 500000, QUICK_LARGEST_N = 100000 };

/* Bytes malloc holds per list node (16 asked, 32 held): the most any
 * variant needs per element, for --max-ws and the memory check. */
#define WORST_BYTES_PER_ELEMENT 32

/* A case's cookie (bench_def.user). */
typedef struct insert_params {
    insert_variant v;
    uint64_t seed;        /* draws the positions and the list's order */
} insert_params;

/* The ring of positions for the running N, shared by its variants, and
 * the structure of the running case, kept across its repetitions. */
static insert_ring ring;
static insert_built built;

static void insert_case(bench_state *s, const void *user)
{
    const insert_params *p = user;
    insert_variant v = p->v;
    size_t n = (size_t)bench_arg(s, 0);
    if (!insert_ring_hold(&ring, n, p->seed)) {
        bench_fail_case(s, "out of memory for the positions");
        return;
    }
    if (!built.ready || built.v != v || built.n != n) {
        const char *problem = insert_build(&built, &ring, v, n, p->seed);
        if (problem) {
            insert_built_release(&built);
            bench_fail_case(s, problem);
            return;
        }
    }
    uint64_t moved0 = built.array.moved_bytes, hops0 = built.list.hops;
    bool failed = false;
    int64_t removed = 0;
    while (bench_keep_running(s, 1)) {
        removed += insert_pass(&built, &ring, &failed);
        /* Keeps every pass: nothing else reads the removed values. */
        bench_do_not_optimize(&removed);
    }
    int64_t passes = bench_iterations(s);
    built.sum += passes * ring.inserted_sum - removed;
    int64_t sum;
    uint64_t hash;
    insert_contents(&built, &sum, &hash);
    if (failed || insert_len(&built) != n || sum != built.sum) {
        bench_fail_casef(s, "after the run: %zu elements summing to %" PRId64
                         ", expected %zu summing to %" PRId64, insert_len(&built), sum, n,
                         built.sum);
        insert_built_release(&built);
        return;
    }
    double ops = (double)passes * 2.0 * (double)ring.k;
    bench_set_items_processed(s, (int64_t)ops);
    bench_set_counter(s, "elements", (double)n, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "ring_pairs", (double)ring.k, BENCH_COUNTER_PLAIN);
    bench_set_counter(s, "ws_bytes", (double)built.counter.stats.live_bytes,
                      BENCH_COUNTER_PLAIN);
    if (built.heap_bytes)
        bench_set_counter(s, "heap_bytes_per_elem",
                          (double)built.heap_bytes / (double)n, BENCH_COUNTER_PLAIN);
    if (ops > 0) {
        if (v == INSERT_ARRAY)
            bench_set_counter(s, "moved_bytes_per_op",
                              (double)(built.array.moved_bytes - moved0) / ops,
                              BENCH_COUNTER_PLAIN);
        else
            bench_set_counter(s, "hops_per_op",
                              (double)(built.list.hops - hops0) / ops, BENCH_COUNTER_PLAIN);
    }
}

/* N = 1, 2, 5 times each power of ten from 100 up to the largest (with
 * --quick: the powers of ten only). */
static size_t sizes(const bench_options *o, int64_t *out, size_t cap)
{
    size_t largest = o->quick ? QUICK_LARGEST_N : LARGEST_N;
    if (o->max_ws / WORST_BYTES_PER_ELEMENT < largest)
        largest = o->max_ws / WORST_BYTES_PER_ELEMENT;
    static const int steps[] = {1, 2, 5};
    size_t n = 0;
    for (size_t decade = 100; decade <= largest && n < cap; decade *= 10)
        for (size_t i = 0; i < (o->quick ? 1u : 3u) && n < cap; i++)
            if (decade * (size_t)steps[i] <= largest)
                out[n++] = (int64_t)(decade * (size_t)steps[i]);
    return n;
}

int main(int argc, char **argv)
{
    bench_options o = bench_cli_start(&insert_program, argc, argv);
    int64_t counts[32];
    size_t ncounts = sizes(&o, counts, 32);
    if (ncounts == 0) {
        fprintf(stderr, "insert: --max-ws is too small for N = 100 (%d bytes an element)\n",
                WORST_BYTES_PER_ELEMENT);
        return 2;
    }
    bench_cli_require_memory((size_t)counts[ncounts - 1] * WORST_BYTES_PER_ELEMENT * 2,
                             "the largest list");

    static insert_params params[INSERT_VARIANT_COUNT];
    for (size_t v = 0; v < INSERT_VARIANT_COUNT; v++)
        params[v] = (insert_params){.v = (insert_variant)v, .seed = o.seed};
    /* The variants of one N run back to back, so they share its ring and
     * its reference pass. */
    for (size_t i = 0; i < ncounts; i++)
        for (size_t v = 0; v < INSERT_VARIANT_COUNT; v++)
            if (bench_register_named((bench_def){.run = insert_case, .user = &params[v],
                                                 .args = &counts[i], .nargs = 1},
                                     "insert/%s", insert_variant_names[v]) != 0)
                return 2;
    int status = bench_cli_finish();
    insert_built_release(&built);
    insert_ring_release(&ring);
    return status;
}
