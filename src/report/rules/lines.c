/* rules/lines.c - the rule of the claim the lines bench decides (A5). */
#include "report/exact.h"
#include "report/rules.h"
#include "report/sweep.h"

#include <stdio.h>

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
            snprintf(copy, sizeof copy, "lines/copy/%s/%.0f", dists[d], args[i]);
            snprintf(view, sizeof view, "lines/view/%s/%.0f", dists[d], args[i]);
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
    verdict_combine(&out->v, parts, names, 1 + NDISTS);
    for (size_t i = 0; i < 1 + NDISTS; i++)
        verdict_free(&parts[i]);
}
