/* rules/gc.c - the rules of the claims the gc bench decides (C1-C5). */
#include "report/exact.h"
#include "report/rules.h"
#include "report/significance.h"
#include "report/sweep.h"

#include <math.h>

#define GC_MAX_SIZES 16

/* Thresholds, fixed before measuring (docs/claims.md, C1-C5). */
/* C2, C3: a layout or cache that holds more must hold at least this many
 * times the other's live bytes. */
#define GC_MIN_HEAP_RATIO 1.5
#define C3_MIN_HEAP_RATIO 4.0
/* C4: the longest stop at the largest live heap against the smallest
 * (16 times the objects): at least twice as long. */
#define C4_MIN_GROWTH 2.0

/* A part decided by comparing two cases on one metric (significance.h):
 * holds when the interval is above 1 and the ratio reaches min_ratio,
 * within noise when the interval contains 1, else does not hold.  Writes
 * one table row into body. */
static void compared_part(const report_run *run, const char *costly, const char *cheap,
                          const char *metric, double min_ratio, verdict *v, text *body,
                          double *ratio)
{
    case_comparison cmp;
    sample_status st = compare_cases(run, costly, cheap, metric, min_ratio, &cmp);
    *ratio = 0;
    if (st != SAMPLE_OK) {
        verdict_set(v, VERDICT_NOT_MEASURED, "%s or %s has no %s (%s)", costly, cheap,
                    metric, st == SAMPLE_FAILED ? "failed its check" : "missing");
        return;
    }
    *ratio = cmp.cheap.median > 0 ? cmp.costly.median / cmp.cheap.median : 0;
    char ci[96] = "no interval";
    if (cmp.has_ci)
        stats_ratio_ci_format(&cmp.ci, ci, sizeof ci);
    text_printf(body, "| %s | %s | %.4g (%.4g-%.4g) | %.4g (%.4g-%.4g) | %s | %s |\n",
                metric, costly, cmp.costly.median, cmp.costly.min, cmp.costly.max,
                cmp.cheap.median, cmp.cheap.min, cmp.cheap.max, ci,
                compare_status_name(cmp.status));
    verdict_set(v, compare_verdict_kind(cmp.status), NULL);
    if (cmp.status == COMPARE_SMALL || cmp.status == COMPARE_AGAINST)
        text_printf(&v->note, "%s / %s = %.2f: %s", costly, cheap, *ratio,
                    compare_status_name(cmp.status));
}

static void compared_header(text *body, const char *title)
{
    text_printf(body, "#### %s\n\n| metric | case | median (range) | against: median "
                "(range) | ratio [95%% interval] | outcome |\n|---|---|---|---|---|---|\n",
                title);
}

/* Closes an exact part: its verdict, and the lines saying where it failed. */
static void exact_part(exact_check *c, const char *what, verdict *v, text *body)
{
    exact_verdict(c, what, v);
    exact_markdown(c, v, body);
}

/* C1: a temporary per item against a reused buffer.  Collections: at every
 * number of items the temporaries made the collector run (at least once,
 * and more than with the reused buffer), and more often at the largest
 * number than at the smallest.  Time per item: a timing comparison. */
