/* test_gallery.c - the gallery's kernels and orders (src/gallery/): each
 * order is one cycle through every line, the chases end where the cycle
 * says, the counters reach exact totals, the write passes leave the
 * values they promise and touch exactly their words, and the cache
 * sizes, the line and the size past the caches come from the measured
 * profile and fall back to the reported ones as documented. */
#include "gallery/column.h"
#include "gallery/falseshare.h"
#include "gallery/levels.h"
#include "gallery/line.h"
#include "gallery/mlp.h"
#include "gallery/orders.h"
#include "gallery/writes.h"
#include "stride/chase.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* --- orders ------------------------------------------------------------- */

/* True when order[0..n) holds each of 0..n-1 once. */
static bool is_permutation(const size_t *order, size_t n)
{
    bool *seen = calloc(n ? n : 1, 1);
    cr_assert(seen);
    bool ok = true;
    for (size_t k = 0; k < n && ok; k++) {
        ok = order[k] < n && !seen[order[k]];
        if (ok)
            seen[order[k]] = true;
    }
    free(seen);
    return ok;
}

Test(gallery_orders, strided_orders_visit_every_line_once_and_make_one_cycle)
{
    size_t order[100], next[100];
    for (size_t n = 1; n <= 100; n += 11)
        for (size_t s = 1; s <= 9; s++) {
            cr_assert(orders_strided(order, n, s));
            cr_assert(is_permutation(order, n), "n=%zu s=%zu", n, s);
            orders_to_cycle(order, next, n);
            cr_assert(chase_is_single_cycle(next, n), "n=%zu s=%zu", n, s);
        }
}

Test(gallery_orders, a_stride_walks_s_lines_apart_and_1_is_sequential)
{
    size_t order[10];
    cr_assert(orders_strided(order, 10, 4));
    size_t want[10] = {0, 4, 8, 1, 5, 9, 2, 6, 3, 7};
    cr_assert_arr_eq(order, want, sizeof want);
    cr_assert(orders_strided(order, 10, 1));
    for (size_t k = 0; k < 10; k++)
        cr_assert_eq(order[k], k);
    size_t next[10];
    orders_to_cycle(order, next, 10);
    cr_assert_eq(next[3], 4);
    cr_assert_eq(next[9], 0);
}

Test(gallery_orders, a_zero_stride_is_refused)
{
    size_t order[4] = {7, 7, 7, 7};
    cr_assert_not(orders_strided(order, 4, 0));
    cr_assert_eq(order[0], 7);
}

Test(gallery_orders, page_local_orders_leave_each_page_once)
{
    size_t n = 64 * 37, per_page = 64;
    size_t *order = malloc(n * sizeof *order), *next = malloc(n * sizeof *next);
    cr_assert(order && next);
    rng r = rng_seeded(42);
    cr_assert(orders_page_local(&r, order, n, per_page));
    cr_assert(is_permutation(order, n));
    size_t moves = 0;
    for (size_t k = 1; k < n; k++)
        moves += order[k] / per_page != order[k - 1] / per_page;
    cr_assert_eq(moves, n / per_page - 1, "a page visited twice: %zu moves", moves);
    orders_to_cycle(order, next, n);
    cr_assert(chase_is_single_cycle(next, n));
    /* Not the sequential order: the lines of a page are shuffled. */
    size_t in_place = 0;
    for (size_t k = 1; k < n; k++)
        in_place += order[k] == order[k - 1] + 1;
    cr_assert_lt(in_place, n / 4);
    free(order);
    free(next);
}

Test(gallery_orders, page_local_orders_repeat_with_the_seed)
{
    size_t a[256], b[256];
    rng r1 = rng_seeded(7), r2 = rng_seeded(7);
    cr_assert(orders_page_local(&r1, a, 256, 16));
    cr_assert(orders_page_local(&r2, b, 256, 16));
    cr_assert_arr_eq(a, b, sizeof a);
}

