/* rcring.c - make a leaked ring of counted links, and break one. */
#include "rcring.h"

static const size_t rc_link_children[] = {offsetof(struct rc_link, next)};

const rc_type rc_link_type = RC_TYPE(rc_link, rc_link_children);

bool rc_ring_make(allocator *a, size_t n, struct rc_link **any)
{
    *any = NULL;
    if (n == 0)
        return false;
    struct rc_link *first = rc_new(a, &rc_link_type);
    if (!first)
        return false;
    /* Built as a chain first -> ... -> last, each link holding the next;
     * the caller's only reference is to first. */
    struct rc_link *last = first;
    for (size_t i = 1; i < n; i++) {
        struct rc_link *l = rc_new(a, &rc_link_type);
        if (!l) {
            rc_release(a, first); /* a chain, not yet a ring: all freed */
            return false;
        }
        l->value = i;
        last->next = l;
        last = l;
    }
    last->next = rc_retain(first); /* closes the ring */
    rc_release(a, first);          /* the caller's reference goes */
    *any = first;
    return true;
}

size_t rc_ring_break(allocator *a, struct rc_link *any)
{
    struct rc_link *next = any->next;
    any->next = NULL;
    return rc_release(a, next);
}
