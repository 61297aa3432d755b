/* rules/stream.c - the rules of the claims the stream bench decides (S1, S2, S5). */
#include "report/exact.h"
#include "report/fault_share.h"
#include "report/rules.h"
#include "report/table_md.h"

#include <math.h>
#include <stdio.h>

#define STREAM_MAX_SIZES 16
#define MIB (1024.0 * 1024.0)

/* Slurping holds the file: its own resident memory (over what its child
 * held when the pass began) must be at least this share of the file at
 * every size. */
#define S1_SLURP_MIN_SHARE 0.9
/* ...less this much: the figure moves by tens of pages from run to run
 * (with a separate baseline child, until 2026-12-06, a 1 MiB slurp
 * measured 0.89 to 0.99 MiB over six full runs), and the bare 0.9x would
 * flip on the smallest file. */
#define S1_BASELINE_JITTER (0.25 * MIB)
/* A streaming method's resident memory may grow this much past its figure
 * for the smallest file (allocator and stdio noise) and still count as
 * fixed. */
#define S1_STREAM_SLACK (4 * MIB)

/* The methods that read through a buffer of their own; mmap is reported
 * beside them (see judge_s1). */
static const char *const streaming[] = {"chunks", "reader", "getline"};
#define NSTREAMING (sizeof streaming / sizeof streaming[0])

/* Beside S1's memory, what its times are made of: at the largest file,
 * how much of each method's time per pass went on first-touch page
 * faults (slurp's fresh buffer faults in page by page).  mmap is left
 * out: its faults map pages the page cache holds, which the calibrated
 * cost of a fresh page does not price. */
static void s1_faults(const report_run *run, double file_bytes, text *body)
{
    static const char *const methods[] = {"slurp", "chunks", "reader", "getline"};
    enum { n = sizeof methods / sizeof methods[0] };
    char names[n][96], where[48];
    fault_case cases[n];
    for (size_t m = 0; m < n; m++) {
        report_case_name_at(names[m], sizeof names[m], file_bytes, "stream/%s", methods[m]);
        cases[m] = (fault_case){names[m], methods[m], file_bytes};
    }
    snprintf(where, sizeof where, "%.0f MiB", file_bytes / MIB);
    fault_share_paragraph(body, run, where, cases, n, "pass");
}

/* Peak resident memory against file size (measured once per case in a
 * fresh process, so no spread): slurp grows with the file, each
 * buffered streaming method stays within a fixed bound. */
void judge_s1(const report_run *run, claim_result *out)
{
    double args[STREAM_MAX_SIZES];
    exact_check c = EXACT_CHECK_INIT;
    size_t n = exact_args(&c, run, "stream/slurp", "file bytes", args, STREAM_MAX_SIZES);
    text_printf(&out->body, "Rule: peak resident memory of one pass in a fresh "
                "process, over its baseline (`rss_over_baseline`, one "
                "measurement per case, no spread; docs/measuring.md): "
                "slurp's at least %.1fx the file, less %.2f MiB for the "
                "figure's own jitter, at every file size; chunks', "
                "reader's and getline's at most their figure for the smallest "
                "file plus %.0f MiB, up to the largest file.\n\n",
                S1_SLURP_MIN_SHARE, S1_BASELINE_JITTER / MIB, S1_STREAM_SLACK / MIB);
    text_printf(&out->body, "| file | slurp | chunks | reader | getline | mmap |\n"
                            "|---|---|---|---|---|---|\n");
    /* The same figures in bytes, as report.json's table (the markdown
     * above rounds them to MiB for reading). */
    static const char *const columns[] = {"file bytes", "slurp", "chunks", "reader",
                                           "getline", "mmap"};
    data_table *t = claim_result_add_table(out, "Peak resident bytes over the baseline, "
                                           "by file size", false);
    data_table_columns(t, columns, sizeof columns / sizeof columns[0]);
    double first[NSTREAMING] = {0};
    double slurp_last = 0, file_last = 0, stream_max = 0;
    for (size_t i = 0; i < n && c.missing.len == 0; i++) {
        double file, slurp;
        if (!exact_read_at(&c, run, "stream/slurp", args[i], "rss_over_baseline", &slurp,
                           NULL) ||
            !exact_read_at(&c, run, "stream/slurp", args[i], "file_bytes", &file, NULL))
            break;
        exact_record(&c, slurp >= S1_SLURP_MIN_SHARE * file - S1_BASELINE_JITTER,
                     "slurp of %.0f MiB (%.1f MiB)", file / MIB, slurp / MIB);
        text_printf(&out->body, "| %.0f MiB | %.1f MiB", file / MIB, slurp / MIB);
        data_table_number(t, file);
        data_table_number(t, slurp);
        slurp_last = slurp;
        file_last = file;
        for (size_t m = 0; m < NSTREAMING; m++) {
            char name[96];
            double rss;
            report_case_name_at(name, sizeof name, args[i], "stream/%s", streaming[m]);
            if (!exact_read(&c, run, name, "rss_over_baseline", &rss, NULL))
                break;
            if (rss > stream_max)
                stream_max = rss;
            if (i == 0)
                first[m] = rss;   /* the bound: judged from the next size on */
            else
                exact_record(&c, rss <= first[m] + S1_STREAM_SLACK, "%s at %.0f MiB "
                             "(%.1f MiB)", streaming[m], file / MIB, rss / MIB);
            text_printf(&out->body, " | %.1f MiB", rss / MIB);
            data_table_number(t, rss);
        }
        if (c.missing.len)
            break;
        /* NAN when mmap was not measured at this size: "-" here, null in the JSON. */
        double mm = report_run_median_at(run, "stream/mmap", args[i], "rss_over_baseline");
        if (!isnan(mm))
            text_printf(&out->body, " | %.1f MiB |\n", mm / MIB);
        else
            text_printf(&out->body, " | - |\n");
        data_table_number(t, mm);
    }
    text_printf(&out->body, "\n");
    exact_verdict(&c, "stream/<method>/<file bytes>", &out->v);
    claim_result_measure(out, "bytes over baseline", NAN);   /* exact: no threshold */
    if (out->v.kind != VERDICT_NOT_MEASURED && n < 2)
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "one file size only: whether "
                    "memory grows with the file needs two");
    if (out->v.kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "at %.0f MiB, slurp %.1f MiB resident, the "
                    "buffered streaming methods at most %.1f MiB",
                    file_last / MIB, slurp_last / MIB, stream_max / MIB);
    if (file_last > 0)
        s1_faults(run, file_last, &out->body);
    text_printf(&out->body, "mmap is shown but not judged: the pages it maps "
                "are the page cache's, counted as resident while mapped though "
                "the kernel may drop them at any time, so its resident memory "
                "grows with the file without the process owning it.\n\n");
    exact_markdown(&c, &out->v, &out->body);
    exact_check_free(&c);
}

