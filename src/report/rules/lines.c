/* rules/lines.c - the rules of the claims the lines bench decides (A5, A6). */
#include "report/exact.h"
#include "report/rules.h"
#include "report/sweep.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define LINES_MAX_SIZES 16

/* The line-length distributions of benches/lines.c, each its own part. */
static const char *const dists[] = {"short", "medium", "long", "skewed"};
#define NDISTS (sizeof dists / sizeof dists[0])

/* A fresh string per line is one allocation per line; a view into the
 * reader's buffer is none (the buffer's own allocations, spread over the
 * lines, stay far below one in a hundred). */
#define A5_COPY_MIN 0.99
#define A5_VIEW_MAX 0.01

static void a5_allocations(const report_run *run, verdict *v, claim_result *out)
{
    exact_check c = EXACT_CHECK_INIT;
    for (size_t d = 0; d < NDISTS; d++) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "lines/copy/%s", dists[d]);
        double args[LINES_MAX_SIZES];
        size_t n = report_run_args(run, prefix, args, LINES_MAX_SIZES);
        if (n == 0 && c.missing.len == 0)
            text_printf(&c.missing, "no case %s/<bytes> in the run", prefix);
        for (size_t i = 0; i < n && i < LINES_MAX_SIZES; i++) {
            char copy[96], view[96];
            report_case_name_at(copy, sizeof copy, args[i], "lines/copy/%s", dists[d]);
            report_case_name_at(view, sizeof view, args[i], "lines/view/%s", dists[d]);
            double ac, av;
            if (!exact_read(&c, run, copy, "allocs_per_line", &ac, NULL) ||
                !exact_read(&c, run, view, "allocs_per_line", &av, NULL))
                break;
            exact_record(&c, ac >= A5_COPY_MIN && av <= A5_VIEW_MAX,
                         "%s lines, %.0f bytes (copy %.4g, view %.2g)", dists[d],
                         args[i], ac, av);
        }
    }
    exact_verdict(&c, "lines/<copy|view>/<dist>/<bytes>", v);
    text_printf(&out->body, "#### Allocations\n\nRule: allocations per line "
                "(exact, the reader's buffer included) at least %.2f for a copy "
                "per line and at most %.2f for a view, for every line-length "
                "distribution and text size.\n\n", A5_COPY_MIN, A5_VIEW_MAX);
    if (c.held)
        text_printf(&out->body, "Met for %s.\n\n", text_str(&c.held_at));
    if (v->kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "allocations per line as the rule says in %zu "
                    "of %zu cases", c.held, c.held + c.failed);
    exact_markdown(&c, v, &out->body);
    exact_check_free(&c);
}

/* A copy per line against a view, in allocations (exact) and in CPU time
 * per line for each line-length distribution (a part each: a copy costs
 * more, relatively, when lines are short). */
void judge_a5(const report_run *run, claim_result *out)
{
    static const sweep_spec specs[NDISTS] = {
#define LINES_SPEC .bench = "lines", .metric = "cpu_ns_per_item", \
                   .ws_counter = "peak_bytes", .min_ratio = RULE_MIN_RATIO, .npairs = 1, \
                   .unit = "ns per line", .no_levels = true
        {LINES_SPEC, .pairs = {{"copy/short", "view/short", "copy / view, short lines"}}},
        {LINES_SPEC, .pairs = {{"copy/medium", "view/medium", "copy / view, medium lines"}}},
        {LINES_SPEC, .pairs = {{"copy/long", "view/long", "copy / view, long lines"}}},
        {LINES_SPEC, .pairs = {{"copy/skewed", "view/skewed", "copy / view, skewed lines"}}},
#undef LINES_SPEC
    };
    static const char *const names[1 + NDISTS] = {
        "allocations", "time with short lines (0-16 B)", "time with medium lines (40-120 B)",
        "time with long lines (500-1500 B)", "time with skewed lines (a few of 64-192 KiB)"};
    verdict parts[1 + NDISTS] = {VERDICT_INIT, VERDICT_INIT, VERDICT_INIT, VERDICT_INIT,
                                 VERDICT_INIT};
    a5_allocations(run, &parts[0], out);
    for (size_t d = 0; d < NDISTS; d++)
        sweep_claim_part(&specs[d], run, names[1 + d], &parts[1 + d], out);
    verdict_combine_free(&out->v, parts, names, 1 + NDISTS);
}

/* The distributions A6 keeps lines of (no line longer than the buffer). */
static const char *const keep_dists[] = {"short", "medium", "long"};
#define NKEEP (sizeof keep_dists / sizeof keep_dists[0])

