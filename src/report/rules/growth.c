/* rules/growth.c - the rules of the claims the growth bench decides (G1-G3). */
#include "report/exact.h"
#include "report/fault_share.h"
#include "report/levels.h"
#include "report/rules.h"
#include "report/sweep.h"
#include "report/table_md.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_SIZES 64

static const char *const growth_types[] = {"u64", "user"};
#define NTYPES (sizeof growth_types / sizeof growth_types[0])
static const char *const growing_policies[] = {"x2", "x1.5", "plus_k", "go", "cpython"};
#define NPOLICIES (sizeof growing_policies / sizeof growing_policies[0])
static const char *const growth_methods[] = {"copy", "realloc"};
#define NMETHODS (sizeof growth_methods / sizeof growth_methods[0])

/* Counter 'counter' of case 'name' (median over repetitions; the growth
 * counts are the same in every repetition; with 'whole' non-NULL, the
 * summary too).  False, with the reason as a "not measured" verdict in v,
 * when the case is missing, failed or lacks the counter. */
static bool exact_count(const report_run *run, const char *name, const char *counter,
                        double *out, summary *whole, verdict *v)
{
    summary s;
    sample_status st = report_run_summary(run, name, counter, &s);
    if (st == SAMPLE_OK) {
        *out = s.median;
        if (whole)
            *whole = s;
        return true;
    }
    verdict_set(v, VERDICT_NOT_MEASURED, "%s %s", name,
                st == SAMPLE_MISSING ? "is missing"
                : st == SAMPLE_FAILED ? "failed its check"
                                      : "has no such counter");
    if (st == SAMPLE_NO_METRIC)
        text_printf(&v->condition, " (%s)", counter);
    return false;
}

/* The sizes of the cases "<prefix>/<N>", ascending; 0 when none. */
static size_t growth_sizes(const report_run *run, const char *prefix, double *ns)
{
    size_t n = report_run_args(run, prefix, ns, MAX_SIZES);
    return n < MAX_SIZES ? n : MAX_SIZES;
}

/* Adds one failure to a list in note, at most 'shown' of them ("...").
 * Returns the new count. */
static size_t note_failure(text *note, size_t count, const char *what)
{
    enum { shown = 3 };
    if (count < shown)
        text_printf(note, "%s%s", count ? "; " : "", what);
    else if (count == shown)
        text_printf(note, "; ...");
    return count + 1;
}

/* --- G1: reallocation and copying, exact counts ---------------------------- */

/* The deciding counts of G1, one row per series (report.json's table,
 * shown in report.md): its sizes, the first capacity, the counts at its
 * largest N (NAN where the rule reads none: shown "-") and how many of
 * its cases went against the rule. */
static const char *const g1_columns[] = {
    "series", "sizes", "first capacity", "largest N", "reallocations",
    "moves", "bytes copied", "bytes held", "cases against the rule", "outcome"};

static void g1_row(data_table *t, const char *series, size_t sizes, double first_cap,
                   double largest, double reallocs, double moves, double copied,
                   double held, size_t against)
{
    data_table_text(t, series + strlen("growth/"));
    const double row[] = {(double)sizes, first_cap, largest, reallocs, moves, copied,
                          held, (double)against};
    for (size_t k = 0; k < sizeof row / sizeof row[0]; k++)
        data_table_number(t, row[k]);
    data_table_text(t, exact_outcome(against == 0));
}

/* One growing series "<type>/<policy>/<method>": the first capacity is
 * what its smallest build (N = 1) holds without growing; every larger N
 * must reallocate, no smaller N may.  By copy (the article's append),
 * every reallocation must also move the block and copy every element the
 * array held (bytes_copied = plan_bytes_held, the policy's bytes at its
 * growths).  By realloc, where the bytes go is realloc's decision: only
 * the reallocations are judged (g1_realloc says what it did).  Returns
 * false (v set) when a case is unreadable; failures are added to *failed
 * and note. */