/* A fixed line limit against growing buffers, on files whose lines are
 * all of one length: the fixed-limit reader (chunks, a 64 KiB buffer)
 * must refuse the longer lines with an error, never truncate one
 * silently, and the growing readers (reader, getline) must read every
 * line whole. */
void judge_s2(const report_run *run, claim_result *out)
{
    static const char *const methods[] = {"long_chunks", "long_reader", "long_getline"};
    double args[STREAM_MAX_SIZES];
    exact_check c = EXACT_CHECK_INIT;
    size_t n = exact_args(&c, run, "stream/long_chunks", "line bytes", args,
                          STREAM_MAX_SIZES);
    size_t refused = 0;
    static const char *const columns[] = {"method", "line bytes", "read_whole",
                                           "error_reported", "outcome"};
    data_table *t = claim_result_add_table(out, "Every line length", false);
    data_table_columns(t, columns, sizeof columns / sizeof columns[0]);
    for (size_t i = 0; i < n && c.missing.len == 0; i++) {
        for (size_t m = 0; m < 3; m++) {
            char name[96];
            double whole, error;
            report_case_name_at(name, sizeof name, args[i], "stream/%s", methods[m]);
            if (!exact_read(&c, run, name, "read_whole", &whole, NULL) ||
                !exact_read(&c, run, name, "error_reported", &error, NULL))
                break;
            const char *method = methods[m] + 5;
            bool ok;
            if (m == 0) {
                refused += error != 0;
                ok = whole != 0 || error != 0;
                exact_record(&c, ok, "%s, lines of %.0f KiB (%s)", method, args[i] / 1024,
                             whole != 0 ? "read whole" : error != 0 ? "refused, with an error"
                                                                    : "silently short");
            } else {
                ok = whole != 0 && error == 0;
                exact_record(&c, ok, "%s, lines of %.0f KiB (%s)", method, args[i] / 1024,
                             whole != 0 ? "read whole" : "not read whole");
            }
            data_table_text(t, method);
            data_table_number(t, args[i]);
            data_table_number(t, whole);
            data_table_number(t, error);
            data_table_text(t, exact_outcome(ok));
        }
    }
    exact_verdict(&c, "stream/long_<method>/<line bytes>", &out->v);
    claim_result_measure(out, "lines read whole or refused", NAN);   /* exact */
    if (out->v.kind == VERDICT_HOLDS && refused == 0)
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "the fixed-limit reader met no "
                    "line it refused: no line longer than its buffer was read");
    text_printf(&out->body, "Rule: on files whose every line is of one length, "
                "the reader with a fixed 64 KiB buffer (chunks) either reads "
                "every line whole or reports an error, and reports it at least "
                "at one length; the growing line reader and getline read every "
                "line whole at every length (exact outcomes, one per case).\n\n");
    data_table_markdown(t, &out->body);
    if (out->v.kind != VERDICT_NOT_MEASURED)
        text_printf(&out->figures, "chunks refused %zu of %zu line lengths with an "
                    "error; %zu of %zu outcomes as the rule says",
                    refused, n, c.held, c.held + c.failed);
    exact_markdown(&c, &out->v, &out->body);
    exact_check_free(&c);
}

