/* test_report_tool.c - the whole report in one call: report.md written
 * atomically, a summary line per claim, and a non-zero status naming the
 * file when a run cannot be read. */
#include "report/rules.h"
#include "report/tool.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FIXTURES "tests/fixtures/report/"

/* Everything written to a memstream, as one string (freed by the caller). */
typedef struct capture {
    char *buf;
    size_t len;
    FILE *f;
} capture;

static void capture_open(capture *c)
{
    c->buf = NULL;
    c->len = 0;
    c->f = open_memstream(&c->buf, &c->len);
    cr_assert_not_null(c->f);
}

static char *capture_close(capture *c)
{
    fclose(c->f);
    return c->buf;
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f, "%s", path);
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *s = malloc((size_t)n + 1);
    cr_assert_not_null(s);
    cr_assert_eq(fread(s, 1, (size_t)n, f), (size_t)n);
    s[n] = '\0';
    fclose(f);
    return s;
}

Test(report_tool, writes_the_report_and_one_line_per_claim)
{
    char dir[] = "/tmp/report_tool_XXXXXX", out[256], tmp[300];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(out, sizeof out, "%s/report.md", dir);
    capture sum, err;
    capture_open(&sum);
    capture_open(&err);
    int status = report_tool_run(FIXTURES "holds", out, sum.f, err.f);
    char *summary_text = capture_close(&sum), *err_text = capture_close(&err);
    cr_assert_eq(status, 0, "%s", err_text);
    cr_assert_str_eq(err_text, "");

    /* A header line, then exactly one line per claim, in table order. */
    char *line = strchr(summary_text, '\n');
    cr_assert_not_null(line);
    for (size_t i = 0; i < claim_rule_count; i++) {
        line++;
        cr_assert_eq(strncmp(line, claim_rules[i].id, strlen(claim_rules[i].id)), 0,
                     "line %zu: %.20s", i, line);
        line = strchr(line, '\n');
        cr_assert_not_null(line);
    }
    cr_assert_str_eq(line, "\n");
    cr_assert(strstr(summary_text, "\nL1  holds ("), "%s", summary_text);

    char *md = read_file(out);
    cr_assert(strstr(md, "| CPU | Fixture CPU, 2 CPUs at 2000 MHz"), "the machine");
    cr_assert(strstr(md, "L1d 32 KiB, L2 1 MiB, L3 32 MiB"), "reported sizes beside");
    cr_assert(strstr(md, "| cache levels (measured, from machine.json) | L1 32 KiB (1.00 ns), "
                         "L2 1 MiB (4.00 ns), L3 32 MiB (12.00 ns), memory 90 ns |"), "%s", md);
    cr_assert(strstr(md, "| line, read bandwidth, first-touch fault | 64 B, 20.0 GB/s, "
                         "0.25 us per 4 KiB page |"));
    cr_assert(strstr(md, "| other programs | not recorded"));
    cr_assert_null(strstr(md, "**Warning:**"), "no conditions.json: no warning");
    /* One line per claim first, each under 140 characters, before the
     * card: the very lines the summary printed. */
    const char *verdicts = strstr(md, "## Verdicts\n\n```\nL1  holds");
    cr_assert(verdicts && verdicts < strstr(md, "## Machine and run"), "%s", md);
    const char *first = strchr(summary_text, '\n') + 1;
    cr_assert_eq(strncmp(verdicts + strlen("## Verdicts\n\n```\n"), first, strlen(first)), 0,
                 "report.md opens with the printed lines");
    for (const char *l = first; *l; l = strchr(l, '\n') + 1)
        cr_assert_lt(strcspn(l, "\n"), 140, "%.160s", l);
    cr_assert(strstr(md, "`traverse.json` (quick run"), "quick or full");
    for (size_t i = 0; i < claim_rule_count; i++) {
        char heading[16];
        snprintf(heading, sizeof heading, "\n## %s: ", claim_rules[i].id);
        cr_assert(strstr(md, heading), "no section for %s", claim_rules[i].id);
    }
    cr_assert(strstr(md, "## Out of scope"));
    cr_assert(strstr(md, "none in this run (`make plots"), "no plots in a fixture run");
    snprintf(tmp, sizeof tmp, "%s.tmp", out);
    cr_assert_neq(access(tmp, F_OK), 0, "the temporary file is renamed away");
    free(md);
    free(summary_text);
    free(err_text);
    remove(out);
    snprintf(tmp, sizeof tmp, "%s/report.json", dir);
    cr_assert_eq(access(tmp, R_OK), 0, "report.json beside report.md");
    remove(tmp);
    rmdir(dir);
}