void judge_c1(const report_run *run, claim_result *out)
{
    static const char *const names[2] = {"collections", "time per item"};
    verdict parts[2] = {VERDICT_INIT, VERDICT_INIT};
    double args[GC_MAX_SIZES];
    exact_check c = EXACT_CHECK_INIT;
    size_t n = exact_args(&c, run, "gc/temp", "items", args, GC_MAX_SIZES);
    text_printf(&out->body, "Rule: *collections* (counts from the collector): at every "
                "number of items, a temporary per item makes at least one collection "
                "and more than the reused buffer, and more at the largest number of "
                "items than at the smallest. *Time per item*: temp against reuse in "
                "CPU ns per item (threshold %.2f, 95%% interval clear of 1).\n\n"
                "| items | temp: collections | temp: ms in the collector | reuse: "
                "collections | reuse: ms |\n|---|---|---|---|---|\n", RULE_MIN_RATIO);
    double first = -1, last = 0, last_ms = 0, last_items = 0;
    for (size_t i = 0; i < n; i++) {
        double tc, tm, rc, rm;
        if (!exact_read_at(&c, run, "gc/temp", args[i], "collections", &tc, NULL) ||
            !exact_read_at(&c, run, "gc/temp", args[i], "gc_ms", &tm, NULL) ||
            !exact_read_at(&c, run, "gc/reuse", args[i], "collections", &rc, NULL) ||
            !exact_read_at(&c, run, "gc/reuse", args[i], "gc_ms", &rm, NULL))
            break;
        text_printf(&out->body, "| %.0f | %.1f | %.2f | %.1f | %.2f |\n", args[i], tc, tm,
                    rc, rm);
        exact_record(&c, tc >= 1 && tc > rc, "%.0f items (%.1f against %.1f collections)",
                     args[i], tc, rc);
        if (first < 0)
            first = tc;
        last = tc;
        last_ms = tm;
        last_items = args[i];
    }
    text_printf(&out->body, "\n");
    if (c.missing.len == 0 && n >= 2 && !(last > first))
        exact_record(&c, false, "collections did not grow with the items (%.1f at the "
                     "smallest, %.1f at the largest)", first, last);
    exact_part(&c, "gc/<temp|reuse>/<items>", &parts[0], &out->body);
    if (parts[0].kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "%.0f items: %.1f collections, %.1f ms in the "
                    "collector with a temporary per item", last_items, last, last_ms);
    exact_check_free(&c);

    /* One group, no cache level: the number of items varies, not the
     * working set (one item of 256 bytes, or one reused buffer, and a heap
     * the collector keeps at the same size at every number of items). */
    static const sweep_spec time = {
        .bench = "gc", .metric = "cpu_ns_per_item", .ws_counter = "ws_bytes",
        .min_ratio = RULE_MIN_RATIO, .unit = "ns per item", .no_levels = true,
        .pairs = {{"temp", "reuse", "temporary per item / reused buffer"}}, .npairs = 1,
    };
    sweep_claim_part(&time, run, names[1], &parts[1], out);
    claim_result_measure(out, "collections", NAN);
    verdict_combine_free(&out->v, parts, names, 2);
}

/* C2: the values as a list of objects or boxed behind pointers, against
 * one pointer-free array.  Mark time per value of a full collection: a
 * timing comparison over the sizes, both against the array.  Heap: each
 * holds at least GC_MIN_HEAP_RATIO times the array's live bytes. */
