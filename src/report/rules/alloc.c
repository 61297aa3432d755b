/* rules/alloc.c - the rules of the claims the alloc bench decides (A1-A3). */
#include "report/exact.h"
#include "report/rules.h"
#include "report/sweep.h"
#include "report/table_md.h"

#include <math.h>
#include <stdio.h>

#define ALLOC_MAX_SIZES 64

/* Reference counting frees at the last release: after the root of a tree
 * of counted nodes is released, no node may still be allocated, and that
 * one release must have freed every node, at every tree size (exact
 * counts from the counting allocator). */
void judge_a1(const report_run *run, claim_result *out)
{
    static const char *const trees = "alloc/refcount";
    double args[ALLOC_MAX_SIZES];
    exact_check c = EXACT_CHECK_INIT;
    size_t n = exact_args(&c, run, trees, "objects", args, ALLOC_MAX_SIZES);
    static const char *const columns[] = {"objects", "live_after_drop", "freed_by_drop",
                                           "outcome"};
    data_table *t = claim_result_add_table(out, "Every tree size", false);
    data_table_columns(t, columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < n; i++) {
        double live, freed, objects;
        if (!exact_read_at(&c, run, trees, args[i], "live_after_drop", &live, NULL) ||
            !exact_read_at(&c, run, trees, args[i], "freed_by_drop", &freed, NULL) ||
            !exact_read_at(&c, run, trees, args[i], "objects", &objects, NULL))
            break;
        bool ok = live == 0 && freed == objects;
        if (ok)
            exact_record(&c, true, "%.0f objects", objects);
        else
            exact_record(&c, false, "%.0f objects (%.0f still live, %.0f freed)",
                         objects, live, freed);
        data_table_number(t, objects);
        data_table_number(t, live);
        data_table_number(t, freed);
        data_table_text(t, exact_outcome(ok));
    }
    exact_verdict(&c, "alloc/refcount/<objects>", &out->v);
    claim_result_measure(out, "objects", NAN);   /* exact: no threshold */
    if (out->v.kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "%zu of %zu tree sizes (%.0f to %.0f objects) "
                    "left nothing live and freed every node with the root's release",
                    c.held, c.held + c.failed, args[0], args[n - 1]);
    text_printf(&out->body, "Rule: after the root of a tree of reference-counted "
                "nodes is released, `live_after_drop` must be 0 and `freed_by_drop` "
                "must equal `objects`, at every tree size (exact counts, no spread).\n\n");
    data_table_markdown(t, &out->body);
    exact_markdown(&c, &out->v, &out->body);
    exact_check_free(&c);
}

/* Reference counting alone never frees a cycle: every object of a ring of
 * counted links stays allocated after the last outside reference goes,
 * while the same ring in an arena is gone after the arena's release. */
void judge_a2(const report_run *run, claim_result *out)
{
    static const char *const variants[2] = {"cycle_refcount", "cycle_arena"};
    exact_check c = EXACT_CHECK_INIT;
    size_t sizes[2] = {0, 0};
    static const char *const columns[] = {"ring", "objects", "leaked_objects",
                                           "leaked_objects wanted", "outcome"};
    data_table *t = claim_result_add_table(out, "Every ring", false);
    data_table_columns(t, columns, sizeof columns / sizeof columns[0]);
    for (int v = 0; v < 2; v++) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "alloc/%s", variants[v]);
        double args[ALLOC_MAX_SIZES];
        size_t n = exact_args(&c, run, prefix, "n", args, ALLOC_MAX_SIZES);
        sizes[v] = n;
        for (size_t i = 0; i < n; i++) {
            double leaked, objects;
            if (!exact_read_at(&c, run, prefix, args[i], "leaked_objects", &leaked, NULL) ||
                !exact_read_at(&c, run, prefix, args[i], "objects", &objects, NULL))
                break;
            double want = v == 0 ? objects : 0;
            const char *ring = v == 0 ? "counted ring" : "arena ring";
            exact_record(&c, leaked == want, "%s of %.0f (%.0f leaked)", ring, objects,
                         leaked);
            data_table_text(t, ring);
            data_table_number(t, objects);
            data_table_number(t, leaked);
            data_table_number(t, want);
            data_table_text(t, exact_outcome(leaked == want));
        }
    }
    exact_verdict(&c, "alloc/cycle_*/<n>", &out->v);
    claim_result_measure(out, "objects", NAN);   /* exact: no threshold */
    if (out->v.kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "%zu of %zu rings as the rule says: counted rings "
                    "leak every object (%zu sizes), arena rings none (%zu sizes)",
                    c.held, c.held + c.failed, sizes[0], sizes[1]);
    text_printf(&out->body, "Rule: a ring of n reference-counted links, dropped, must "
                "leave all n objects allocated (`leaked_objects` = n), and the same "
                "ring in an arena must leave none after the arena's release, at "
                "every n (exact counts, no spread).\n\n");
    data_table_markdown(t, &out->body);
    exact_markdown(&c, &out->v, &out->body);
    exact_check_free(&c);
}

