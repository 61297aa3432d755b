/*
 * pool_checks.c - part (b): the student's pool against alloc.h's contract
 * and lab.h's, on a counting parent: slabs taken and returned are counted
 * exactly, slots are written and read back, and LeakSanitizer looks for
 * anything else left allocated.
 */
#include "../lab.h"
#include "parts.h"

#include "alloc/counting.h"

#include <inttypes.h>
#include <sanitizer/lsan_interface.h>
#include <stdint.h>
#include <string.h>

#define OBJ 24          /* bytes per object in every check */
#define PER_SLAB 8      /* slots per slab */

static counting_allocator parent;

/* A pool of OBJ-byte objects on a fresh counting parent, or a failure. */
static allocator *new_pool(lab_why *why)
{
    counting_init(&parent, alloc_libc());
    allocator *p = lab_pool_create(&parent.base, OBJ, PER_SLAB);
    if (!p)
        lab_fail(why, "lab_pool_create(parent, %d, %d) returned NULL", OBJ, PER_SLAB);
    return p;
}

/* Fills a slot with its own byte, to find overlaps later. */
static void mark(void *slot, int k)
{
    memset(slot, k, OBJ);
}

static bool marked(const void *slot, int k)
{
    const unsigned char *b = slot;
    for (int i = 0; i < OBJ; i++)
        if (b[i] != (unsigned char)k)
            return false;
    return true;
}

static bool refuses_bad_arguments(lab_why *why)
{
    counting_init(&parent, alloc_libc());
    if (lab_pool_create(NULL, OBJ, PER_SLAB))
        return lab_fail(why, "accepted a NULL parent");
    if (lab_pool_create(&parent.base, 0, PER_SLAB))
        return lab_fail(why, "accepted objects of 0 bytes");
    if (lab_pool_create(&parent.base, OBJ, 0))
        return lab_fail(why, "accepted 0 slots per slab");
    if (lab_pool_create(&parent.base, SIZE_MAX / 4, 8))
        return lab_fail(why, "accepted slabs of 2 * SIZE_MAX bytes (an overflow)");
    allocator *p = lab_pool_create(&parent.base, 1, 1);
    if (!p)
        return lab_fail(why, "refused 1-byte objects, 1 per slab");
    lab_pool_destroy(p);
    lab_pool_destroy(NULL);
    return true;
}

static bool takes_nothing_until_asked(lab_why *why)
{
    allocator *p = new_pool(why);
    if (!p)
        return false;
    uint64_t calls = parent.stats.alloc_calls;
    lab_pool_destroy(p);
    if (calls != 0)
        return lab_fail(why, "%" PRIu64 " allocations from the parent before any request", calls);
    return true;
}

static bool hands_out_separate_aligned_slots(lab_why *why)
{
    enum { N = 3 * PER_SLAB + 1 };
    allocator *p = new_pool(why);
    if (!p)
        return false;
    void *slot[N];
    for (int i = 0; i < N; i++) {
        slot[i] = alloc_bytes(p, OBJ, 8);
        if (!slot[i]) {
            lab_pool_destroy(p);
            return lab_fail(why, "request %d of %d bytes returned NULL", i + 1, OBJ);
        }
        if ((uintptr_t)slot[i] % LAB_POOL_ALIGN != 0) {
            lab_pool_destroy(p);
            return lab_fail(why, "slot %d at %p is not aligned to %d", i, slot[i],
                            LAB_POOL_ALIGN);
        }
        mark(slot[i], i + 1);
    }
    for (int i = 0; i < N; i++)
        if (!marked(slot[i], i + 1)) {
            lab_pool_destroy(p);
            return lab_fail(why, "slot %d was overwritten by another slot", i);
        }
    lab_pool_destroy(p);
    return true;
}

static bool takes_one_slab_per_slots_per_slab(lab_why *why)
{
    /* PER_SLAB * 2 + 1 objects: 3 slabs, no more, no fewer. */
    allocator *p = new_pool(why);
    if (!p)
        return false;
    uint64_t after[2 * PER_SLAB + 1];
    for (int i = 0; i < 2 * PER_SLAB + 1; i++) {
        if (!alloc_bytes(p, OBJ, 8)) {
            lab_pool_destroy(p);
            return lab_fail(why, "request %d returned NULL", i + 1);
        }
        after[i] = parent.stats.alloc_calls;
    }
    lab_pool_destroy(p);
    for (int i = 0; i < 2 * PER_SLAB + 1; i++) {
        uint64_t want = (uint64_t)(i / PER_SLAB + 1);
        if (after[i] != want)
            return lab_fail(why, "after %d objects, %" PRIu64 " slabs from the parent "
                            "(%d per slab: %" PRIu64 " expected)", i + 1, after[i],
                            PER_SLAB, want);
    }
    return true;
}

