/* test_page_write.c - the page writer and its command line (src/page/):
 * the hostile fixture run in, expected fragments out and nothing from the
 * data as markup; side by side with another run; report.json missing,
 * malformed, of an unknown schema or without claims refused with a
 * message naming the file; gzipped reports read; --help and bad
 * arguments. */
#include "page/load.h"
#include "page/page.h"
#include "page/tool.h"
#include "test_page_capture.h"

#include <criterion/criterion.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define FIX "tests/fixtures/page/"

static const char *page_of(capture *c, const char *dir, const char *against_dir)
{
    page_run run, against;
    char err[512];
    cr_assert(page_run_load(&run, dir, err, sizeof err), "%s", err);
    if (against_dir)
        cr_assert(page_run_load(&against, against_dir, err, sizeof err), "%s", err);
    capture_open(c);
    cr_assert(page_write(c->f, &run, against_dir ? &against : NULL, "", "testnonce"));
    page_run_free(&run);
    if (against_dir)
        page_run_free(&against);
    return capture_close(c);
}

Test(page_write, fixture_fragments)
{
    capture c;
    const char *s = page_of(&c, FIX "run", NULL);
    const char *expected[] = {
        "<!DOCTYPE html>",
        "script-src 'nonce-testnonce'",
        "default-src 'none'",
        "<script nonce=\"testnonce\">",
        /* the run's name, escaped, in the title and the heading */
        "<title>memlayout: &lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;run &amp; "
        "&quot;one&quot;\nsecond line</title>",
        /* one line per claim, coloured by kind, linking to its section */
        "<li class=\"k-holds_only_when\"><a href=\"#claim-L1\">L1 holds only when the working set "
        "is in L3 &lt;b&gt;bold?&lt;/b&gt;</a> <span class=\"t\">A linked list is slower to walk "
        "than an array &lt;script&gt;",
        "<li class=\"k-does_not_hold\"><a href=\"#claim-X.22.3E.3Cimg",
        "<li class=\"k-not_measured\"><a href=\"#claim-S2\">S2 not measured</a> <span",
        "<li class=\"k-other\"><a href=\"#claim-G1\">G1 holds</a> <span class=\"t\">Appending "
        "past capacity reallocates</span></li>",
        "<section class=\"claim\" id=\"claim-L1\">",
        /* the machine card: measured beside reported, notes escaped */
        "<tr><th>L2</th><td class=\"n\">1.2 MiB</td><td class=\"n\">4.29</td>",
        "<tr><th>L3</th><td class=\"missing\">not found</td>",
        "<td class=\"n\">32 MiB</td>",
        "<li>a note with &lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;</li>",
        "others &lt;b&gt;86%&lt;/b&gt; of 2 CPUs",
        "Memory moves 128 B at a time",
        /* a claim: verdict, condition, figures, threshold, levels */
        "<span class=\"badge k-holds_only_when\">holds only when</span> the working set is in "
        "&quot;L3&quot; &amp; &#39;memory&#39;",
        "<div class=\"figures\">list in order / array: 1.9x [1.8, 2.0] in L2,\nsecond line "
        "&lt;i&gt;x&lt;/i&gt;</div>",
        "a ratio of 1.1.",
        "<td class=\"n\">[1.8, 2]</td>",
        "<td class=\"n\">none</td><td>within_noise</td>",
        "<td class=\"n\">64 KiB &ndash; 768 KiB</td>",
        /* the plot inline with its axes, once; links to its files */
        "<div id=\"plot-traverse\">\n<figure class=\"plot\" data-xmin=",
        "data-logx=\"1\" data-logy=\"1\">\n<svg",
        "<a href=\"plots/traverse.svg\">SVG</a>",
        "<a href=\"data/traverse.tsv\">data (TSV)</a>",
        "Plot <a href=\"#plot-traverse\">traverse</a> is shown above.",
        "A plot named '../../etc/passwd' is not a plain file name",
        "A plot named 'javascript:alert(1)' is not a plain file name",
        "No plot file for 'stream_longlines' in this run",
        /* tables: short open, long collapsed */
        "<h3>Model against measured</h3>",
        "<td>&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;</td><td>&ndash;</td>",
        "<details><summary>Every size &lt;script&gt; (2 rows)</summary>",
        "<td class=\"n\">4.286</td>",
    };
    for (size_t i = 0; i < sizeof expected / sizeof *expected; i++)
        cr_expect_neq(count_of(s, expected[i]), 0, "missing: %s", expected[i]);
    /* Nothing from the data became markup: one script, the page's. */
    cr_expect_eq(count_of(s, "<script"), 1);
    cr_expect_eq(count_of(s, "<img"), 0);
    cr_expect_eq(count_of(s, "onerror=\""), 0);
    cr_expect_eq(count_of(s, "onmouseover"), 0);
    cr_expect_eq(count_of(s, "<b>"), 0);
    cr_expect_eq(count_of(s, "<svg"), 1, "the traverse plot is inlined once");
    capture_free(&c);
}

