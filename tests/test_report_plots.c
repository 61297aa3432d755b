/* test_report_plots.c - report.md and report.json link exactly the plot
 * files of a claim that the run has: a PNG alone, an SVG alone, no link
 * to a file that is not there, and a plain "none" where the run drew
 * nothing or no plot shows the claim (issue 19). */
#include "report/claim_plots.h"
#include "report/tool.h"

#include <criterion/criterion.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define FIXTURES "tests/fixtures/report/"

static char dir[] = "/tmp/report_plots_XXXXXX";
static char *md;   /* report.md of the last report_of() */

static void make_dir(void)
{
    snprintf(dir, sizeof dir, "/tmp/report_plots_XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
}

static void remove_dir(void)
{
    free(md);
    md = NULL;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(report_plots, .init = make_dir, .fini = remove_dir);

/* Reports on run into dir: report.md into md, report.json returned. */
static json_t *report_of(const char *run)
{
    char path[256];
    snprintf(path, sizeof path, "%s/report.md", dir);
    FILE *err = fopen("/dev/null", "w");
    cr_assert_eq(report_tool_run(run, path, NULL, err), 0);
    fclose(err);
    FILE *f = fopen(path, "r");
    cr_assert_not_null(f);
    size_t size = 0;
    free(md);
    md = NULL;
    cr_assert_neq(getdelim(&md, &size, '\0', f), -1);
    fclose(f);
    snprintf(path, sizeof path, "%s/report.json", dir);
    json_error_t jerr;
    json_t *doc = json_load_file(path, 0, &jerr);
    cr_assert_not_null(doc, "%s", jerr.text);
    return doc;
}

/* The "Plots:" line of claim id in md. */
static char *plots_line(const char *id, char *buf, size_t size)
{
    char head[16];
    snprintf(head, sizeof head, "\n## %s: ", id);
    const char *s = strstr(md, head);
    cr_assert_not_null(s, "no section %s", id);
    s = strstr(s, "\nPlots:");
    cr_assert_not_null(s, "%s has no Plots line", id);
    const char *end = strchr(s + 1, '\n');
    snprintf(buf, size, "%.*s", (int)(end - s - 1), s + 1);
    return buf;
}

static json_t *claim(json_t *doc, const char *id)
{
    size_t i;
    json_t *c;
    json_array_foreach(json_object_get(doc, "claims"), i, c)
        if (strcmp(json_string_value(json_object_get(c, "id")), id) == 0)
            return c;
    cr_assert_fail("no claim %s", id);
    return NULL;
}

Test(report_plots, only_the_files_the_run_has_are_linked)
{
    const char *run = FIXTURES "plots_some";
    json_t *doc = report_of(run);
    char line[512];
    /* L2 names insert and insert_ratio: the run has insert.png alone and
     * insert_ratio.svg alone. */
    cr_assert_str_eq(plots_line("L2", line, sizeof line),
                     "Plots: [plots/insert.png](plots/insert.png) "
                     "[plots/insert_ratio.svg](plots/insert_ratio.svg)");
    json_t *plots = json_object_get(claim(doc, "L2"), "plots");
    cr_assert_eq(json_array_size(plots), 2);
    cr_assert_str_eq(json_string_value(json_array_get(plots, 0)), "insert");
    cr_assert_str_eq(json_string_value(json_array_get(plots, 1)), "insert_ratio");

    /* Every link of the report is to a file of the run. */
    size_t links = 0;
    for (const char *s = md; (s = strstr(s, "](plots/")) != NULL; s++) {
        const char *name = s + 2, *end = strchr(name, ')');
        cr_assert_not_null(end);
        char path[512];
        snprintf(path, sizeof path, "%s/%.*s", run, (int)(end - name), name);
        cr_assert_eq(access(path, R_OK), 0, "a dead link: %s", path);
        links++;
    }
    cr_assert_eq(links, 2);
    json_decref(doc);
}

Test(report_plots, none_drawn_or_none_that_shows_the_claim)
{
    char line[512];
    json_t *doc = report_of(FIXTURES "insert_holds");
    cr_assert_not_null(strstr(plots_line("L2", line, sizeof line),
                              "none in this run (`make plots RUN="), "%s", line);
    cr_assert_eq(json_array_size(json_object_get(claim(doc, "L2"), "plots")), 0);
    cr_assert_null(strstr(md, "](plots/"), "no link at all");
    json_decref(doc);

    doc = report_of(FIXTURES "g4_holds");
    cr_assert_str_eq(plots_line("G4", line, sizeof line),
                     "Plots: none; no plot shows this claim");
    json_decref(doc);
}

/* The growth claims name the plots growth.gp draws (issue 19: they said
 * "none" though growth plots were there); names stay within the table. */
Test(report_plots, every_named_plot_is_one_a_script_draws)
{
    static const char *const growth[] = {"G1", "G2", "G3"};
    for (size_t i = 0; i < 3; i++)
        cr_assert_gt(claim_plots_named(claim_rule_find(growth[i])), 0, "%s", growth[i]);
    for (size_t i = 0; i < claim_rule_count; i++) {
        const claim_rule *r = &claim_rules[i];
        for (size_t k = 0; k < claim_plots_named(r); k++) {
            /* plots/<script>.gp writes it: set_output('<name>') somewhere. */
            char cmd[512];
            snprintf(cmd, sizeof cmd, "grep -q \"'%s'\" plots/*.gp", r->plots[k]);
            cr_assert_eq(system(cmd), 0, "%s: no plot script draws %s", r->id, r->plots[k]);
        }
    }
}
