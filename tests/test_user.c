/* test_user.c - the generated User records: seeded, in range, exact sums. */
#include "traverse/user.h"

#include <criterion/criterion.h>
#include <math.h>

Test(user, record_is_24_bytes_with_padding_after_active)
{
    cr_assert_eq(sizeof(struct user), 24);
    cr_assert_eq(offsetof(struct user, score), 16);
}

Test(user, generator_is_seeded_and_in_range)
{
    struct user a[500], b[500];
    user_generate(a, 500, 99);
    user_generate(b, 500, 99);
    size_t active = 0;
    for (size_t i = 0; i < 500; i++) {
        cr_assert_eq(a[i].id, (int64_t)i + 1);
        cr_assert_eq(a[i].active, b[i].active);
        cr_assert_eq(a[i].score, b[i].score);
        cr_assert(a[i].score >= 0 && a[i].score < 100);
        cr_assert_eq(fmod(a[i].score * 4, 1.0), 0.0, "score is a multiple of 0.25");
        active += a[i].active;
    }
    cr_assert(active > 200 && active < 300, "about half active, got %zu", active);
}

Test(user, reference_sum_counts_only_active_users)
{
    struct user u[3] = {{1, true, 1.25}, {2, false, 50}, {3, true, 0.5}};
    cr_assert_eq(user_active_score_sum(u, 3), 1.75);
    cr_assert_eq(user_active_score_sum(u, 0), 0.0);
}

