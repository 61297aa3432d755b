/* rules/stride.c - the rule of the claim the stride bench decides (L6). */
#include "report/levels.h"
#include "report/rules.h"
#include "report/significance.h"

/* A read of the value next to one just read costs "almost nothing": at
 * stride 4 B (sixteen reads per 64-byte line) a read must cost at most
 * half of one at the line stride, where every read fetches a line. */
#define L6_MIN_RATIO 2.0

/* The bench's own summary of the read curve: the stride where it stops
 * rising and the line size the system reports.  False when absent. */
static bool stride_levels(const report_run *run, double *bend, double *line)
{
    double args[4];
    if (report_run_args(run, "stride/levels", args, 4) == 0)
        return false;
    char name[96];
    report_case_name_at(name, sizeof name, args[0], "stride/levels");
    summary b, l;
    if (report_run_summary(run, name, "bend_line_bytes", &b) != SAMPLE_OK ||
        report_run_summary(run, name, "line_bytes", &l) != SAMPLE_OK || l.median <= 0)
        return false;
    *bend = b.median;
    *line = l.median;
    return true;
}

/* CPU time per read at stride 4 B against the line stride, over a buffer
 * far past the caches; then where the bench found the curve's bend: at
 * the line or its double (the adjacent-line prefetcher fetches lines in
 * pairs) the claim holds; elsewhere it holds only for reads closer
 * together than that bend. */
void judge_l6(const report_run *run, claim_result *out)
{
    double bend, line;
    claim_result_measure(out, "ns per read", L6_MIN_RATIO);
    if (!stride_levels(run, &bend, &line)) {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "no stride/levels case with "
                    "bend_line_bytes and line_bytes in stride.json");
        return;
    }
    char near_name[96], line_name[96];
    report_case_name_at(near_name, sizeof near_name, 4, "stride/read");
    report_case_name_at(line_name, sizeof line_name, line, "stride/read");
    summary near, whole;
    sample_status sn = report_run_summary(run, near_name, "cpu_ns_per_item", &near);
    sample_status sl = report_run_summary(run, line_name, "cpu_ns_per_item", &whole);
    if (sn != SAMPLE_OK || sl != SAMPLE_OK) {
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "%s %s",
                    sn != SAMPLE_OK ? near_name : line_name,
                    (sn != SAMPLE_OK ? sn : sl) == SAMPLE_FAILED ? "failed its check"
                                                                 : "is missing");
        return;
    }
    case_comparison cmp;
    compare_cases(run, line_name, near_name, "cpu_ns_per_item", L6_MIN_RATIO, &cmp);

    double ratio = whole.median / near.median;
    bool bend_at_line = bend >= line && bend <= 2 * line;
    switch (cmp.status) {
    case COMPARE_HOLDS:
        if (bend_at_line)
            verdict_set(&out->v, VERDICT_HOLDS, NULL);
        else
            verdict_set(&out->v, VERDICT_HOLDS_ONLY_WHEN, "the reads are closer than "
                        "%.0f B: the read curve keeps rising until that stride "
                        "(%.1f lines), not only up to the %.0f B line or its double",
                        bend, bend / line, line);
        break;
    case COMPARE_NOISE:
        verdict_set(&out->v, VERDICT_WITHIN_NOISE, NULL);
        break;
    default:
        verdict_set(&out->v, VERDICT_DOES_NOT_HOLD, NULL);
        text_printf(&out->v.note, "a read at stride %.0f B costs %.2fx one at 4 B; "
                    "the rule asks for at least %.1fx", line, ratio, L6_MIN_RATIO);
        break;
    }
    if (out->v.kind != VERDICT_HOLDS_ONLY_WHEN && !bend_at_line)
        text_printf(&out->v.note, "%sthe read curve bends at %.0f B, not at the "
                    "%.0f B line or its double", out->v.note.len ? "; " : "", bend, line);

    text_printf(&out->figures, "%.2f ns per read at stride 4 B, %.2f ns at %.0f B "
                "(%.1fx); bend at %.0f B", near.median, whole.median, line, ratio, bend);
    text_printf(&out->body,
                "CPU time per read over the bench's buffer (far past the caches), "
                "median and range over repetitions:\n\n"
                "| stride | ns per read | range |\n|---|---|---|\n"
                "| 4 B | %.3f | %.3f .. %.3f |\n| %.0f B (line) | %.3f | %.3f .. %.3f |\n\n"
                "One read per line costs **%.2fx** a read of its neighbour (the rule "
                "asks for at least %.1fx, with the ratio's 95%% bootstrap interval "
                "above 1). The bench finds the read "
                "curve stops rising at a stride of %.0f B (%.1f lines of %.0f B); the "
                "rule expects the line or its double.\n\n",
                near.median, near.min, near.max, line, whole.median, whole.min,
                whole.max, ratio, L6_MIN_RATIO, bend, bend / line, line);
}
