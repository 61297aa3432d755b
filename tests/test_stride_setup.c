/* test_stride_setup.c - stride's kept buffer and chase cycle (exact bytes,
 * kept or remade, one cycle, a request refused), and its printed summary. */
#include "stride/buffer.h"
#include "stride/cycle.h"
#include "stride/summary_print.h"

#include <criterion/criterion.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

Test(stride_setup, buffer_is_kept_for_the_same_size_and_kind)
{
    stride_buffer b = {0};
    bool fresh;
    cr_assert(stride_buffer_hold(&b, PAGES_SMALL, 1 << 16, &fresh));
    cr_assert(fresh);
    cr_assert_eq(b.counter.stats.live_bytes, 1 << 16);
    cr_assert_eq((uintptr_t)b.data % 64, 0);
    void *data = b.data;
    cr_assert(stride_buffer_hold(&b, PAGES_SMALL, 1 << 16, &fresh));
    cr_assert_not(fresh);
    cr_assert_eq(b.data, data);
    memset(b.data, 1, b.bytes);
    stride_buffer_note_pages(&b);
    cr_assert(b.huge_fraction >= 0 && b.huge_fraction <= 1);
    cr_assert(stride_buffer_hold(&b, PAGES_SMALL, 1 << 17, &fresh));
    cr_assert(fresh);
    cr_assert_eq(b.counter.stats.live_bytes, 1 << 17);
    stride_buffer_release(&b);
    cr_assert_null(b.data);
    stride_buffer_release(&b);
}

Test(stride_setup, cycle_is_one_cycle_checked_and_kept)
{
    chase_cycle c = {0};
    cr_assert(chase_cycle_hold(&c, 1000, 5));
    cr_assert(c.checked);
    cr_assert(c.single);
    cr_assert_eq(c.counter.stats.live_bytes, 1000 * sizeof(size_t));
    size_t at = 0, steps = 0;
    do {
        at = c.next[at];
        steps++;
    } while (at != 0 && steps <= 1000);
    cr_assert_eq(steps, 1000);
    size_t *next = c.next;
    cr_assert(chase_cycle_hold(&c, 1000, 6));
    cr_assert_eq(c.next, next, "the same working set keeps its cycle");
    cr_assert(chase_cycle_hold(&c, 10, 6));
    cr_assert_eq(c.lines, 10);
    chase_cycle_release(&c);
    cr_assert_null(c.next);
    chase_cycle_release(&c);
}

/* oom-sweep: the buffer and the cycle each make one request, of the size
 * asked, from an allocator of their own: a size the system cannot give
 * is their failure path (tests/cli/oom-audit.sh). */
Test(stride_setup, buffer_refused_holds_nothing_and_can_hold_again)
{
    stride_buffer b = {0};
    bool fresh = true;
    cr_assert(stride_buffer_hold(&b, PAGES_SMALL, 1 << 16, &fresh));
    cr_assert_not(stride_buffer_hold(&b, PAGES_SMALL, (size_t)1 << 60, &fresh));
    cr_assert_not(fresh);
    cr_assert_null(b.data);
    cr_assert_eq(b.counter.stats.failed_calls, 1, "the pages allocator refused it");
    stride_buffer_release(&b);   /* holds nothing: a no-op */
    cr_assert(stride_buffer_hold(&b, PAGES_SMALL, 1 << 16, &fresh));
    cr_assert(fresh);
    stride_buffer_release(&b);
}

Test(stride_setup, cycle_refused_holds_nothing_and_can_hold_again)
{
    chase_cycle c = {0};
    cr_assert(chase_cycle_hold(&c, 100, 1));
    cr_assert_not(chase_cycle_hold(&c, SIZE_MAX / 4, 1));   /* bytes overflow size_t */
    cr_assert_null(c.next);
    cr_assert_eq(c.counter.requests, 0, "the overflow is caught before the allocator");
    cr_assert(chase_cycle_hold(&c, 1, 1));
    cr_assert_eq(c.next[0], 0, "one line: a cycle onto itself");
    chase_cycle_release(&c);
}

Test(stride_setup, summary_names_each_level_and_the_bend)
{
    stride_summary sum = {0};
    sum.levels.count = 2;
    sum.levels.ns[0] = 1.5;
    sum.levels.bytes[0] = 32768;
    sum.levels.ns[1] = 4.5;
    sum.levels.bytes[1] = 1 << 20;
    sum.levels.ns[2] = 80;
    sum.have_bend = true;
    sum.bend.x = 64;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    cr_assert_not_null(out);
    stride_print_summary(out, &sum, (machine_caches){.l1d = 32768}, 64, 4096);
    fclose(out);
    cr_assert_not_null(strstr(text, "base pages"));
    cr_assert_not_null(strstr(text, "  L1         1.5 ns  up to "));
    cr_assert_not_null(strstr(text, "(the system reports L1: "));
    cr_assert_not_null(strstr(text, "(the system reports L2: none)"));
    cr_assert_not_null(strstr(text, "memory    80.0 ns"));
    cr_assert_not_null(strstr(text, "bends at a stride of 64 B (reported line 64 B, page 4096 B)"));
    free(text);
}

/* The buffer and the cycle count through their own allocators, so a
 * failure is driven by asking for more than can exist. */
Test(stride_setup, out_of_memory_leaves_nothing_held)
{
    stride_buffer b = {0};
    bool fresh = true;
    cr_assert_not(stride_buffer_hold(&b, PAGES_SMALL, (size_t)1 << 60, &fresh));
    cr_assert_not(fresh);
    cr_assert_null(b.data);
    cr_assert_null(b.pages);
    stride_buffer_release(&b);

    chase_cycle c = {0};
    cr_assert_not(chase_cycle_hold(&c, SIZE_MAX / 4, 1), "lines * 8 overflows");
    cr_assert_null(c.next);
    chase_cycle_release(&c);
}