static bool g1_series(const report_run *run, const char *type, const char *policy,
                      const char *method, size_t *checked, size_t *failed, text *note,
                      verdict *v, data_table *t)
{
    char prefix[96], name[128], what[192];
    snprintf(prefix, sizeof prefix, "growth/%s/%s/%s", type, policy, method);
    double ns[MAX_SIZES];
    size_t n = growth_sizes(run, prefix, ns);
    if (n == 0) {
        verdict_set(v, VERDICT_NOT_MEASURED, "no case %s/<N> in growth.json", prefix);
        return false;
    }
    bool by_copy = strcmp(method, "copy") == 0;
    double first_cap, first_reallocs;
    report_case_name_at(name, sizeof name, ns[0], "%s", prefix);
    if (!exact_count(run, name, "capacity", &first_cap, NULL, v) ||
        !exact_count(run, name, "reallocs", &first_reallocs, NULL, v))
        return false;
    if (first_reallocs > 0)
        first_cap = 0;   /* even the smallest build grew: every N must */
    size_t failed_before = *failed;
    double reallocs = 0, moves = NAN, copied = NAN, held = NAN;
    for (size_t i = 0; i < n; i++) {
        report_case_name_at(name, sizeof name, ns[i], "%s", prefix);
        if (!exact_count(run, name, "reallocs", &reallocs, NULL, v))
            return false;
        if (by_copy && (!exact_count(run, name, "moves", &moves, NULL, v) ||
                        !exact_count(run, name, "bytes_copied", &copied, NULL, v) ||
                        !exact_count(run, name, "plan_bytes_held", &held, NULL, v)))
            return false;
        bool past = ns[i] > first_cap;
        (*checked)++;
        if (past ? reallocs == 0 : reallocs != 0) {
            snprintf(what, sizeof what, "%s: %.0f reallocations%s", name, reallocs,
                     past ? " past the first capacity" : " within the first capacity");
            *failed = note_failure(note, *failed, what);
        } else if (by_copy && (nearbyint(moves) != reallocs || copied != held)) {
            snprintf(what, sizeof what, "%s: %.0f of %.0f reallocations moved, %.0f "
                     "of the %.0f bytes held copied", name, moves, reallocs, copied, held);
            *failed = note_failure(note, *failed, what);
        }
    }
    g1_row(t, prefix, n, first_cap, ns[n - 1], reallocs, moves, copied, held,
           *failed - failed_before);
    return true;
}

/* What realloc did instead, at the largest N of u64/x2/realloc (means
 * over builds): reallocations in place, moves, and how many of those
 * moved a mapped block (mremap: pages, no copy).  Reported, not judged:
 * the claim is about the copy; glibc decides this. */
static void g1_realloc(const report_run *run, text *figures, text *body)
{
    double ns[MAX_SIZES];
    size_t n = growth_sizes(run, "growth/u64/x2/realloc", ns);
    if (n == 0)
        return;
    char name[96];
    report_case_name_at(name, sizeof name, ns[n - 1], "growth/u64/x2/realloc");
    double reallocs, moves, large, relocated, remapped;
    verdict scratch = VERDICT_INIT;
    bool have = exact_count(run, name, "reallocs", &reallocs, NULL, &scratch) &&
                exact_count(run, name, "moves", &moves, NULL, &scratch) &&
                exact_count(run, name, "large_moves", &large, NULL, &scratch) &&
                exact_count(run, name, "bytes_relocated", &relocated, NULL, &scratch) &&
                exact_count(run, name, "bytes_remapped", &remapped, NULL, &scratch);
    verdict_free(&scratch);
    if (!have)
        return;
    char a[32], b[32];
    text_printf(figures, "; realloc at N = %.0f: %.0f of %.0f reallocations in place, "
                "%.0f moved by remapping pages, at most %s copied", ns[n - 1],
                reallocs - moves, reallocs, large, bytes_human(relocated - remapped, a,
                                                              sizeof a));
    text_printf(body, "Growing by realloc is not what the claim describes, and is "
                "not judged: realloc may grow a block in place, and glibc moves a "
                "block of its mmap threshold or more (pinned at 128 KiB by the "
                "bench) with mremap, which remaps pages instead of copying bytes. "
                "At N = %.0f (u64, x2): %.0f reallocations, %.0f in place, %.0f "
                "moved, %.0f of them mapped blocks (%s remapped); at most %s were "
                "copied (moves of smaller blocks).\n\n", ns[n - 1], reallocs,
                reallocs - moves, moves, large, bytes_human(remapped, a, sizeof a),
                bytes_human(relocated - remapped, b, sizeof b));
}