Test(page_write, side_by_side)
{
    capture c;
    const char *s = page_of(&c, FIX "run", FIX "against");
    const char *expected[] = {
        " against reference &amp; &lt;i&gt;co&lt;/i&gt;</title>",
        "<h2>Side by side</h2>",
        "<td><span class=\"badge k-holds\">holds</span></td><td><b>changed</b></td>",
        "<td class=\"missing\">not in this run</td>",
        /* a claim only the other run has: listed, not linked */
        "<tr><td>Z9&lt;b&gt;</td>",
        "list / array: 3.1x [3.0, 3.2] in memory &lt;script&gt;",
        "<figure class=\"plot overlay\">",
        "Time per element by layout: both runs",
        "stroke-dasharray=\"6 4\"",
        "<title>aos (reference &amp; &lt;i&gt;co&lt;/i&gt;): 4 KiB, 0.7</title>",
        "<title>&lt;script&gt;document.title=1&lt;/script&gt; (&lt;script&gt;",
    };
    for (size_t i = 0; i < sizeof expected / sizeof *expected; i++)
        cr_expect_neq(count_of(s, expected[i]), 0, "missing: %s", expected[i]);
    cr_expect_eq(count_of(s, "<script"), 1);
    cr_expect_eq(count_of(s, "<figure class=\"plot overlay\">"), 1, "once per experiment");
    cr_expect_eq(count_of(s, "href=\"#claim-Z9"), 0);
    capture_free(&c);
}

Test(page_write, gzipped_report_and_no_machine)
{
    capture c;
    const char *s = page_of(&c, FIX "gz", NULL);
    cr_expect_neq(count_of(s, "L6 holds from a gzipped report"), 0);
    cr_expect_neq(count_of(s, "This run has no machine profile"), 0);
    capture_free(&c);
}

static void expect_refused(const char *dir, const char *words)
{
    page_run run;
    char err[512] = "";
    cr_expect_not(page_run_load(&run, dir, err, sizeof err), "%s loaded", dir);
    cr_expect_neq(count_of(err, words), 0, "'%s' lacks '%s'", err, words);
    cr_expect_neq(count_of(err, "report.json"), 0, "'%s' names no file", err);
    page_run_free(&run);
}

Test(page_write, bad_reports_are_refused)
{
    expect_refused(FIX "bad-schema", "schema 'memlayout-report/999' is not one this page knows");
    expect_refused(FIX "malformed", "malformed JSON");
    expect_refused(FIX "none", "not found");
}

Test(page_write, report_without_claims_or_schema)
{
    char dir[] = "/tmp/page_write_XXXXXX", path[64];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/report.json", dir);
    FILE *f = fopen(path, "w");
    fputs("{\"schema\": \"memlayout-report/1\", \"claims\": {}}", f);
    fclose(f);
    expect_refused(dir, "no \"claims\" array");
    f = fopen(path, "w");
    fputs("[1, 2]", f);
    fclose(f);
    expect_refused(dir, "schema '(none)'");
    unlink(path);
    /* Not gzip data under the gzipped name. */
    snprintf(path, sizeof path, "%s/report.json.gz", dir);
    f = fopen(path, "w");
    fputs("plain text", f);
    fclose(f);
    expect_refused(dir, "cannot be unpacked");
    unlink(path);
    rmdir(dir);
}

