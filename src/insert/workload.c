/* workload.c - claim L2's ring of positions, reference pass and kept sequence. */
#include "insert/workload.h"

#include "harness/heap.h"
#include "harness/rng.h"

#include <stdalign.h>
#include <stdlib.h>

const char *const insert_variant_names[INSERT_VARIANT_COUNT] = {"array", "list",
                                                                 "list_pool"};

/* Slots per pool slab: up to 64 KiB slabs, few enough calls to malloc
 * that the pool's own setup does not show; a small list gets one slab
 * just large enough (it never holds more than N + 1 nodes). */
#define POOL_SLOTS_PER_SLAB 4096

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
static bool reference_pass(insert_ring *r)
{
    int64_t *a = malloc((r->n + 1) * sizeof *a);
    if (!a)
        return false;
    size_t len = r->n;
    for (size_t i = 0; i < len; i++)
        a[i] = (int64_t)i;
    int64_t removed = 0;
    for (size_t j = 0; j < r->k; j++) {
        for (size_t i = len; i > r->ins[j]; i--)
            a[i] = a[i - 1];
        a[r->ins[j]] = (int64_t)j;
        len++;
        removed += a[r->rem[j]];
        for (size_t i = r->rem[j]; i + 1 < len; i++)
            a[i] = a[i + 1];
        len--;
    }
    uint64_t h = 0;
    for (size_t i = 0; i < len; i++)
        h = hash_step(h, i, a[i]);
    free(a);
    r->ref_removed = removed;
    r->ref_hash = h;
    return true;
}

void insert_ring_release(insert_ring *r)
{
    free(r->ins);
    free(r->rem);
    r->ins = r->rem = NULL;
    r->n = 0;
}

bool insert_ring_hold(insert_ring *r, size_t n, uint64_t seed)
{
    if (r->ins && r->n == n)
        return true;
    insert_ring_release(r);
    size_t k = ((size_t)1 << 21) / n;
    k = k < 8 ? 8 : k > 4096 ? 4096 : k;
    r->ins = malloc(k * sizeof *r->ins);
    r->rem = malloc(k * sizeof *r->rem);
    size_t *perm = malloc(k * sizeof *perm);
    bool ok = r->ins && r->rem && perm;
    if (ok) {
        r->n = n;
        r->k = k;
        rng g = rng_seeded(seed ^ n);
        stratified_positions(&g, r->ins, perm, k, n + 1);
        stratified_positions(&g, r->rem, perm, k, n + 1);
        r->inserted_sum = (int64_t)(k * (k - 1) / 2);
        ok = reference_pass(r);
    }
    free(perm);
    if (!ok)
        insert_ring_release(r);
    return ok;
}

void insert_built_release(insert_built *b)
{
    if (!b->ready)
        return;
    if (b->v == INSERT_ARRAY) {
        seq_array_destroy(&b->array);
    } else {
        seq_list_destroy(&b->list);
        if (b->v == INSERT_LIST_POOL)
            pool_release(&b->nodes);
    }
    b->ready = false;
}

/* The two passes are written out, not one pass over a function pointer:
 * an indirect call per operation would be timed with the operation. */
static int64_t array_pass(seq_array *a, const insert_ring *r, bool *failed)
{
    int64_t removed = 0, v = 0;
    int bad = 0;
    for (size_t j = 0; j < r->k; j++) {
        bad |= seq_array_insert(a, r->ins[j], (int64_t)j);
        bad |= seq_array_remove(a, r->rem[j], &v);
        removed += v;
    }
    *failed |= bad != 0;
    return removed;
}

static int64_t list_pass(seq_list *l, const insert_ring *r, bool *failed)
{
    int64_t removed = 0, v = 0;
    int bad = 0;
    for (size_t j = 0; j < r->k; j++) {
        bad |= seq_list_insert(l, r->ins[j], (int64_t)j);
        bad |= seq_list_remove(l, r->rem[j], &v);
        removed += v;
    }
    *failed |= bad != 0;
    return removed;
}

int64_t insert_pass(insert_built *b, const insert_ring *r, bool *failed)
{
    return b->v == INSERT_ARRAY ? array_pass(&b->array, r, failed)
                                : list_pass(&b->list, r, failed);
}

void insert_contents(const insert_built *b, int64_t *sum, uint64_t *hash)
{
    int64_t s = 0;
    uint64_t h = 0;
    if (b->v == INSERT_ARRAY) {
        for (size_t i = 0; i < b->array.len; i++) {
            s += b->array.data[i];
            h = hash_step(h, i, b->array.data[i]);
        }
    } else {
        size_t i = 0;
        for (const seq_node *p = b->list.head; p; p = p->next, i++) {
            s += p->value;
            h = hash_step(h, i, p->value);
        }
    }
    *sum = s;
    *hash = h;
}

size_t insert_len(const insert_built *b)
{
    return b->v == INSERT_ARRAY ? b->array.len : b->list.len;
}

/* Fills a list of 0..n-1, nodes from b's counter or from a pool over it.
 * Returns NULL, or what went wrong (nothing is left allocated then). */
static const char *build_list(insert_built *b, insert_variant v, size_t n, uint64_t seed)
{
    int64_t *values = malloc(n * sizeof *values);
    if (!values)
        return "out of memory";
    for (size_t i = 0; i < n; i++)
        values[i] = (int64_t)i;
    allocator *node_alloc = &b->counter.base;
    if (v == INSERT_LIST_POOL) {
        size_t slots = n + 1 < POOL_SLOTS_PER_SLAB ? n + 1 : POOL_SLOTS_PER_SLAB;
        if (!pool_init(&b->nodes, &b->counter.base, sizeof(seq_node), alignof(seq_node),
                       slots)) {
            free(values);
            return "pool_init refused the node size";
        }
        node_alloc = &b->nodes.base;
    }
    seq_list_init(&b->list, node_alloc);
    seq_status st = seq_list_build_scattered(&b->list, values, n, seed, alloc_libc());
    free(values);
    if (st != SEQ_OK && v == INSERT_LIST_POOL)
        pool_release(&b->nodes);
    return st == SEQ_OK ? NULL : "out of memory while building";
}

const char *insert_build(insert_built *b, const insert_ring *r, insert_variant v,
                         size_t n, uint64_t seed)
{
    insert_built_release(b);
    counting_init(&b->counter, alloc_libc());
    b->v = v;
    b->n = n;
    size_t heap_before = heap_bytes_in_use();
    if (v == INSERT_ARRAY) {
        seq_array_init(&b->array, &b->counter.base);
        seq_status st = seq_array_reserve(&b->array, n + 1);
        for (size_t i = 0; st == SEQ_OK && i < n; i++)
            st = seq_array_insert(&b->array, i, (int64_t)i);
        if (st != SEQ_OK) {
            seq_array_destroy(&b->array);
            return "out of memory while building";
        }
    } else {
        const char *problem = build_list(b, v, n, seed);
        if (problem)
            return problem;
    }
    size_t heap_after = heap_bytes_in_use();
    b->heap_bytes = heap_figures_available() && heap_after > heap_before
                        ? heap_after - heap_before
                        : 0;
    b->ready = true;

    bool failed = false;
    int64_t removed = insert_pass(b, r, &failed);
    int64_t sum;
    uint64_t hash;
    insert_contents(b, &sum, &hash);
    if (failed || removed != r->ref_removed || hash != r->ref_hash)
        return "the first pass differs from the reference array";
    b->sum = sum;
    return NULL;
}
