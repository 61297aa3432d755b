/* user.c - generate User records from a seed, and their reference sum. */
#include "user.h"

#include "harness/rng.h"

void user_generate(struct user *users, size_t n, uint64_t seed)
{
    rng r = rng_seeded(seed);
    for (size_t i = 0; i < n; i++) {
        uint64_t bits = rng_next(&r);
        users[i] = (struct user){
            .id = (int64_t)i + 1,
            .active = bits & 1,
            .score = (double)((bits >> 1) % 400) * 0.25,
        };
    }
}

double user_active_score_sum(const struct user *users, size_t n)
{
    double sum = 0;
    for (size_t i = 0; i < n; i++)
        if (users[i].active)
            sum += users[i].score;
    return sum;
}