static int tool(capture *out, capture *err, int argc, char **argv)
{
    capture_open(out);
    capture_open(err);
    int status = page_tool_main(argc, argv, out->f, err->f);
    capture_close(out);
    capture_close(err);
    return status;
}

Test(page_tool, help_and_bad_arguments)
{
    capture out, err;
    char *help[] = {"page", "--help", NULL};
    cr_expect_eq(tool(&out, &err, 2, help), 0);
    cr_expect_neq(count_of(out.text, "usage: page"), 0);
    capture_free(&out), capture_free(&err);
    char *none[] = {"page", NULL};
    cr_expect_eq(tool(&out, &err, 1, none), 2);
    cr_expect_neq(count_of(err.text, "usage: page"), 0);
    capture_free(&out), capture_free(&err);
    char *unknown[] = {"page", "--bogus", FIX "run", NULL};
    cr_expect_eq(tool(&out, &err, 3, unknown), 2);
    cr_expect_neq(count_of(err.text, "unexpected argument '--bogus'"), 0);
    capture_free(&out), capture_free(&err);
    char *two[] = {"page", FIX "run", FIX "against", NULL};
    cr_expect_eq(tool(&out, &err, 3, two), 2);
    capture_free(&out), capture_free(&err);
    char *empty_out[] = {"page", "--out=", FIX "run", NULL};
    cr_expect_eq(tool(&out, &err, 3, empty_out), 2);
    capture_free(&out), capture_free(&err);
}

Test(page_tool, unreadable_runs_exit_1)
{
    capture out, err;
    char *missing[] = {"page", FIX "none", NULL};
    cr_expect_eq(tool(&out, &err, 2, missing), 1);
    cr_expect_neq(count_of(err.text, "none/report.json: not found"), 0);
    capture_free(&out), capture_free(&err);
    char *bad_against[] = {"page", "--against=" FIX "bad-schema", FIX "run", NULL};
    cr_expect_eq(tool(&out, &err, 3, bad_against), 1);
    cr_expect_neq(count_of(err.text, "bad-schema/report.json: schema"), 0);
    capture_free(&out), capture_free(&err);
    char *unwritable[] = {"page", "--out=/nonexistent/dir/index.html", FIX "run", NULL};
    cr_expect_eq(tool(&out, &err, 3, unwritable), 1);
    cr_expect_neq(count_of(err.text, "/nonexistent/dir/index.html"), 0);
    capture_free(&out), capture_free(&err);
}

Test(page_tool, writes_a_readable_page_with_absolute_links_from_elsewhere)
{
    capture out, err;
    char dir[] = "/tmp/page_tool_XXXXXX", path[64], arg[80];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(path, sizeof path, "%s/page.html", dir);
    snprintf(arg, sizeof arg, "--out=%s", path);
    char *argv[] = {"page", arg, "--against=" FIX "against", FIX "run", NULL};
    cr_expect_eq(tool(&out, &err, 4, argv), 0, "%s", err.text);
    struct stat st;
    cr_assert_eq(stat(path, &st), 0);
    cr_expect_eq(st.st_mode & 0777, 0644);
    FILE *f = fopen(path, "r");
    char *text = calloc(1, (size_t)st.st_size + 1);
    cr_assert_eq(fread(text, 1, (size_t)st.st_size, f), (size_t)st.st_size);
    fclose(f);
    char *cwd = getcwd(NULL, 0), want[4200];
    snprintf(want, sizeof want, "href=\"%s/tests/fixtures/page/run/data/traverse.tsv\"", cwd);
    cr_expect_neq(count_of(text, want), 0, "no absolute link %s", want);
    cr_expect_eq(count_of(text, "</html>"), 1);
    free(cwd);
    free(text);
    unlink(path);
    rmdir(dir);
    capture_free(&out), capture_free(&err);
}
