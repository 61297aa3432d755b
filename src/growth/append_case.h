/*
 * append_case.h - the variants of growth's append cases: element type,
 * policy and growth method, each with its timed kernel and its check.
 *
 * A case is "<type>/<policy>/<method>" ("u64/x2/realloc"), or
 * "<type>/prealloc" for the one policy that reserves N first and never
 * grows.  The table is built once (append_cases_make) and read by the
 * bench's registration, its timed cases and its --child runner alike.
 */
#ifndef GROWTH_APPEND_CASE_H
#define GROWTH_APPEND_CASE_H

#include "alloc/alloc.h"
#include "growth/growable.h"
#include "growth/policy.h"

#include <stdbool.h>
#include <stddef.h>

/* The timed kernel: n single appends, each written in place like
 * s = append(s, v).  False when a growth failed. */
typedef bool (*append_fn)(growable *g, size_t n);
/* True when g holds exactly what append_fn wrote for n appends. */
typedef bool (*check_fn)(const growable *g, size_t n);

typedef struct element_kind {
    const char *name;
    size_t size, align;
    append_fn append;
    check_fn check;
} element_kind;

enum { ELEMENT_U64, ELEMENT_USER, ELEMENT_KIND_COUNT };
/* u64 (values 0..n-1) and the article's User record (growth_user_record). */
extern const element_kind element_kinds[ELEMENT_KIND_COUNT];

typedef struct append_case {
    char name[40];            /* "u64/x2/realloc": variant part of the case name */
    const element_kind *kind;
    const growth_policy *policy;
    growable_method method;
    bool reserve;             /* prealloc: reserve N before appending */
} append_case;

/* prealloc once per type, then each growing policy with each method. */
#define APPEND_CASE_COUNT (ELEMENT_KIND_COUNT * (1 + 2 * (GROWTH_POLICY_COUNT - 1)))
extern append_case append_cases[APPEND_CASE_COUNT];

/* Fills append_cases in registration order (type, policy, method).
 * Idempotent; cannot fail. */
void append_cases_make(void);

/* The case named 'name' ("u64/x2/realloc"), or NULL.  Call
 * append_cases_make first. */
const append_case *append_case_find(const char *name);

/* The glibc mmap threshold the growth bench pins (mallopt): blocks from
 * this size up are mapped, and realloc moves them with mremap.  Builds
 * count such moves apart (growable's remap_min_bytes). */
#define GROWTH_MMAP_THRESHOLD ((size_t)128 * 1024)

/* One build as the timed loop does it, minus the free: an empty array in
 * *g over 'a', (reserve,) n appends.  False when an allocation failed;
 * *g must be released with growable_release either way. */
bool append_case_build(const append_case *c, allocator *a, size_t n, growable *g);

/* True when a build's capacity, growths, reallocations and (for the copy
 * method) bytes copied equal the policy's prediction for n appends. */
bool append_case_matches_plan(const append_case *c, const growable *g, size_t n);

#endif /* GROWTH_APPEND_CASE_H */
