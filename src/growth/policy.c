/* policy.c - the growth policies' table and the one function that reads it. */
#include "policy.h"
#include "harness/named.h"

#include <stdbool.h>

const growth_policy growth_policies[GROWTH_POLICY_COUNT] = {
    [GROWTH_PREALLOC] = {
        .name = "prealloc",
        .rule = "reserve exactly; growing past it fits the need exactly",
        .base = GROWTH_FROM_CAPACITY,
        .large = {1, 1, 0},
        .shortfall = GROWTH_TAKE_NEED,
    },
    [GROWTH_X2] = {
        .name = "x2",
        .rule = "capacity * 2",
        .base = GROWTH_FROM_CAPACITY,
        .large = {2, 1, 0},
        .shortfall = GROWTH_TAKE_NEED,
    },
    [GROWTH_X1_5] = {
        .name = "x1.5",
        .rule = "capacity * 3 / 2",
        .base = GROWTH_FROM_CAPACITY,
        .large = {3, 2, 0},
        .shortfall = GROWTH_TAKE_NEED,
    },
    [GROWTH_PLUS_K] = {
        .name = "plus_k",
        .rule = "capacity + 4096 elements",
        .base = GROWTH_FROM_CAPACITY,
        .large = {1, 1, GROWTH_PLUS_K_ELEMENTS},
        .shortfall = GROWTH_TAKE_NEED,
    },
    /* nextslicecap: doublecap below threshold = 256; above it
     * newcap += (newcap + 3*threshold) >> 2, which is
     * floor(newcap * 5 / 4) + 192 in integers. */
    [GROWTH_GO] = {
        .name = "go",
        .rule = "Go append: x2 below 256, then c + (c + 768) / 4, bytes rounded up to a size class",
        .base = GROWTH_FROM_CAPACITY,
        .threshold = 256,
        .small = {2, 1, 0},
        .large = {5, 4, 192},
        .shortfall = GROWTH_GO_RULE,
        .go_size_classes = true,
    },
    /* list_resize: (newsize + (newsize >> 3) + 6) & ~3, i.e.
     * floor(need * 9 / 8) + 6 rounded down to a multiple of 4. */
    [GROWTH_CPYTHON] = {
        .name = "cpython",
        .rule = "CPython list: need + need / 8 + 6, rounded down to a multiple of 4",
        .base = GROWTH_FROM_NEED,
        .large = {9, 8, 6},
        .shortfall = GROWTH_CPYTHON_RULE,
        .multiple = 4,
    },
};

/*
 * Go's size classes for small objects, in bytes (class 0, "large", left
 * out): SizeClassToSize in src/internal/runtime/gc/sizeclasses.go, golang/go
 * commit 100ffa1b.  Go looks a class up through two tables indexed by the
 * size in steps of 8 and 128 bytes; every class is a multiple of that step,
 * so "the smallest class that holds the size" is the same answer.
 */
static const uint16_t go_size_classes[] = {
    8, 16, 24, 32, 48, 64, 80, 96, 112, 128, 144, 160, 176, 192, 208, 224,
    240, 256, 288, 320, 352, 384, 416, 448, 480, 512, 576, 640, 704, 768,
    896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200,
    3456, 4096, 4864, 5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240,
    10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760, 24576,
    27264, 28672, 32768,
};

/* maxSmallSize - mallocHeaderSize: larger requests are rounded to pages. */
#define GO_MAX_SMALL_REQUEST (32768 - 8)
#define GO_PAGE_SIZE 8192

size_t growth_go_roundupsize(size_t size)
{
    if (size <= GO_MAX_SMALL_REQUEST) {
        size_t lo = 0, hi = sizeof go_size_classes / sizeof go_size_classes[0] - 1;
        while (lo < hi) { /* the first class >= size */
            size_t mid = lo + (hi - lo) / 2;
            if (go_size_classes[mid] < size)
                lo = mid + 1;
            else
                hi = mid;
        }
        return go_size_classes[lo];
    }
    if (size > SIZE_MAX - (GO_PAGE_SIZE - 1))
        return size;
    return (size + GO_PAGE_SIZE - 1) & ~(size_t)(GO_PAGE_SIZE - 1);
}

