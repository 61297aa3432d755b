/* rules.c - THE table of claims and their rules, and the out-of-scope list. */
#include "rules.h"

#include <string.h>

/*
 * One row per claim id of docs/claims.md, in its order.  A row whose judge
 * is NULL is reported as "not measured" (its bench not run, or its rule
 * not written yet); docs/claims.md states the rule each will apply.
 */
const claim_rule claim_rules[] = {
    {"L1", "Walking a linked list is slower than walking an array of the same "
           "values, though both are O(n)",
     "traverse", {"traverse"}, judge_l1},
    {"L2", "Big-O is not the whole story: an array with memmove beats a linked "
           "list at inserts in the middle",
     "insert", {"insert", "insert_ratio"}, judge_l2},
    {"L3", "Iterating an array of records is cheaper than iterating an array "
           "of pointers to the same records",
     "traverse", {"traverse"}, judge_l3},
    {"L4", "A Python-style list (pointers to objects with a refcount and a "
           "type) costs far more memory and time than a compact array",
     "traverse", {"traverse", "traverse_bytes", "crosscheck"}, judge_l4},
    {"L5", "Array libraries are fast because their data is compact, not "
           "because of the language",
     "traverse", {"traverse"}, judge_l5},
    {"L6", "Memory moves a cache line at a time, so neighbouring values come "
           "almost free",
     "stride", {"stride", "stride_bandwidth"}, judge_l6},
    {"G1", "Appending past capacity allocates a new block and copies every "
           "element into it",
     "growth", {"growth_staircase", "growth_copies"}, judge_g1},
    {"G2", "Reserving the final size up front makes appends cheaper",
     "growth", {"growth_time", "growth_time_user", "growth_rss"}, judge_g2},
    {"G3", "A small view into a big array keeps all of it alive; a copy of "
           "the small part does not",
     "growth", {"growth_views"}, judge_g3},
    {"G4", "Copying a slice header shares the elements; copying an array "
           "duplicates them",
     "growth", {NULL}, judge_g4},
    {"A1", "Reference counting frees an object as soon as its last reference "
           "goes",
     "alloc", {NULL}, judge_a1},
    {"A2", "Reference counting alone never frees a cycle", "alloc", {"alloc_cycles"},
     judge_a2},
    {"A3", "Many small allocations cost more than a few large ones (arena, "
           "pool)",
     "alloc", {"alloc", "alloc_memory"}, judge_a3},
    {"A4", "A value that escapes to the heap costs an allocation; one on the "
           "stack does not",
     "escape", {"escape"}, judge_a4},
    {"A5", "A new string per line allocates per line; working on the bytes in "
           "place does not",
     "lines", {"lines"}, judge_a5},
    {"S1", "Reading a file whole needs memory the size of the file; streaming "
           "needs a fixed amount",
     "stream", {"stream_memory", "stream"}, judge_s1},
    {"S2", "A line scanner with a fixed limit breaks on long lines unless its "
           "buffer may grow",
     "stream", {"stream_longlines"}, judge_s2},
    {"S3", "A bounded queue keeps memory bounded under a slow consumer; an "
           "unbounded one grows",
     "queue", {"queue", "queue_throughput"}, judge_s3},
    {"S4", "A bounded pool of workers beats one thread per item", "queue",
     {"queue_throughput", "queue_workers"}, judge_s4},
    {"C1", "Allocating a temporary per item makes the collector run more often "
           "and costs time", "gc", {"gc_churn"}, judge_c1},
    {"C2", "An object graph costs the collector more marking and heap than a "
           "flat pointer-free array", "gc", {"gc_layouts"}, judge_c2},
    {"C3", "References kept alive keep memory and collector work", "gc",
     {"gc_cache"}, judge_c3},
    {"C4", "Pauses grow with the live heap; incremental or parallel marking "
           "shortens them", "gc", {"gc_pauses"}, judge_c4},
    {"C5", "A tracing collector frees the cycles reference counting leaks (A2, "
           "second half)", "gc", {NULL}, judge_c5},
    {"A6", "A line kept as a view into a reused scanner buffer is overwritten by "
           "later reads; a copy keeps it", "lines", {"lines_keep"}, judge_a6},
    {"S5", "Under a memory limit smaller than the file, reading it whole fails; "
           "streaming completes (S1 as told)", "stream", {"stream_limit"}, judge_s5},
    {"S6", "A pool of workers speeds up per-line work, up to the CPUs available "
           "(S4's purpose)", "queue", {"queue_speedup"}, judge_s6},
    {"L7", "__slots__ objects are smaller and faster to read than dict-backed "
           "instances (real CPython)", "traverse", {"crosscheck"}, judge_l7},
    {"X1", "Read bandwidth falls with the stride within a line and with each cache "
           "level (the memory mountain)",
     "gallery", {"gallery_mountain", "gallery_heatmap"}, judge_x1},
    {"X2", "Independent misses overlap: several chases at once cost less per load "
           "than one", "gallery", {"gallery_mlp"}, judge_x2},
    {"X3", "Rows a power of two apart collide in one cache set (associativity)",
     "gallery", {"gallery_assoc"}, judge_x3},
    {"X4", "Threads writing to one cache line slow each other (false sharing)",
     "gallery", {"gallery_falseshare"}, judge_x4},
    {"X5", "The prefetcher hides the latency of predictable walks, not of random "
           "ones", "gallery", {"gallery_prefetch"}, judge_x5},
    {"X6", "Crossing pages costs TLB misses; huge pages extend the TLB's reach",
     "gallery", {"gallery_tlb"}, judge_x6},
    {"X7", "A plain store first reads its line; streaming stores do not", "gallery",
     {"gallery_writes"}, judge_x7},
};
const size_t claim_rule_count = sizeof claim_rules / sizeof claim_rules[0];

const claim_out_of_scope claims_out_of_scope[] = {
    {"Go runs CPU-bound work about 5-10x faster than Python", "001, 003, 004",
     "a claim about two language runtimes, which a C suite can only model; L4 "
     "and L5 measure the part of it that is memory layout"},
    {"A Go net/http server serves about 7x the requests per second of Flask",
     "004", "an HTTP throughput claim, not a memory-layout one"},
    {"Go's concurrent mark-and-sweep collector keeps pauses short", "000",
     "a claim about Go's own collector, which needs the Go runtime; C4 measures "
     "the general part (pauses against the live heap, incremental and parallel "
     "against stop-the-world) with the Boehm collector"},
    {"The process \"gets killed\" (the OOM killer's SIGKILL)", "000",
     "the kill needs a memory cgroup, and a benchmark run cannot count on a "
     "writable cgroup hierarchy; S5 measures the same limit with RLIMIT_AS, "
     "where the allocation is refused instead"},
};
const size_t claims_out_of_scope_count =
    sizeof claims_out_of_scope / sizeof claims_out_of_scope[0];

const claim_rule *claim_rule_find(const char *id)
{
    for (size_t i = 0; i < claim_rule_count; i++)
        if (strcmp(claim_rules[i].id, id) == 0)
            return &claim_rules[i];
    return NULL;
}

void claim_judge(const claim_rule *rule, const report_run *run, claim_result *out)
{
    claim_result_init(out);
    if (!report_run_has_bench(run, rule->bench))
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no %s.json in this run "
                    "(make bench BENCH=%s)", rule->bench, rule->bench);
    else if (!rule->judge)
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "%s.json is here, but its "
                    "rule is not written yet (docs/claims.md)", rule->bench);
    else
        rule->judge(run, out);
}
