/* rules/insert.c - the rule of the claim the insert bench decides (L2). */
#include "report/rules.h"
#include "report/sweep.h"

/* What both parts of L2 share: the same operation, metric and sizes, one
 * pair each; only the list against the array differs. */
#define INSERT_SPEC .bench = "insert", .metric = "cpu_ns_per_item", \
                    .ws_counter = "ws_bytes", .min_ratio = RULE_MIN_RATIO, \
                    .unit = "ns per operation", .npairs = 1

/* Both structures do O(n) work per insert or removal, so the claim is
 * about the constant: a list node from malloc, and one from a pool (no
 * malloc header or call), each against the array that moves its tail, in
 * CPU time per operation over N.  The working set of a size is the bytes
 * the larger structure holds (the list's, counted by the allocator). */
void judge_l2(const report_run *run, claim_result *out)
{
    static const sweep_spec malloced = {
        INSERT_SPEC, .pairs = {{"list", "array", "list / array"}},
    };
    static const sweep_spec pooled = {
        INSERT_SPEC, .pairs = {{"list_pool", "array", "pooled list / array"}},
    };
    static const sweep_spec *const specs[] = {&malloced, &pooled};
    static const char *const names[] = {"list nodes from malloc",
                                        "list nodes from a pool"};
    sweep_claim_parts(specs, names, 2, run, out);
}