const growth_policy *growth_policy_find(const char *name)
{
    NAMED_FIRST(growth_policy);
    return named_find(growth_policies, GROWTH_POLICY_COUNT, sizeof growth_policies[0], name);
}

/* floor(base * num / den) + add, or false when it does not fit a size_t.
 * Split so that base * num is never formed: base could be near SIZE_MAX. */
static bool apply_step(const growth_step *s, size_t base, size_t *out)
{
    size_t whole = base / s->den, rest = base % s->den, a, b;
    if (__builtin_mul_overflow(whole, (size_t)s->num, &a))
        return false;
    b = rest * s->num / s->den; /* rest < den < 2^32: no overflow */
    return !__builtin_add_overflow(a, b, &a) && !__builtin_add_overflow(a, s->add, out);
}

/* A multiple of m not below need: rounded down if that still fits the need,
 * else up.  CPython writes both cases as & ~3 on different sums. */
static bool round_to_multiple(size_t value, size_t need, size_t m, size_t *out)
{
    size_t down = value - value % m;
    if (down >= need) {
        *out = down;
        return true;
    }
    size_t rem = need % m;
    if (rem == 0) {
        *out = need;
        return true;
    }
    return !__builtin_add_overflow(need, m - rem, out);
}

size_t growth_next_capacity(const growth_policy *p, size_t cap, size_t len,
                            size_t need, size_t elem_size)
{
    if (!p || elem_size == 0 || need <= cap || len > cap)
        return 0;
    if (need > (size_t)PTRDIFF_MAX / elem_size)
        return 0;

    size_t base = p->base == GROWTH_FROM_NEED ? need : cap;
    const growth_step *step = base < p->threshold ? &p->small : &p->large;
    size_t next = need;
    bool fits = apply_step(step, base, &next);
    /* CPython rounds the over-allocation down before comparing it with
     * the request (new_allocated & ~3 comes first). */
    if (fits && p->multiple > 1)
        next -= next % p->multiple;

    switch (p->shortfall) {
    case GROWTH_TAKE_NEED:
        if (!fits || next < need)
            next = need;
        break;
    case GROWTH_GO_RULE:
        /* nextslicecap: newLen > doublecap returns newLen first. */
        if (cap > SIZE_MAX / 2 || need > 2 * cap) {
            next = need;
            break;
        }
        while (fits && next < need)
            fits = apply_step(&p->large, next, &next);
        if (!fits)
            next = need;
        break;
    case GROWTH_CPYTHON_RULE:
        if (!fits || need - len > next - need)
            next = need;
        break;
    }

    if (p->multiple > 1 && !round_to_multiple(next, need, p->multiple, &next))
        next = need;
    /* Past here next >= need; a next too large for memory falls back to the
     * need, which fits (checked above). */
    if (next > (size_t)PTRDIFF_MAX / elem_size)
        next = need;
    if (p->go_size_classes) {
        size_t bytes = growth_go_roundupsize(next * elem_size);
        size_t rounded = bytes / elem_size;
        if (rounded <= (size_t)PTRDIFF_MAX / elem_size)
            next = rounded;
    }
    return next;
}

bool growth_plan_appends(const growth_policy *p, size_t elem_size, size_t n,
                         bool reserve, growth_plan *out)
{
    if (!out)
        return false;
    *out = (growth_plan){0};
    if (!p || elem_size == 0)
        return false;
    if (n == 0)
        return true;
    if (n > (size_t)PTRDIFF_MAX / elem_size)
        return false;
    growth_plan g = {0};
    if (reserve) {
        g.capacity = n;
        g.growths = 1;
        g.peak_bytes = (uint64_t)n * elem_size;
        *out = g;
        return true;
    }
    /* Appends fill the array; the one past a full array grows it. */
    size_t len = 0;
    while (len < n) {
        size_t next = growth_next_capacity(p, g.capacity, len, len + 1, elem_size);
        if (next == 0)
            return false;
        uint64_t both = ((uint64_t)g.capacity + next) * elem_size;
        if (g.capacity > 0) {
            g.reallocations++;
            g.bytes_copied += (uint64_t)len * elem_size;
        }
        if (both > g.peak_bytes)
            g.peak_bytes = both;
        g.growths++;
        g.capacity = next;
        len = next < n ? next : n;
    }
    *out = g;
    return true;
}