/* Beside the timing: how many calls reached malloc per tree, at the
 * largest tree every strategy has (exact counts). */
static void a3_malloc_calls(const report_run *run, text *body)
{
    static const char *const strategies[] = {"malloc", "arena", "arena_reset", "pool"};
    double args[ALLOC_MAX_SIZES];
    size_t n = report_run_args(run, "alloc/malloc", args, ALLOC_MAX_SIZES);
    if (n > ALLOC_MAX_SIZES)
        n = ALLOC_MAX_SIZES;
    for (size_t i = n; i-- > 0;) {
        double calls[4];
        bool all = true;
        for (size_t s = 0; s < 4 && all; s++) {
            char name[96];
            summary v = {0, 0, 0, 0};
            report_case_name_at(name, sizeof name, args[i], "alloc/%s", strategies[s]);
            all = report_run_summary(run, name, "malloc_calls", &v) == SAMPLE_OK;
            calls[s] = v.median;
        }
        if (!all)
            continue;
        text_printf(body, "Calls that reached malloc for one tree of %.0f objects "
                    "(exact): malloc %.0f, arena %.0f, arena_reset %.0f, pool %.0f.\n\n",
                    args[i], calls[0], calls[1], calls[2], calls[3]);
        return;
    }
}

/* Many small allocations against a few large blocks: malloc and free per
 * node against each strategy that carves nodes from blocks, timed over
 * the whole build + walk + teardown, at every tree size.  Each strategy
 * is a part; the working set is the bytes held at the peak. */
void judge_a3(const report_run *run, claim_result *out)
{
#define ALLOC_SPEC .bench = "alloc", .metric = "cpu_ns_per_item", \
                   .ws_counter = "peak_bytes", .min_ratio = RULE_MIN_RATIO, \
                   .unit = "ns per object", .no_levels = true
    static const sweep_spec arena = {
        ALLOC_SPEC, .pairs = {{"malloc", "arena", "malloc / arena"}}, .npairs = 1,
    };
    static const sweep_spec reset = {
        ALLOC_SPEC, .pairs = {{"malloc", "arena_reset", "malloc / reused arena"}},
        .npairs = 1,
    };
    static const sweep_spec pool = {
        ALLOC_SPEC, .pairs = {{"malloc", "pool", "malloc / pool"}}, .npairs = 1,
    };
#undef ALLOC_SPEC
    static const sweep_spec *const specs[] = {&arena, &reset, &pool};
    static const char *const names[] = {"an arena released per tree",
                                        "an arena reset and reused",
                                        "a pool of fixed-size slots"};
    text_printf(&out->body, "Rule: CPU time per object of one build + walk + "
                "teardown with malloc and free per node, against each strategy "
                "that hands out nodes from a few large blocks, at every tree size "
                "(malloc at least %.2fx slower, the ratio's 95%% bootstrap interval "
                "above 1).\n\n", RULE_MIN_RATIO);
    sweep_claim_parts(specs, names, 3, run, out);
    a3_malloc_calls(run, &out->body);
}