Test(gallery_orders, page_local_orders_refuse_partial_pages)
{
    size_t order[10] = {0};
    rng r = rng_seeded(1);
    cr_assert_not(orders_page_local(&r, order, 10, 4));
    cr_assert_not(orders_page_local(&r, order, 10, 0));
    cr_assert(orders_page_local(&r, order, 10, 1));
    cr_assert(is_permutation(order, 10));
}

/* --- memory-level parallelism --------------------------------------------- */

/* A buffer of n lines of 64 bytes linked along next[]. */
static void **linked(const size_t *next, size_t n)
{
    void **buf = aligned_alloc(64, n * 64);
    cr_assert(buf);
    chase_link(buf, 64, next, n);
    return buf;
}

Test(gallery_mlp, heads_are_spread_evenly_along_the_cycle)
{
    size_t n = 1000, next[1000], first[8];
    rng r = rng_seeded(3);
    rng_single_cycle(&r, next, n);
    cr_assert(mlp_spread(next, n, 8, first));
    /* Head j is n/8 steps after head j - 1. */
    for (size_t j = 1; j < 8; j++) {
        size_t line = first[j - 1];
        for (size_t s = 0; s < n / 8; s++)
            line = next[line];
        cr_assert_eq(line, first[j], "head %zu", j);
    }
    cr_assert_eq(first[0], 0);
}

Test(gallery_mlp, bad_chain_counts_are_refused)
{
    size_t next[4] = {1, 2, 3, 0}, first[MLP_MAX_CHAINS + 1];
    cr_assert_not(mlp_spread(next, 4, 0, first));
    cr_assert_not(mlp_spread(next, 4, 5, first));
    cr_assert(mlp_spread(next, 4, 4, first));
    size_t big = MLP_MAX_CHAINS + 1;
    size_t *ring = malloc(big * sizeof *ring);
    cr_assert(ring);
    for (size_t i = 0; i < big; i++)
        ring[i] = (i + 1) % big;
    cr_assert_not(mlp_spread(ring, big, big, first));
    free(ring);
}

Test(gallery_mlp, each_chain_advances_as_a_lone_chase_would)
{
    size_t n = 512, next[512], first[4];
    rng r = rng_seeded(11);
    rng_single_cycle(&r, next, n);
    void **buf = linked(next, n);
    cr_assert(mlp_spread(next, n, 4, first));
    void *heads[4];
    for (size_t j = 0; j < 4; j++)
        heads[j] = (char *)buf + first[j] * 64;
    void *end = mlp_walk(heads, 4, 100);
    cr_assert_eq(end, heads[0]);
    for (size_t j = 0; j < 4; j++)
        cr_assert_eq(heads[j], chase_walk((char *)buf + first[j] * 64, 100), "chain %zu", j);
    free(buf);
}

/* --- associativity: the column chase --------------------------------------- */

Test(gallery_column, the_chase_goes_down_the_column_and_back)
{
    size_t pitch = 4160, rows = 16;
    cr_assert_eq(column_bytes(pitch, rows), 15 * pitch + sizeof(void *));
    char *buf = aligned_alloc(64, pitch * rows);
    cr_assert(buf);
    cr_assert(column_link(buf, pitch, rows));
    cr_assert_eq(chase_walk(buf, 1), buf + pitch);
    cr_assert_eq(chase_walk(buf, 15), buf + 15 * pitch);
    cr_assert_eq(chase_walk(buf, 16), buf);
    cr_assert_eq(chase_walk(buf, 4096), buf, "4096 steps are whole trips of 16 rows");
    free(buf);
}

Test(gallery_column, unusable_shapes_are_refused)
{
    void *slot[2] = {NULL, NULL};
    cr_assert_not(column_link(slot, 8, 0));
    cr_assert_not(column_link(slot, 0, 1));
    cr_assert_not(column_link(slot, 12, 1));
    cr_assert_eq(slot[0], NULL);
    cr_assert(column_link(slot, 8, 1));
    cr_assert_eq(slot[0], (void *)slot, "one row links to itself");
    cr_assert_eq(column_bytes(64, 0), 0);
}

