/*
 * slice_demo.c - claim G4 (and G3 in miniature), shown rather than timed.
 *
 * Run:  make slice-demo        (or build/bin/slice_demo)
 *
 * Prints, for each of the article's Go snippets, the same steps in C with
 * src/growth/slice.h and what the arrays hold afterwards: a copied slice
 * header shares its array, a copied array does not; a 10-element view of
 * a 1 MiB buffer keeps the whole buffer live, a copy of the 10 elements
 * does not (live bytes from the counting allocator).  Each line is
 * checked as it is printed; the program exits 1 if one does not hold.
 * tests/test_slice.c asserts the same facts.
 */
#include "alloc/counting.h"
#include "growth/slice.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
    "usage: slice_demo [--help]\n"
    "\n"
    "Shows claims G4 and G3 in miniature: the article's Go slice snippets\n"
    "run step by step in C (src/growth/slice.h), printing what the arrays\n"
    "hold after each. Every printed fact is checked; exit 1 if one does\n"
    "not hold, 2 for a bad argument.\n";

/* [3]int64 as a value: a struct holding an array is copied whole. */
typedef struct i64x3 {
    int64_t v[3];
} i64x3;

static const char *show(const int64_t *v, size_t n, char *buf, size_t size)
{
    size_t used = (size_t)snprintf(buf, size, "[");
    for (size_t i = 0; i < n && used < size; i++)
        used += (size_t)snprintf(buf + used, size - used, i ? " %lld" : "%lld", (long long)v[i]);
    if (used < size)
        snprintf(buf + used, size - used, "]");
    return buf;
}

static int failures;

static void check(int ok, const char *what)
{
    if (!ok) {
        printf("  ** expected %s: it does not hold here\n", what);
        failures++;
    }
}

int main(int argc, char **argv)
{
    if (argc == 2 && strcmp(argv[1], "--help") == 0) {
        fputs(usage, stdout);
        return 0;
    }
    if (argc > 1) {
        fprintf(stderr, "slice_demo: unexpected argument '%s'\n%s", argv[1], usage);
        return 2;
    }
    char sa[64], sb[64];

    printf("1. Copying a slice copies the header (pointer, len, cap), not the array.\n"
           "   Go: a := []int64{1, 2, 3}; b := a; b[0] = 99\n"
           "   C:  slice_i64 a = slice_i64_of(arr, 3, 3); slice_i64 b = a; b.ptr[0] = 99;\n");
    int64_t arr[3] = {1, 2, 3};
    slice_i64 a = slice_i64_of(arr, 3, 3);
    slice_i64 b = a;
    b.ptr[0] = 99;
    printf("   a = %s  b = %s  (same array: a sees b's write)\n\n",
           show(a.ptr, a.len, sa, sizeof sa), show(b.ptr, b.len, sb, sizeof sb));
    check(a.ptr[0] == 99, "a[0] == 99");

    printf("2. Copying an array copies its values.\n"
           "   Go: a := [3]int64{1, 2, 3}; b := a; b[0] = 99\n"
           "   C:  i64x3 a = {{1, 2, 3}}; i64x3 b = a; b.v[0] = 99;\n");
    i64x3 x = {{1, 2, 3}};
    i64x3 y = x;
    y.v[0] = 99;
    printf("   a = %s  b = %s  (two arrays: a keeps its 1)\n\n",
           show(x.v, 3, sa, sizeof sa), show(y.v, 3, sb, sizeof sb));
    check(x.v[0] == 1, "a[0] == 1");

    counting_allocator c;
    counting_init(&c, alloc_libc());
    const size_t big_len = ((size_t)1 << 20) / sizeof(int64_t);
    int64_t *big = ALLOC_ARRAY(&c.base, int64_t, big_len);
    if (!big) {
        fprintf(stderr, "slice_demo: out of memory\n");
        return 1;
    }
    for (size_t i = 0; i < big_len; i++)
        big[i] = (int64_t)i;
    slice_i64 whole = slice_i64_of(big, big_len, big_len), small, copy;
    slice_i64_sub(whole, 0, 10, &small);
    printf("3. A small view keeps the whole array it points into.\n"
           "   Go: small := big[:10]          (big is 1 MiB of int64)\n"
           "   small = %s, len %zu, cap %zu\n"
           "   live heap: %zu bytes (counting allocator): all of big, for 80 bytes of view\n\n",
           show(small.ptr, small.len, sa, sizeof sa), small.len, small.cap,
           c.stats.live_bytes);
    check(c.stats.live_bytes == ((size_t)1 << 20), "1 MiB live");

    if (!slice_i64_clone(small, &c.base, &copy)) {
        fprintf(stderr, "slice_demo: out of memory\n");
        return 1;
    }
    slice_i64_free(&whole, &c.base);
    printf("4. Copying the small part lets the big array go.\n"
           "   Go: small := append([]int64(nil), big[:10]...); big = nil\n"
           "   small = %s, len %zu, cap %zu\n"
           "   live heap: %zu bytes\n",
           show(copy.ptr, copy.len, sa, sizeof sa), copy.len, copy.cap, c.stats.live_bytes);
    check(c.stats.live_bytes == 10 * sizeof(int64_t), "80 bytes live");
    slice_i64_free(&copy, &c.base);
    return failures ? 1 : 0;
}