static bool reuses_the_last_freed_slot_first(lab_why *why)
{
    allocator *p = new_pool(why);
    if (!p)
        return false;
    void *a = alloc_bytes(p, OBJ, 8), *b = alloc_bytes(p, OBJ, 8),
         *c = alloc_bytes(p, OBJ, 8);
    alloc_free(p, a, OBJ);
    alloc_free(p, b, OBJ);
    alloc_free(p, c, OBJ);
    alloc_free(p, NULL, OBJ);
    void *x = alloc_bytes(p, OBJ, 8), *y = alloc_bytes(p, OBJ, 8),
         *z = alloc_bytes(p, OBJ, 8);
    uint64_t calls = parent.stats.alloc_calls;
    lab_pool_destroy(p);
    if (!a || !b || !c)
        return lab_fail(why, "the first three requests did not all succeed");
    if (x != c || y != b || z != a)
        return lab_fail(why, "freed a, b, c; got back %s, %s, %s instead of c, b, a",
                        x == a ? "a" : x == b ? "b" : x == c ? "c" : "a new slot",
                        y == a ? "a" : y == b ? "b" : y == c ? "c" : "a new slot",
                        z == a ? "a" : z == b ? "b" : z == c ? "c" : "a new slot");
    if (calls != 1)
        return lab_fail(why, "%" PRIu64 " slabs for 3 objects and their reuse", calls);
    return true;
}

static bool refuses_what_a_slot_cannot_hold(lab_why *why)
{
    allocator *p = new_pool(why);
    if (!p)
        return false;
    const char *wrong = NULL;
    void *big = alloc_bytes(p, 4096, 8);
    void *over = alloc_bytes(p, 8, 2 * LAB_POOL_ALIGN);
    void *zero = alloc_bytes(p, 0, 8);
    uint64_t calls = parent.stats.alloc_calls;
    char *small = alloc_bytes(p, 1, 1);
    char *r = small ? p->resize(p, small, 1, 4096, 8) : NULL;
    if (big)
        wrong = "4096 bytes (larger than a slot) were not refused";
    else if (over)
        wrong = "an alignment of 32 was not refused";
    else if (zero)
        wrong = "0 bytes were not refused";
    else if (calls != 0)
        wrong = "a refused request took a slab from the parent";
    else if (!small)
        wrong = "1 byte aligned to 1 was refused";
    else if (r)
        wrong = "resizing a slot to 4096 bytes was not refused";
    else if (p->resize(p, small, 1, OBJ, 8) != small)
        wrong = "resizing within the slot moved it or failed";
    lab_pool_destroy(p);
    return wrong ? lab_fail(why, "%s", wrong) : true;
}

static bool survives_a_refused_slab(lab_why *why)
{
    allocator *p = new_pool(why);
    if (!p)
        return false;
    void *kept[PER_SLAB];
    for (int i = 0; i < PER_SLAB; i++) {
        kept[i] = alloc_bytes(p, OBJ, 8);
        if (!kept[i]) {
            lab_pool_destroy(p);
            return lab_fail(why, "request %d returned NULL", i + 1);
        }
        mark(kept[i], i + 1);
    }
    counting_fail_at(&parent, 1);
    void *refused = alloc_bytes(p, OBJ, 8);
    void *next = alloc_bytes(p, OBJ, 8);
    const char *wrong = NULL;
    if (refused)
        wrong = "the parent refused a slab, yet a slot was handed out";
    else if (!next)
        wrong = "after one refused slab, the next request failed too";
    else if (parent.stats.alloc_calls != 2 || parent.stats.failed_calls != 1)
        wrong = "the slabs taken do not add up (2 taken, 1 refused expected)";
    for (int i = 0; i < PER_SLAB && !wrong; i++)
        if (!marked(kept[i], i + 1))
            wrong = "a slot handed out before the refusal was overwritten";
    lab_pool_destroy(p);
    return wrong ? lab_fail(why, "%s", wrong) : true;
}

/* Fills a pool, frees every other object and destroys it, in a frame of
 * its own: once it has returned, no pointer to the pool is left on the
 * stack for LeakSanitizer to mistake for a reference. */
__attribute__((noinline)) static bool use_and_destroy(lab_why *why)
{
    allocator *p = new_pool(why);
    if (!p)
        return false;
    void *s[2 * PER_SLAB + 3];
    for (int i = 0; i < 2 * PER_SLAB + 3; i++)
        s[i] = alloc_bytes(p, OBJ, 8);
    for (int i = 0; i < 2 * PER_SLAB + 3; i += 2)
        alloc_free(p, s[i], OBJ);
    lab_pool_destroy(p);
    return true;
}

static bool gives_everything_back(lab_why *why)
{
    if (!use_and_destroy(why))
        return false;
    if (parent.stats.live_blocks != 0)
        return lab_fail(why, "%zu slabs (%zu bytes) still held from the parent after "
                        "lab_pool_destroy", parent.stats.live_blocks, parent.stats.live_bytes);
    if (__lsan_do_recoverable_leak_check() != 0)
        return lab_fail(why, "LeakSanitizer found memory never freed (the pool itself?)");
    return true;
}

const lab_check lab_pool_checks[] = {
    {"b1", 3, "bad arguments give NULL; good ones a pool", refuses_bad_arguments, NULL},
    {"b2", 2, "no slab taken before the first request", takes_nothing_until_asked, NULL},
    {"b3", 5, "25 slots: each aligned to 16, none overlapping another", hands_out_separate_aligned_slots, NULL},
    {"b4", 5, "exactly one slab per 8 objects", takes_one_slab_per_slots_per_slab, NULL},
    {"b5", 5, "freed slots come back last in, first out, with no new slab", reuses_the_last_freed_slot_first, NULL},
    {"b6", 3, "too large, over-aligned or empty requests refused, no slab taken", refuses_what_a_slot_cannot_hold, NULL},
    {"b7", 4, "a slab the parent refuses: NULL, the pool intact", survives_a_refused_slab, NULL},
    {"b8", 3, "lab_pool_destroy gives every slab back; nothing leaks", gives_everything_back, NULL},
    {NULL, 0, NULL, NULL, NULL},
};
