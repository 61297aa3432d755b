/*
 * user.h - the article's User record and a seeded generator of them.
 *
 * The article's Go type is { ID int64; Active bool; Score float64 }.  In C
 * it is 24 bytes: 8 for id, 1 for active, 7 of padding so that score is
 * 8-byte aligned, 8 for score.
 */
#ifndef USER_H
#define USER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct user {
    int64_t id;
    bool active;
    double score;
};

/*
 * Fills users[0..n) from 'seed': id = index + 1, active with probability
 * 1/2, score a multiple of 0.25 in [0, 100).  Multiples of 0.25 below 2^40
 * add exactly in a double, so every traversal order gives the same sum to
 * the last bit and layouts can be checked against each other with ==.
 */
void user_generate(struct user *users, size_t n, uint64_t seed);

/* The sum of score over active users, in index order: the reference every
 * layout's kernel must reproduce. */
double user_active_score_sum(const struct user *users, size_t n);

#endif /* USER_H */