void judge_c2(const report_run *run, claim_result *out)
{
    static const char *const names[2] = {"mark time", "heap"};
    verdict parts[2] = {VERDICT_INIT, VERDICT_INIT};
    static const sweep_spec mark = {
        .bench = "gc", .metric = "mark_ns_per_value", .ws_counter = "ws_bytes",
        .min_ratio = RULE_MIN_RATIO, .unit = "ns of marking per value",
        .pairs = {{"graph", "atomic", "list of objects / pointer-free array"},
                  {"pointers", "atomic", "pointers to boxes / pointer-free array"}},
        .npairs = 2,
    };
    text_printf(&out->body, "Rule: *mark time*: ns of marking per value in one full "
                "collection, the list of objects and the array of pointers each against "
                "the pointer-free array (threshold %.2f, 95%% interval clear of 1), by "
                "level of the traced bytes. *Heap*: at every size, the list's and the "
                "pointers' live bytes at least %.1fx the array's.\n\n", RULE_MIN_RATIO,
                GC_MIN_HEAP_RATIO);
    sweep_claim_part(&mark, run, names[0], &parts[0], out);

    double args[GC_MAX_SIZES];
    exact_check c = EXACT_CHECK_INIT;
    size_t n = exact_args(&c, run, "gc/atomic", "values", args, GC_MAX_SIZES);
    text_printf(&out->body, "#### Heap\n\n| values | list: live bytes | pointers | "
                "pointer-free array |\n|---|---|---|---|\n");
    double lg = 0, lp = 0, la = 0, lv = 0;
    for (size_t i = 0; i < n; i++) {
        double bg, bp, ba;
        if (!exact_read_at(&c, run, "gc/graph", args[i], "live_bytes", &bg, NULL) ||
            !exact_read_at(&c, run, "gc/pointers", args[i], "live_bytes", &bp, NULL) ||
            !exact_read_at(&c, run, "gc/atomic", args[i], "live_bytes", &ba, NULL))
            break;
        text_printf(&out->body, "| %.0f | %.0f | %.0f | %.0f |\n", args[i], bg, bp, ba);
        exact_record(&c, bg >= GC_MIN_HEAP_RATIO * ba && bp >= GC_MIN_HEAP_RATIO * ba,
                     "%.0f values (list %.1fx, pointers %.1fx the array)", args[i],
                     ba > 0 ? bg / ba : 0, ba > 0 ? bp / ba : 0);
        lg = bg, lp = bp, la = ba, lv = args[i];
    }
    text_printf(&out->body, "\n");
    exact_part(&c, "gc/<graph|pointers|atomic>/<values>", &parts[1], &out->body);
    if (parts[1].kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "; live heap at %.0f values: list %.1f MiB, pointers "
                    "%.1f MiB, array %.1f MiB", lv, lg / 1048576, lp / 1048576,
                    la / 1048576);
    exact_check_free(&c);
    /* After the sweep: the threshold kept is the mark time's, by which its
     * levels are judged; the heap's ratio is in the figures. */
    claim_result_measure(out, "bytes", GC_MIN_HEAP_RATIO);
    verdict_combine_free(&out->v, parts, names, 2);
}

/* C3: a cache that keeps every result against one that keeps the last
 * few.  Memory: at every number of steps, the keeping cache's live bytes
 * are at least C3_MIN_HEAP_RATIO times the dropping one's (counts: where
 * the bytes sit in the caches does not change how many are kept).
 * Collector time: the time of one full collection with the cache alive
 * (collect_ms), keep against drop, judged per measured level of what the
 * collection traces (the keeping cache's live bytes, which grow with the
 * steps: 1.3 MiB to 131 MiB on the reference machine). */