static void expect_failure(const char *run_dir, const char *needle)
{
    char out[] = "/tmp/report_tool_never_written.md";
    capture err;
    capture_open(&err);
    int status = report_tool_run(run_dir, out, NULL, err.f);
    char *msg = capture_close(&err);
    cr_assert_eq(status, 1);
    cr_assert(strstr(msg, needle), "%s", msg);
    cr_assert_neq(access(out, F_OK), 0, "no report from a run that cannot be read");
    free(msg);
}

Test(report_tool, malformed_json_fails_naming_the_file)
{
    expect_failure(FIXTURES "malformed", "report: " FIXTURES "malformed/traverse.json:4:");
}

Test(report_tool, a_run_that_is_not_there_fails)
{
    expect_failure(FIXTURES "no_such_run", "no_such_run: cannot read the run directory");
}

Test(report_tool, an_unwritable_report_fails)
{
    capture err;
    capture_open(&err);
    int status = report_tool_run(FIXTURES "holds", "/nonexistent-dir/report.md", NULL, err.f);
    char *msg = capture_close(&err);
    cr_assert_eq(status, 1);
    cr_assert(strstr(msg, "cannot write /nonexistent-dir/report.md.tmp"), "%s", msg);
    free(msg);
}

/* A run whose programs started at a load of 5 on 2 CPUs (the suite's own
 * previous program, as often as not) and another whose conditions.json
 * says other programs took 31% of the CPUs: only the second is flagged. */
static char *report_of(const char *context, const char *conditions)
{
    char dir[] = "/tmp/report_busy_XXXXXX", json[256], cond[256], out[256];
    cr_assert_not_null(mkdtemp(dir));
    snprintf(json, sizeof json, "%s/traverse.json", dir);
    snprintf(cond, sizeof cond, "%s/conditions.json", dir);
    snprintf(out, sizeof out, "%s/report.md", dir);
    FILE *f = fopen(json, "w");
    cr_assert_not_null(f);
    fprintf(f, "{\"context\": %s, \"benchmarks\": []}\n", context);
    fclose(f);
    if (conditions) {
        f = fopen(cond, "w");
        cr_assert_not_null(f);
        fputs(conditions, f);
        fclose(f);
    }
    cr_assert_eq(report_tool_run(dir, out, NULL, stderr), 0);
    char *md = read_file(out);
    remove(out);
    remove(json);
    remove(cond);
    snprintf(out, sizeof out, "%s/report.json", dir);
    remove(out);
    rmdir(dir);
    return md;
}

Test(report_tool, the_load_average_raises_no_warning)
{
    char *md = report_of("{\"num_cpus\": 2, \"load_avg_at_start\": \"5.00 4.00 3.00\"}", NULL);
    cr_assert_null(strstr(md, "**Warning:**"), "%s", md);
    free(md);
}

Test(report_tool, other_programs_share_is_flagged_beside_the_verdicts)
{
    char *md = report_of("{\"num_cpus\": 2}",
                         "{\"others_cpu_share\": 0.31, \"seconds\": 512.4}");
    cr_assert(strstr(md, "**Warning:** other programs used 31% of the CPUs over the run's "
                         "512 s"), "%s", md);
    cr_assert(strstr(md, "| other programs | 31.0% of the CPUs over 512 s |"));
    free(md);
    md = report_of("{\"num_cpus\": 2}", "{\"others_cpu_share\": 0.02, \"seconds\": 40}");
    cr_assert_null(strstr(md, "**Warning:**"), "a quiet machine gets no warning");
    free(md);
}
