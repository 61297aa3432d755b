/* writes.c - read, write, read-modify-write and streaming-store passes. */
#include "writes.h"

#include "harness/read_sum.h"

#ifdef __SSE2__
#include <immintrin.h>
#endif

void writes_fill(uint64_t *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        words[i] = i;
}

uint64_t writes_expected_sum(size_t n)
{
    /* Halve the even factor first: n(n-1)/2 without overflowing early. */
    uint64_t a = n, b = n ? n - 1 : 0;
    return a % 2 == 0 ? (a / 2) * b : a * (b / 2);
}

/* The stored value depends on i, so the compiler cannot turn the loop into
 * a memset (whose large-size path may itself stream around the cache). */
void writes_plain(uint64_t *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        words[i] = i;
}

void writes_rmw(uint64_t *words, size_t n, uint64_t key)
{
    for (size_t i = 0; i < n; i++)
        words[i] ^= key;
}

#ifdef __SSE2__
void writes_stream(uint64_t *words, size_t n)
{
    /* Two words per 16-byte store; SSE2 is part of x86-64, so this needs
     * no -march flag.  The lanes hold i and i + 1, stepped by 2. */
    __m128i v = _mm_set_epi64x(1, 0), two = _mm_set_epi64x(2, 2);
    size_t i = 0;
    for (; i + 2 <= n; i += 2) {
        _mm_stream_si128((__m128i *)(void *)(words + i), v);
        v = _mm_add_epi64(v, two);
    }
#ifdef __x86_64__
    for (; i < n; i++)
        _mm_stream_si64((long long *)(void *)(words + i), (long long)i);
#else
    for (; i < n; i++)
        words[i] = i;
#endif
    /* Streaming stores are weakly ordered: fence before anyone reads. */
    _mm_sfence();
}

bool writes_streaming(void)
{
    return true;
}
#else
void writes_stream(uint64_t *words, size_t n)
{
    writes_plain(words, n);
}

bool writes_streaming(void)
{
    return false;
}
#endif

/* Indexed by writes_kind: the names and the traffic model side by side. */
static const struct {
    const char *name;
    writes_traffic traffic;
} kinds[WRITES_KINDS] = {
    [WRITES_READ] = {"read", {1, 0}},
    [WRITES_PLAIN] = {"write", {1, 1}},    /* write-allocate: read, then write back */
    [WRITES_RMW] = {"rmw", {1, 1}},
    [WRITES_STREAM] = {"stream", {0, 1}},  /* whole lines around the cache */
};

static bool known(writes_kind kind)
{
    return (unsigned)kind < WRITES_KINDS;
}

const char *writes_kind_name(writes_kind kind)
{
    return known(kind) ? kinds[kind].name : NULL;
}

writes_traffic writes_traffic_of(writes_kind kind)
{
    return known(kind) ? kinds[kind].traffic : (writes_traffic){0, 0};
}

uint64_t writes_memory_bytes(writes_kind kind, size_t n, size_t line_bytes)
{
    if (!known(kind) || line_bytes == 0)
        return 0;
    /* Whole lines: a partly used line still crosses the bus whole. */
    uint64_t bytes = (uint64_t)n * sizeof(uint64_t);
    uint64_t lines = (bytes + line_bytes - 1) / line_bytes;
    writes_traffic t = kinds[kind].traffic;
    return (uint64_t)(t.lines_in + t.lines_out) * lines * line_bytes;
}

uint64_t writes_pass(writes_kind kind, uint64_t *words, size_t n, uint64_t key)
{
    switch (kind) {
    case WRITES_READ: return read_sum(words, n);
    case WRITES_PLAIN: writes_plain(words, n); return 0;
    case WRITES_RMW: writes_rmw(words, n, key); return 0;
    case WRITES_STREAM: writes_stream(words, n); return 0;
    default: return 0;
    }
}

size_t writes_first_wrong(const uint64_t *words, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (words[i] != i)
            return i;
    return n;
}
