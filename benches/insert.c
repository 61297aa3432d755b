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
 *         test_seq_list.c), plots/insert.gp, src/report/rules/insert.c,
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
#include "alloc/counting.h"
#include "alloc/pool.h"
#include "harness/cli.h"
#include "harness/fail_case.h"
#include "harness/heap.h"
#include "harness/rng.h"
#include "insert/seq_array.h"
#include "insert/seq_list.h"
#include "shim/bench.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const bench_program insert_program = {
    .name = "insert",
    .purpose =
        "Inserts and removes int64 values at random positions in a dynamic array\n"
        "(memmove) and in a linked list (walk to the position; nodes from malloc\n"
        "or from a pool), holding N = 100 .. 500 000 elements (100 000 with\n"
        "--quick; --max-ws caps N at max-ws / 32 bytes, what malloc holds per list\n"
        "node).  Reports time per operation, the list/array ratio, and the bytes\n"
        "moved and links followed per operation.  Claim L2.",
    /* The list's nodes as malloc holds them (32 bytes each) at the largest
     * N: a larger --max-ws does not add sizes, a smaller one removes some. */
    .default_max_ws = (size_t)16 << 20,
    .quick_max_ws = (size_t)4 << 20,
    .min_time_s = 0.05,
    .quick_min_time_s = 0.01,
};

enum { LARGEST_N = 500000, QUICK_LARGEST_N = 100000 };

/* Bytes malloc holds per list node (16 asked, 32 held): the most any
 * variant needs per element, for --max-ws and the memory check. */
#define WORST_BYTES_PER_ELEMENT 32

typedef enum variant { ARRAY, LIST, LIST_POOL, VARIANT_COUNT } variant;
static const char *const variant_names[VARIANT_COUNT] = {"array", "list", "list_pool"};

/* Slots per pool slab: up to 64 KiB slabs, few enough calls to malloc
 * that the pool's own setup does not show; a small list gets one slab
 * just large enough (it never holds more than N + 1 nodes). */
#define POOL_SLOTS_PER_SLAB 4096

/* A case's cookie (bench_def.user). */
typedef struct insert_params {
    variant v;
    uint64_t seed;        /* draws the positions and the list's order */
} insert_params;

/* The ring of positions for one N, shared by the variants, and what a
 * plain reference array says its first pass must give. */
static struct ring {
    size_t n, k;
    size_t *ins, *rem;       /* K insert positions, K removal positions */
    int64_t inserted_sum;    /* of the values one pass inserts */
    int64_t ref_removed;     /* sum of the values the first pass removes */
    uint64_t ref_hash;       /* order-sensitive hash of the sequence after it */
} ring;

/* K positions in 0..range-1: one in each of K equal slices, the slices in
 * shuffled order, so their mean is range/2 whatever K is. */
static void stratified_positions(rng *r, size_t *out, size_t *perm, size_t k,
                                 size_t range)
{
    rng_permutation(r, perm, k);
    for (size_t j = 0; j < k; j++) {
        size_t lo = perm[j] * range / k, hi = (perm[j] + 1) * range / k;
        out[j] = lo + (hi > lo ? (size_t)rng_below(r, hi - lo) : 0);
    }
}

static uint64_t hash_step(uint64_t h, size_t i, int64_t v)
{
    return h + (uint64_t)(i + 1) * (uint64_t)v;
}

/* Runs the first pass on a plain array, shifting one element at a time:
 * slow and obviously right, the reference for every variant. */
static bool reference_pass(void)
{
    int64_t *a = malloc((ring.n + 1) * sizeof *a);
    if (!a)
        return false;
    size_t len = ring.n;
    for (size_t i = 0; i < len; i++)
        a[i] = (int64_t)i;
    int64_t removed = 0;
    for (size_t j = 0; j < ring.k; j++) {
        for (size_t i = len; i > ring.ins[j]; i--)
            a[i] = a[i - 1];
        a[ring.ins[j]] = (int64_t)j;
        len++;
        removed += a[ring.rem[j]];
        for (size_t i = ring.rem[j]; i + 1 < len; i++)
            a[i] = a[i + 1];
        len--;
    }
    uint64_t h = 0;
    for (size_t i = 0; i < len; i++)
        h = hash_step(h, i, a[i]);
    free(a);
    ring.ref_removed = removed;
    ring.ref_hash = h;
    return true;
}

