/* tool.c - read a run, judge every claim, write report.md and report.json
 * atomically. */
#include "tool.h"

#include "markdown.h"
#include "report_json.h"
#include "rules.h"
#include "write_check.h"

#include <stdlib.h>
#include <string.h>

typedef struct judged {
    const report_run *run;
    const claim_result *results;
    json_t *doc;
} judged;

static void write_markdown(FILE *f, void *ctx)
{
    const judged *j = ctx;
    report_markdown(f, j->run, j->results);
}

static void write_json(FILE *f, void *ctx)
{
    report_json_dump(f, ((judged *)ctx)->doc);
}

/* report.json beside the markdown: "x.md" gives "x.json", any other name
 * gets ".json" added. */
static void json_path(const char *md, char *out, size_t size)
{
    size_t len = strlen(md);
    if (len > 3 && strcmp(md + len - 3, ".md") == 0)
        snprintf(out, size, "%.*s.json", (int)(len - 3), md);
    else
        snprintf(out, size, "%s.json", md);
}

int report_tool_run(const char *dir, const char *out_path, FILE *summary_out, FILE *err)
{
    report_run run;
    char msg[1024];
    if (!report_run_load(&run, dir, msg, sizeof msg)) {
        fprintf(err, "report: %s\n", msg);
        return 1;
    }
    claim_result *results = calloc(claim_rule_count, sizeof *results);
    if (!results) {
        fputs("report: out of memory\n", err);
        report_run_free(&run);
        return 1;
    }
    for (size_t i = 0; i < claim_rule_count; i++)
        claim_judge(&claim_rules[i], &run, &results[i]);

    char path[4096], jpath[4200];
    if (out_path)
        snprintf(path, sizeof path, "%s", out_path);
    else
        snprintf(path, sizeof path, "%s/report.md", dir);
    json_path(path, jpath, sizeof jpath);
    judged j = {&run, results, report_json_build(&run, results, time(NULL))};
    int status = write_atomically(path, write_markdown, &j, "report", err);
    if (status == 0)
        status = write_atomically(jpath, write_json, &j, "report", err);
    if (status == 0 && summary_out) {
        fprintf(summary_out, "Claims on %s (details: %s, data: %s):\n", dir, path, jpath);
        report_summary(summary_out, results);
        status = write_check(summary_out, "report", "the summary", err);
    }
    json_decref(j.doc);
    for (size_t i = 0; i < claim_rule_count; i++)
        claim_result_free(&results[i]);
    free(results);
    report_run_free(&run);
    return status;
}
