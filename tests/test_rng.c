/* test_rng.c - seeded draws repeat, permutations are permutations,
 * Sattolo's cycles are single cycles, and seeds parse only as written. */
#include "harness/rng.h"

#include <criterion/criterion.h>
#include <stdbool.h>
#include <stdlib.h>

Test(rng, same_seed_same_sequence_other_seed_other_sequence)
{
    rng a = rng_seeded(42), b = rng_seeded(42), c = rng_seeded(43);
    bool differs = false;
    for (int i = 0; i < 100; i++) {
        uint64_t x = rng_next(&a);
        cr_assert_eq(x, rng_next(&b));
        differs |= x != rng_next(&c);
    }
    cr_assert(differs);
}

Test(rng, splitmix64_matches_the_reference_output)
{
    /* First outputs of Vigna's splitmix64.c with seed 0. */
    rng r = rng_seeded(0);
    cr_assert_eq(rng_next(&r), UINT64_C(0xe220a8397b1dcdaf));
    cr_assert_eq(rng_next(&r), UINT64_C(0x6e789e6aa1b965f4));
}

Test(rng, below_stays_below_and_reaches_every_value)
{
    rng r = rng_seeded(7);
    int seen[10] = {0};
    for (int i = 0; i < 10000; i++) {
        uint64_t v = rng_below(&r, 10);
        cr_assert_lt(v, 10);
        seen[v]++;
    }
    for (int v = 0; v < 10; v++)
        cr_assert_gt(seen[v], 800, "value %d drawn %d times in 10000", v, seen[v]);
    cr_assert_eq(rng_below(&r, 1), 0);
}

static void assert_permutation(const size_t *p, size_t n)
{
    bool *seen = calloc(n ? n : 1, sizeof *seen);
    cr_assert_not_null(seen);
    for (size_t i = 0; i < n; i++) {
        cr_assert_lt(p[i], n);
        cr_assert_not(seen[p[i]], "%zu appears twice", p[i]);
        seen[p[i]] = true;
    }
    free(seen);
}

Test(rng, permutation_is_a_permutation_for_every_small_n)
{
    size_t order[64];
    for (size_t n = 0; n <= 64; n++) {
        rng r = rng_seeded(n);
        rng_permutation(&r, order, n);
        assert_permutation(order, n);
    }
}

Test(rng, permutation_is_seeded)
{
    size_t a[100], b[100], c[100];
    rng ra = rng_seeded(5), rb = rng_seeded(5), rc = rng_seeded(6);
    rng_permutation(&ra, a, 100);
    rng_permutation(&rb, b, 100);
    rng_permutation(&rc, c, 100);
    cr_assert_arr_eq(a, b, sizeof a);
    cr_assert_arr_neq(a, c, sizeof a);
    size_t fixed = 0;
    for (size_t i = 0; i < 100; i++)
        fixed += a[i] == i;
    cr_assert_lt(fixed, 10, "a shuffle of 100 keeps few in place, kept %zu", fixed);
}

Test(rng, single_cycle_visits_everything_once)
{
    size_t next[1000];
    for (size_t n = 1; n <= 1000; n = n * 3 + 1) {
        rng r = rng_seeded(n);
        rng_single_cycle(&r, next, n);
        assert_permutation(next, n);
        size_t at = 0, steps = 0;
        do {
            at = next[at];
            steps++;
        } while (at != 0 && steps <= n);
        cr_assert_eq(steps, n, "n=%zu: cycle through 0 has %zu steps", n, steps);
    }
}

Test(rng, seed_parse_takes_decimal_hex_and_octal)
{
    uint64_t seed = 7;
    cr_assert(rng_seed_parse("0", &seed));
    cr_assert_eq(seed, 0);
    cr_assert(rng_seed_parse("42", &seed));
    cr_assert_eq(seed, 42);
    cr_assert(rng_seed_parse("0x10", &seed));
    cr_assert_eq(seed, 16);
    cr_assert(rng_seed_parse("010", &seed));
    cr_assert_eq(seed, 8);
    cr_assert(rng_seed_parse("18446744073709551615", &seed));
    cr_assert_eq(seed, UINT64_MAX);
}

Test(rng, seed_parse_refuses_signs_blanks_text_and_overflow)
{
    static const char *const bad[] = {
        "", " 1", " -1", "-1", "+5", "1 ", "12abc", "0x", "18446744073709551616", "1e3",
    };
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        uint64_t seed = 7;
        cr_assert_not(rng_seed_parse(bad[i], &seed), "'%s' was taken", bad[i]);
        cr_assert_eq(seed, 7, "'%s' changed the seed", bad[i]);
    }
    uint64_t seed = 7;
    cr_assert_not(rng_seed_parse(NULL, &seed));
    cr_assert_not(rng_seed_parse("1", NULL));
}