static void ring_release(void)
{
    free(ring.ins);
    free(ring.rem);
    ring.ins = ring.rem = NULL;
    ring.n = 0;
}

static bool ring_hold(size_t n, uint64_t seed)
{
    if (ring.ins && ring.n == n)
        return true;
    ring_release();
    size_t k = ((size_t)1 << 21) / n;
    k = k < 8 ? 8 : k > 4096 ? 4096 : k;
    ring.ins = malloc(k * sizeof *ring.ins);
    ring.rem = malloc(k * sizeof *ring.rem);
    size_t *perm = malloc(k * sizeof *perm);
    bool ok = ring.ins && ring.rem && perm;
    if (ok) {
        ring.n = n;
        ring.k = k;
        rng r = rng_seeded(seed ^ n);
        stratified_positions(&r, ring.ins, perm, k, n + 1);
        stratified_positions(&r, ring.rem, perm, k, n + 1);
        ring.inserted_sum = (int64_t)(k * (k - 1) / 2);
        ok = reference_pass();
    }
    free(perm);
    if (!ok)
        ring_release();
    return ok;
}

/* The structure of the running case, kept across its repetitions. */
static struct built {
    bool ready;
    variant v;
    size_t n;
    counting_allocator counter;
    pool nodes;               /* LIST_POOL only */
    seq_array array;
    seq_list list;
    int64_t sum;              /* what the elements must add up to */
    size_t heap_bytes;        /* malloc's figure for the build; 0 if unknown */
} built;

static void built_release(void)
{
    if (!built.ready)
        return;
    if (built.v == ARRAY) {
        seq_array_destroy(&built.array);
    } else {
        seq_list_destroy(&built.list);
        if (built.v == LIST_POOL)
            pool_release(&built.nodes);
    }
    built.ready = false;
}

/* One pass over the ring; returns the sum of the removed values, and
 * sets *failed when any operation was refused. */
static int64_t array_pass(seq_array *a, bool *failed)
{
    int64_t removed = 0, v = 0;
    int bad = 0;
    for (size_t j = 0; j < ring.k; j++) {
        bad |= seq_array_insert(a, ring.ins[j], (int64_t)j);
        bad |= seq_array_remove(a, ring.rem[j], &v);
        removed += v;
    }
    *failed |= bad != 0;
    return removed;
}

static int64_t list_pass(seq_list *l, bool *failed)
{
    int64_t removed = 0, v = 0;
    int bad = 0;
    for (size_t j = 0; j < ring.k; j++) {
        bad |= seq_list_insert(l, ring.ins[j], (int64_t)j);
        bad |= seq_list_remove(l, ring.rem[j], &v);
        removed += v;
    }
    *failed |= bad != 0;
    return removed;
}

static int64_t run_pass(bool *failed)
{
    return built.v == ARRAY ? array_pass(&built.array, failed)
                            : list_pass(&built.list, failed);
}

/* Sum and order hash of the elements, walking the structure (untimed). */
static void contents(int64_t *sum, uint64_t *hash)
{
    int64_t s = 0;
    uint64_t h = 0;
    if (built.v == ARRAY) {
        for (size_t i = 0; i < built.array.len; i++) {
            s += built.array.data[i];
            h = hash_step(h, i, built.array.data[i]);
        }
    } else {
        size_t i = 0;
        for (const seq_node *p = built.list.head; p; p = p->next, i++) {
            s += p->value;
            h = hash_step(h, i, p->value);
        }
    }
    *sum = s;
    *hash = h;
}

static size_t current_len(void)
{
    return built.v == ARRAY ? built.array.len : built.list.len;
}

/* Builds the structure of N elements 0..N-1 and checks its first pass
 * against the reference.  Returns NULL, or what went wrong. */
