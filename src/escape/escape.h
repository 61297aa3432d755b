/*
 * escape.h - the same record made two ways: returned by value, or returned
 * as a pointer to a heap block (claim A4).
 *
 * Go's escape analysis keeps a value on the stack unless its address
 * outlives the function (the article's createUser returning &user); C
 * makes the choice explicit.  escape_user_value() returns the record
 * itself: the caller's stack slot receives it and nothing is allocated.
 * escape_user_heap() returns the address of a block it allocated, which
 * the caller must free: one allocation and one free per call.  Both fill
 * the same fields from the same id, so the only difference the A4 bench
 * measures is where the record lives.
 *
 * They live in their own file so that a caller in another file cannot
 * inline them (the suite builds without link-time optimization): every
 * call in the bench is a real call, and the heap version a real call into
 * the allocator.
 */
#ifndef ESCAPE_H
#define ESCAPE_H

#include "alloc/alloc.h"
#include "traverse/user.h"

#include <stddef.h>
#include <stdint.h>

/* The record for 'id': active when id is odd, score (id mod 400) / 4. */
struct user escape_user_value(int64_t id);

/* The same record in a block of sizeof(struct user) bytes from 'a'; the
 * caller owns it and frees it with alloc_free(a, p, sizeof *p).  NULL when
 * the allocator fails. */
struct user *escape_user_heap(allocator *a, int64_t id);

/* Sum of score over active records for ids 0 .. calls-1: what a loop over
 * either function must add up to (every score is a multiple of 0.25, so
 * the sum is exact in any order). */
double escape_expected_sum(size_t calls);

#endif /* ESCAPE_H */