/* --- false sharing ---------------------------------------------------------- */

Test(gallery_falseshare, every_placement_counts_exactly)
{
    size_t gaps[] = {8, 64, 128, 0};
    for (size_t g = 0; g < 4; g++) {
        falseshare_team t;
        cr_assert(falseshare_start(&t, gaps[g], 1000), "gap %zu", gaps[g]);
        for (int round = 0; round < 3; round++)
            falseshare_round(&t);
        cr_assert_eq(falseshare_total(&t, 0), 3000, "gap %zu", gaps[g]);
        cr_assert_eq(falseshare_total(&t, 1), 3000, "gap %zu", gaps[g]);
        if (gaps[g]) {
            uintptr_t a = (uintptr_t)t.counter[0], b = (uintptr_t)t.counter[1];
            cr_assert_eq(b - a, gaps[g]);
            cr_assert_eq(a % FALSESHARE_BLOCK, 0);
        }
        falseshare_stop(&t);
    }
}

Test(gallery_falseshare, bad_gaps_are_refused)
{
    falseshare_team t;
    cr_assert_not(falseshare_start(&t, 12, 10));
    cr_assert_not(falseshare_start(&t, FALSESHARE_BLOCK, 10));
    cr_assert_not(falseshare_start(&t, 8, 0));
    cr_assert(falseshare_start(&t, FALSESHARE_BLOCK - 8, 1));
    falseshare_round(&t);
    cr_assert_eq(falseshare_total(&t, 1), 1);
    falseshare_stop(&t);
}

Test(gallery_falseshare, a_team_stopped_without_rounds_counts_nothing)
{
    falseshare_team t;
    cr_assert(falseshare_start(&t, 0, 5));
    cr_assert_eq(falseshare_total(&t, 0), 0);
    falseshare_stop(&t);
}

/* --- write costs ----------------------------------------------------------- */

Test(gallery_writes, every_pass_leaves_the_values_it_promises)
{
    size_t n = 1001;   /* odd: the streaming pass's last word is single */
    uint64_t *w = aligned_alloc(64, 1024 * sizeof *w);
    cr_assert(w);
    writes_fill(w, n);
    cr_assert_eq(writes_first_wrong(w, n), n);
    cr_assert_eq(writes_pass(WRITES_READ, w, n, 0), writes_expected_sum(n));
    writes_rmw(w, n, 0xff);
    cr_assert_eq(writes_first_wrong(w, n), 0);
    writes_rmw(w, n, 0xff);
    cr_assert_eq(writes_first_wrong(w, n), n, "two flips restore");
    memset(w, 0, n * sizeof *w);
    writes_plain(w, n);
    cr_assert_eq(writes_first_wrong(w, n), n);
    memset(w, 0, n * sizeof *w);
    writes_stream(w, n);
    cr_assert_eq(writes_first_wrong(w, n), n);
    w[500] = 7;
    cr_assert_eq(writes_first_wrong(w, n), 500);
    free(w);
}

Test(gallery_writes, the_expected_sum_matches_small_and_empty_buffers)
{
    for (size_t n = 0; n < 9; n++) {
        uint64_t want = 0;
        for (size_t i = 0; i < n; i++)
            want += i;
        cr_assert_eq(writes_expected_sum(n), want, "n=%zu", n);
    }
    uint64_t w[4] = {0, 1, 2, 3};
    cr_assert_eq(writes_pass(WRITES_READ, w, 0, 0), 0);
    cr_assert_eq(writes_pass(WRITES_READ, w, 3, 0), 3);
}

/* Each pass through writes_pass() touches words[0..n) and nothing on
 * either side: the bytes the bench counts per pass are the bytes touched. */
