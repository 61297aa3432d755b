/* soa.c - struct of arrays: one array per field, so a loop reads only what it uses. */
#include "layout.h"

#include <stdint.h>
#include <string.h>

static void soa_free(layout *l, allocator *a)
{
    alloc_free(a, l->as.soa.id, l->n * sizeof *l->as.soa.id);
    alloc_free(a, l->as.soa.active, l->n * sizeof *l->as.soa.active);
    alloc_free(a, l->as.soa.score, l->n * sizeof *l->as.soa.score);
}

static bool soa_build(layout *l, const struct user *users, const size_t *order,
                      allocator *a)
{
    (void)order;
    l->as.soa.id = ALLOC_ARRAY(a, int64_t, l->n);
    l->as.soa.active = ALLOC_ARRAY(a, bool, l->n);
    l->as.soa.score = ALLOC_ARRAY(a, double, l->n);
    if (!l->as.soa.id || !l->as.soa.active || !l->as.soa.score) {
        soa_free(l, a);
        return false;
    }
    for (size_t i = 0; i < l->n; i++) {
        l->as.soa.id[i] = users[i].id;
        l->as.soa.active[i] = users[i].active;
        l->as.soa.score[i] = users[i].score;
    }
    return true;
}

/*
 * The scalar kernel every layout shares (layout_sum_indexed) is bound by
 * instructions here, not memory: per record a byte load, a negation, an
 * AND and a move from an integer to a vector register (0.42 ns per record
 * in L1 against aos's 0.32, issue 15).  The columns allow two records per
 * instruction: four activity bytes are read as one word, two bits of it
 * pick a mask pair from a table, and the pair of scores is ANDed with it
 * and added as one vector (GCC/Clang vector types; SSE2 on x86-64).
 * Still no branch on 'active', and the mask is a table entry the compiler
 * cannot turn into one.  Eight records per step feed four running vector
 * sums: with two, every step waited on the previous step's additions
 * (about 4 cycles each), 0.30 ns per record at every working set, which
 * capped the columns at 0.77 of the measured read bandwidth past the last
 * cache.  The sum's regrouping is exact: the scores are multiples of 0.25
 * (layout_sum_indexed says why).
 */
typedef double soa_v2d __attribute__((vector_size(16)));
typedef uint64_t soa_v2u __attribute__((vector_size(16)));

/* Masks for two records: index bit 0 the first's activity, bit 1 the second's. */
static const soa_v2u soa_masks[4] = {
    {0, 0}, {UINT64_MAX, 0}, {0, UINT64_MAX}, {UINT64_MAX, UINT64_MAX}};

/* Bit 0 = active[0], bit 1 = active[1], bit 16 = active[2], bit 17 =
 * active[3] of four bools (0 or 1 each) read as one word. */
static uint32_t soa_pair_bits(const bool *active)
{
    uint32_t w;
    memcpy(&w, active, sizeof w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap32(w);
#endif
    return w | w >> 7;
}

/* The scores i, i+1 where bits (0, 1) of 'pair' say they count. */
static soa_v2d soa_masked_pair(const double *score, uint32_t pair)
{
    soa_v2d v;
    memcpy(&v, score, sizeof v);
    return (soa_v2d)((soa_v2u)v & soa_masks[pair & 3]);
}

static double soa_value_at(const void *data, size_t i)
{
    const layout *l = data;
    return layout_active_score(l->as.soa.active[i], l->as.soa.score[i]);
}

static double soa_sum(const layout *l)
{
    const bool *active = l->as.soa.active;
    const double *score = l->as.soa.score;
    soa_v2d s0 = {0, 0}, s1 = {0, 0}, s2 = {0, 0}, s3 = {0, 0};
    size_t i = 0;
    for (; i + 8 <= l->n; i += 8) {
        uint32_t lo = soa_pair_bits(active + i);
        uint32_t hi = soa_pair_bits(active + i + 4);
        s0 += soa_masked_pair(score + i, lo);
        s1 += soa_masked_pair(score + i + 2, lo >> 16);
        s2 += soa_masked_pair(score + i + 4, hi);
        s3 += soa_masked_pair(score + i + 6, hi >> 16);
    }
    soa_v2d s = (s0 + s1) + (s2 + s3);
    double sum = s[0] + s[1];
    for (; i < l->n; i++)
        sum += soa_value_at(l, i);
    return sum;
}

static size_t soa_spans(const layout *l, layout_span out[LAYOUT_MAX_SPANS])
{
    out[0] = (layout_span){l->as.soa.active, l->n * sizeof *l->as.soa.active};
    out[1] = (layout_span){l->as.soa.score, l->n * sizeof *l->as.soa.score};
    return 2;
}

const layout_shape layout_soa_shape = {
    .spans = soa_spans,
    .build = soa_build,
    .sum = soa_sum,
    .destroy = soa_free,
    .bytes_read_per_record = sizeof(bool) + sizeof(double),
};