void judge_c3(const report_run *run, claim_result *out)
{
    static const char *const names[2] = {"memory", "collector time"};
    verdict parts[2] = {VERDICT_INIT, VERDICT_INIT};
    double args[GC_MAX_SIZES];
    exact_check c = EXACT_CHECK_INIT;
    size_t n = exact_args(&c, run, "gc/keep", "steps", args, GC_MAX_SIZES);
    text_printf(&out->body, "Rule: *memory*: at every number of steps, the live bytes "
                "after a full collection of the cache that keeps every result are at "
                "least %.0fx those of the cache that keeps the last 16. *Collector "
                "time*: the time of one full collection with the cache alive "
                "(`collect_ms`), keep against drop (threshold %.2f, 95%% interval "
                "clear of 1), by measured level of the bytes the collection traces.\n\n"
                "#### Memory\n\n| steps | keep: live bytes | collect ms | drop: live "
                "bytes | collect ms |\n|---|---|---|---|---|\n",
                C3_MIN_HEAP_RATIO, RULE_MIN_RATIO);
    double lk = 0, ld = 0, ls = 0;
    for (size_t i = 0; i < n; i++) {
        double bk, bd, mk, md;
        if (!exact_read_at(&c, run, "gc/keep", args[i], "live_bytes", &bk, NULL) ||
            !exact_read_at(&c, run, "gc/drop", args[i], "live_bytes", &bd, NULL) ||
            !exact_read_at(&c, run, "gc/keep", args[i], "collect_ms", &mk, NULL) ||
            !exact_read_at(&c, run, "gc/drop", args[i], "collect_ms", &md, NULL))
            break;
        text_printf(&out->body, "| %.0f | %.0f | %.3f | %.0f | %.3f |\n", args[i], bk, mk,
                    bd, md);
        exact_record(&c, bk >= C3_MIN_HEAP_RATIO * bd, "%.0f steps (keep %.0f bytes, "
                     "drop %.0f)", args[i], bk, bd);
        lk = bk, ld = bd, ls = args[i];
    }
    text_printf(&out->body, "\n");
    exact_part(&c, "gc/<keep|drop>/<steps>", &parts[0], &out->body);
    if (parts[0].kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "live after %.0f steps: keep %.1f MiB, drop %.1f KiB",
                    ls, lk / 1048576, ld / 1024);
    exact_check_free(&c);

    static const sweep_spec time = {
        .bench = "gc", .metric = "collect_ms", .ws_counter = "ws_bytes",
        .min_ratio = RULE_MIN_RATIO, .unit = "ms per full collection",
        .pairs = {{"keep", "drop", "cache that keeps all / keeps 16"}}, .npairs = 1,
    };
    sweep_claim_part(&time, run, names[1], &parts[1], out);
    /* After the sweep, as for C2: its 1.10 stays the threshold. */
    claim_result_measure(out, "bytes", C3_MIN_HEAP_RATIO);
    verdict_combine_free(&out->v, parts, names, 2);
}

/* C4: pauses against the live heap.  Growth: the stop-the-world
 * collector's longest stop at the largest live heap against the smallest,
 * at least C4_MIN_GROWTH times (compared like a time).  Incremental, and
 * parallel marking: the stop-the-world collector's longest stop against
 * each, over the sizes (a timing comparison).  The total time each mode
 * took is printed, not judged. */
void judge_c4(const report_run *run, claim_result *out)
{
    static const char *const names[3] = {"growth with the live heap", "incremental",
                                          "parallel marking"};
    verdict parts[3] = {VERDICT_INIT, VERDICT_INIT, VERDICT_INIT};
    text_printf(&out->body, "Rule: *growth*: the stop-the-world collector's longest "
                "stop of the world (`longest_stop_ms`, from the collector's events) at "
                "the largest live heap at least %.1fx that at the smallest (95%% "
                "interval clear of 1). *Incremental* and *parallel marking*: the "
                "stop-the-world longest stop against each mode's, at every live heap "
                "(threshold %.2f). Total time is shown, not judged.\n\n", C4_MIN_GROWTH,
                RULE_MIN_RATIO);
    double args[GC_MAX_SIZES];
    exact_check c = EXACT_CHECK_INIT;
    size_t n = exact_args(&c, run, "gc/pause_stw", "live objects", args, GC_MAX_SIZES);
    if (n < 2) {
        verdict_set(&parts[0], VERDICT_NOT_MEASURED, "%s", c.missing.len
                    ? text_str(&c.missing) : "fewer than two live heap sizes");
    } else {
        char big[64], small[64];
        report_case_name_at(big, sizeof big, args[n - 1], "gc/pause_stw");
        report_case_name_at(small, sizeof small, args[0], "gc/pause_stw");
        compared_header(&out->body, "Growth with the live heap");
        double ratio;
        compared_part(run, big, small, "longest_stop_ms", C4_MIN_GROWTH, &parts[0],
                      &out->body, &ratio);
        text_printf(&out->body, "\n");
        if (parts[0].kind != VERDICT_NOT_MEASURED)
            text_printf(&out->figures, "stop-the-world longest stop %.1fx from %.0f to "
                        "%.0f live objects", ratio, args[0], args[n - 1]);
    }
    exact_check_free(&c);
    /* Both modes against stop-the-world on the same metric and sizes. */
#define PAUSE_SPEC .bench = "gc", .metric = "longest_stop_ms", .ws_counter = "ws_bytes", \
                   .min_ratio = RULE_MIN_RATIO, .unit = "ms of the longest stop", .npairs = 1
    static const sweep_spec inc = {
        PAUSE_SPEC,
        .pairs = {{"pause_stw", "pause_incremental", "stop-the-world / incremental"}},
    };
    static const sweep_spec par = {
        PAUSE_SPEC,
        .pairs = {{"pause_stw", "pause_parallel", "stop-the-world / parallel marking"}},
    };
#undef PAUSE_SPEC
    sweep_claim_part(&inc, run, names[1], &parts[1], out);
    sweep_claim_part(&par, run, names[2], &parts[2], out);

    /* The cost: total time of the same work in each mode. */
    text_printf(&out->body, "#### Cost in total time (not judged)\n\n| live objects | "
                "stop-the-world ms | incremental ms | parallel ms |\n|---|---|---|---|\n");
    for (size_t i = 0; i < n; i++) {
        static const char *const modes[3] = {"stw", "incremental", "parallel"};
        double ms[3] = {0, 0, 0};
        for (int m = 0; m < 3; m++) {
            char name[64];
            summary s;
            report_case_name_at(name, sizeof name, args[i], "gc/pause_%s", modes[m]);
            ms[m] = report_run_summary(run, name, "total_ms", &s) == SAMPLE_OK ? s.median : 0;
        }
        text_printf(&out->body, "| %.0f | %.1f | %.1f | %.1f |\n", args[i], ms[0], ms[1],
                    ms[2]);
    }
    text_printf(&out->body, "\n");
    verdict_combine_free(&out->v, parts, names, 3);
}

