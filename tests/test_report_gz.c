/* test_report_gz.c - a run stored gzipped (results/reference holds
 * *.json.gz) reads like the plain one: the same cases, figures and
 * verdicts; a plain file beside its archive wins; a corrupt archive is an
 * error naming the file. */
#include "report/run.h"
#include "report/run_compare.h"
#include "report/rules.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#define FIXTURES "tests/fixtures/report/"

static char dir[] = "/tmp/report_gz_XXXXXX";

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/report_gz_XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(report_gz, .init = make_dir, .fini = remove_dir);

static const char *in_dir(const char *name)
{
    static char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    return path;
}

/* Copies src into dir/name, gzipped (keep bytes: 0 for all). */
static void gzip_to(const char *src, const char *name, long keep)
{
    FILE *in = fopen(src, "rb");
    cr_assert_not_null(in, "%s", src);
    gzFile out = gzopen(in_dir(name), "wb");
    cr_assert_not_null(out);
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        cr_assert_eq(gzwrite(out, buf, (unsigned)n), (int)n);
    fclose(in);
    cr_assert_eq(gzclose(out), Z_OK);
    if (keep > 0)
        cr_assert_eq(truncate(in_dir(name), keep), 0);
}

static void copy_to(const char *src, const char *name)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", src, in_dir(name));
    cr_assert_eq(system(cmd), 0);
}

static void judge_phrase(const report_run *run, const char *id, text *out)
{
    claim_result r;
    claim_judge(claim_rule_find(id), run, &r);
    verdict_phrase(&r.v, true, out);
    claim_result_free(&r);
}

Test(report_gz, a_gzipped_run_reads_like_the_plain_one)
{
    gzip_to(FIXTURES "holds/traverse.json", "traverse.json.gz", 0);
    gzip_to(FIXTURES "holds/crosscheck.json", "crosscheck.json.gz", 0);
    copy_to(FIXTURES "holds/machine.json", "machine.json");
    report_run plain, gz;
    char err[512];
    cr_assert(report_run_load(&plain, FIXTURES "holds", err, sizeof err), "%s", err);
    cr_assert(report_run_load(&gz, dir, err, sizeof err), "%s", err);
    cr_assert(report_run_has_bench(&gz, "traverse"), "traverse.json.gz is traverse");
    cr_assert_eq(report_run_case_count(&gz), report_run_case_count(&plain));
    for (size_t i = 0; i < report_run_case_count(&plain); i++) {
        const char *name = report_run_case_name(&plain, i);
        cr_assert_str_eq(report_run_case_name(&gz, i), name);
        summary a, b;
        sample_status sa = report_run_summary(&plain, name, "cpu_ns_per_item", &a);
        cr_assert_eq(report_run_summary(&gz, name, "cpu_ns_per_item", &b), sa);
        if (sa == SAMPLE_OK)
            cr_assert(a.median == b.median && a.min == b.min && a.max == b.max, "%s", name);
    }
    text pa = TEXT_INIT, pb = TEXT_INIT;
    judge_phrase(&plain, "L1", &pa);
    judge_phrase(&gz, "L1", &pb);
    cr_assert_str_eq(text_str(&pa), text_str(&pb));
    text_free(&pa);
    text_free(&pb);
    report_run_free(&plain);
    report_run_free(&gz);

    /* compare reads one file, gzipped or not, by the same name. */
    report_run one;
    cr_assert(report_run_load_file(&one, in_dir("traverse.json.gz"), err, sizeof err), "%s",
              err);
    cr_assert_str_eq(report_run_bench_name(&one, 0), "traverse");
    report_run_free(&one);
}

Test(report_gz, a_plain_file_beside_its_archive_wins)
{
    /* The archive holds other results (the fails fixture): were it read,
     * the run would hold two traverse files, or the wrong one. */
    gzip_to(FIXTURES "fails/traverse.json", "traverse.json.gz", 0);
    copy_to(FIXTURES "holds/traverse.json", "traverse.json");
    report_run run;
    char err[512];
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    cr_assert_eq(run.nfiles, 1);
    text p = TEXT_INIT;
    judge_phrase(&run, "L1", &p);
    cr_assert_eq(strncmp(text_str(&p), "holds", 5), 0, "%s", text_str(&p));
    text_free(&p);
    report_run_free(&run);
}

Test(report_gz, the_side_files_gzipped_are_no_bench)
{
    gzip_to(FIXTURES "holds/machine.json", "machine.json.gz", 0);
    gzip_to(FIXTURES "holds/traverse.json", "traverse.json.gz", 0);
    report_run run;
    char err[512];
    cr_assert(report_run_load(&run, dir, err, sizeof err), "%s", err);
    cr_assert_eq(run.nfiles, 1, "machine.json.gz is the profile, not results");
    report_run_free(&run);
}

Test(report_gz, a_cut_archive_is_an_error_naming_the_file)
{
    gzip_to(FIXTURES "holds/traverse.json", "traverse.json.gz", 600);
    report_run run;
    char err[512] = "";
    cr_assert_not(report_run_load(&run, dir, err, sizeof err));
    cr_assert_not_null(strstr(err, "traverse.json.gz"), "%s", err);
    cr_assert_not_null(strstr(err, "cannot decompress it") || strstr(err, "malformed JSON"),
                       "%s", err);
}

Test(report_gz, compare_reads_a_gzipped_file_against_a_plain_one)
{
    gzip_to(FIXTURES "holds/traverse.json", "traverse.json.gz", 0);
    char *out = NULL, *errs = NULL;
    size_t len = 0, elen = 0;
    FILE *o = open_memstream(&out, &len), *e = open_memstream(&errs, &elen);
    int status = run_compare_files(FIXTURES "holds/traverse.json", in_dir("traverse.json.gz"),
                                   o, e);
    fclose(o);
    fclose(e);
    cr_assert_eq(status, 0, "%s", errs);
    cr_assert_not_null(strstr(out, "| traverse/aos/"), "%s", out);
    cr_assert_not_null(strstr(out, "B faster in 0, slower in 0"), "the same results: %s", out);
    cr_assert_null(strstr(out, "only in"), "%s", out);
    free(out);
    free(errs);
}
