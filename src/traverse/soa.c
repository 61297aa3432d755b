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
 * instruction: eight activity bytes are packed into eight bits by one
 * multiply, each two bits pick a mask pair from a table, and the pair of
 * scores is ANDed with it and added as one vector (GCC/Clang vector
 * types; SSE2 on x86-64).  Still no branch on 'active', and the mask is a
 * table entry the compiler cannot turn into one.  Eight records per step
 * feed four running vector sums: with two, every step waited on the
 * previous step's additions (about 4 cycles each).  The sum's regrouping
 * is exact: the scores are multiples of 0.25 (layout_sum_indexed says
 * why).
 *
 * Past the caches the order of reads decides, not the instructions.  Read
 * one activity byte and one score at a time, the two columns are two
 * streams that interleave line by line, and on the project's EPYC guest
 * (2026-12-06, 144-288 MiB of columns) memory served them at 24-26 GB/s,
 * the same with a plain sum over the same bytes in that order as with
 * this loop, where it served 31-35 GB/s to the same bytes taken
 * LAYOUT_RUN_RECORDS of one column, then of the other.  So the kernel
 * copies a block's activity bytes first (one run of 512 bytes into a
 * buffer that stays in L1), then streams the block's scores.  In the
 * traverse program, same host: 0.25-0.28 ns per record at 50 and 192 MiB
 * of columns against 0.34-0.36 before, and 0.22 in L1 against 0.21 (the
 * copy's cost, where nothing waits on memory).
 */
typedef double soa_v2d __attribute__((vector_size(16)));
typedef uint64_t soa_v2u __attribute__((vector_size(16)));

/* Masks for two records: index bit 0 the first's activity, bit 1 the second's. */
static const soa_v2u soa_masks[4] = {
    {0, 0}, {UINT64_MAX, 0}, {0, UINT64_MAX}, {UINT64_MAX, UINT64_MAX}};

/* Bit k = active[k] of eight bools (0 or 1 each) read as one word.  The
 * multiply adds the word shifted by 56 - 7k for each k, which lands byte
 * k's bit on bit 56 + k; no two shifted bits meet, so nothing carries. */
static unsigned soa_pack8(const bool *active)
{
    uint64_t w;
    memcpy(&w, active, sizeof w);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    w = __builtin_bswap64(w);
#endif
    return (unsigned)((w * UINT64_C(0x0102040810204080)) >> 56);
}

/* The scores i, i+1 where bits (0, 1) of 'pair' say they count. */
static soa_v2d soa_masked_pair(const double *score, unsigned pair)
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
    bool run[LAYOUT_RUN_RECORDS];
    size_t i = 0;
    while (l->n - i >= 8) {
        size_t records = l->n - i < LAYOUT_RUN_RECORDS ? l->n - i : LAYOUT_RUN_RECORDS;
        records -= records % 8;
        memcpy(run, active + i, records);
        /* The copy is the point (the order in which memory is read), so
         * the compiler may not fold it into reads of 'active' below. */
        __asm__ volatile("" : : "r"(run) : "memory");
        const double *block = score + i;
        for (size_t j = 0; j < records; j += 8) {
            unsigned bits = soa_pack8(run + j);
            s0 += soa_masked_pair(block + j, bits);
            s1 += soa_masked_pair(block + j + 2, bits >> 2);
            s2 += soa_masked_pair(block + j + 4, bits >> 4);
            s3 += soa_masked_pair(block + j + 6, bits >> 6);
        }
        i += records;
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