/* Every growing policy, both element types, both methods, must grow by
 * reallocating once N passes its first capacity, and by copy move and
 * copy every element held; the reserved array never reallocates (exact
 * counts: no spread). */
void judge_g1(const report_run *run, claim_result *out)
{
    size_t checked = 0, failed = 0;
    text note = TEXT_INIT;
    char name[128], what[192];
    claim_result_measure(out, "reallocations; bytes copied", NAN);   /* exact */
    data_table *table = claim_result_add_table(out, "Every series", false);
    data_table_columns(table, g1_columns, sizeof g1_columns / sizeof g1_columns[0]);
    for (size_t t = 0; t < NTYPES; t++)
        for (size_t p = 0; p < NPOLICIES; p++)
            for (size_t m = 0; m < NMETHODS; m++)
                if (!g1_series(run, growth_types[t], growing_policies[p],
                               growth_methods[m], &checked, &failed, &note, &out->v,
                               table))
                    goto unreadable;
    size_t prealloc_cases = 0;
    for (size_t t = 0; t < NTYPES; t++) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "growth/%s/prealloc", growth_types[t]);
        double ns[MAX_SIZES];
        size_t n = growth_sizes(run, prefix, ns);
        if (n == 0) {
            verdict_set(&out->v, VERDICT_NOT_MEASURED, "no case %s/<N> in growth.json",
                        prefix);
            goto unreadable;
        }
        size_t failed_before = failed;
        double reallocs = 0, copied = 0;
        for (size_t i = 0; i < n; i++) {
            report_case_name_at(name, sizeof name, ns[i], "%s", prefix);
            if (!exact_count(run, name, "reallocs", &reallocs, NULL, &out->v) ||
                !exact_count(run, name, "bytes_copied", &copied, NULL, &out->v))
                goto unreadable;
            prealloc_cases++;
            checked++;
            if (reallocs != 0 || copied != 0) {
                snprintf(what, sizeof what, "%s: %.0f reallocations, %.0f bytes copied",
                         name, reallocs, copied);
                failed = note_failure(&note, failed, what);
            }
        }
        g1_row(table, prefix, n, NAN, ns[n - 1], reallocs, NAN, copied, NAN,
               failed - failed_before);
    }

    verdict_set(&out->v, failed ? VERDICT_DOES_NOT_HOLD : VERDICT_HOLDS, NULL);
    if (failed)
        text_printf(&out->v.note, "%zu of %zu cases against the rule: %s", failed,
                    checked, text_str(&note));

    /* The figures: the largest u64 build by copy under x2, as the docs'
     * example of what growing costs. */
    double ns[MAX_SIZES], reallocs = 0, copied = 0;
    size_t n = growth_sizes(run, "growth/u64/x2/copy", ns);
    report_case_name_at(name, sizeof name, ns[n - 1], "growth/u64/x2/copy");
    verdict scratch = VERDICT_INIT;
    bool have = exact_count(run, name, "reallocs", &reallocs, NULL, &scratch) &&
                exact_count(run, name, "bytes_copied", &copied, NULL, &scratch);
    verdict_free(&scratch);
    text_printf(&out->figures, "%zu of %zu growing and reserved cases as the rule says",
                checked - failed, checked);
    if (have)
        text_printf(&out->figures, "; x2 by copy at N = %.0f: %.0f reallocations, "
                    "%.1f bytes copied per byte kept", ns[n - 1], reallocs,
                    copied / (8 * ns[n - 1]));
    text_printf(&out->body,
                "Rule, on exact counts (counting allocator), no spread: every "
                "growing policy (%zu series: u64 and user records, x2, x1.5, plus_k, "
                "go, cpython, by copy and by realloc) must reallocate at every N past "
                "the capacity its one-element build has; grown by copy (allocate, "
                "copy, free: Go's append), every reallocation must move the block "
                "and copy every element held (`bytes_copied` = `plan_bytes_held`); "
                "the reserved array (%zu cases) must never reallocate or copy. "
                "%zu of %zu cases do.\n\n",
                NTYPES * NPOLICIES * NMETHODS, prealloc_cases, checked - failed, checked);
    data_table_markdown(table, &out->body);
    if (failed)
        text_printf(&out->body, "Against the rule: %s.\n\n", text_str(&note));
    g1_realloc(run, &out->figures, &out->body);
    text_free(&note);
    return;