/* One size of one distribution: the rule's outcome, a table row. */
static void a6_size(const report_run *run, const char *dist, double arg, exact_check *c,
                    size_t *judged, text *row, text *figures, data_table *t)
{
    char v[96], k[96];
    report_case_name_at(v, sizeof v, arg, "lines/keep_view/%s", dist);
    report_case_name_at(k, sizeof k, arg, "lines/keep_copy/%s", dist);
    double lines, intact, later, other, buffer, copy_lines, copy_intact, first;
    if (!exact_read(c, run, v, "lines", &lines, NULL) ||
        !exact_read(c, run, v, "kept_intact", &intact, NULL) ||
        !exact_read(c, run, v, "kept_later_text", &later, NULL) ||
        !exact_read(c, run, v, "kept_other", &other, NULL) ||
        !exact_read(c, run, v, "first_overwritten", &first, NULL) ||
        !exact_read(c, run, v, "buffer_bytes", &buffer, NULL) ||
        !exact_read(c, run, k, "lines", &copy_lines, NULL) ||
        !exact_read(c, run, k, "kept_intact", &copy_intact, NULL))
        return;
    bool past = arg > buffer;
    bool copies_ok = copy_intact == copy_lines;
    /* Within one buffer nothing is refilled: shown, not judged, except
     * that the copies must be intact everywhere. */
    if (past) {
        exact_record(c, later > 0 && intact < lines && copies_ok,
                     "%s lines, %.0f KiB (%.0f of %.0f views read later text; %.0f of "
                     "%.0f copies intact)", dist, arg / 1024, later, lines, copy_intact,
                     copy_lines);
        (*judged)++;
    } else if (!copies_ok) {
        exact_record(c, false, "%s lines, %.0f KiB within one buffer (%.0f of %.0f "
                     "copies intact)", dist, arg / 1024, copy_intact, copy_lines);
    }
    summary sv, sk, bk;
    bool timed = report_run_summary(run, v, "cpu_ns_per_item", &sv) == SAMPLE_OK &&
                 report_run_summary(run, k, "cpu_ns_per_item", &sk) == SAMPLE_OK;
    bool bytes = report_run_summary(run, k, "bytes_per_line", &bk) == SAMPLE_OK;
    text_printf(row, "| %s | %.0f KiB%s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f of %.0f |",
                dist, arg / 1024, past ? "" : " (within the buffer)", lines, intact, later,
                other, first, copy_intact, copy_lines);
    if (timed)
        text_printf(row, " %.3g | %.3g | %+.3g |", sv.median, sk.median,
                    sk.median - sv.median);
    else
        text_printf(row, " - | - | - |");
    if (bytes)
        text_printf(row, " %.0f |\n", bk.median);
    else
        text_printf(row, " - |\n");
    data_table_text(t, dist);
    const double cells[] = {arg, buffer, lines, intact, later, other, first, copy_intact,
                            copy_lines, timed ? sv.median : NAN, timed ? sk.median : NAN,
                            bytes ? bk.median : NAN};
    for (size_t i = 0; i < sizeof cells / sizeof cells[0]; i++)
        data_table_number(t, cells[i]);
    if (past && strcmp(dist, "medium") == 0) {
        text_printf(figures, "medium lines, %.0f KiB of text: %.0f of %.0f kept views "
                    "read later text, %.0f their own line; %.0f of %.0f copies intact",
                    arg / 1024, later, lines, intact, copy_intact, copy_lines);
        if (timed)
            text_printf(figures, "; a copy costs %+.3g ns per line", sk.median - sv.median);
    }
}

/* A6: a view kept past later reads of a reused buffer reads what the
 * reader put in its place; a copy keeps its line.  Exact counts, no
 * spread: at every text longer than the reader's buffer, some kept views
 * read later text instead of their line; at every size, every copy reads
 * its line.  What the copy costs is shown beside, not judged. */
void judge_a6(const report_run *run, claim_result *out)
{
    exact_check c = EXACT_CHECK_INIT;
    size_t judged = 0;
    text rows = TEXT_INIT;
    /* The table below as data (report.json): bytes and counts, unrounded. */
    static const char *const columns[] = {
        "line lengths", "text bytes", "buffer bytes", "kept", "views intact",
        "views reading later text", "views overwritten in part",
        "first view overwritten after (reads)", "copies intact", "copies",
        "view CPU ns/line", "copy CPU ns/line", "copy bytes held per line"};
    data_table *t = claim_result_add_table(out, "Every text", false);
    data_table_columns(t, columns, sizeof columns / sizeof columns[0]);
    claim_result_measure(out, "kept lines", NAN);   /* exact: no threshold */
    for (size_t d = 0; d < NKEEP && c.missing.len == 0; d++) {
        char prefix[64];
        snprintf(prefix, sizeof prefix, "lines/keep_view/%s", keep_dists[d]);
        double args[LINES_MAX_SIZES];
        size_t n = exact_args(&c, run, prefix, "text bytes", args, LINES_MAX_SIZES);
        for (size_t i = 0; i < n && i < LINES_MAX_SIZES && c.missing.len == 0; i++)
            a6_size(run, keep_dists[d], args[i], &c, &judged, &rows, &out->figures, t);
    }
    exact_verdict(&c, "lines/<keep_view|keep_copy>/<dist>/<bytes>", &out->v);
    if (out->v.kind != VERDICT_NOT_MEASURED && judged == 0)
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no text was longer than the "
                    "reader's buffer, so no view could be overwritten");
    if (out->v.kind != VERDICT_NOT_MEASURED && out->figures.len == 0)
        text_printf(&out->figures, "%zu of %zu outcomes as the rule says", c.held,
                    c.held + c.failed);
    text_printf(&out->body, "Rule: every line of a text is kept until the pass ends, "
                "as the reader's view or as a copy (exact counts, one checked pass): "
                "at every text longer than the reader's buffer, some kept views read "
                "the later text the reader put in their place, not their own line; "
                "at every size, every copy reads its own line. Texts within one "
                "buffer are shown, not judged for the views: nothing is refilled, so "
                "every view still reads its line there (the mistake hides in small "
                "tests). The cost of a copy (CPU ns per line, copy - view; bytes "
                "held per line) is shown, not judged.\n\n"
                "| line lengths | text | kept | views intact | views reading later text | "
                "views overwritten in part | first view overwritten after (reads) | "
                "copies intact | view CPU ns/line | copy CPU ns/line | copy - view | "
                "copy bytes held per line |\n"
                "|---|---|---|---|---|---|---|---|---|---|---|---|\n%s\n",
                text_str(&rows));
    exact_markdown(&c, &out->v, &out->body);
    text_free(&rows);
    exact_check_free(&c);
}