Test(gallery_writes, each_pass_touches_exactly_its_words)
{
    enum { GUARD = 8, N = 1001 };   /* odd: the streaming pass's last word is single */
    const uint64_t canary = UINT64_C(0xdeadbeefcafef00d);
    uint64_t *buf = aligned_alloc(64, (GUARD + 1008 + GUARD) * sizeof *buf);
    cr_assert(buf);
    uint64_t *w = buf + GUARD;   /* 64-byte aligned: GUARD words in */
    for (writes_kind k = 0; k < WRITES_KINDS; k++) {
        for (size_t i = 0; i < GUARD + 1008 + GUARD; i++)
            buf[i] = canary;
        writes_fill(w, N);
        uint64_t sum = writes_pass(k, w, N, 0xff);
        if (k == WRITES_RMW) {
            cr_assert_eq(writes_first_wrong(w, N), 0, "rmw changed the first word");
            writes_pass(k, w, N, 0xff);
        }
        cr_assert_eq(writes_first_wrong(w, N), N, "%s", writes_kind_name(k));
        cr_assert_eq(sum, k == WRITES_READ ? writes_expected_sum(N) : 0, "%s",
                     writes_kind_name(k));
        for (size_t i = 0; i < GUARD; i++)
            cr_assert_eq(buf[i], canary, "%s wrote before its words", writes_kind_name(k));
        for (size_t i = GUARD + N; i < GUARD + 1008 + GUARD; i++)
            cr_assert_eq(buf[i], canary, "%s wrote past its words", writes_kind_name(k));
    }
    /* A kind that is not one touches nothing and sums nothing. */
    writes_fill(w, N);
    cr_assert_eq(writes_pass(WRITES_KINDS, w, N, 0xff), 0);
    cr_assert_eq(writes_first_wrong(w, N), N);
    free(buf);
}

Test(gallery_writes, names_follow_the_kinds)
{
    static const char *const want[] = {"read", "write", "rmw", "stream"};
    for (writes_kind k = 0; k < WRITES_KINDS; k++)
        cr_assert_str_eq(writes_kind_name(k), want[k]);
    cr_assert_null(writes_kind_name(WRITES_KINDS));
    cr_assert_null(writes_kind_name((writes_kind)-1));
}

/* Under write-allocate a plain store moves its line in and out; a
 * streaming store only out; a read only in. */
Test(gallery_writes, the_traffic_model_counts_whole_lines)
{
    const size_t mib = (size_t)1 << 20, words = mib / 8;
    cr_assert_eq(writes_memory_bytes(WRITES_READ, words, 64), mib);
    cr_assert_eq(writes_memory_bytes(WRITES_PLAIN, words, 64), 2 * mib);
    cr_assert_eq(writes_memory_bytes(WRITES_RMW, words, 64), 2 * mib);
    cr_assert_eq(writes_memory_bytes(WRITES_STREAM, words, 64), mib);
    cr_assert_eq(writes_memory_bytes(WRITES_PLAIN, words, 128), 2 * mib, "any whole line");
    writes_traffic t = writes_traffic_of(WRITES_PLAIN);
    cr_assert_eq(t.lines_in, 1);
    cr_assert_eq(t.lines_out, 1);
    t = writes_traffic_of(WRITES_STREAM);
    cr_assert_eq(t.lines_in, 0);
    cr_assert_eq(t.lines_out, 1);
    /* One word still moves a whole line; none moves nothing. */
    cr_assert_eq(writes_memory_bytes(WRITES_READ, 1, 128), 128);
    cr_assert_eq(writes_memory_bytes(WRITES_PLAIN, 17, 64), 2 * 3 * 64);
    cr_assert_eq(writes_memory_bytes(WRITES_STREAM, 0, 64), 0);
    /* Nothing to count: an unknown kind, a zero line. */
    cr_assert_eq(writes_memory_bytes(WRITES_KINDS, words, 64), 0);
    cr_assert_eq(writes_memory_bytes(WRITES_READ, words, 0), 0);
    t = writes_traffic_of(WRITES_KINDS);
    cr_assert_eq(t.lines_in + t.lines_out, 0);
}