unreadable:
    text_printf(&out->body, "Not measured: %s.\n\n", text_str(&out->v.condition));
    text_free(&note);
}

/* --- G2: reserving up front ------------------------------------------------ */

/* How far a growing case's peak resident memory may fall below the
 * reserved array's and still count as "no less": the figure moves by tens
 * of pages from run to run (as for S1; until 2026-12-06 most of that was
 * the separate baseline child's, docs/measuring.md). */
#define G2_RSS_JITTER (0.25 * 1024 * 1024)

/* Peak resident memory (rss_over_baseline: a fresh child doing one build,
 * less what it held when the build began) of the reserved array against each growing
 * case's, at every N where both were measured (u64, the copy cases'
 * largest N).  Measured, not summed: a block realloc moved by remapping
 * its pages is not counted twice.  Holds when no growing case needs less
 * than the reserved array, less the baseline's jitter. */
static void g2_memory(const report_run *run, verdict *v, text *figures, text *body)
{
    size_t checked = 0, failed = 0;
    double worst[NMETHODS] = {0, 0}, at_n = 0, at_reserved = 0;
    text note = TEXT_INIT;
    char pre[96], grown[128], what[256], a[32], b[32];
    double ns[MAX_SIZES];
    size_t n = growth_sizes(run, "growth/u64/prealloc", ns);
    if (n == 0) {
        verdict_set(v, VERDICT_NOT_MEASURED, "no case growth/u64/prealloc/<N> in "
                    "growth.json");
        goto unreadable;
    }
    for (size_t i = 0; i < n; i++) {
        summary r;
        report_case_name_at(pre, sizeof pre, ns[i], "growth/u64/prealloc");
        /* Only one N has its resident memory measured. */
        if (report_run_summary(run, pre, "rss_over_baseline", &r) != SAMPLE_OK)
            continue;
        double reserved = r.median;
        for (size_t p = 0; p < NPOLICIES; p++)
            for (size_t m = 0; m < NMETHODS; m++) {
                summary g;
                report_case_name_at(grown, sizeof grown, ns[i], "growth/u64/%s/%s",
                                    growing_policies[p], growth_methods[m]);
                if (report_run_summary(run, grown, "rss_over_baseline", &g) != SAMPLE_OK)
                    continue;
                checked++;
                at_n = ns[i];
                at_reserved = reserved;
                if (reserved > 0 && g.median / reserved > worst[m])
                    worst[m] = g.median / reserved;
                if (g.median < reserved - G2_RSS_JITTER) {
                    snprintf(what, sizeof what, "%s: %s resident, reserved %s", grown,
                             bytes_human(g.median, a, sizeof a),
                             bytes_human(reserved, b, sizeof b));
                    failed = note_failure(&note, failed, what);
                }
            }
    }
    text_printf(body, "Rule: peak resident memory of one build in a fresh process, "
                "over its baseline (`rss_over_baseline`, one measurement per case; "
                "docs/measuring.md): no growing case below the reserved "
                "array's, less %.2f MiB for the figure's own jitter, at every N "
                "where both were measured.\n\n", G2_RSS_JITTER / (1024 * 1024));
    if (checked == 0) {
        verdict_set(v, VERDICT_NOT_MEASURED, "no growing case has rss_over_baseline "
                    "at an N where growth/u64/prealloc has it");
        goto unreadable;
    }
    verdict_set(v, failed ? VERDICT_DOES_NOT_HOLD : VERDICT_HOLDS, NULL);
    if (failed)
        text_printf(&v->note, "%zu of %zu comparisons against the rule: %s", failed,
                    checked, text_str(&note));
    text_printf(figures, "peak resident memory at N = %.0f: reserved %s, grown by "
                "copy up to %.2fx, by realloc up to %.2fx", at_n,
                bytes_human(at_reserved, a, sizeof a), worst[0], worst[1]);
    text_printf(body, "%zu comparisons, %zu as the rule says. At N = %.0f the "
                "reserved array's build needs %s; growing by copy up to %.2fx "
                "that (old and new blocks both resident during a copy), by realloc "
                "up to %.2fx (a moved mapped block is remapped, not doubled).\n\n",
                checked, checked - failed, at_n, bytes_human(at_reserved, a, sizeof a),
                worst[0], worst[1]);
    text_free(&note);
    return;

unreadable:
    text_printf(body, "Not measured: %s.\n\n", text_str(&v->condition));
    text_free(&note);
}