/* C5 (A2's second half): every link of every ring was still counted
 * (counting alone would leak it) and the collector reclaimed every one,
 * at every ring size (exact counts).  No cache level: the rings grow past
 * every cache, but a cache can make a collection slower, never leave a
 * link behind; and no threshold: every link, not a share of them. */
void judge_c5(const report_run *run, claim_result *out)
{
    double args[GC_MAX_SIZES];
    exact_check c = EXACT_CHECK_INIT;
    size_t n = exact_args(&c, run, "gc/rings", "links", args, GC_MAX_SIZES);
    for (size_t i = 0; i < n; i++) {
        double objects, counted, reclaimed;
        if (!exact_read_at(&c, run, "gc/rings", args[i], "objects", &objects, NULL) ||
            !exact_read_at(&c, run, "gc/rings", args[i], "counted_live", &counted, NULL) ||
            !exact_read_at(&c, run, "gc/rings", args[i], "reclaimed_objects", &reclaimed,
                           NULL))
            break;
        exact_record(&c, counted == objects && reclaimed == objects,
                     "%.0f links (%.0f still counted, %.0f reclaimed)", objects, counted,
                     reclaimed);
    }
    exact_verdict(&c, "gc/rings/<links>", &out->v);
    claim_result_measure(out, "links", NAN);   /* exact: no threshold */
    if (out->v.kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "%zu of %zu rings (%.0f to %.0f links) still counted "
                    "and wholly reclaimed by the collector", c.held, c.held + c.failed,
                    args[0], args[n - 1]);
    text_printf(&out->body, "Rule: a ring of n reference-counted links made under the "
                "collector and dropped must have every link still counted "
                "(`counted_live` = n: counting alone leaks them, A2) and every link "
                "reclaimed by full collections (`reclaimed_objects` = n), at every n "
                "(exact counts, no spread).\n\n");
    if (c.held)
        text_printf(&out->body, "As the rule says: %s.\n\n", text_str(&c.held_at));
    exact_markdown(&c, &out->v, &out->body);
    exact_check_free(&c);
}