Test(gallery_writes, x86_64_builds_stream)
{
#if defined(__x86_64__)
    cr_assert(writes_streaming());
#else
    cr_skip_test("not an x86-64 build");
#endif
}

/* --- cache sizes -------------------------------------------------------------- */

/* A measured profile of n levels of the given sizes, as profile_load()
 * leaves one. */
static machine_profile measured_profile(const size_t *bytes, size_t n)
{
    machine_profile p = {.measured = true, .nlevels = n, .line_bytes = 64};
    for (size_t k = 0; k < n; k++)
        p.level[k] = (profile_level){bytes[k], 1.0 + (double)k};
    snprintf(p.source, sizeof p.source, "measured: test");
    return p;
}

static const machine_caches no_report = {0, 0, 0};

Test(gallery_levels, the_measured_levels_decide_not_the_reported_ones)
{
    const size_t sizes[] = {48 << 10, 900 << 10, (size_t)12 << 20};
    machine_profile p = measured_profile(sizes, 3);
    machine_caches host = {32 << 10, 1 << 20, (size_t)508 << 20};
    gallery_levels l = gallery_levels_pick(&p, host, host);
    cr_assert(l.measured);
    cr_assert_eq(l.n, 3);
    for (size_t k = 0; k < 3; k++) {
        cr_assert_eq(l.bytes[k], sizes[k]);
        cr_assert_str_eq(l.source[k], "measured");
    }
    cr_assert_eq(gallery_last_level(&l), (size_t)12 << 20);
}

Test(gallery_levels, as_many_levels_as_were_measured)
{
    /* Two levels found: past the second is memory, not a reported L3. */
    const size_t two[] = {32 << 10, (size_t)2 << 20};
    machine_profile p = measured_profile(two, 2);
    gallery_levels l = gallery_levels_pick(&p, (machine_caches){0, 0, 32 << 20}, no_report);
    cr_assert_eq(l.n, 2);
    cr_assert_eq(gallery_level_of(&l, (size_t)2 << 20), 2);
    cr_assert_eq(gallery_level_of(&l, ((size_t)2 << 20) + 1), 3, "memory");
    cr_assert_eq(gallery_level_inside(&l, (size_t)4 << 20), 3);
    cr_assert_eq(gallery_level_inside(&l, (size_t)3 << 20), 0);
    /* Four: an L4 is a level like the others. */
    const size_t four[] = {32 << 10, 1 << 20, (size_t)16 << 20, (size_t)128 << 20};
    p = measured_profile(four, 4);
    l = gallery_levels_pick(&p, no_report, no_report);
    cr_assert_eq(l.n, 4);
    cr_assert_eq(gallery_level_of(&l, (size_t)100 << 20), 4);
    cr_assert_eq(gallery_level_inside(&l, (size_t)1 << 30), 5);
    cr_assert_eq(gallery_last_level(&l), (size_t)128 << 20);
}

Test(gallery_levels, without_a_measured_level_the_reports_are_the_fallback)
{
    machine_caches sysfs = {48 << 10, 2 << 20, (size_t)16 << 20};
    machine_profile fallback;
    profile_fallback(&fallback, "MEMLAYOUT_PROFILE is not set");
    machine_profile none = measured_profile(NULL, 0);
    const machine_profile *cases[] = {NULL, &fallback, &none};
    for (size_t i = 0; i < 3; i++) {
        gallery_levels l = gallery_levels_pick(cases[i], sysfs, no_report);
        cr_assert_not(l.measured, "case %zu", i);
        cr_assert_eq(l.n, 3);
        cr_assert_eq(l.bytes[0], (size_t)48 << 10);
        cr_assert_eq(l.bytes[2], (size_t)16 << 20);
        cr_assert_str_eq(l.source[1], "sysfs");
    }
}

