/* test_report_hostile.c - results files a careless user or a hostile
 * sender makes: a FIFO named *.json, a run_type that is not a string,
 * markup in host names and errors, 10^5 cases, out of memory while
 * parsing, a report path that is a link or a device, a full stdout. */
#include "report/md_escape.h"
#include "report/run.h"
#include "report/tool.h"
#include "report_judge.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>


static char dir[64];

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/report_hostile_XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

/* Removes dir and the few plain entries a test put in it. */
static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

static void cleanup(void)
{
    judge_cleanup();
    remove_dir();
}

TestSuite(report_hostile, .init = make_dir, .fini = cleanup);

static char *path_in(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

static void write_text(const char *name, const char *content)
{
    FILE *f = fopen(path_in(name), "w");
    cr_assert_not_null(f, "%s", name);
    fputs(content, f);
    fclose(f);
}

static char *read_text(const char *path)
{
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s", path);
    char *s = NULL;
    size_t cap = 0;
    ssize_t n = getdelim(&s, &cap, '\0', f);
    cr_assert(n >= 0);
    fclose(f);
    return s;
}

Test(report_hostile, a_fifo_named_json_is_skipped)
{
    write_text("a.json", "{\"benchmarks\": [{\"run_name\": \"a/x/1\", \"run_type\": "
                         "\"iteration\", \"items_per_second\": 1e9}]}");
    cr_assert_eq(mkfifo(path_in("b.json"), 0600), 0);
    report_run run;
    char err[512] = "";
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    cr_assert_eq(run.nfiles, 1, "only the regular file; opening the FIFO would block");
    cr_assert(report_run_has_bench(&run, "a"));
    report_run_free(&run);
}

Test(report_hostile, a_run_type_that_is_not_a_string_is_refused)
{
    /* Read as "no run_type", the mean and median rows would count as two
     * more repetitions. */
    write_text("a.json", "{\"benchmarks\": [{\"run_name\": \"a/x/1\", \"run_type\": "
                         "\"iteration\", \"items_per_second\": 1e9}, {\"run_name\": "
                         "\"a/x/1\", \"run_type\": 7, \"items_per_second\": 1}]}");
    report_run run;
    char err[512] = "";
    cr_assert_not(report_run_load(&run, dir, err, sizeof err));
    cr_assert_not_null(strstr(err, "a.json: benchmarks[1] has a \"run_type\" that is not a string"),
                       "%s", err);
}

/* Fails every jansson allocation after the first 'budget'. */
static int budget;
static void *failing_malloc(size_t n)
{
    return budget-- > 0 ? malloc(n) : NULL;
}

Test(report_hostile, out_of_memory_while_parsing_says_so)
{
    write_text("a.json", "{\"benchmarks\": [{\"run_name\": \"a/x/1\", \"run_type\": "
                         "\"iteration\", \"items_per_second\": 1e9}]}");
    /* The first allocation, and one inside the record (both leave jansson's
     * error without a position). */
    for (int b = 0; b < 2; b++) {
        budget = b ? 5 : 0;
        json_set_alloc_funcs(failing_malloc, free);
        report_run run;
        char err[512] = "";
        bool ok = report_run_load(&run, dir, err, sizeof err);
        json_set_alloc_funcs(malloc, free);
        cr_assert_not(ok);
        cr_assert_not_null(strstr(err, "a.json: out of memory"), "%s", err);
        cr_assert_null(strstr(err, "-1"), "%s", err);
        cr_assert_null(strstr(err, "malformed"), "%s", err);
    }
}

Test(report_hostile, a_hundred_thousand_cases_each_indexed_once)
{
    /* Case names interleaved as interleaved repetitions write them: the
     * old loader scanned every case per record (quadratic). */
    enum { CASES = 100000 };
    FILE *f = fopen(path_in("big.json"), "w");
    cr_assert_not_null(f);
    fprintf(f, "{\"benchmarks\": [");
    for (int r = 0; r < 2; r++)
        for (int i = 0; i < CASES; i++)
            fprintf(f, "%s{\"run_name\": \"big/v%d/%d/real_time\", \"run_type\": "
                       "\"iteration\", \"items_per_second\": %d}",
                    r || i ? ", " : "", i % 7, i, 1000 + i);
    fprintf(f, "]}");
    fclose(f);
    report_run run;
    char err[512] = "";
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    cr_assert_eq(report_run_case_count(&run), CASES);
    cr_assert_str_eq(report_run_case_name(&run, 0), "big/v0/0", "first appearance first");
    cr_assert_str_eq(report_run_case_name(&run, CASES - 1), "big/v4/99999");
    summary s;
    sample_status st = report_run_summary(&run, "big/v4/12345", "items_per_second", &s);
    static double args[CASES / 7 + 1];
    size_t nargs = report_run_args(&run, "big/v6", args, CASES / 7 + 1);
    report_run_free(&run);
    cr_assert_eq(nargs, (CASES + 7 - 1 - 6) / 7);
    cr_assert_float_eq(args[0], 6, 0);
    cr_assert_float_eq(args[1], 13, 0);
    cr_assert_float_eq(args[nargs - 1], 99994, 0);
    cr_assert_eq(st, SAMPLE_OK);
    cr_assert_eq(s.n, 2);
    cr_assert_float_eq(s.median, 1000 + 12345, 0);
}

Test(report_hostile, markup_from_the_results_is_shown_as_text)
{
    write_text("traverse.json",
               "{\"context\": {\"host_name\": \"evil|host\\n| injected | row |\", "
               "\"compiler\": \"<script>alert(1)</script>\", \"cflags\": \"-O2 `id`\"}, "
               "\"benchmarks\": []}");
    char out[256];
    snprintf(out, sizeof out, "%s", path_in("report.md"));
    FILE *null_out = fopen("/dev/null", "w");
    cr_assert_eq(report_tool_run(dir, out, NULL, null_out), 0);
    fclose(null_out);
    char *md = read_text(out);
    cr_assert_not_null(strstr(md, "| host | evil\\|host \\| injected \\| row \\| |"), "%s", md);
    cr_assert_null(strstr(md, "<script>"));
    cr_assert_not_null(strstr(md, "&lt;script&gt;alert(1)&lt;/script&gt;"));
    cr_assert_not_null(strstr(md, "`-O2 'id'`"));
    free(md);
}

Test(report_hostile, md_escape_keeps_plain_text_and_escapes_markup)
{
    text t = TEXT_INIT;
    md_escape(&t, "cc (Debian 12.2.0) list_pool 2026-11-23", false);
    cr_assert_str_eq(text_str(&t), "cc (Debian 12.2.0) list_pool 2026-11-23");
    text_clear(&t);
    md_escape(&t, "[x](javascript:1) *b* \\ `c` a&b\tz", false);
    cr_assert_str_eq(text_str(&t), "\\[x\\](javascript:1) \\*b\\* \\\\ \\`c\\` a&amp;b z");
    text_clear(&t);
    md_escape(&t, "a`b|c\nd", true);
    cr_assert_str_eq(text_str(&t), "a'b\\|c d");
    text_clear(&t);
    md_escape(&t, NULL, false);
    cr_assert_str_eq(text_str(&t), "");
    text_free(&t);
}

static int report_to(const char *out, FILE *summary_out)
{
    FILE *err = fopen("/dev/null", "w");
    int status = report_tool_run(FIXTURES "holds", out, summary_out, err);
    fclose(err);
    return status;
}

Test(report_hostile, a_report_path_that_is_a_link_is_refused_not_replaced)
{
    write_text("target.md", "keep me\n");
    cr_assert_eq(symlink("target.md", path_in("link.md")), 0);
    char link[256];
    snprintf(link, sizeof link, "%s", path_in("link.md"));
    cr_assert_eq(report_to(link, NULL), 1);
    struct stat st;
    cr_assert_eq(lstat(link, &st), 0);
    cr_assert(S_ISLNK(st.st_mode), "still a link");
    char *kept = read_text(path_in("target.md"));
    cr_assert_str_eq(kept, "keep me\n");
    free(kept);
    cr_assert_neq(access(path_in("link.md.tmp"), F_OK), 0, "no temporary file left");
}

Test(report_hostile, a_report_path_that_is_a_device_is_refused)
{
    cr_assert_eq(report_to("/dev/null", NULL), 1);
    struct stat st;
    cr_assert_eq(stat("/dev/null", &st), 0);
    cr_assert(S_ISCHR(st.st_mode), "/dev/null is still a device");
    cr_assert_neq(access("/dev/null.tmp", F_OK), 0);
}

Test(report_hostile, a_full_stdout_fails_the_report)
{
    char out[256];
    snprintf(out, sizeof out, "%s", path_in("report.md"));
    FILE *full = fopen("/dev/full", "w");
    cr_assert_not_null(full);
    cr_assert_eq(report_to(out, full), 1, "the summary did not reach stdout");
    fclose(full);
}

Test(report_hostile, a_rule_without_its_working_set_says_what_is_missing)
{
    /* The holds fixture with every ws_bytes counter removed: the old
     * rule judged every size as 0 B, "in L1". */
    json_error_t jerr;
    json_t *root = json_load_file(FIXTURES "holds/traverse.json", 0, &jerr);
    cr_assert_not_null(root, "%s", jerr.text);
    size_t i;
    json_t *rec;
    json_array_foreach(json_object_get(root, "benchmarks"), i, rec)
        json_object_del(rec, "ws_bytes");
    cr_assert_eq(json_dump_file(root, path_in("traverse.json"), 0), 0);
    json_decref(root);
    const char *phrase = judge(dir, "L1");
    cr_assert_eq(judged.v.kind, VERDICT_NOT_MEASURED, "%s", phrase);
    cr_assert_not_null(strstr(phrase, "lacks its working set (counter ws_bytes)"), "%s", phrase);
    cr_assert_null(strstr(phrase, "0 B"), "%s", phrase);
}