static const char *build(variant v, size_t n, uint64_t seed)
{
    built_release();
    counting_init(&built.counter, alloc_libc());
    built.v = v;
    built.n = n;
    size_t heap_before = heap_bytes_in_use();
    seq_status st;
    if (v == ARRAY) {
        seq_array_init(&built.array, &built.counter.base);
        st = seq_array_reserve(&built.array, n + 1);
        for (size_t i = 0; st == SEQ_OK && i < n; i++)
            st = seq_array_insert(&built.array, i, (int64_t)i);
        if (st != SEQ_OK)
            seq_array_destroy(&built.array);
    } else {
        int64_t *values = malloc(n * sizeof *values);
        if (!values)
            return "out of memory";
        for (size_t i = 0; i < n; i++)
            values[i] = (int64_t)i;
        allocator *node_alloc = &built.counter.base;
        if (v == LIST_POOL) {
            size_t slots = n + 1 < POOL_SLOTS_PER_SLAB ? n + 1 : POOL_SLOTS_PER_SLAB;
            if (!pool_init(&built.nodes, &built.counter.base, sizeof(seq_node),
                           alignof(seq_node), slots)) {
                free(values);
                return "pool_init refused the node size";
            }
            node_alloc = &built.nodes.base;
        }
        seq_list_init(&built.list, node_alloc);
        st = seq_list_build_scattered(&built.list, values, n, seed,
                                      alloc_libc());
        free(values);
        if (st != SEQ_OK && v == LIST_POOL)
            pool_release(&built.nodes);
    }
    if (st != SEQ_OK)
        return "out of memory while building";
    size_t heap_after = heap_bytes_in_use();
    built.heap_bytes = heap_figures_available() && heap_after > heap_before
                           ? heap_after - heap_before
                           : 0;
    built.ready = true;

    bool failed = false;
    int64_t removed = run_pass(&failed);
    int64_t sum;
    uint64_t hash;
    contents(&sum, &hash);
    if (failed || removed != ring.ref_removed || hash != ring.ref_hash)
        return "the first pass differs from the reference array";
    built.sum = sum;
    return NULL;
}

static void insert_case(bench_state *s, const void *user)
{
    const insert_params *p = user;
    variant v = p->v;
    size_t n = (size_t)bench_arg(s, 0);
    if (!ring_hold(n, p->seed)) {
        bench_fail_case(s, "out of memory for the positions");
        return;
    }
    if (!built.ready || built.v != v || built.n != n) {
        const char *problem = build(v, n, p->seed);
        if (problem) {
            built_release();
            bench_fail_case(s, problem);
            return;
        }
    }
    uint64_t moved0 = built.array.moved_bytes, hops0 = built.list.hops;
    bool failed = false;
    int64_t removed = 0;
    while (bench_keep_running(s, 1)) {
        removed += run_pass(&failed);
        /* Keeps every pass: nothing else reads the removed values. */
        bench_do_not_optimize(&removed);
    }
    int64_t passes = bench_iterations(s);
    built.sum += passes * ring.inserted_sum - removed;
    int64_t sum;
    uint64_t hash;
    contents(&sum, &hash);
    if (failed || current_len() != n || sum != built.sum) {
        bench_fail_casef(s, "after the run: %zu elements summing to %" PRId64
                         ", expected %zu summing to %" PRId64, current_len(), sum, n,
                         built.sum);
        built_release();
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
        if (v == ARRAY)
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
    bench_cli_require_memory(&insert_program,
                             (size_t)counts[ncounts - 1] * WORST_BYTES_PER_ELEMENT * 2,
                             "the largest list");

    static insert_params params[VARIANT_COUNT];
    for (size_t v = 0; v < VARIANT_COUNT; v++)
        params[v] = (insert_params){.v = (variant)v, .seed = o.seed};
    /* The variants of one N run back to back, so they share its ring and
     * its reference pass. */
    for (size_t i = 0; i < ncounts; i++)
        for (size_t v = 0; v < VARIANT_COUNT; v++) {
            char name[64];
            snprintf(name, sizeof name, "insert/%s", variant_names[v]);
            bench_def def = {.name = name, .run = insert_case, .user = &params[v],
                             .args = &counts[i], .nargs = 1};
            if (bench_register(&def) != 0)
                return 2;
        }
    int status = bench_cli_finish();
    built_release();
    ring_release();
    return status;
}