Test(gallery_levels, now_reads_the_run_profile_file)
{
    char path[] = "/tmp/test_gallery_profile_XXXXXX";
    int fd = mkstemp(path);
    cr_assert_geq(fd, 0);
    const char *json = "{\"format\": \"" PROFILE_FORMAT "\", \"measured\": {\"levels\": ["
                       "{\"name\": \"L1\", \"bytes\": 49152}, "
                       "{\"name\": \"L2\", \"bytes\": 1048576}]}}";
    cr_assert_eq(write(fd, json, strlen(json)), (ssize_t)strlen(json));
    close(fd);
    setenv(PROFILE_ENV, path, 1);
    machine_profile p;
    cr_assert(profile_from_env(&p));
    unlink(path);
    gallery_levels l = gallery_levels_now(&p);
    cr_assert(l.measured);
    cr_assert_eq(l.n, 2);
    cr_assert_eq(l.bytes[0], 49152);
    cr_assert_eq(l.bytes[1], (size_t)1 << 20);
}

Test(gallery_levels, a_broken_profile_falls_back_and_ignoring_reports_leaves_the_stated_sizes)
{
    setenv(PROFILE_ENV, "/nonexistent/machine.json", 1);
    setenv(PROFILE_IGNORE_ENV, "1", 1);
    machine_profile p;
    cr_assert_not(profile_from_env(&p));
    gallery_levels l = gallery_levels_now(&p);
    cr_assert_not(l.measured);
    cr_assert_eq(l.bytes[0], GALLERY_FALLBACK_L1);
    cr_assert_eq(l.bytes[1], GALLERY_FALLBACK_L2);
    cr_assert_eq(l.bytes[2], GALLERY_FALLBACK_L3);
    for (size_t k = 0; k < 3; k++)
        cr_assert_str_eq(l.source[k], "fallback");
}

Test(gallery_levels, reported_sysfs_first_then_cpuid_then_the_fallback)
{
    machine_caches sysfs = {48 << 10, 0, 0}, cpuid = {32 << 10, 1 << 20, 0};
    gallery_levels l = gallery_levels_reported(sysfs, cpuid);
    cr_assert_eq(l.bytes[0], (size_t)48 << 10);
    cr_assert_str_eq(l.source[0], "sysfs");
    cr_assert_eq(l.bytes[1], (size_t)1 << 20);
    cr_assert_str_eq(l.source[1], "cpuid");
    cr_assert_eq(l.bytes[2], GALLERY_FALLBACK_L3);
    cr_assert_str_eq(l.source[2], "fallback");
}

Test(gallery_levels, a_host_sized_l3_is_not_used)
{
    machine_caches none = {0, 0, 0}, cpuid = {48 << 10, 1 << 20, (size_t)508 << 20};
    gallery_levels l = gallery_levels_reported(none, cpuid);
    cr_assert_eq(l.bytes[2], GALLERY_FALLBACK_L3);
    cr_assert_str_eq(l.source[2], "fallback");
    machine_caches own = {0, 0, (size_t)16 << 20};
    cr_assert_eq(gallery_levels_reported(own, none).bytes[2], (size_t)16 << 20);
}

Test(gallery_levels, sizes_always_ascend)
{
    /* An L2 reported smaller than L1 is not believed; a fallback below the
     * level under it becomes twice that level. */
    machine_caches odd = {(size_t)2 << 20, 64 << 10, 0}, none = {0, 0, 0};
    gallery_levels l = gallery_levels_reported(odd, none);
    cr_assert_eq(l.bytes[0], (size_t)2 << 20);
    cr_assert_eq(l.bytes[1], (size_t)4 << 20);
    cr_assert_eq(l.bytes[2], GALLERY_FALLBACK_L3);
    unsetenv(PROFILE_ENV);
    machine_profile p;
    profile_from_env(&p);
    gallery_levels now = gallery_levels_now(&p);
    for (size_t k = 1; k < now.n; k++)
        cr_assert_lt(now.bytes[k - 1], now.bytes[k]);
}