/* Time: one sweep per element type and growth method, each growing policy
 * against prealloc (the variants carry the type, "u64/x2/realloc", so
 * that the sweep finds growth.json and its cache sizes) (a size holds when every policy is slower there).
 * plus_k is left out of the timing: it stops at a smaller N than the
 * others, and a sweep only keeps the sizes every pair shares.  Memory:
 * measured peak resident memory (g2_memory). */
#define G2_SPEC(type, method)                                                      \
    {                                                                              \
        .bench = "growth", .metric = "cpu_ns_per_item",                            \
        .ws_counter = "peak_bytes", .min_ratio = RULE_MIN_RATIO,                   \
        .unit = "ns per append", .no_levels = true,                                \
        .pairs = {{type "/x2/" method, type "/prealloc", "x2 / reserved"},         \
                  {type "/x1.5/" method, type "/prealloc", "x1.5 / reserved"},     \
                  {type "/go/" method, type "/prealloc", "go / reserved"},         \
                  {type "/cpython/" method, type "/prealloc", "cpython / reserved"}}, \
        .npairs = 4,                                                               \
    }

/* Beside G2's times, what they are made of: at the reserved array's
 * largest N, how much of a build went on first-touch page faults,
 * reserved and doubled (by copy and by realloc): fresh blocks fault in
 * page by page, so at large N the faults, not the copying, can take most
 * of the time. */
static void g2_faults(const report_run *run, text *body)
{
    static const char *const variants[] = {"prealloc", "x2/copy", "x2/realloc"};
    static const char *const labels[] = {"reserved", "x2 by copy", "x2 by realloc"};
    enum { n = sizeof variants / sizeof variants[0] };
    double ns[MAX_SIZES];
    size_t sizes = growth_sizes(run, "growth/u64/prealloc", ns);
    if (sizes == 0)
        return;
    double at = ns[sizes - 1];
    char names[n][96], where[48];
    fault_case cases[n];
    for (size_t i = 0; i < n; i++) {
        report_case_name_at(names[i], sizeof names[i], at, "growth/u64/%s", variants[i]);
        cases[i] = (fault_case){names[i], labels[i], at};
    }
    snprintf(where, sizeof where, "N = %.0f 8-byte values", at);
    fault_share_paragraph(body, run, where, cases, n, "build");
}

void judge_g2(const report_run *run, claim_result *out)
{
    static const sweep_spec specs[] = {
        G2_SPEC("u64", "realloc"), G2_SPEC("u64", "copy"),
        G2_SPEC("user", "realloc"), G2_SPEC("user", "copy"),
    };
    /* No commas in the names: the verdict's line lists the parts within
     * noise with ", " between them. */
    static const char *const names[] = {
        "time of 8-byte values grown by realloc", "time of 8-byte values grown by copy",
        "time of User records grown by realloc", "time of User records grown by copy",
        "peak resident memory",
    };
    enum { nparts = sizeof names / sizeof names[0] };
    verdict parts[nparts];
    for (size_t i = 0; i < nparts; i++)
        parts[i] = (verdict)VERDICT_INIT;
    for (size_t i = 0; i + 1 < nparts; i++)
        sweep_claim_part(&specs[i], run, names[i], &parts[i], out);
    g2_faults(run, &out->body);
    text_printf(&out->figures, "%s", out->figures.len ? "; " : "");
    text_printf(&out->body, "#### Peak resident memory\n\n");
    g2_memory(run, &parts[nparts - 1], &out->figures, &out->body);
    verdict_combine_free(&out->v, parts, names, nparts);
}

