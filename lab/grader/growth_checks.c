/*
 * growth_checks.c - part (a): the student's growth policy, run through the
 * suite's dynamic array (src/growth/growable.h) on a counting allocator.
 * Every figure is an exact count: bytes copied by GROW_COPY, capacities,
 * allocations, live blocks.  Bounds are compared on integers; ratios are
 * printed for people.
 *
 * The work stays bounded whatever the policy: a1 appends 2^15 values (a
 * +16 policy copies 270 MB for them), a2 stops at the first append past
 * its bound (before it, at most 2.5 bytes were copied per byte), and a3
 * follows the capacities alone, by growth_next_capacity, without memory.
 */
#include "../lab.h"
#include "parts.h"

#include "alloc/counting.h"
#include "growth/growable.h"

#include <inttypes.h>

/* A bound watched after every append: whether the array keeps it (exact),
 * and the figure to show (the worst one seen). */
typedef struct bound {
    bool (*kept)(const growable *g);
    double (*figure)(const growable *g);
} bound;

/* The moment a run of appends was at its worst, or first broke the bound. */
typedef struct moment {
    double figure;
    size_t len, cap;
    uint64_t copied;
    bool broken;
} moment;

/* Appends 0, 1, ... n - 1 one at a time to an empty array, watching 'b'
 * (NULL: nothing) and stopping at the first append that breaks it.  The
 * array is left filled for the caller to release; false (with the
 * reason) when an append fails. */
static bool append_values(counting_allocator *c, growable *g, size_t n, const bound *b,
                          moment *m, lab_why *why)
{
    counting_init(c, alloc_libc());
    *m = (moment){0};
    if (growable_init(g, sizeof(uint64_t), alignof(uint64_t), &lab_growth_policy,
                      GROW_COPY, &c->base) != GROWABLE_OK)
        return lab_fail(why, "growable_init refused the policy");
    for (uint64_t i = 0; i < n && !m->broken; i++) {
        uint64_t *slot = growable_push(g);
        if (!slot) {
            size_t cap = g->cap;
            growable_release(g);
            return lab_fail(why, "append %" PRIu64 " failed at capacity %zu: "
                            "the policy asked for more than memory holds", i + 1, cap);
        }
        *slot = i;
        if (!b)
            continue;
        double f = b->figure(g);
        bool kept = b->kept(g);
        if (!kept || f > m->figure)
            *m = (moment){f, g->len, g->cap, g->stats.bytes_copied, !kept};
    }
    return true;
}

/* Appends made by a1: enough for dozens of growths under any sensible
 * policy, few enough for a linear one. */
#define KEEP_APPENDS ((size_t)1 << 15)

static bool keeps_values(lab_why *why)
{
    counting_allocator c;
    growable g;
    moment m;
    if (!append_values(&c, &g, KEEP_APPENDS, NULL, &m, why))
        return false;
    for (size_t i = 0; i < g.len; i++)
        if (*(uint64_t *)growable_at(&g, i) != i) {
            growable_release(&g);
            return lab_fail(why, "element %zu changed", i);
        }
    uint64_t blocks = c.stats.alloc_calls;
    growable_release(&g);
    if (blocks != g.stats.growths)
        return lab_fail(why, "%" PRIu64 " allocations for %" PRIu64 " growths",
                        blocks, g.stats.growths);
    if (c.stats.live_blocks != 0)
        return lab_fail(why, "%zu blocks still allocated after release", c.stats.live_blocks);
    return lab_note(why, "%" PRIu64 " growths", g.stats.growths);
}

static bool copy_kept(const growable *g)
{
    uint64_t appended = (uint64_t)g->len * sizeof(uint64_t);
    return g->stats.bytes_copied * LAB_GROWTH_COPY_DEN <= appended * LAB_GROWTH_COPY_NUM;
}

static double copied_per_byte(const growable *g)
{
    return (double)g->stats.bytes_copied / (double)(g->len * sizeof(uint64_t));
}

static bool copies_little(lab_why *why)
{
    static const bound copy = {copy_kept, copied_per_byte};
    counting_allocator c;
    growable g;
    moment m;
    if (!append_values(&c, &g, LAB_GROWTH_APPENDS, &copy, &m, why))
        return false;
    growable_release(&g);
    if (m.broken)
        return lab_fail(why, "%" PRIu64 " bytes copied for %zu appended after %zu appends: "
                        "%.3f per byte", m.copied, m.len * sizeof(uint64_t), m.len, m.figure);
    return lab_note(why, "worst %.3f bytes copied per byte, after %zu appends", m.figure, m.len);
}

/* Unused room is largest right after a growth: the array is full at
 * capacity c, one append moves it to the policy's next capacity with
 * c + 1 elements.  So a3 follows the capacities the policy gives, from
 * an empty array to 2^20 elements, and checks each of those moments. */
static bool wastes_little(lab_why *why)
{
    size_t cap = 0, worst_cap = 0, worst_len = 0;
    while (cap < LAB_GROWTH_APPENDS) {
        size_t len = cap + 1;
        size_t next = growth_next_capacity(&lab_growth_policy, cap, cap, len, sizeof(uint64_t));
        if (next < len)
            return lab_fail(why, "growing from capacity %zu gave %zu", cap, next);
        cap = next;
        if (cap <= LAB_GROWTH_SMALL_CAPACITY)
            continue;
        if ((cap - len) * 100 > (size_t)LAB_GROWTH_UNUSED_PERCENT * cap)
            return lab_fail(why, "capacity %zu after %zu appends: %zu unused, %.1f%%", cap,
                            len, cap - len, 100.0 * (double)(cap - len) / (double)cap);
        if (!worst_cap || (cap - len) * worst_cap > (worst_cap - worst_len) * cap) {
            worst_cap = cap;
            worst_len = len;
        }
    }
    if (!worst_cap)
        return lab_note(why, "the capacity never passed 64 elements");
    return lab_note(why, "worst %.1f%% unused (capacity %zu after %zu appends)",
                    100.0 * (double)(worst_cap - worst_len) / (double)worst_cap, worst_cap,
                    worst_len);
}

const lab_check lab_growth_checks[] = {
    {"a1", 5, "2^15 appends keep every value; one allocation per growth, all freed", keeps_values, NULL},
    {"a2", 15, "at most 2.5 bytes copied per byte appended, after every append", copies_little, NULL},
    {"a3", 10, "at most 45% of the capacity unused once it is above 64 elements", wastes_little, NULL},
    {NULL, 0, NULL, NULL, NULL},
};