Test(gallery_levels, a_size_belongs_to_the_first_level_that_holds_it)
{
    gallery_levels l = gallery_levels_reported((machine_caches){32 << 10, 1 << 20, 32 << 20},
                                               no_report);
    cr_assert_eq(gallery_level_of(&l, 16 << 10), 1);
    cr_assert_eq(gallery_level_of(&l, 32 << 10), 1);
    cr_assert_eq(gallery_level_of(&l, (32 << 10) + 1), 2);
    cr_assert_eq(gallery_level_of(&l, 32 << 20), 3);
    cr_assert_eq(gallery_level_of(&l, (size_t)1 << 30), 4);
}

Test(gallery_levels, only_sizes_well_inside_a_level_get_one)
{
    gallery_levels l = gallery_levels_reported((machine_caches){32 << 10, 1 << 20, 32 << 20},
                                               no_report);
    cr_assert_eq(gallery_level_inside(&l, 16 << 10), 1);
    cr_assert_eq(gallery_level_inside(&l, 17 << 10), 0, "past half of L1");
    cr_assert_eq(gallery_level_inside(&l, 48 << 10), 0, "under twice L1");
    cr_assert_eq(gallery_level_inside(&l, 64 << 10), 2);
    cr_assert_eq(gallery_level_inside(&l, 512 << 10), 2);
    cr_assert_eq(gallery_level_inside(&l, 2 << 20), 3);
    cr_assert_eq(gallery_level_inside(&l, 32 << 20), 0);
    cr_assert_eq(gallery_level_inside(&l, 63 << 20), 0);
    cr_assert_eq(gallery_level_inside(&l, 64 << 20), 4);
    cr_assert_eq(gallery_level_inside(&l, 1), 1);
}

/* --- past the caches ---------------------------------------------------------- */

Test(gallery_levels, past_the_caches_is_the_largest_working_set)
{
    const size_t mib = (size_t)1 << 20;
    /* An L3 measured at 2 MiB: P is still all of --max-ws, not 64 MiB. */
    const size_t small[] = {32 << 10, 512 << 10, 2 * mib};
    machine_profile p = measured_profile(small, 3);
    gallery_levels l = gallery_levels_pick(&p, no_report, no_report);
    cr_assert_eq(gallery_past_bytes(&l, 256 * mib, 4096), 256 * mib);
    cr_assert_eq(gallery_past_bytes(&l, 16 * mib, 4096), 16 * mib, "--max-ws decides");
    /* The reference guest (L3 8.5 MiB). */
    const size_t guest[] = {44666, 862919, 8913160};
    p = measured_profile(guest, 3);
    l = gallery_levels_pick(&p, no_report, no_report);
    cr_assert_eq(gallery_past_bytes(&l, 256 * mib, 4096), 256 * mib);
    size_t past = gallery_past_bytes(&l, 256 * mib + 5000, 4096);
    cr_assert_eq(past, 256 * mib + 4096, "whole pages");
}

Test(gallery_levels, past_the_caches_says_when_it_is_short)
{
    const size_t mib = (size_t)1 << 20;
    const size_t guest[] = {44666, 862919, 8 * mib};
    machine_profile p = measured_profile(guest, 3);
    gallery_levels l = gallery_levels_pick(&p, no_report, no_report);
    cr_assert_not(gallery_past_short(&l, 256 * mib), "32 x 8 MiB exactly");
    cr_assert(gallery_past_short(&l, 256 * mib - 4096));
    cr_assert(gallery_past_short(&l, 64 * mib));
    /* A level so large that 32 times it would overflow: short. */
    const size_t huge[] = {32 << 10, SIZE_MAX / 4};
    p = measured_profile(huge, 2);
    l = gallery_levels_pick(&p, no_report, no_report);
    cr_assert(gallery_past_short(&l, SIZE_MAX / 2));
}