/* --- G3: what a small view keeps alive -------------------------------------- */

/* A view must keep at least this many times the bytes a copy does: each
 * of the bench's buffers is 1 MiB and the view covers 10 elements, so a
 * real difference is thousands of times; 10x leaves room for the
 * process's own resident pages. */
#define G3_MIN_RATIO 10.0

/* Live heap bytes (exact) and peak resident memory (a child process per
 * repetition: ranges compared), keep_view against keep_copy at every M. */
void judge_g3(const report_run *run, claim_result *out)
{
    static const char *const names[] = {"live heap bytes", "resident memory"};
    verdict parts[2] = {VERDICT_INIT, VERDICT_INIT};
    double ms[MAX_SIZES];
    claim_result_measure(out, "bytes", G3_MIN_RATIO);
    size_t n = growth_sizes(run, "growth/views/keep_view", ms);
    if (n == 0) {
        verdict_set(&out->v, VERDICT_NOT_MEASURED,
                    "no case growth/views/keep_view/<M> in growth.json");
        return;
    }
    size_t live_held = 0, rss_held = 0, rss_noise = 0;
    text rss_at = TEXT_INIT;   /* the M where the resident memory shows it */
    text_printf(&out->body, "| buffers (1 MiB each) | live bytes, view | live bytes, "
                "copy | ratio | peak RSS, view | peak RSS, copy | ratio | RSS ranges |\n"
                "|---|---|---|---|---|---|---|---|\n");
    /* The same figures in bytes, as report.json's table (the markdown
     * above writes them for reading). */
    static const char *const columns[] = {
        "buffers", "live bytes, view", "live bytes, copy", "live ratio",
        "peak RSS over baseline, view", "peak RSS over baseline, copy", "RSS ratio",
        "RSS outcome"};
    data_table *t = claim_result_add_table(out, "Every number of buffers", false);
    data_table_columns(t, columns, sizeof columns / sizeof columns[0]);
    double first_live = 0, first_rss = 0;
    for (size_t i = 0; i < n; i++) {
        char view[96], copy[96], a[32], b[32], c[32], d[32];
        report_case_name_at(view, sizeof view, ms[i], "growth/views/keep_view");
        report_case_name_at(copy, sizeof copy, ms[i], "growth/views/keep_copy");
        double lv, lc, unused;
        summary rv, rc;
        if (!exact_count(run, view, "live_bytes", &lv, NULL, &out->v) ||
            !exact_count(run, copy, "live_bytes", &lc, NULL, &out->v) ||
            !exact_count(run, view, "rss_over_baseline", &unused, &rv, &out->v) ||
            !exact_count(run, copy, "rss_over_baseline", &unused, &rc, &out->v)) {
            text_printf(&out->body, "\nNot measured: %s.\n\n", text_str(&out->v.condition));
            text_free(&rss_at);
            return;
        }
        double live_ratio = lc > 0 ? lv / lc : (lv > 0 ? 1e300 : 0);
        compare_status rs = summary_compare(rv, rc, G3_MIN_RATIO);
        live_held += live_ratio >= G3_MIN_RATIO;
        if (rs == COMPARE_HOLDS)
            text_printf(&rss_at, "%s%.0f", rss_held++ ? ", " : "", ms[i]);
        rss_noise += rs == COMPARE_NOISE;
        if (i == 0) {
            first_live = live_ratio;
            first_rss = rc.median > 0 ? rv.median / rc.median : 0;
        }
        text_printf(&out->body, "| %.0f | %s | %s | %.0fx | %s | %s | %.1fx | %s |\n",
                    ms[i], bytes_human(lv, a, sizeof a), bytes_human(lc, b, sizeof b),
                    live_ratio, bytes_human(rv.median, c, sizeof c),
                    bytes_human(rc.median, d, sizeof d),
                    rc.median > 0 ? rv.median / rc.median : 0, compare_status_name(rs));
        const double row[] = {ms[i], lv, lc, lc > 0 ? lv / lc : NAN, rv.median, rc.median,
                              rc.median > 0 ? rv.median / rc.median : NAN};
        for (size_t k = 0; k < sizeof row / sizeof row[0]; k++)
            data_table_number(t, row[k]);
        data_table_text(t, compare_status_token(rs));
    }
    verdict_set(&parts[0], live_held == n ? VERDICT_HOLDS : VERDICT_DOES_NOT_HOLD, NULL);
    if (live_held != n)
        text_printf(&parts[0].note, "%zu of %zu sizes keep %.0fx the copy's bytes",
                    live_held, n, G3_MIN_RATIO);
    verdict_set(&parts[1], rss_held == n ? VERDICT_HOLDS
                           : rss_held > 0 ? VERDICT_HOLDS_ONLY_WHEN
                           : rss_noise * 2 > n ? VERDICT_WITHIN_NOISE
                                               : VERDICT_DOES_NOT_HOLD,
                NULL);
    if (parts[1].kind == VERDICT_HOLDS_ONLY_WHEN)
        text_printf(&parts[1].condition, "M is %s buffers of 1 MiB", text_str(&rss_at));
    text_free(&rss_at);
    verdict_combine_free(&out->v, parts, names, 2);
    text_printf(&out->figures, "at M = %.0f buffers: the views keep %.0fx the live "
                "bytes of the copies, %.1fx the resident memory", ms[0], first_live,
                first_rss);
    text_printf(&out->body, "\nThe rule: a view keeps at least %.0fx the live heap "
                "bytes (exact) of a copy at every M, and at least %.0fx the peak "
                "resident memory, ranges over repetitions apart.\n\n",
                G3_MIN_RATIO, G3_MIN_RATIO);
}