/* S5, S1 as the article tells it: under a memory limit smaller than the
 * file (the child's address space may grow by limit_bytes), reading the
 * file whole must not complete (its allocation is refused, or the child
 * is killed), and every buffered streaming method must complete.  mmap
 * is shown beside, not judged: under RLIMIT_AS it needs address space
 * for the whole file (and fails), while under a cgroup limit its pages,
 * the page cache's, could be dropped and it would complete.  Exact
 * outcomes, one per repetition: every repetition must agree. */
void judge_s5(const report_run *run, claim_result *out)
{
    static const char *const methods[] = {"slurp", "chunks", "reader", "getline", "mmap"};
    exact_check c = EXACT_CHECK_INIT;
    double args[STREAM_MAX_SIZES];
    size_t n = exact_args(&c, run, "stream/limit_slurp", "file bytes", args,
                          STREAM_MAX_SIZES);
    text_printf(&out->body, "Rule: each method reads the largest file once, alone "
                "in a child whose address space may grow by less than the "
                "file (RLIMIT_AS: a quarter of it); reading it whole (slurp) must "
                "never complete (its allocation refused, or the child killed), and "
                "chunks, reader and getline must complete (exact "
                "outcomes). mmap is shown, not judged: it needs address space for the "
                "whole file, which this limit refuses, though the pages it reads are "
                "the page cache's.\n\n| file | limit | method | how it ended | peak "
                "resident |\n|---|---|---|---|---|\n");
    static const char *const columns[] = {"file bytes", "limit bytes", "method",
                                           "how it ended", "peak resident bytes"};
    data_table *t = claim_result_add_table(out, "Every method under the limit", false);
    data_table_columns(t, columns, sizeof columns / sizeof columns[0]);
    bool small_enough = n > 0;
    double file = 0, limit = 0;
    for (size_t i = 0; i < n && c.missing.len == 0; i++) {
        /* One outcome per file: every method as the rule says. */
        bool as_said = true;
        text ends = TEXT_INIT;
        size_t m = 0;
        for (; m < sizeof methods / sizeof methods[0]; m++) {
            char name[96];
            report_case_name_at(name, sizeof name, args[i], "stream/limit_%s", methods[m]);
            double done;
            summary sd, sa, sk;
            if (!exact_read(&c, run, name, "completed", &done, &sd) ||
                !exact_read(&c, run, name, "allocation_failed", &done, &sa) ||
                !exact_read(&c, run, name, "killed_by_signal", &done, &sk) ||
                !exact_read(&c, run, name, "file_bytes", &file, NULL) ||
                !exact_read(&c, run, name, "limit_bytes", &limit, NULL))
                break;
            small_enough &= limit < file;
            /* Every repetition alike: the least and the most completed. */
            bool always = sd.min == 1, never = sd.max == 0;
            const char *how = always ? "completed"
                            : !never ? "completed in some repetitions only"
                            : sk.max > 0 ? "killed by a signal"
                            : sa.min == 1 ? "allocation failed" : "did not complete";
            summary peak;
            bool has_peak = report_run_summary(run, name, "peak_rss_bytes", &peak) ==
                            SAMPLE_OK;
            text_printf(&out->body, "| %.0f MiB | %.0f MiB | %s | %s", file / MIB,
                        limit / MIB, methods[m], how);
            if (sk.max > 0)
                text_printf(&out->body, " (signal %.0f)", sk.max);
            if (has_peak)
                text_printf(&out->body, " | %.1f MiB |\n", peak.max / MIB);
            else
                text_printf(&out->body, " | - |\n");
            data_table_number(t, file);
            data_table_number(t, limit);
            data_table_text(t, methods[m]);
            data_table_text(t, how);
            data_table_number(t, has_peak ? peak.max : NAN);
            if (m < 4) {
                as_said &= m == 0 ? never : always;
                text_printf(&ends, "%s%s %s", ends.len ? ", " : "", methods[m], how);
            }
        }
        if (m == sizeof methods / sizeof methods[0])
            exact_record(&c, as_said, "%.0f MiB under %.0f MiB (%s)", file / MIB,
                         limit / MIB, text_str(&ends));
        if (i + 1 == n) {
            text_free(&out->figures);
            text_printf(&out->figures, "%s", text_str(&ends));
        }
        text_free(&ends);
    }
    text_printf(&out->body, "\n");
    exact_verdict(&c, "stream/limit_<method>/<file bytes>", &out->v);
    claim_result_measure(out, "outcomes", NAN);   /* exact: no threshold */
    if (out->v.kind != VERDICT_NOT_MEASURED && !small_enough)
        verdict_set(&out->v, VERDICT_NOT_MEASURED, "the limit (%.0f MiB) was not "
                    "smaller than the file (%.0f MiB)", limit / MIB, file / MIB);
    if (out->v.kind != VERDICT_NOT_MEASURED) {
        text figures = TEXT_INIT;
        text_printf(&figures, "under a %.0f MiB limit, a %.0f MiB file: %s", limit / MIB,
                    file / MIB, text_str(&out->figures));
        text_free(&out->figures);
        out->figures = figures;
    }
    exact_markdown(&c, &out->v, &out->body);
    exact_check_free(&c);
}