Test(gallery_levels, past_the_caches_edge_cases)
{
    const size_t mib = (size_t)1 << 20;
    const size_t huge[] = {32 << 10, SIZE_MAX / 4};
    machine_profile p = measured_profile(huge, 2);
    gallery_levels l = gallery_levels_pick(&p, no_report, no_report);
    cr_assert_eq(gallery_past_bytes(&l, 64 * mib, 4096), 64 * mib);
    /* Under a page, or no page size: nothing usable. */
    cr_assert_eq(gallery_past_bytes(&l, 4095, 4096), 0);
    cr_assert_eq(gallery_past_bytes(&l, 64 * mib, 0), 0);
    /* No level at all: nothing is past it. */
    gallery_levels none = {.n = 0};
    cr_assert_eq(gallery_past_bytes(&none, 64 * mib, 4096), 0);
    /* Without a profile (the stated fallback's levels): --max-ws still. */
    l = gallery_levels_pick(NULL, no_report, no_report);
    cr_assert_eq(gallery_past_bytes(&l, (size_t)4 << 30, 4096), (size_t)4 << 30);
}

/* --- the line -------------------------------------------------------------------- */

Test(gallery_line, the_measured_line_decides_and_the_reported_one_is_kept_beside_it)
{
    const size_t sizes[] = {32 << 10};
    machine_profile p = measured_profile(sizes, 1);
    p.line_bytes = 128;
    gallery_line l = gallery_line_pick(&p, 64, 4096);
    cr_assert_eq(l.bytes, 128);
    cr_assert_str_eq(l.source, "measured");
    cr_assert_eq(l.reported, 64);
}

Test(gallery_line, without_a_measured_profile_the_reported_line_then_64)
{
    machine_profile fallback;
    profile_fallback(&fallback, "MEMLAYOUT_PROFILE is not set");
    fallback.line_bytes = 256;   /* a fallback profile's figure is not measured */
    gallery_line l = gallery_line_pick(&fallback, 128, 4096);
    cr_assert_eq(l.bytes, 128);
    cr_assert_str_eq(l.source, "reported");
    l = gallery_line_pick(NULL, 0, 4096);
    cr_assert_eq(l.bytes, 64);
    cr_assert_str_eq(l.source, "fallback");
    cr_assert_eq(l.reported, 0);
}

Test(gallery_line, unusable_lines_are_refused)
{
    const size_t sizes[] = {32 << 10};
    machine_profile p = measured_profile(sizes, 1);
    /* Not a power of two, too small for a pointer chase node, larger
     * than a page: the reported line is used instead. */
    const size_t bad[] = {0, 8, 96, 8192};
    for (size_t i = 0; i < 4; i++) {
        p.line_bytes = bad[i];
        gallery_line l = gallery_line_pick(&p, 64, 4096);
        cr_assert_eq(l.bytes, 64, "line %zu", bad[i]);
        cr_assert_str_eq(l.source, "reported");
    }
    /* A reported line that fails the same test is not reported. */
    p.line_bytes = 96;
    gallery_line l = gallery_line_pick(&p, 48, 4096);
    cr_assert_eq(l.bytes, 64);
    cr_assert_str_eq(l.source, "fallback");
    cr_assert_eq(l.reported, 0);
    /* The page bounds it: 4096 is fine on 4 KiB pages, not on 2 KiB ones. */
    p.line_bytes = 4096;
    cr_assert_eq(gallery_line_pick(&p, 64, 4096).bytes, 4096);
    cr_assert_eq(gallery_line_pick(&p, 64, 2048).bytes, 64);
}