/* G4 is a fact of value semantics, not a cost: the growth bench performs
 * the article's two snippets and records, exactly, whether the original
 * saw the write made through the copy (1) or not (0).  It holds when the
 * copied slice header shares its elements and the copied array does not. */
void judge_g4(const report_run *run, claim_result *out)
{
    static const char *const name = "growth/slice/semantics/3";
    double header, array;
    if (!exact_count(run, name, "header_copy_shares", &header, NULL, &out->v) ||
        !exact_count(run, name, "array_copy_shares", &array, NULL, &out->v))
        return;
    bool ok = header == 1 && array == 0;
    claim_result_measure(out, "writes seen through a copy (0 or 1)", NAN);   /* exact */
    static const char *const columns[] = {"copy of", "counter", "write seen", "wanted",
                                           "outcome"};
    data_table *t = claim_result_add_table(out, "Both copies", false);
    data_table_columns(t, columns, sizeof columns / sizeof columns[0]);
    data_table_text(t, "a slice header");
    data_table_text(t, "header_copy_shares");
    data_table_number(t, header);
    data_table_number(t, 1);
    data_table_text(t, exact_outcome(header == 1));
    data_table_text(t, "an array");
    data_table_text(t, "array_copy_shares");
    data_table_number(t, array);
    data_table_number(t, 0);
    data_table_text(t, exact_outcome(array == 0));
    verdict_set(&out->v, ok ? VERDICT_HOLDS : VERDICT_DOES_NOT_HOLD,
                "a write through a copied slice header %s the original; "
                "through a copied array it %s",
                header == 1 ? "shows in" : "does not show in",
                array == 1 ? "shows too" : "does not");
    text_printf(&out->figures, "header copy shares the elements: %s; array copy shares "
                "them: %s (%s)", header == 1 ? "yes" : "no", array == 1 ? "yes" : "no", name);
    text_printf(&out->body, "The growth bench runs `b := a; b[0] = 99` on a slice "
                "header and on a 3-element array and records whether `a[0]` became 99 "
                "(`tests/test_slice.c` and `make slice-demo` show the same).\n\n");
    data_table_markdown(t, &out->body);
}
