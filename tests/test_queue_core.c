/* test_queue_core.c - the part the ring and the linked queue share: exact
 * counts and peak, a wait that returns at once when there is an item or
 * the queue is closed (and counts only a real wait), and closing twice. */
#include "queue/qcore.h"

#include <criterion/criterion.h>

Test(queue_core, counts_pushes_pops_and_the_peak)
{
    queue_core q;
    queue_core_init(&q);
    pthread_mutex_lock(&q.mu);
    for (int i = 0; i < 3; i++)
        queue_core_added(&q);
    queue_core_removed(&q);
    queue_core_removed(&q);
    queue_core_added(&q);
    pthread_mutex_unlock(&q.mu);
    cr_assert_eq(queue_core_count(&q), 2);
    queue_stats s = queue_core_stats(&q);
    cr_assert_eq(s.pushes, 4);
    cr_assert_eq(s.pops, 2);
    cr_assert_eq(s.peak_count, 3, "the peak stays when the count falls");
    cr_assert_eq(s.full_waits, 0);
    cr_assert_eq(s.empty_waits, 0);
    queue_core_destroy(&q);
}

Test(queue_core, wait_item_returns_at_once_with_an_item)
{
    queue_core q;
    queue_core_init(&q);
    pthread_mutex_lock(&q.mu);
    queue_core_added(&q);
    cr_assert(queue_core_wait_item(&q));
    pthread_mutex_unlock(&q.mu);
    cr_assert_eq(queue_core_stats(&q).empty_waits, 0, "no wait, none counted");
    queue_core_destroy(&q);
}

Test(queue_core, closed_and_empty_means_no_item_and_no_wait)
{
    queue_core q;
    queue_core_init(&q);
    queue_core_close(&q);
    queue_core_close(&q); /* harmless twice */
    pthread_mutex_lock(&q.mu);
    cr_assert_not(queue_core_wait_item(&q));
    pthread_mutex_unlock(&q.mu);
    cr_assert(q.closed);
    cr_assert_eq(queue_core_stats(&q).empty_waits, 0);
    queue_core_destroy(&q);
}

Test(queue_core, closed_with_items_still_hands_them_out)
{
    queue_core q;
    queue_core_init(&q);
    pthread_mutex_lock(&q.mu);
    queue_core_added(&q);
    pthread_mutex_unlock(&q.mu);
    queue_core_close(&q);
    pthread_mutex_lock(&q.mu);
    cr_assert(queue_core_wait_item(&q), "pops drain what is left");
    queue_core_removed(&q);
    cr_assert_not(queue_core_wait_item(&q));
    pthread_mutex_unlock(&q.mu);
    queue_core_destroy(&q);
}
